import { cleanup, render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewDecision } from '../../core/privacy/review.js';
import { KEYS, renderInTerminal, stripEscapes } from '../../../test/support/fake-terminal.js';
import { AnonymiseApp } from './AnonymiseApp.js';
import { sampleGroups } from '../../../test/support/anonymise-sample.js';

const pause = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => cleanup());

function open(language: 'en' | 'fr' = 'en', keyInsideStudy = false) {
  const done: { outcome: string; decisions: readonly (ReviewDecision | undefined)[] }[] = [];
  const app = render(<AnonymiseApp groups={sampleGroups(language)} language={language} keyFile="/home/me/key.yaml" keyInsideStudy={keyInsideStudy} onDone={(outcome, decisions) => done.push({ outcome, decisions })} />);
  const frame = () => stripEscapes(app.lastFrame() ?? '');
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await pause();
    }
  };
  return { frame, press, done };
}

describe('AnonymiseApp', () => {
  it('shows a finding in its context, where it is, and the label proposed', async () => {
    const { frame, press } = open();
    await pause();
    expect(frame()).toContain('"Dr Martin" · title and name · likely identifier');
    expect(frame()).toContain('3 places in 2 transcripts');
    expect(frame()).toContain('transcripts/MG1.txt:3:19 (front matter)  1/3');
    expect(frame()).toContain('source: Entretien Dr Martin.docx');
    expect(frame()).toContain('To decide — proposed: [Dr A]');
    await press(KEYS.tab);
    expect(frame()).toContain('transcripts/MG1.txt:7:20  2/3');
    expect(frame()).toContain('MG1 : Elle a vu le Dr Martin à Lyon.');
  });

  it('escapes what the transcript holds (a bidirectional override in a name)', async () => {
    const { frame, press } = open();
    await press('r', 'r');
    expect(frame()).toContain('"Rose" · first name');
    expect(frame()).toContain('Sa fille Rose\\u202e est venue aussi.');
    expect(frame()).not.toContain('\u202e');
  });

  it('edits a label, keeps a word, then writes from the summary', async () => {
    const { frame, press, done } = open('fr', true);
    await press('e');
    expect(frame()).toContain('Remplacer «\u00a0Dr Martin\u00a0» par');
    await press(KEYS.ctrlU, '[Dr M]', KEYS.enter);
    expect(frame()).toContain('Remplacé par [Dr M] partout.');
    await press('s', 'r', 'k');
    expect(frame()).toContain('Résumé avant d’écrire');
    expect(frame()).toContain('Remplacer\u00a0: 2 textes, 4 occurrences dans 2 transcriptions');
    expect(frame()).toContain('Dr Martin → [Dr M]  ×3');
    expect(frame()).toContain('Garder (ajoutés aux mots permis de privacy.yaml)\u00a0: 1');
    expect(frame()).toContain('la clé sera DANS le dossier de l’étude');
    expect(done).toEqual([]);
    await press(KEYS.enter);
    expect(done).toEqual([{ outcome: 'write', decisions: [{ type: 'replace', label: '[Dr M]' }, { type: 'skip' }, { type: 'replace', label: '[prénom]' }, { type: 'keep' }] }]);
  });

  it('q asks before leaving, and leaving writes nothing', async () => {
    const { frame, press, done } = open();
    await press('r', 'q');
    expect(frame()).toContain('Quit without writing anything? y: yes');
    await press('y');
    expect(done.map((d) => d.outcome)).toEqual(['cancel']);
  });

  it('fits 80×24: every row fits, the frame is one row shorter than the terminal', async () => {
    const screen = renderInTerminal(<AnonymiseApp groups={sampleGroups('fr')} language="fr" keyFile="/home/me/cle.yaml" keyInsideStudy={false} onDone={() => {}} />, 80, 24);
    await pause();
    for (const keys of [[], ['e'], [KEYS.escape, '\t'], ['w'], [KEYS.escape, 'q']]) {
      for (const k of keys) {
        screen.stdin.write(k);
        await pause();
      }
      const lines = screen.lines();
      expect(lines.length).toBe(23);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    }
    screen.unmount();
  });
});
