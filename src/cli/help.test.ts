import { describe, expect, it } from 'vitest';
import { exampleLine, HELP_ENTRIES, help, helpExamples, helpProse, programHelp } from './help.js';

const COMMAND = /^\s+(codage|git|npm|node)\s/;

describe('the French help', () => {
  it('writes its prose with French typography, and every command line exactly as typed', () => {
    const texts = HELP_ENTRIES.flatMap((entry) => {
      const fr = help(entry, 'fr');
      return [fr.summary, fr.after ?? ''];
    });
    texts.push(programHelp('fr', ['codage memo MG1 "C\'est noté : à revoir ?"']));
    let lines = 0;
    for (const text of texts) {
      for (const line of text.split('\n')) {
        if (COMMAND.test(line)) continue;
        lines++;
        expect(line, 'an apostrophe between letters is ’').not.toMatch(/\p{L}'\p{L}/u);
        expect(line, 'no ordinary space before : ; ! ?').not.toMatch(/ [:;!?](\s|$)/);
        expect(line, 'no ordinary space inside « »').not.toMatch(/« | »/);
      }
    }
    expect(lines).toBeGreaterThan(500);
    // Command lines keep the straight quote the shell reads (a code's name, a memo's text).
    const examples = helpExamples().flatMap(([, list]) => list.map((e) => exampleLine(e, 'fr')));
    const withApostrophe = examples.filter((l) => /\p{L}'\p{L}/u.test(l));
    expect(withApostrophe.length).toBeGreaterThan(0);
    for (const entry of HELP_ENTRIES) {
      for (const line of help(entry, 'fr').after?.split('\n') ?? []) {
        if (COMMAND.test(line)) expect(examples.some((e) => line.includes(e)) || !line.includes('’')).toBe(true);
      }
    }
    expect(programHelp('fr', ['codage memo MG1 "C\'est noté : à revoir ?"'])).toContain('  codage memo MG1 "C\'est noté : à revoir ?"');
  });

  it('says in codage reconcile --help that quote ids are kept, confirmed places stay, and the v key reads memos whole, in both languages', () => {
    const en = help('reconcile', 'en').after ?? '';
    const fr = help('reconcile', 'fr').after ?? '';
    for (const text of [en, fr]) {
      expect(text).toMatch(/\nv |; v /);
      expect(text).toContain('(quote)');
      expect(text).toContain('codage confirm --coder');
      expect(text).toContain('--force');
    }
  });

  it('leaves English as written', () => {
    expect(helpProse("the study's data : x", 'en')).toBe("the study's data : x");
  });
});
