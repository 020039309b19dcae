import { describe, expect, it } from 'vitest';
import { appendEntry, entryCount, fileNameOf, latestEntry, memoFile, memoOf, memoParagraphs, subjectOfFile, type Memo } from './memo.js';

describe('memo files', () => {
  it('one file per subject, by id', () => {
    expect(memoFile({ kind: 'study' })).toBe('memos/study.md');
    expect(memoFile({ kind: 'transcript', id: 'MG1' })).toBe('memos/transcripts/MG1.md');
    expect(memoFile({ kind: 'code', id: 'delais-d-acces' })).toBe('memos/codes/delais-d-acces.md');
    expect(memoFile({ kind: 'theme', id: 'vecu' })).toBe('memos/themes/vecu.md');
  });

  it('ids that are not plain file names are encoded, and read back', () => {
    for (const id of ['P 2', 'a/b', '..', '.cache', 'Émile', 'x%y', "l'écoute", 'CON', 'P*1?']) {
      const file = memoFile({ kind: 'transcript', id });
      const name = file.slice('memos/transcripts/'.length);
      expect(name).not.toMatch(/[/\\ *?]|^\./);
      expect(subjectOfFile(file)).toEqual({ kind: 'transcript', id: id.normalize('NFC') });
    }
    expect(fileNameOf('Émile')).toBe('Émile');
  });

  it('files that are not memos are not read as memos', () => {
    for (const file of ['memos/notes.txt', 'memos/codes/sub/x.md', 'memos/other/x.md', 'memos/codes/%E0.md', 'memos/codes/.md']) {
      expect(subjectOfFile(file)).toBeNull();
    }
  });

  it('an empty memo counts as none', () => {
    const memos = new Map<string, Memo>([['memos/codes/a.md', { subject: { kind: 'code', id: 'a' }, file: 'memos/codes/a.md', text: '  \n' }]]);
    expect(memoOf(memos, { kind: 'code', id: 'a' })).toBeUndefined();
  });
});

describe('memo entries', () => {
  const at = new Date('2026-12-01T14:03:27Z');

  it('adds a dated entry at the end, keeping what the researcher wrote', () => {
    const first = appendEntry('', { text: 'Proche de « impuissance » ?', at, author: 'marie' });
    expect(first).toBe('## 2026-12-01 14:03 — marie\n\nProche de « impuissance » ?\n');
    const free = '# Réflexivité\n\nJe suis moi-même médecin généraliste.\r\n\n\n';
    const second = appendEntry(free.replace(/\r\n/g, '\n'), { text: '  Relu avec le directeur.\r\nÀ fusionner.  ', at, author: undefined });
    expect(second).toBe('# Réflexivité\n\nJe suis moi-même médecin généraliste.\n\n## 2026-12-01 14:03\n\nRelu avec le directeur.\nÀ fusionner.\n');
    expect(entryCount(second)).toBe(1);
    expect(latestEntry(second)).toBe('Relu avec le directeur.\nÀ fusionner.');
    expect(latestEntry(free)).toBe(free.replace(/\r/g, '').trim());
  });
});

describe('the latest entry of a memo', () => {
  it('is the last dated entry, with the headings the researcher wrote inside it, as many as entryCount counts', () => {
    const text = '# Réflexivité\n\nMédecin moi-même.\n\n## 2026-11-30 09:00 — marie\n\nPremière idée.\n\n## 2026-12-01\n\nProche de l’impuissance ?\n\n## À revoir\n\n- MG3\n';
    expect(entryCount(text)).toBe(2);
    expect(latestEntry(text)).toBe('Proche de l’impuissance ?\n\n## À revoir\n\n- MG3');
  });

  it('is the whole memo when it has no dated entry (entryCount 0), its sections too', () => {
    const free = '## Hypothèses\n\nLe temps de consultation.\n\n## Questions\n\nEt les IDE ?\n';
    expect(entryCount(free)).toBe(0);
    expect(latestEntry(free)).toBe(free.trim());
  });
});

describe('a memo shown in a document', () => {
  it('is its paragraphs, its entries’ headings apart, a list line by line', () => {
    const text = 'Notes libres\nsur deux lignes.\n\n## 2026-12-01 06:55 — marie\n\nProche de l’impuissance ?\nComparer MG3 et MG5.\n\n- MG3\n- MG5\n';
    expect(memoParagraphs(text)).toEqual([
      { text: 'Notes libres sur deux lignes.', heading: false },
      { text: '2026-12-01 06:55 — marie', heading: true },
      { text: 'Proche de l’impuissance ? Comparer MG3 et MG5.', heading: false },
      { text: '- MG3', heading: false },
      { text: '- MG5', heading: false },
    ]);
    expect(memoParagraphs('  \n')).toEqual([]);
  });
});
