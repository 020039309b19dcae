import { describe, expect, it } from 'vitest';
import { applyDecisions, sentenceAround } from '../../core/privacy/review.js';
import { feedInput } from './keymap.js';
import { decidedCount, initReview, reduce, type ReviewState } from './review.js';
import { sampleGroups } from '../../../test/support/anonymise-sample.js';

const keys = (state: ReviewState, raw: string): ReviewState => feedInput(state, raw, reduce);

describe('the findings to review', () => {
  it('groups a text wherever it is, front matter and a line break included, most frequent first', () => {
    const groups = sampleGroups();
    expect(groups.map((g) => [g.text, g.occurrences.length, g.proposed])).toEqual([
      ['Dr Martin', 3, '[Dr A]'],
      ['Lyon', 2, '[town]'],
      ['Rose', 1, '[first name]'],
      ['Feldenkrais', 1, '[B]'],
    ]);
    const [front, split] = groups[0]!.occurrences;
    expect(front).toMatchObject({ file: 'transcripts/MG1.txt', line: 3, column: 19, frontMatter: true, context: 'source: Entretien Dr Martin.docx' });
    // `Dr` ends line 7, `Martin` starts line 8: one finding, at the title, its sentence on one line.
    expect(split).toMatchObject({ line: 7, column: 20, text: 'Dr\nMartin', context: 'MG1 : Elle a vu le Dr Martin à Lyon.', frontMatter: false });
    expect(split!.context.slice(split!.at, split!.at + 'Dr Martin'.length)).toBe('Dr Martin');
    // A stone at the start of a sentence is no name.
    expect(groups.some((g) => /pierre/i.test(g.text))).toBe(false);
    expect(sampleGroups('fr').map((g) => g.proposed)).toEqual(['[Dr A]', '[ville]', '[prénom]', '[B]']);
  });

  it('cuts the context at the sentence, even in a long paragraph', () => {
    const text = `${'mot '.repeat(200)}fin. Il a vu Rose hier. Puis ${'autre '.repeat(200)}`;
    const at = text.indexOf('Rose');
    const { context, at: inContext } = sentenceAround(text, at, at + 4);
    expect(context).toBe('Il a vu Rose hier.');
    expect(context.slice(inContext, inContext + 4)).toBe('Rose');
    const long = 'x'.repeat(500);
    const around = sentenceAround(`${long}Rose${long}`, 500, 504);
    expect(around.context.length).toBeLessThan(260);
    expect(around.context.slice(around.at, around.at + 4)).toBe('Rose');
  });
});

describe('the review reducer', () => {
  it('replaces, relabels, keeps and skips; then the summary; then write', () => {
    let s = initReview(sampleGroups());
    s = keys(s, '\t');
    expect(s.occurrence).toBe(1);
    s = keys(s, '\r');
    expect(s.decisions[0]).toEqual({ type: 'replace', label: '[Dr A]' });
    expect(s.index).toBe(1);
    expect(s.occurrence).toBe(0);
    s = keys(s, 'e\x15[ville]\r');
    expect(s.decisions[1]).toEqual({ type: 'replace', label: '[ville]' });
    s = keys(s, 's');
    expect(s.decisions[2]).toEqual({ type: 'skip' });
    s = keys(s, 'k');
    expect(s.decisions[3]).toEqual({ type: 'keep' });
    expect(s.mode).toBe('summary');
    expect(decidedCount(s)).toBe(4);
    s = keys(s, '\r');
    expect(s.outcome).toBe('write');
    expect(applyDecisions(s.groups, s.decisions)).toEqual({
      table: new Map([
        ['dr martin', '[Dr A]'],
        ['lyon', '[ville]'],
      ]),
      originals: new Map([
        ['dr martin', 'Dr Martin'],
        ['lyon', 'Lyon'],
      ]),
      allow: ['Feldenkrais'],
    });
  });

  it('refuses an empty label, and Esc leaves the label as it was', () => {
    let s = keys(initReview(sampleGroups()), 'e\x15\r');
    expect(s.mode).toBe('label');
    expect(s.message?.tone).toBe('error');
    expect(s.decisions[0]).toBeUndefined();
    s = keys(s, 'X\x1b');
    expect(s.mode).toBe('review');
    expect(s.decisions[0]).toBeUndefined();
    // A decision changed later: the label chosen is offered again when edited.
    s = keys(s, 'e\x15[Dr M]\r');
    s = keys(s, '\x1b[D');
    expect(s.index).toBe(0);
    s = keys(s, 'e');
    expect(s.label?.value).toBe('[Dr M]');
  });

  it('after a decision, goes to the next undecided one, wrapping; the summary once all are decided', () => {
    let s = initReview(sampleGroups());
    s = keys(s, '\x1b[C\x1b[C');
    expect(s.index).toBe(2);
    s = keys(s, 'rr');
    expect(s.index).toBe(0);
    s = keys(s, 'ss');
    expect(s.mode).toBe('summary');
    s = keys(s, '\x1b');
    expect(s.mode).toBe('review');
  });

  it('quits only when asked twice, and then writes nothing', () => {
    let s = keys(initReview(sampleGroups()), 'rq');
    expect(s.mode).toBe('quit');
    s = keys(s, 'n');
    expect(s.mode).toBe('review');
    expect(s.outcome).toBeNull();
    s = keys(s, 'wq');
    expect(s.mode).toBe('quit');
    s = keys(s, 'x');
    expect(s.mode).toBe('summary');
    s = keys(s, '\x03\x03');
    expect(s.outcome).toBe('cancel');
    // Nothing moves once decided.
    expect(reduce(s, { type: 'write' })).toBe(s);
  });
});

describe('the review screen’s hints', () => {
  it('show every deciding key (Entrée, e, k, s) at 80 columns, in both languages', async () => {
    const { fitHints } = await import('../line-fit.js');
    const { reviewStrings } = await import('./strings.js');
    for (const language of ['fr', 'en'] as const) {
      const line = fitHints(reviewStrings(language).hints.review, 80);
      for (const key of [language === 'fr' ? 'Entrée' : 'Enter', 'e ', 'k ', 's ', 'q ']) expect(line).toContain(key);
    }
  });
});
