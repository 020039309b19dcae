import { describe, expect, it } from 'vitest';
import { findAnnotations } from './annotations.js';
import { findTurns } from './turns.js';
import type { Annotation, Turn } from '../types.js';
import { countWords, wordSpans } from './words.js';

function count(body: string): number {
  const turns = findTurns(body);
  const annotations = findAnnotations(body, turns.map((t) => ({ start: t.textStart, end: t.end })));
  return countWords(body, turns, annotations);
}

describe('countWords', () => {
  it('counts as a range-by-range reference does, on random transcripts', () => {
    // Reference: each stretch of a turn between annotations counted on its own.
    const range = (body: string, start: number, end: number) =>
      body.slice(start, end).split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
    const reference = (body: string, turns: readonly Turn[], annotations: readonly Annotation[]) => {
      let total = 0;
      for (const turn of turns) {
        let from = turn.textStart;
        for (const a of annotations) {
          if (a.end <= from || a.start >= turn.end) continue;
          if (a.start > from) total += range(body, from, a.start);
          from = Math.max(from, a.end);
        }
        if (from < turn.end) total += range(body, from, turn.end);
      }
      return total;
    };
    const pieces = ['P1 : ', '\nP1 : ', '\nE : ', 'oui', 'euh', ' ', ' ', ', ', '—', '…', '*rire*', '(silence)', '[inaudible]', 'l’été', '😀', '\n\n', '\u00a0', '3', 'mmh', 'a-b'];
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 500; n++) {
      let body = '';
      const length = 1 + Math.floor(random() * 30);
      for (let i = 0; i < length; i++) body += pieces[Math.floor(random() * pieces.length)];
      const turns = findTurns(body);
      const annotations = findAnnotations(body, turns.map((t) => ({ start: t.textStart, end: t.end })));
      expect(countWords(body, turns, annotations), JSON.stringify(body)).toBe(reference(body, turns, annotations));
    }
  });

  it('counts whitespace-separated tokens with a letter or digit, like Word', () => {
    expect(count("P1 : Aujourd'hui, peut-être qu’à l’hôpital — on verra… 3 fois ?")).toBe(8);
  });

  it('leaves out labels and annotations', () => {
    expect(count('Enquêteur : Et alors ?\nP07 : Alors… *rire* c’est, euh, compliqué (silence) [inaudible] voilà.')).toBe(
      2 + 4,
    );
  });

  it('treats non-breaking spaces as spaces: « oui » is one word', () => {
    expect(count('P1 : «\u00a0oui\u00a0» ; d’accord\u202f!')).toBe(2);
  });

  it('counts letters of every script and digits', () => {
    expect(count('P1 : Ωmega 東京 ١٢ 😀 ½ →')).toBe(4);
  });

  it('counts the paragraphs of a file without labels and the text before the first label', () => {
    expect(count('Entretien 3\n\nP1 : oui merci')).toBe(4);
  });

  it('splits a token at an annotation', () => {
    expect(count('P1 : bon(rires)alors')).toBe(2);
    expect(count('P1 : bon*rire*alors')).toBe(1);
  });

  it('counts a long transcript exactly, leaving out labels and annotations', () => {
    const exchange =
      'Enquêteur : Et comment vous gérez ça au quotidien ?\nP3 : Alors… *rire* c’est compliqué, euh, on fait ce qu’on peut (silence) avec les moyens du bord, l’hôpital est loin.\n';
    const body = exchange.repeat(400);
    const turns = findTurns(body);
    const annotations = findAnnotations(body, turns.map((t) => ({ start: t.textStart, end: t.end })));
    expect(countWords(body, turns, annotations)).toBe(400 * (7 + 16));
  });
});

describe('wordSpans', () => {
  const body = "Bon, aujourd'hui l’hôpital — peut-être... 12 fois.";
  const words = (start: number, end: number) => wordSpans(body, start, end).map((s) => body.slice(s.start, s.end));

  it('gives the words of a range without punctuation', () => {
    expect(words(0, body.length)).toEqual(['Bon', "aujourd'hui", 'l’hôpital', 'peut-être', '12', 'fois']);
  });

  it('returns whole the words cut by the range', () => {
    expect(words(body.indexOf('jourd'), body.indexOf('hôp'))).toEqual(["aujourd'hui", 'l’hôpital']);
  });

  it('leaves out a word that ends where the range starts', () => {
    expect(words(3, 8)).toEqual(["aujourd'hui"]);
  });

  it('gives the word around an empty range (a cursor)', () => {
    const at = body.indexOf('être');
    expect(words(at, at)).toEqual(['peut-être']);
    expect(words(3, 3)).toEqual(['Bon']);
    expect(words(body.indexOf('—'), body.indexOf('—'))).toEqual([]);
  });

  it('takes a web or e-mail address as one word, without the punctuation after it', () => {
    const said = 'Voir https://www.has-sante.fr/jcms/p_3161334/fr. Ou www.ameli.fr, (doctolib.fr) et solidarites-sante.gouv.fr/douleur ; écrire à marie.dupont@chu-lille.fr.';
    const all = wordSpans(said, 0, said.length).map((s) => said.slice(s.start, s.end));
    expect(all).toEqual(['Voir', 'https://www.has-sante.fr/jcms/p_3161334/fr', 'Ou', 'www.ameli.fr', 'doctolib.fr', 'et', 'solidarites-sante.gouv.fr/douleur', 'écrire', 'à', 'marie.dupont@chu-lille.fr']);
    // Cut by the range, or under a cursor in its middle: the whole address.
    const at = said.indexOf('chu-lille');
    expect(wordSpans(said, at, at).map((s) => said.slice(s.start, s.end))).toEqual(['marie.dupont@chu-lille.fr']);
    expect(wordSpans(said, said.indexOf('ameli'), said.indexOf('doctolib') + 3).map((s) => said.slice(s.start, s.end))).toEqual(['www.ameli.fr', 'doctolib.fr']);
    // Words glued by a full stop stay words: no address without one of its marks.
    expect(wordSpans('mal.Il', 0, 6).map((s) => 'mal.Il'.slice(s.start, s.end))).toEqual(['mal', 'Il']);
  });

  it('clamps out-of-range offsets', () => {
    expect(words(-5, 3)).toEqual(['Bon']);
    expect(words(body.length - 3, body.length + 10)).toEqual(['fois']);
  });
});
