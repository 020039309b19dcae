import { describe, expect, it } from 'vitest';
import { buildTranscript, type BuildInput, planTranscriptImport, takenIds } from './build.js';
import { participantIdKey } from '../study/participant-ids.js';

function build(source: BuildInput['source'], sourceFile = 'entretien-MG3.docx', language: 'fr' | 'en' = 'fr') {
  return buildTranscript({ source, sourceFile, id: 'MG3', speakers: new Map(), language });
}

const HEADER = 'Entretien n° 3 — Date\u00a0: 12/03/2025 — durée 42 min';

describe('buildTranscript: date and duration from the lines before the first speaker', () => {
  it('fills the front matter from a Word header and keeps the header in the text as it was', () => {
    const built = build({ kind: 'document', paragraphs: [HEADER, 'E : Bonjour.', 'MG3 : Bonjour.'] });
    expect(built.text).toBe(`---\nid: MG3\ndate: 2025-03-12\nduration: 42\nsource: entretien-MG3.docx\n---\n${HEADER}\n\nE : Bonjour.\n\nMG3 : Bonjour.\n`);
    expect(built.fromHeader).toEqual({ date: '2025-03-12', duration: 42 });
    expect(built.duration).toBeUndefined();
    expect(built.problems).toEqual([]);
  });

  it('reads an English header of a text file', () => {
    const built = build({ kind: 'text', text: 'Interview 3\nDate: 2025-03-12, duration 42 minutes\n\nInterviewer: Hello.\n\nP3: Hello.\n' }, 'interview-3.txt', 'en');
    expect(built.text).toContain('date: 2025-03-12\nduration: 42\n');
    expect(built.text).toContain('---\nInterview 3\nDate: 2025-03-12, duration 42 minutes\n\nInterviewer: Hello.');
    expect(built.fromHeader).toEqual({ date: '2025-03-12', duration: 42 });
  });

  it('never replaces what the file name or the file’s own front matter gives, and says when the header disagrees', () => {
    const named = build({ kind: 'document', paragraphs: [HEADER, 'E : Bonjour.'] }, 'GMT20250314-101500_Recording.docx');
    expect(named.text).toContain('date: 2025-03-14\nduration: 42\n');
    expect(named.fromHeader).toEqual({ duration: 42 });
    expect(named.differences).toEqual([{ attribute: 'date', kept: { value: '2025-03-14', from: 'file-name' }, notKept: { value: '2025-03-12', from: 'header' } }]);
    expect(named.problems).toEqual([]);

    const own = build({ kind: 'text', text: `---\nid: MG3\ndate: 12/03/2025\nduration: 40\n---\n${HEADER}\n\nE : Bonjour.\n` }, 'Entretien MG3.txt');
    expect(own.text).toBe(`---\nid: MG3\ndate: 12/03/2025\nduration: 40\nsource: Entretien MG3.txt\n---\n${HEADER}\n\nE : Bonjour.\n`);
    expect(own.fromHeader).toBeUndefined();
    expect(own.differences).toEqual([{ attribute: 'duration', kept: { value: 40, from: 'front-matter' }, notKept: { value: 42, from: 'header' } }]);
    // The id the file's own front matter gives, not its name's.
    const renamed = buildTranscript({ source: { kind: 'text', text: '---\nid: MG3\nsexe: F\n---\nE : Bonjour.\n' }, sourceFile: 'Entretien 3.txt', id: 'Entretien 3', speakers: new Map(), language: 'fr' });
    expect([renamed.id, renamed.text.split('---\n')[1], renamed.differences, renamed.filled]).toEqual(['MG3', 'id: MG3\nsource: Entretien 3.txt\nsexe: F\n', [], []]);
  });

  it('keeps the whole front matter of the transcript it replaces and names every value of the new file it does not take', () => {
    const replaced = { id: 'MG3', date: '2025-03-12', duration: 40, sexe: 'F', age: 52, milieu: 'semi-rural', formation: null };
    const text = '---\nid: MG3b\ndate: 2025-03-13\nduration: 40 min\nsexe: F\nage: "53"\nmilieu: rural\nformation: DU douleur\nsource: ancien.docx\n---\nDate : 14/03/2025 — durée 45 min\n\nE : Bonjour.\n';
    const built = buildTranscript({ source: { kind: 'text', text }, sourceFile: 'GMT20250315-101500_MG3.txt', id: 'GMT20250315-101500_MG3', speakers: new Map(), language: 'fr', replaced });
    expect(built.id).toBe('MG3');
    expect(built.text.split('---\n')[1]).toBe('id: MG3\ndate: 2025-03-12\nduration: 40\nsource: GMT20250315-101500_MG3.txt\nsexe: F\nage: 52\nmilieu: semi-rural\nformation: DU douleur\n');
    const kept = (value: string | number) => ({ value, from: 'replaced-transcript' });
    expect(built.differences).toEqual([
      { attribute: 'id', kept: kept('MG3'), notKept: { value: 'MG3b', from: 'front-matter' } },
      { attribute: 'date', kept: kept('2025-03-12'), notKept: { value: '2025-03-13', from: 'front-matter' } },
      { attribute: 'date', kept: kept('2025-03-12'), notKept: { value: '2025-03-15', from: 'file-name' } },
      { attribute: 'date', kept: kept('2025-03-12'), notKept: { value: '2025-03-14', from: 'header' } },
      { attribute: 'duration', kept: kept(40), notKept: { value: 45, from: 'header' } },
      { attribute: 'age', kept: kept(52), notKept: { value: '53', from: 'front-matter' } },
      { attribute: 'milieu', kept: kept('semi-rural'), notKept: { value: 'rural', from: 'front-matter' } },
    ]);
    expect(built.fromHeader).toBeUndefined();
    expect(built.problems).toEqual([]);
    // The subtitles' length of a replaced interview, too.
    const vtt = buildTranscript({
      source: { kind: 'captions', format: 'vtt', text: 'WEBVTT\n\n00:00:01.000 --> 00:44:50.000\n<v Marie>Bonjour.\n' },
      sourceFile: 'MG3.vtt',
      id: 'MG3',
      speakers: new Map(),
      language: 'fr',
      replaced,
    });
    expect(vtt.differences).toEqual([{ attribute: 'duration', kept: kept(40), notKept: { value: 45, from: 'subtitles' } }]);
  });

  it('writes nothing that the header leaves unclear, and says why', () => {
    const built = build({ kind: 'document', paragraphs: ['Date of interview: 03/04/2025', 'E: Hello.'] }, 'P3.docx', 'en');
    expect(built.text).toBe('---\nid: MG3\nsource: P3.docx\n---\nDate of interview: 03/04/2025\n\nE: Hello.\n');
    expect(built.fromHeader).toBeUndefined();
    expect(built.problems.map((p) => p.message.en)).toEqual([
      'the header (the lines before the first speaker) gives the date "03/04/2025", which reads day first or month first: no date is written in the front matter',
    ]);
    // The hint gives both readings, not one example that happens to be one of them.
    expect(built.problems.map((p) => p.hint?.en)).toEqual(["write the right one in the transcript's front matter: date: 2025-04-03 or date: 2025-03-04"]);
    const twice = build({ kind: 'text', text: 'Durée : 42 min\nDurée : 45 min\n\nE : Bonjour.\n' }, 'MG3.txt');
    expect(twice.problems.map((p) => p.hint?.fr)).toEqual(['écrire la bonne dans l’en-tête YAML de la transcription\u00a0: duration: 42 ou duration: 45']);
    const old = build({ kind: 'document', paragraphs: ['Date\u00a0: 12/03/98 | Durée\u00a0: 4:30', 'E : Bonjour.'] }, 'MG3.docx');
    expect(old.text).toBe('---\nid: MG3\nsource: MG3.docx\n---\nDate\u00a0: 12/03/98 | Durée\u00a0: 4:30\n\nE : Bonjour.\n');
    expect(old.problems.map((p) => [p.message.fr, p.hint?.fr])).toEqual([
      [
        'les lignes avant le premier locuteur donnent la date «\u00a012/03/98\u00a0», dont l’année en deux chiffres peut être 1998 ou 2098\u00a0: aucune date n’est écrite dans l’en-tête YAML',
        'écrire la bonne dans l’en-tête YAML de la transcription\u00a0: date: 1998-03-12 ou date: 2098-03-12',
      ],
      [
        'les lignes avant le premier locuteur donnent la durée «\u00a04:30\u00a0», qui n’est la durée d’un entretien (5 minutes à 4 heures) ni en heures:minutes (270 minutes) ni en minutes:secondes (5)\u00a0: aucune durée n’est écrite dans l’en-tête YAML',
        'écrire la bonne dans l’en-tête YAML de la transcription\u00a0: duration: 270 ou duration: 5',
      ],
    ]);
    expect(old.problems.map((p) => p.message.en)).toEqual([
      'the header (the lines before the first speaker) gives the date "12/03/98", whose year in two digits may be 1998 or 2098: no date is written in the front matter',
      'the header (the lines before the first speaker) gives the duration "4:30", which is an interview\'s length (5 minutes to 4 hours) neither as hours:minutes (270 minutes) nor as minutes:seconds (5): no duration is written in the front matter',
    ]);
  });

  it('does not read subtitles for a header, nor the speech after the first speaker', () => {
    const speech = build({ kind: 'text', text: 'E : Bonjour.\n\nMG3 : Date : 12/03/2025, durée 42 min.\n' }, 'MG3.txt');
    expect(speech.text).toBe('---\nid: MG3\nsource: MG3.txt\n---\nE : Bonjour.\n\nMG3 : Date : 12/03/2025, durée 42 min.\n');
    const vtt = build({ kind: 'captions', format: 'vtt', text: 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nDate : 12/03/2025\n' }, 'MG3.vtt');
    expect(vtt.text).not.toContain('date:');
  });
});

describe('takenIds', () => {
  it('finds an id another transcript has: of the study (but the one replaced), or imported before', () => {
    const study = [
      { file: 'transcripts/P3.txt', id: 'MG3' },
      { file: 'transcripts/Entretien MG4.txt', id: 'Entretien MG4' },
    ];
    const imports = [
      // The id its own front matter gives, which P3.txt already has.
      { file: 'a/MG3.docx', target: 'transcripts/MG3.txt', id: 'MG3' },
      // Replacing P3.txt (--force) keeps its id: no other transcript has it.
      { file: 'a/P3.docx', target: 'transcripts/P3.txt', id: 'MG3' },
      // The same name once normalised (case, spaces, composed accents).
      { file: 'a/x.txt', target: 'transcripts/x.txt', id: 'entretien  mg4' },
      { file: 'a/E1.txt', target: 'transcripts/E1.txt', id: 'Mé1' },
      { file: 'b/E1bis.txt', target: 'transcripts/E1bis.txt', id: 'Me\u03011' },
    ];
    expect(takenIds(imports, study)).toEqual([
      { ...imports[0], owner: 'transcripts/P3.txt', ownerInStudy: true },
      { ...imports[2], owner: 'transcripts/Entretien MG4.txt', ownerInStudy: true },
      { ...imports[4], owner: 'a/E1.txt', ownerInStudy: false },
    ]);
    expect(takenIds([{ file: 'a/P1.txt', target: 'transcripts/P1.txt', id: 'P1' }], study)).toEqual([]);
  });
});

describe('planTranscriptImport', () => {
  it('takes a file whose name differs from a transcript of the study only in case, spaces or accents’ encoding for that transcript', () => {
    const existing = new Map([[participantIdKey('Hélène'), 'transcripts/Hélène.txt'], [participantIdKey('MG3'), 'transcripts/MG3.md']]);
    const decomposed = 'He\u0301le\u0300ne.docx'.normalize('NFD');
    expect(planTranscriptImport([`/in/${decomposed}`, '/in/mg3.docx', '/in/MG4.docx'], existing, false).map((d) => [d.action, d.target])).toEqual([
      ['skip', 'transcripts/Hélène.txt'],
      ['skip', 'transcripts/MG3.md'],
      ['write', 'transcripts/MG4.txt'],
    ]);
    // Two sources of one import that name one participant: the second is skipped.
    expect(planTranscriptImport(['/a/P1.docx', '/b/p1.txt'], new Map(), false).map((d) => d.action)).toEqual(['write', 'skip']);
  });
});
