import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../transcript/parse.js';
import type { Transcript } from '../types.js';
import { placePosition, stampPosition } from './reading-place.js';
import type { TranscriptPosition } from './reading.js';

const transcript = (body: string): Transcript =>
  parseTranscript({ file: 'transcripts/P1.txt', bytes: new TextEncoder().encode(body), defaultId: 'P1' }).transcript;

const BODY = [
  'E : Pour commencer, parlez-moi du dernier patient douloureux que vous avez vu ?',
  'P1 : Alors euh… le dernier, c’était ce matin. Une dame qui a une fibromyalgie. Elle vient tous les mois.',
  'E : Qu’est-ce que vous ressentez ?',
  'P1 : Oui. Je me sens un peu inutile, en fait. On a fait le tour des traitements.',
  'E : Vous la redoutez ?',
  'P1 : Oui. Mais quand je vois son nom sur le planning, je me dis « bon, trente minutes ». Jamais quinze.',
  '',
].join('\n');

/** Code point offset of `needle` in the transcript's text (these texts have no astral character). */
const at = (t: Transcript, needle: string, from = 0): number => {
  const i = t.text.indexOf(needle, from);
  if (i < 0) throw new Error(`not found: ${needle}`);
  return i;
};

/** A position saved against `before`'s text, as the coding screen saves it. */
function saved(before: Transcript, cursor: number, read: [number, number][]): TranscriptPosition {
  return stampPosition(before, { cursor, furthest: read.at(-1)?.[1] ?? cursor, at: '2026-12-01T10:00:00Z', read });
}

describe('reading positions after the transcript changed', () => {
  const before = transcript(BODY);
  // The cursor on the second « Oui. » (the answer about the planning); read: the start to the
  // end of the first answer about feeling useless, and the last sentence.
  const cursor = at(before, 'Oui. Mais quand');
  const read: [number, number][] = [
    [0, at(before, 'E : Vous la redoutez')],
    [at(before, 'Jamais quinze.'), before.text.length],
  ];
  const position = saved(before, cursor, read);

  it('keeps a position saved against the text as it is', () => {
    expect(placePosition(before, position)).toEqual({ position, lost: { cursor: false, read: 0 }, changed: false });
  });

  it('follows a line added at the top', () => {
    const added = 'E : (début de l’enregistrement, le cabinet, un mardi)\n';
    const after = transcript(added + BODY);
    const shift = added.length;
    const placed = placePosition(after, position);
    expect(placed.changed).toBe(true);
    expect(placed.lost).toEqual({ cursor: false, read: 0 });
    expect(placed.position.cursor).toBe(cursor + shift);
    expect(after.text.slice(placed.position.cursor).startsWith('Oui. Mais quand')).toBe(true);
    // The line added is not read: the first range starts where the old text starts.
    expect(placed.position.read).toEqual(read.map(([s, e]) => [s + shift, e + shift]));
    expect(placed.position.furthest).toBe(position.furthest + shift);
    // Stamped for the new text: placed again, nothing moves.
    expect(placePosition(after, placed.position).changed).toBe(false);
  });

  it('finds the cursor when a typo is fixed right where it is, and a range whose inside changed', () => {
    const fixed = BODY.replace('Oui. Mais quand je vois', 'Oui. Mais quand je voit').replace('Je me sens un peu inutile', 'Je me sens un peu inutil');
    const after = transcript(`E : Une ligne de plus.\n${fixed}`);
    const placed = placePosition(after, position);
    expect(placed.lost).toEqual({ cursor: false, read: 0 });
    expect(after.text.slice(placed.position.cursor).startsWith('Oui. Mais quand je voit')).toBe(true);
    expect(placed.position.read).toEqual([
      [at(after, 'E : Pour commencer'), at(after, 'E : Vous la redoutez')],
      [at(after, 'Jamais quinze.'), after.text.length],
    ]);
  });

  it('does not guess a position whose text is gone: the cursor goes to the start, the range is forgotten, and it says so', () => {
    const cut = transcript(BODY.replace(/E : Vous la redoutez \?\nP1 : Oui\. Mais quand.*\n/, 'E : Merci.\n'));
    const placed = placePosition(cut, position);
    expect(placed.lost).toEqual({ cursor: true, read: 1 });
    expect(placed.position.cursor).toBe(0);
    expect(placed.position.read).toEqual([[0, at(cut, 'E : Merci.')]]);
    // Never beyond what is read: furthest comes back to the end of what is still known.
    expect(placed.position.furthest).toBe(at(cut, 'E : Merci.'));
  });

  it('does not take a short side found elsewhere for a point at the end whose last line was rewritten', () => {
    // Read through, then the last line corrected twice: the end of the read range had only
    // « , docteur. » after it, which the text has elsewhere (« une hernie, docteur, c’est écrit »).
    // An interview longer than the few lines above: the words found elsewhere are far from the end.
    const body = BODY.replace('je me dis « bon', 'il me dit « j’ai une hernie, docteur, c’est écrit », et je me dis « bon') + BODY + BODY;
    const first = transcript(`${body}E : Merci beaucoup, docteur.\n`);
    const end = at(first, ', docteur.\n');
    const p = saved(first, at(first, 'E : Merci beaucoup'), [[0, end]]);
    const rewritten = transcript(`${body}E : Je vous remercie pour cet entretien.\n`);
    const placed = placePosition(rewritten, p);
    // Found where it is (the start of the rewritten line or after it), or said to be lost: never
    // in the middle of the interview, which would count as unread what was read, without a word.
    const [range] = placed.position.read ?? [];
    if (placed.lost.read === 0) expect(range![1]).toBeGreaterThanOrEqual(at(rewritten, 'E : Je vous remercie'));
    else expect(placed.lost.read).toBe(1);
  });

  it('still finds a point where a punctuation mark was fixed on both sides of it', () => {
    const p = saved(before, at(before, 'Mais quand'), []);
    const after = transcript(BODY.replace('Oui. Mais quand', 'Oui, mais quand'));
    const placed = placePosition(after, p);
    expect(placed.lost.cursor).toBe(false);
    expect(after.text.slice(placed.position.cursor).startsWith('mais quand')).toBe(true);
  });

  it('takes a position from an earlier version of the state file as it is', () => {
    const old: TranscriptPosition = { cursor: 40, furthest: 80, at: '2026-11-01T10:00:00Z', read: [[0, 80]] };
    expect(placePosition(transcript(`E : Ajouté.\n${BODY}`), old)).toEqual({ position: old, lost: { cursor: false, read: 0 }, changed: false });
  });

  it('counts in code points, like the coder files, past an emoji', () => {
    const withEmoji = transcript(BODY.replace('Alors euh…', 'Alors euh 🙂…'));
    const p = saved(withEmoji, [...withEmoji.text.slice(0, at(withEmoji, 'Oui. Mais quand'))].length, []);
    const after = transcript(`E : Ajouté 🙂.\n${BODY.replace('Alors euh…', 'Alors euh 🙂…')}`);
    const placed = placePosition(after, p);
    expect(placed.lost.cursor).toBe(false);
    expect([...after.text].slice(placed.position.cursor).join('').startsWith('Oui. Mais quand')).toBe(true);
  });
});

describe('a long transcript read through, then its closing line rewritten', () => {
  // About 65,000 characters of distinct answers (a 10,000-word interview), then a closing line.
  const answers = Array.from({ length: 650 }, (_, i) => `E : Question ${i} sur la douleur ?\nP1 : Réponse numéro ${i}, je dirais que ça dépend du patient ${i * 7}.`).join('\n');
  const before = transcript(`${answers}\nE : Merci beaucoup, docteur.\n`);
  const after = transcript(`${answers}\nE : Je vous remercie pour cet entretien.\n`);

  it('keeps what was read in pieces, and loses only the last piece', () => {
    const position = saved(before, 0, [[0, before.text.length]]);
    // Kept in pieces of at most 16,000 characters, end to end.
    expect(position.read!.length).toBe(Math.ceil(before.text.length / 16_000));
    expect(position.read![0]![0]).toBe(0);
    expect(position.read!.at(-1)![1]).toBe(before.text.length);
    for (let i = 1; i < position.read!.length; i++) expect(position.read![i]![0]).toBe(position.read![i - 1]![1]);
    const placed = placePosition(after, position);
    expect(placed.changed).toBe(true);
    expect(placed.lost.read).toBe(1);
    // The pieces before the last one are still read, as one range from the start.
    const read = placed.position.read!;
    const covered = read.reduce((n, [s, e]) => n + (e - s), 0);
    expect(read[0]![0]).toBe(0);
    expect(covered).toBeGreaterThan(after.text.length * 0.6);
    expect(covered).toBeLessThan(after.text.length);
  });
});
