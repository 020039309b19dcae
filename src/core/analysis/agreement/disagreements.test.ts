import { describe, expect, it } from 'vitest';
import { OffsetMap } from '../../text/offsets.js';
import { alignCodings, passageFingerprint, type ComparedSegment } from './disagreements.js';

const text =
  'P1 : Je ne sais plus quoi lui proposer. On tourne en rond, et lui aussi. ' +
  'Le soir je suis épuisé, vraiment épuisé. Huit mois pour le centre antidouleur !';
const at = (quote: string) => {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  return { start, end: start + quote.length };
};
const seg = (id: string, quote: string, ...codes: string[]): ComparedSegment => ({ id, ...at(quote), codes });

function align(a: ComparedSegment[], b: ComparedSegment[], tolerance = 2) {
  return alignCodings({ participant: 'P1', text, offsets: new OffsetMap(text), a, b, tolerance });
}

describe('alignCodings', () => {
  it('agrees where both coders coded the same text with the same code, whatever their segmentation', () => {
    const r = align(
      [seg('a1', 'Je ne sais plus quoi lui proposer. On tourne en rond, et lui aussi.', 'impuissance')],
      [seg('b1', 'Je ne sais plus quoi lui proposer.', 'impuissance'), seg('b2', ' On tourne en rond, et lui aussi.', 'impuissance')],
    );
    expect(r.disagreements).toEqual([]);
    expect(r.agreed).toMatchObject([{ code: 'impuissance', a: ['a1'], b: ['b1', 'b2'], exact: true }]);
  });

  it('takes boundaries a few words apart as agreement, and further apart as a disagreement', () => {
    const a = [seg('a1', 'Je ne sais plus quoi lui proposer. On tourne en rond', 'impuissance')];
    const b = [seg('b1', 'Je ne sais plus quoi lui proposer. On tourne en rond, et lui aussi.', 'impuissance')];
    expect(align(a, b, 3).agreed).toMatchObject([{ exact: false, wordsApart: 3 }]);
    const r = align(a, b, 2);
    expect(r.agreed).toEqual([]);
    expect(r.disagreements).toMatchObject([
      { kind: 'boundaries', wordsApart: 3, a: [{ codes: ['impuissance'], segments: ['a1'] }], b: [{ codes: ['impuissance'], segments: ['b1'] }] },
    ]);
    // Punctuation and spaces alone never make a disagreement.
    expect(align([seg('a', 'Le soir je suis épuisé', 'x')], [seg('b', 'Le soir je suis épuisé,', 'x')], 0).disagreements).toEqual([]);
  });

  it('finds one-sided codes, and different codes on the same text', () => {
    const r = align(
      [seg('a1', 'Le soir je suis épuisé, vraiment épuisé.', 'epuisement', 'frustration'), seg('a2', 'Huit mois pour le centre antidouleur !', 'delais')],
      [seg('b1', 'Le soir je suis épuisé, vraiment épuisé.', 'fatigue'), seg('b2', 'Je ne sais plus quoi lui proposer.', 'impuissance')],
    );
    expect(r.disagreements.map((d) => [d.kind, d.a.map((i) => i.codes), d.b.map((i) => i.codes)])).toEqual([
      ['one-sided', [], [['impuissance']]],
      ['different-codes', [['epuisement', 'frustration']], [['fatigue']]],
      ['one-sided', [['delais']], []],
    ]);
    const different = r.disagreements[1]!;
    expect(text.slice(different.start, different.end)).toBe('Le soir je suis épuisé, vraiment épuisé.');
    expect(different.key).toBe(
      `P1|different-codes|${different.a[0]!.start}-${different.a[0]!.end}:epuisement+frustration|${different.b[0]!.start}-${different.b[0]!.end}:fatigue|${passageFingerprint(different.a, different.b, 'Le soir je suis épuisé, vraiment épuisé.')}`,
    );
  });

  it('ends keys with a fingerprint of the segments and the passage, which text added above leaves alone', () => {
    const quote = 'Le soir je suis épuisé, vraiment épuisé.';
    const fingerprint = (t: string, id = 'a1') => {
      const start = t.indexOf(quote);
      const r = alignCodings({ participant: 'P1', text: t, offsets: new OffsetMap(t), a: [{ id, start, end: start + quote.length, codes: ['x'] }], b: [], tolerance: 0 });
      return r.disagreements[0]!.key.split('|')[4];
    };
    expect(fingerprint(text)).toMatch(/^[a-z0-9]{12}$/);
    expect(fingerprint(`Bonjour. ${text}`)).toBe(fingerprint(text));
    expect(fingerprint(text, 'a2')).not.toBe(fingerprint(text));
    expect(fingerprint(text.replace('vraiment', 'vraimant'))).not.toBe(fingerprint(text));
  });

  it('names passages in code points in keys, so that an emoji before them changes nothing', () => {
    const emoji = `😀 ${text}`;
    const offsets = new OffsetMap(emoji);
    const start = emoji.indexOf('Huit');
    const r = alignCodings({ participant: 'P1', text: emoji, offsets, a: [{ id: 'a', start, end: start + 4, codes: ['x'] }], b: [], tolerance: 0 });
    expect(r.disagreements[0]!.key).toBe(`P1|one-sided|${start - 1}-${start + 3}:x||${passageFingerprint(r.disagreements[0]!.a, [], 'Huit')}`);
  });
});

describe('alignCodings on random codings', () => {
  it('puts every coded character of either coder in exactly one passage of its code, agreed or not', () => {
    let seed = 5;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const words = text.length;
    for (let round = 0; round < 300; round++) {
      const make = (prefix: string) =>
        Array.from({ length: Math.floor(random() * 6) }, (_, i) => {
          const start = Math.floor(random() * (words - 5));
          const end = Math.min(words, start + 1 + Math.floor(random() * 60));
          const codes = ['x', 'y', 'z'].filter(() => random() < 0.5);
          return { id: `${prefix}${i}`, start, end, codes: codes.length > 0 ? codes : ['x'] };
        });
      const a = make('a');
      const b = make('b');
      const r = align(a, b, Math.floor(random() * 4));
      for (const code of ['x', 'y', 'z']) {
        const count = new Uint8Array(text.length);
        for (const p of r.agreed.filter((x) => x.code === code)) for (let i = p.start; i < p.end; i++) count[i]!++;
        for (const d of r.disagreements) {
          // A passage's characters count once, whichever side and however many items hold them.
          const mark = new Uint8Array(text.length);
          for (const item of [...d.a, ...d.b]) if (item.codes.includes(code)) mark.fill(1, item.start, item.end);
          for (const [i, m] of mark.entries()) count[i]! += m;
        }
        for (const s of [...a, ...b]) {
          if (!s.codes.includes(code)) continue;
          for (let i = s.start; i < s.end; i++) expect(count[i], `round ${round}, code ${code}, char ${i}`).toBe(1);
        }
      }
      const keys = r.disagreements.map((d) => d.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
