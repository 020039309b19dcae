import { describe, expect, it } from 'vitest';
import { fileCounts, reviewGroups } from './review.js';

describe('reviewGroups with memos', () => {
  it('puts a memo’s identifier with the same text in the transcripts, and counts the files of memos apart', () => {
    const transcripts = [{ file: 'transcripts/MG1.txt', text: 'E : Vous pouvez appeler le 06 12 34 56 78.', bodyLine: 1, attributes: {} }];
    const memos = [
      { file: 'memos/study.md', line: 1, text: 'Rappeler au 06 12 34 56 78 ; Alliance thérapeutique.', inCoderFile: false },
      { file: 'codings/paul.yaml', line: 9, text: 'écrire à paul@exemple.fr', inCoderFile: true },
    ];
    const groups = reviewGroups(transcripts, {}, new Map(), 'fr', memos);
    expect(groups.map((g) => [g.text, g.occurrences.map((o) => `${o.file}:${o.line}:${o.column}`)])).toEqual([
      ['06 12 34 56 78', ['transcripts/MG1.txt:1:28', 'memos/study.md:1:13']],
      ['paul@exemple.fr', ['codings/paul.yaml:9:1']],
    ]);
    expect(fileCounts(groups[0]!.occurrences)).toEqual({ transcripts: 1, memos: 1 });
    expect(fileCounts(groups[1]!.occurrences)).toEqual({ transcripts: 0, memos: 1 });
  });
});

describe('reviewGroups and the town of a postal code', () => {
  it('offers the town of a postal code where else it is said, though no list names it', () => {
    const text = 'E : Vous habitez où ?\nMG3 : Au 12 rue des Lilas, 76210 Bolbec. Le kiné de Bolbec est très bien.';
    const groups = reviewGroups([{ file: 'transcripts/MG3.txt', text, bodyLine: 3, attributes: {} }], {}, new Map(), 'fr');
    const town = groups.find((g) => g.key === 'bolbec');
    expect(town?.kind).toBe('place');
    expect(town?.proposed).toBe('[ville]');
    expect(town?.occurrences.map((o) => `${o.line}:${o.column} ${o.text}`)).toEqual(['4:53 Bolbec']);
  });
});

describe('reviewGroups and the town of a postal code in no list', () => {
  it('adds the town where a word of no list is said', () => {
    const text = 'MG3 : Au 76210 Zorglub. Le kiné de zorglub est très bien.';
    const groups = reviewGroups([{ file: 'transcripts/MG3.txt', text, bodyLine: 1, attributes: {} }], {}, new Map(), 'en');
    const town = groups.find((g) => g.key === 'zorglub');
    expect(town?.kind).toBe('place');
    expect(town?.proposed).toBe('[town]');
    expect(town?.occurrences.map((o) => `${o.line}:${o.column} ${o.text}`)).toEqual(['1:36 zorglub']);
  });
});
