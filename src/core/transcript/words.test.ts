import { describe, expect, it } from 'vitest';
import { findAnnotations } from './annotations.js';
import { findTurns } from './turns.js';
import { countWords, wordSpans } from './words.js';

function count(body: string): number {
  const turns = findTurns(body);
  const annotations = findAnnotations(body, turns.map((t) => ({ start: t.textStart, end: t.end })));
  return countWords(body, turns, annotations);
}

describe('countWords', () => {
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

  it('clamps out-of-range offsets', () => {
    expect(words(-5, 3)).toEqual(['Bon']);
    expect(words(body.length - 3, body.length + 10)).toEqual(['fois']);
  });
});
