import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { encodeAsWritten, readAsWritten } from '../text/as-written.js';
import type { CoderFile } from '../types.js';
import {
  ParticipantRenameError,
  participantIdProblem,
  planParticipantRename,
  renameInCoderFile,
  renameInConfig,
  renameInDecisionLog,
  renameInParticipants,
  renameInReadingState,
  renameInTranscript,
  transcriptToRename,
} from './participant-rename.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array | null) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes ?? new Uint8Array());
const cp1252 = (s: string) => encodeAsWritten(s, { encoding: 'windows-1252' })!;

describe('participantIdProblem', () => {
  it('takes the ids researchers give, and refuses what cannot name a file or sits in a disagreement key', () => {
    for (const id of ['P01', 'MG3', 'E05', '007', 'Patient 4', 'Médecin_2', 'A-2.b']) expect(participantIdProblem(id)).toBeNull();
    for (const id of ['', ' P1', 'P1 ', 'P/1', 'P\\1', 'P:1', 'a|b', 'P"1', 'P*', 'P?', '<P>', '-P1', '.P1', 'P\t1', 'x'.repeat(101)]) {
      expect(participantIdProblem(id), id).not.toBeNull();
    }
  });
});

describe('renameInTranscript', () => {
  it('changes the id of the front matter and the name of a file named after it, keeping its extension', () => {
    const before = '---\nid: MG3\ndate: 2024-03-01\n---\nE : Bonjour.\n\nMG3 : Bonjour.\n';
    const r = renameInTranscript('transcripts/MG3.md', utf8(before), 'MG3', 'M3');
    expect(r.file).toBe('transcripts/M3.md');
    // The speaker label in the text stays: the segments' offsets point into it.
    expect(text(r.bytes)).toBe('---\nid: M3\ndate: 2024-03-01\n---\nE : Bonjour.\n\nMG3 : Bonjour.\n');
  });

  it('only renames a file whose id is its name, leaving every byte as it is', () => {
    const bytes = cp1252('E : Ça va ?\r\nR : Très bien.\r\n');
    expect(renameInTranscript('transcripts/MG6.txt', bytes, 'MG6', 'M6')).toEqual({ file: 'transcripts/M6.txt', bytes: null });
  });

  it('leaves the name of a file that is not the id (Entretien MG3.txt) and changes its front matter', () => {
    const r = renameInTranscript('transcripts/Entretien MG3.txt', utf8('---\nid: MG3\n---\nE : Bonjour.\n'), 'MG3', 'M3');
    expect(r.file).toBe('transcripts/Entretien MG3.txt');
    expect(text(r.bytes)).toBe('---\nid: M3\n---\nE : Bonjour.\n');
  });

  it('keeps the byte order mark, Windows line breaks, quotes and comments of the front matter', () => {
    const before = '\uFEFF---\r\nid: "007" # numéro d’inclusion\r\nsexe: F\r\n---\r\nE : Bonjour.\r\n';
    const r = renameInTranscript('transcripts/Entretien 7.txt', utf8(before), '007', '008');
    expect(text(r.bytes)).toBe('\uFEFF---\r\nid: "008" # numéro d’inclusion\r\nsexe: F\r\n---\r\nE : Bonjour.\r\n');
  });

  it('quotes a new id YAML would read as something else than its text', () => {
    const r = renameInTranscript('transcripts/P1.txt', utf8('---\nid: P1\n---\nE : Bonjour.\n'), 'P1', 'true');
    expect(text(r.bytes)).toBe('---\nid: "true"\n---\nE : Bonjour.\n');
    const n = renameInTranscript('transcripts/x.txt', utf8('---\nid: P1\n---\nE : Bonjour.\n'), 'P1', '012');
    expect(text(n.bytes)).toBe('---\nid: "012"\n---\nE : Bonjour.\n');
  });

  it('refuses a front matter it cannot change in one place, with how to do it', () => {
    const before = '---\nid: >-\n  MG3\n---\nE : Bonjour.\n';
    expect(() => renameInTranscript('transcripts/MG3.txt', utf8(before), 'MG3', 'M3')).toThrow(ParticipantRenameError);
  });
});

describe('renameInParticipants', () => {
  it('changes the first cell of the row and no other byte (Windows-1252 from Excel, CRLF, quotes)', () => {
    const before = 'id;sexe;milieu\r\nMG1;F;"semi-rural; bourg"\r\n"MG2";H;ville\r\nMG3;H;périurbain\r\n';
    const r = renameInParticipants('participants.csv', cp1252(before), 'MG2', 'Médecin 2')!;
    expect(r.rows).toBe(1);
    expect(r.bytes).toEqual(cp1252('id;sexe;milieu\r\nMG1;F;"semi-rural; bourg"\r\n"Médecin 2";H;ville\r\nMG3;H;périurbain\r\n'));
  });

  it('says null when no row has the id, and refuses when the new id has a row already', () => {
    expect(renameInParticipants('participants.csv', utf8('id;age\nP1;30\n'), 'P9', 'P10')).toBeNull();
    expect(() => renameInParticipants('participants.csv', utf8('id;age\nP1;30\nP01;31\n'), 'P1', 'P01')).toThrow(/already has a row for P01 \(line 3\)/);
  });

  it('refuses an id Windows-1252 cannot write in a file saved so', () => {
    expect(() => renameInParticipants('participants.csv', cp1252('id;âge\nP1;30\n'), 'P1', 'Ł1')).toThrow(/Windows-1252/);
  });
});

describe('renameInConfig', () => {
  it('changes the id in the order, as it was written, and keeps comments and layout', () => {
    const flow = '# Étude\nlanguage: fr\norder: [MG1, MG2, "007"]  # chronologique\n';
    expect(text(renameInConfig('codage.yaml', utf8(flow), 'MG2', 'MG02')!.bytes)).toBe('# Étude\nlanguage: fr\norder: [MG1, MG02, "007"]  # chronologique\n');
    expect(text(renameInConfig('codage.yaml', utf8(flow), '007', 'P7')!.bytes)).toBe('# Étude\nlanguage: fr\norder: [MG1, MG2, "P7"]  # chronologique\n');
    const block = 'order:\n  - MG1\n  - MG2\n';
    expect(text(renameInConfig('codage.yaml', utf8(block), 'MG1', 'Patient, 1')!.bytes)).toBe('order:\n  - Patient, 1\n  - MG2\n');
    expect(text(renameInConfig('codage.yaml', utf8(flow), 'MG1', 'Patient, 1')!.bytes)).toBe('# Étude\nlanguage: fr\norder: ["Patient, 1", MG2, "007"]  # chronologique\n');
    expect(renameInConfig('codage.yaml', utf8('language: fr\n'), 'MG1', 'P1')).toBeNull();
  });

  it('refuses when the order lists the new id already', () => {
    expect(() => renameInConfig('codage.yaml', utf8('order: [MG1, P1]\n'), 'MG1', 'P1')).toThrow(/already lists P1/);
  });
});

describe('renameInCoderFile', () => {
  const file: CoderFile = {
    coder: 'marie',
    memos: { A1: 'premier', MG1: 'au cabinet', MG2: 'court' },
    segments: [
      { id: 'a', participant: 'MG1', start: 0, end: 5, codes: ['x'], text: 'Alors' },
      { id: 'b', participant: 'MG2', start: 0, end: 5, codes: ['x'], text: 'Alors' },
      { id: 'c', participant: 'MG1', start: 6, end: 9, codes: ['y'], text: 'euh' },
    ],
  };

  it('renames every segment and the memo on the transcript, keeping the memos in their order', () => {
    const r = renameInCoderFile('codings/marie.yaml', file, {}, 'MG1', 'MG01')!;
    expect(r.segments).toBe(2);
    expect(r.memo).toBe(true);
    expect(r.coderFile.segments.map((s) => s.participant)).toEqual(['MG01', 'MG2', 'MG01']);
    expect(Object.entries(r.coderFile.memos)).toEqual([
      ['A1', 'premier'],
      ['MG01', 'au cabinet'],
      ['MG2', 'court'],
    ]);
    expect(renameInCoderFile('codings/marie.yaml', file, {}, 'A2', 'P2')).toBeNull();
  });

  it('renames entries it could not read as segments too (written back as they were, but for the id)', () => {
    const kept = { invalid: [{ line: 9, raw: '…', value: { id: 'd', participant: 'MG1', start: 'x' } }] };
    const r = renameInCoderFile('codings/marie.yaml', file, kept, 'MG1', 'MG01')!;
    expect(r.segments).toBe(3);
    expect(r.kept.invalid?.[0]?.value).toEqual({ id: 'd', participant: 'MG01', start: 'x' });
  });

  it('refuses when the file codes the new id already (codings without a transcript): never merged silently', () => {
    expect(() => renameInCoderFile('codings/marie.yaml', file, {}, 'MG1', 'MG2')).toThrow(/already codes MG2 \(1 segment/);
  });
});

describe('renameInDecisionLog', () => {
  it('changes the participant column and the first field of each key, whatever the columns’ language', () => {
    const fr =
      '\uFEFFdésaccord;participant;ligne;codage_a;note\n' +
      'MG1|one-sided|807-958:x||abc;MG1;16;"« Je me sens; inutile »";\n' +
      'MG2|one-sided|1-9:x||def;MG2;3;"« sur\ndeux lignes »";à revoir\n' +
      'MG10|one-sided|1-9:x||ghi;MG10;3;x;\n';
    const r = renameInDecisionLog('consensus-decisions.csv', utf8(fr), 'MG1', 'MG01')!;
    expect(r.rows).toBe(1);
    expect(text(r.bytes)).toBe(fr.replace('MG1|one-sided|807-958:x||abc;MG1;', 'MG01|one-sided|807-958:x||abc;MG01;'));
    const en = 'disagreement,participant,line\nP1|boundaries|1-2:x|1-3:x|f,P1,2\n';
    expect(text(renameInDecisionLog('log.csv', utf8(en), 'P1', 'P01')!.bytes)).toBe('disagreement,participant,line\nP01|boundaries|1-2:x|1-3:x|f,P01,2\n');
    expect(renameInDecisionLog('log.csv', utf8(en), 'P2', 'P02')).toBeNull();
  });
});

describe('renameInReadingState', () => {
  it('moves the position under the new id, in its place', () => {
    const state = JSON.stringify({ version: 1, recentCodes: ['x'], transcripts: { A1: { cursor: 1 }, MG1: { cursor: 2 }, MG2: { cursor: 3 } } });
    const renamed = JSON.parse(renameInReadingState(state, 'MG1', 'MG01')!) as { transcripts: Record<string, unknown> };
    expect(Object.keys(renamed.transcripts)).toEqual(['A1', 'MG01', 'MG2']);
    expect(renameInReadingState(state, 'P9', 'P10')).toBeNull();
    expect(renameInReadingState('not json', 'MG1', 'MG01')).toBeNull();
  });
});

describe('transcriptToRename', () => {
  const transcripts = [
    { id: 'P01', file: 'transcripts/P01.txt' },
    { id: 'P2', file: 'transcripts/P2.txt' },
    { id: 'MG3', file: 'transcripts/Entretien MG3.txt' },
  ];

  it('gives the transcript to rename', () => {
    expect(transcriptToRename('P2', 'P02', transcripts)).toEqual(transcripts[1]);
  });

  it('refuses as usage an unknown id (with the one meant), an invalid new id, or the same id', () => {
    expect(() => transcriptToRename('P1', 'P001', transcripts)).toThrow(UsageError);
    try {
      transcriptToRename('P1', 'P001', transcripts);
    } catch (error) {
      expect((error as UsageError).hint?.en).toMatch(/^did you mean P01\? participants: P01, P2, MG3/);
    }
    expect(() => transcriptToRename('P2', 'P/2', transcripts)).toThrow(UsageError);
    expect(() => transcriptToRename('P2', 'P2', transcripts)).toThrow(/nothing to rename/);
  });

  it('refuses, as data, a new id another transcript has, case aside', () => {
    expect(() => transcriptToRename('P2', 'P01', transcripts)).toThrow(ParticipantRenameError);
    expect(() => transcriptToRename('P2', 'mg3', transcripts)).toThrow(/differs only in case from MG3/);
  });
});

describe('planParticipantRename', () => {
  it('lists the transcript first, then each file that names the id, and none that does not', () => {
    const coderFile: CoderFile = { coder: 'paul', memos: {}, segments: [{ id: 'a', participant: 'P1', start: 0, end: 5, codes: ['x'], text: 'Alors' }] };
    const plan = planParticipantRename({
      from: 'P1',
      to: 'P01',
      transcript: { file: 'transcripts/P1.txt', bytes: utf8('E : Bonjour.\n') },
      participants: { file: 'participants.csv', bytes: utf8('id;age\nP2;40\n') },
      config: { file: 'codage.yaml', bytes: utf8('order: [P1, P2]\n') },
      coders: [
        { coder: 'paul', file: 'codings/paul.yaml', coderFile, kept: {} },
        { coder: 'marie', file: 'codings/marie.yaml', coderFile: { coder: 'marie', memos: {}, segments: [] }, kept: {} },
      ],
      logs: [],
      memo: { file: 'memos/transcripts/P1.md' },
      memoTaken: false,
      readingStates: [{ file: '.codage/state/paul.json', text: '{"version":1,"transcripts":{"P1":{"cursor":3}}}' }],
    });
    expect(plan.map((f) => [f.kind, f.file])).toEqual([
      ['transcript', 'transcripts/P1.txt'],
      ['reading', '.codage/state/paul.json'],
      ['order', 'codage.yaml'],
      ['coder', 'codings/paul.yaml'],
      ['memo', 'memos/transcripts/P1.md'],
    ]);
    expect(plan[0]).toMatchObject({ renamedTo: 'transcripts/P01.txt', bytes: null });
  });
});

describe('readAsWritten', () => {
  it('gives back the very bytes it read, else refuses (UTF-16)', () => {
    for (const bytes of [utf8('\uFEFFa\r\nb'), cp1252('café\r\n'), utf8('ça')]) {
      const read = readAsWritten(bytes)!;
      expect(encodeAsWritten(read.text, read.layout)).toEqual(bytes);
    }
    expect(readAsWritten(Uint8Array.from([0xff, 0xfe, 0x61, 0x00]))).toBeNull();
  });
});
