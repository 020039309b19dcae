import { describe, expect, it } from 'vitest';
import { appendEntry, entryCount } from '../memo/memo.js';
import { tableKey } from './anonymise.js';
import { anonymiseMemo, memoIdentifiers, memoPosition, memoTexts } from './memos.js';

const table = new Map([
  [tableKey('Dr Lefebvre'), '[Dr A]'],
  [tableKey('Marie'), '[B]'],
]);

describe('anonymiseMemo', () => {
  it('replaces the table’s originals in the text but not in the headings of dated entries', () => {
    const memo = '## 2026-12-01 06:55 — marie\n\nMarie (la fille) a vu le Dr Lefebvre.\n\n## 2026-12-02 08:00 — Marie\n\nRevoir avec dr lefebvre.\n';
    const { text, edits } = anonymiseMemo(memo, table);
    expect(text).toBe('## 2026-12-01 06:55 — marie\n\n[B] (la fille) a vu le [Dr A].\n\n## 2026-12-02 08:00 — Marie\n\nRevoir avec [Dr A].\n');
    expect(edits.map((e) => e.original)).toEqual(['Marie', 'Dr Lefebvre', 'dr lefebvre']);
  });

  it('leaves alone exactly the headings memo.ts counts as dated entries (one pattern), whoever signs them', () => {
    let memo = '## Marie et le Dr Lefebvre\n\nMarie revient.\n';
    for (const [i, author] of ['Marie', undefined, 'marie'].entries()) memo = appendEntry(memo, { text: `Entrée ${i} : Marie.`, at: new Date(`2026-12-0${i + 1}T08:00:00Z`), author });
    const { text } = anonymiseMemo(memo, table);
    const kept = text.split('\n').filter((line) => memo.split('\n').includes(line) && line.startsWith('## '));
    expect(kept).toEqual(['## 2026-12-01 08:00 — Marie', '## 2026-12-02 08:00', '## 2026-12-03 08:00 — marie']);
    expect(kept).toHaveLength(entryCount(memo));
    expect(text).toContain('## [B] et le [Dr A]\n');
    expect(text).not.toContain(': Marie.');
  });

  it('leaves a memo without any original as it is', () => {
    const memo = 'Rien à remplacer ici.';
    expect(anonymiseMemo(memo, table)).toEqual({ text: memo, edits: [] });
  });
});

describe('memoIdentifiers', () => {
  it('finds what has the form of an identifier, not the capitalised words of a memo’s prose', () => {
    const found = memoIdentifiers('Voir avec Marie : Alliance thérapeutique. Appeler le 06 12 34 56 78 ou sylvie@orange.fr.', {});
    expect(found.map((f) => f.kind).sort()).toEqual(['email', 'phone']);
  });
});

describe('memoTexts and memoPosition', () => {
  it('lists the memos of memos/ and those of the coder files, with where each finding is', () => {
    const memos = new Map([['memos/study.md', { subject: { kind: 'study' as const }, file: 'memos/study.md', text: 'Ligne 1\nappeler le 06 12 34 56 78' }]]);
    const coders = [
      {
        file: 'codings/marie.yaml',
        coderFile: { coder: 'marie', memos: { MG1: 'Note sur MG1' }, segments: [{ id: 's1', participant: 'MG1', start: 0, end: 1, text: 'x', codes: [], memo: 'Mémo du segment', line: 7 }] },
      },
    ];
    const texts = memoTexts(memos, coders);
    expect(texts.map((t) => [t.file, t.line, t.text, t.inCoderFile])).toEqual([
      ['memos/study.md', 1, 'Ligne 1\nappeler le 06 12 34 56 78', false],
      ['codings/marie.yaml', 1, 'Note sur MG1', true],
      ['codings/marie.yaml', 7, 'Mémo du segment', true],
    ]);
    expect(memoPosition(texts[0]!, 'Ligne 1\nappeler le '.length)).toEqual({ line: 2, column: 12 });
    expect(memoPosition(texts[2]!, 5)).toEqual({ line: 7, column: 1 });
  });
});
