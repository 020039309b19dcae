import { describe, expect, it } from 'vitest';
import { parseTranscript } from './parse.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('parseTranscript', () => {
  it('reads a BOM + CRLF + front matter file without final newline', () => {
    const text =
      '---\r\nid: P07\r\ndate: 2024-03-12\r\nage: 52\r\n---\r\nEnquêteur : Pouvez-vous me parler de votre dernier patient ?\r\nP07 : Alors… *rire* c’est compliqué.';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    const { transcript, problems } = parseTranscript({ file: 'transcripts/07.txt', bytes, defaultId: '07' });
    expect(problems).toEqual([]);
    expect(transcript.id).toBe('P07');
    expect(transcript.file).toBe('transcripts/07.txt');
    expect(transcript.encoding).toBe('utf-8');
    expect(transcript.bodyLine).toBe(6);
    expect(transcript.attributes).toEqual({ date: '2024-03-12', age: 52 });
    expect(transcript.text).toBe(
      'Enquêteur : Pouvez-vous me parler de votre dernier patient ?\nP07 : Alors… *rire* c’est compliqué.',
    );
    expect(transcript.turns.map((t) => [t.speaker, t.role])).toEqual([
      ['Enquêteur', 'interviewer'],
      ['P07', 'participant'],
    ]);
    expect(transcript.annotations).toHaveLength(1);
    const a = transcript.annotations[0]!;
    expect(transcript.text.slice(a.start, a.end)).toBe('*rire*');
  });

  it('uses the default id and normalises NFD to NFC', () => {
    const { transcript } = parseTranscript({
      file: 'transcripts/P02.md',
      bytes: utf8('P02 : J’ai e\u0301te\u0301 de\u0301c\u0327u.\n'),
      defaultId: 'P02',
    });
    expect(transcript.id).toBe('P02');
    expect(transcript.text).toBe('P02 : J’ai été déçu.\n');
  });

  it('reads Windows-1252 and says so, with a hint', () => {
    // « P1 : C’est “dur”, le cœur à l’été. » in Windows-1252
    const bytes = new Uint8Array([
      0x50, 0x31, 0x20, 0x3a, 0x20, 0x43, 0x92, 0x65, 0x73, 0x74, 0x20, 0x93, 0x64, 0x75, 0x72, 0x94, 0x2c, 0x20, 0x6c,
      0x65, 0x20, 0x63, 0x9c, 0x75, 0x72, 0x20, 0xe0, 0x20, 0x6c, 0x92, 0xe9, 0x74, 0xe9, 0x2e,
    ]);
    const { transcript, problems } = parseTranscript({ file: 'transcripts/P1.txt', bytes, defaultId: 'P1' });
    expect(transcript.text).toBe('P1 : C’est “dur”, le cœur à l’été.');
    expect(transcript.encoding).toBe('windows-1252');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'info', kind: 'encoding-windows-1252', file: 'transcripts/P1.txt' });
    expect(problems[0]!.message.fr).toBe('Pas en UTF-8 valide : lu comme du Windows-1252.');
    expect(problems[0]!.hint?.en).toContain('UTF-8');
  });

  it('warns about mojibake at its line and column in the file', () => {
    const bytes = utf8('---\nage: 40\n---\nP1 : oui\nP1 : câ€™est lÃ  que Ã§a fait mal');
    const { problems } = parseTranscript({ file: 't.txt', bytes, defaultId: 'P1' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', kind: 'mojibake', line: 5, column: 7 });
    expect(problems[0]!.message.fr).toBe(
      'Accents abîmés comme « â€™ » (et 2 autres) : le texte a été converti deux fois en UTF-8.',
    );
  });

  it('warns about an empty transcript', () => {
    const { transcript, problems } = parseTranscript({ file: 't.txt', bytes: utf8('---\nid: P9\n---\n\n  \n'), defaultId: 'x' });
    expect(transcript.turns).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', kind: 'empty-transcript', line: 4 })]);
    expect(parseTranscript({ file: 't.txt', bytes: new Uint8Array(), defaultId: 'x' }).problems[0]!.kind).toBe(
      'empty-transcript',
    );
  });

  it('passes on front matter problems with file lines', () => {
    const bytes = utf8('---\nid: P3\nsexe: "F\n---\nP3 : oui');
    const { transcript, problems } = parseTranscript({ file: 't.txt', bytes, defaultId: 'x' });
    expect(problems).toEqual([expect.objectContaining({ kind: 'front-matter-yaml', line: 3, severity: 'error' })]);
    expect(transcript.id).toBe('x');
    expect(transcript.text).toBe('P3 : oui');
  });

  it('never takes a label or timestamp for an annotation', () => {
    const bytes = utf8('**Q** : Et ? [rires]\n[00:01:02] Marie : (rires) oui');
    const { transcript } = parseTranscript({ file: 't.txt', bytes, defaultId: 'x' });
    expect(transcript.annotations.map((a) => transcript.text.slice(a.start, a.end))).toEqual(['[rires]', '(rires)']);
  });

  it('reads a UTF-16 file written by Notepad, without a problem', () => {
    const body = 'P1 : Ça va.';
    const bytes = new Uint8Array(2 + body.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < body.length; i++) bytes[2 + 2 * i] = body.charCodeAt(i);
    const { transcript, problems } = parseTranscript({ file: 't.txt', bytes, defaultId: 'x' });
    expect(problems).toEqual([]);
    expect(transcript.text).toBe(body);
  });

  it('warns, at the first such line, when turns open with a dash or a tab instead of a colon, which are not read as speakers', () => {
    const text = '---\nid: MG3\n---\nEntretien MG3\n\nEnquêtrice - Bonjour, parlez-moi de vous.\n\nMG3 - Je suis médecin, semi-rural.\n\nEnquêtrice - Et les benzodiazépines ?\n\nMG3 - Je les arrête.\n';
    const { problems } = parseTranscript({ file: 'transcripts/MG3.txt', bytes: utf8(text), defaultId: 'MG3' });
    expect(problems.map((p) => [p.kind, p.severity, p.line, p.column])).toEqual([['dash-speaker-labels', 'warning', 6, 1]]);
    expect(problems[0]!.message.fr).toBe(
      'Les tours de parole semblent ouverts par «\u00a0Enquêtrice -\u00a0», «\u00a0MG3 -\u00a0» (un tiret ou une tabulation, sans deux-points)\u00a0: codage ne les lit pas comme des locuteurs, et les mots de l’enquêteur comptent comme ceux du participant.',
    );
    const tabs = parseTranscript({ file: 'transcripts/MG4.txt', bytes: utf8('E\tBonjour ?\n\nMG4\tOui.\n\nE\tEt alors ?\n'), defaultId: 'MG4' });
    expect(tabs.problems.map((p) => [p.kind, p.line, p.column])).toEqual([['dash-speaker-labels', 1, 1]]);
    // Dashes in speech, a bullet list, and labelled turns: nothing to say.
    const fine = 'E : Et alors ?\n\nP3 : Bon - enfin voilà.\n- premier point\n- second point\nP3 - non.\n\nE : Peut-être ?\n';
    expect(parseTranscript({ file: 'transcripts/P3.txt', bytes: utf8(fine), defaultId: 'P3' }).problems).toEqual([]);
  });
});

