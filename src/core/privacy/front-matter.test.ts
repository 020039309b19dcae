import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../transcript/parse.js';
import { anonymiseFrontMatter } from './front-matter.js';

const TABLE = new Map([
  ['lyon', '[ville]'],
  ['dr martin', '[Dr A]'],
  ['rose', '[prénom]'],
]);

const attributes = (text: string) => parseTranscript({ file: 'transcripts/P1.txt', bytes: Buffer.from(text), defaultId: 'P1' }).transcript.attributes;

describe('anonymiseFrontMatter', () => {
  it('rewrites plain and quoted values, in quotes so that a label is not read as a list', () => {
    const text = "---\nid: P1\nville: Lyon\nsource: 'Entretien Dr Martin.docx'\nnote: \"vu à Lyon\"\nage: 52\n---\nP1 : Bonjour, Lyon.\n";
    const r = anonymiseFrontMatter(text, 'transcripts/P1.txt', TABLE);
    expect(r.text).toBe('---\nid: P1\nville: "[ville]"\nsource: "Entretien [Dr A].docx"\nnote: "vu à [ville]"\nage: 52\n---\nP1 : Bonjour, Lyon.\n');
    expect(attributes(r.text)).toEqual({ ville: '[ville]', source: 'Entretien [Dr A].docx', note: 'vu à [ville]', age: 52 });
    expect(r.edits).toEqual([
      { attribute: 'ville', line: 3, column: 8, original: 'Lyon', replacement: '[ville]' },
      { attribute: 'source', line: 4, column: 20, original: 'Dr Martin', replacement: '[Dr A]' },
      { attribute: 'note', line: 5, column: 13, original: 'Lyon', replacement: '[ville]' },
    ]);
    expect(r.byHand).toEqual([]);
  });

  it('leaves to the researcher a value with a comment after it, or written over several lines', () => {
    const text = '---\nville: Lyon # ville d’exercice\nparcours: >\n  né à Lyon,\n  installé ailleurs\nfille: Rose\n---\nTexte.\n';
    const r = anonymiseFrontMatter(text, 'transcripts/P1.txt', TABLE);
    expect(r.byHand.map((b) => [b.attribute, b.line])).toEqual([
      ['ville', 2],
      ['parcours', 3],
    ]);
    expect(r.text).toBe(text.replace('fille: Rose', 'fille: "[prénom]"'));
    expect(attributes(r.text).ville).toBe('Lyon');
  });

  it('changes nothing without a front matter, or when nothing in it is in the table', () => {
    expect(anonymiseFrontMatter('Lyon, Dr Martin.\n', 'x', TABLE)).toEqual({ text: 'Lyon, Dr Martin.\n', edits: [], byHand: [] });
    const text = '---\nmilieu: rural\n---\nLyon\n';
    expect(anonymiseFrontMatter(text, 'x', TABLE)).toEqual({ text, edits: [], byHand: [] });
  });
});
