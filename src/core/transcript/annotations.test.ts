import { describe, expect, it } from 'vitest';
import { findAnnotations } from './annotations.js';

function marks(body: string, spans?: { start: number; end: number }[]) {
  return findAnnotations(body, spans).map((a) => [body.slice(a.start, a.end), a.kind]);
}

describe('findAnnotations', () => {
  it('recognises the usual French marks with their kind', () => {
    const body =
      'Alors *rire* oui (silence) et puis (rires) [inaudible] ou [incompréhensible] *soupir* (pause) [rires] *tousse* [hésitation] *rires*';
    expect(marks(body)).toEqual([
      ['*rire*', 'laughter'],
      ['(silence)', 'silence'],
      ['(rires)', 'laughter'],
      ['[inaudible]', 'inaudible'],
      ['[incompréhensible]', 'inaudible'],
      ['*soupir*', 'nonverbal'],
      ['(pause)', 'silence'],
      ['[rires]', 'laughter'],
      ['*tousse*', 'nonverbal'],
      ['[hésitation]', 'hesitation'],
      ['*rires*', 'laughter'],
    ]);
  });

  it('recognises English marks', () => {
    expect(marks('Well [laughs] I (laughter) mean [crosstalk] so (sighs) yes')).toEqual([
      ['[laughs]', 'laughter'],
      ['(laughter)', 'laughter'],
      ['[crosstalk]', 'inaudible'],
      ['(sighs)', 'nonverbal'],
    ]);
  });

  it('treats omissions and unknown square brackets as editorial', () => {
    expect(marks('on a […] vu [...] et (...) puis (…) [Dr X] [nom de la ville]')).toEqual([
      ['[…]', 'editorial'],
      ['[...]', 'editorial'],
      ['(...)', 'editorial'],
      ['(…)', 'editorial'],
      ['[Dr X]', 'editorial'],
      ['[nom de la ville]', 'editorial'],
    ]);
  });

  it('reads the kind from modifiers: `[pause 3 s]`, `(long silence)`, `*petit rire*`', () => {
    expect(marks('[pause 3 s] (long silence) *petit rire* *se gratte la tête*')).toEqual([
      ['[pause 3 s]', 'silence'],
      ['(long silence)', 'silence'],
      ['*petit rire*', 'laughter'],
      ['*se gratte la tête*', 'nonverbal'],
    ]);
  });

  it('finds hesitations as whole words only', () => {
    expect(marks('Euh, je, heu… hum, mmh, mh, euuuh. Humain, heureux, Meuh, hmm')).toEqual([
      ['Euh', 'hesitation'],
      ['heu', 'hesitation'],
      ['hum', 'hesitation'],
      ['mmh', 'hesitation'],
      ['mh', 'hesitation'],
      ['euuuh', 'hesitation'],
      ['hmm', 'hesitation'],
    ]);
  });

  it('keeps speech in parentheses, but finds a mark inside it', () => {
    expect(marks('il a dit (enfin, je crois) que (il y a eu un silence entre nous) oui')).toEqual([]);
    expect(marks('c’était (enfin, euh, je crois) dur')).toEqual([['euh', 'hesitation']]);
  });

  it('does not take bold, long or multi-line spans for marks', () => {
    expect(marks('**Q** : oui, **très** important')).toEqual([]);
    expect(marks('*ceci est une très longue phrase entre étoiles qui dépasse la limite*')).toEqual([]);
    expect(marks('[début\nfin]')).toEqual([]);
    expect(marks('2 * 3 * 4')).toEqual([]);
  });

  it('returns sorted, non-overlapping annotations', () => {
    const body = '*euh* [rires (pause)] (rires) euh';
    const found = findAnnotations(body);
    expect(found.map((a) => body.slice(a.start, a.end))).toEqual(['*euh*', '[rires (pause)]', '(rires)', 'euh']);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
  });

  it('looks only inside the given spans', () => {
    const body = '[00:01:23] Marie : (rires) oui\n*Q* : euh';
    const spans = [{ start: 19, end: 30 }];
    expect(marks(body, spans)).toEqual([['(rires)', 'laughter']]);
    expect(findAnnotations(body, spans)[0]).toEqual({ start: 19, end: 26, kind: 'laughter' });
  });

  it('finds the same hesitations as the word-boundary regex, on random text', () => {
    // The rule as a regex, as it was first written: ASCII `\b`, then no letter, digit, mark,
    // apostrophe or hyphen on either side.
    const regex = /\b(?:[eE]+[uU]+[hH]+|[hH]+[eE]+[uU]+[hH]*|[hH]+[uU]+[mM]+|[hH]+[mM]+|[mM]+[hH]+|[uU]+[hH]+|[uU]+[mM]+|[eE]+[rR]+[mM]+)\b/g;
    const neighbour = /[\p{L}\p{M}\p{N}'’-]/u;
    const edge = (t: string, i: number) => i < 0 || i >= t.length || !neighbour.test(t[i]!);
    const expected = (t: string) => {
      const out: string[] = [];
      for (const m of t.matchAll(regex)) if (edge(t, m.index - 1) && edge(t, m.index + m[0].length)) out.push(`${m.index}:${m[0]}`);
      return out;
    };
    const alphabet = ['e', 'u', 'h', 'm', 'r', 'E', 'U', 'H', 'M', 'R', 'o', 'a', ' ', ' ', ' ', ',', '.', '_', '-', "'", '’', 'é', 'É', '3', '\u0301', '😀', '\n', '…', '\u00a0'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = 1 + Math.floor(random() * 24);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const found = findAnnotations(text)
        .filter((a) => a.kind === 'hesitation')
        .map((a) => `${a.start}:${text.slice(a.start, a.end)}`);
      expect(found, JSON.stringify(text)).toEqual(expected(text));
    }
  });
});

describe('Markdown headings', () => {
  it('takes a heading line for a title, not speech, and leaves a # inside speech alone', () => {
    const body = '# Entretien P6\n\nE : Bonjour.\n\nP6 : Oui, le #1 des soucis.\n';
    expect(findAnnotations(body)).toEqual([{ start: 0, end: 14, kind: 'editorial' }]);
    expect(findAnnotations('## Partie 2 \n')).toEqual([{ start: 0, end: 11, kind: 'editorial' }]);
    expect(findAnnotations('#hashtag\n')).toEqual([]);
  });
});

describe('timestamp lines', () => {
  it('takes a line holding only a timestamp (or a subtitle timing) for a mark, not speech, and leaves a time inside speech alone', () => {
    const body = 'P1 : Oui.\n\n00:12:30\n00:12:31\n[00:13:02]\n  1:02:03.450 --> 1:02:07,800 \nP1 : À 10:30 je pars.\n10:30 c’est tôt.\n';
    expect(marks(body)).toEqual([
      ['00:12:30', 'editorial'],
      ['00:12:31', 'editorial'],
      ['[00:13:02]', 'editorial'],
      ['1:02:03.450 --> 1:02:07,800', 'editorial'],
    ]);
  });

  it('finds them inside the turns only when given the turns', () => {
    const body = 'P1 : Oui.\n00:12:30\n';
    expect(findAnnotations(body, [{ start: 5, end: body.length }])).toEqual([{ start: 10, end: 18, kind: 'editorial' }]);
  });
});
