import { describe, expect, it } from 'vitest';
import { textWidth } from '../core/text/width.js';
import { excerpt, fitPart } from './line-fit.js';

describe('fitPart', () => {
  const create = (name: string): string => `⏎ crée le code «\u00a0${name}\u00a0»`;

  it('keeps a line that fits as it is', () => {
    expect(fitPart(create, 'Impuissance', 80)).toBe(create('Impuissance'));
  });

  it('takes the first wording that holds the part whole', () => {
    const long = (name: string): string => `Aucun code ne correspond — ${create(name)}`;
    expect(fitPart([long, create], 'Impuissance', 80)).toBe(long('Impuissance'));
    expect(fitPart([long, create], 'Sentiment d’abandon face aux délais longs', 70)).toBe(create('Sentiment d’abandon face aux délais longs'));
  });

  it('cuts the part in its middle to the width, keeping both its ends', () => {
    const line = fitPart(create, 'Sentiment d’abandon face aux délais très longs du centre antidouleur', 50);
    expect(textWidth(line)).toBeLessThanOrEqual(50);
    expect(line).toBe(create('Sentiment d’aba…tre antidouleur'));
  });

  it('drops the start of a path a level at a time', () => {
    const into = (path: string): string => `⏎ crée «\u00a0Abandon\u00a0» dans «\u00a0${path}\u00a0»`;
    expect(fitPart(into, 'Vécu du médecin › Émotions négatives › Colère', 60, 'path')).toBe(into('… › Émotions négatives › Colère'));
    expect(fitPart(into, 'Vécu du médecin › Émotions négatives › Colère', 45, 'path')).toBe(into('… › Colère'));
  });
});

describe('excerpt', () => {
  const overTwoTurns = 'Je ne sais plus quoi lui proposer. On se sent démuni.\nEnquêteur : D’accord.\nP07 : Les délais sont très longs.';

  it('keeps a passage that fits whole, on one line', () => {
    expect(excerpt(overTwoTurns, 200)).toBe('Je ne sais plus quoi lui proposer. On se sent démuni. Enquêteur : D’accord. P07 : Les délais sont très longs.');
  });

  it('cuts a long passage in its middle between whole words, within the width', () => {
    expect(excerpt(overTwoTurns, 44)).toBe('Je ne sais plus quoi […] sont très longs.');
    expect(excerpt(overTwoTurns, 64)).toBe('Je ne sais plus quoi lui […] Les délais sont très longs.');
    for (let width = 8; width <= 110; width++) {
      const line = excerpt(overTwoTurns, width);
      expect(textWidth(line), line).toBeLessThanOrEqual(width);
      const [head, tail] = line.split(' […] ');
      const flat = overTwoTurns.replace(/\s+/g, ' ');
      if (width >= 20 && line.includes(' […] ')) {
        expect(flat.startsWith(`${head} `), line).toBe(true);
        expect(flat.endsWith(` ${tail}`), line).toBe(true);
      }
    }
  });

  it('cuts a word only when it is longer than its half, and counts wide characters as two columns', () => {
    expect(excerpt('https://exemple.fr/un/tres/long/chemin/de/page', 20)).toBe('https:/ […] /de/page');
    const wide = excerpt('医生 说 他 不 知道 该 给 病人 什么 建议 了 真的', 16);
    expect(textWidth(wide)).toBeLessThanOrEqual(16);
    expect(wide).toBe('医生 说 […] 真的');
  });

  it('keeps a quote that fits whole, its spaces collapsed', () => {
    expect(excerpt('Je ne sais\n plus.', 40)).toBe('Je ne sais plus.');
  });

  it('cuts a long quote in its middle between words, never inside one (« hier so […] e, comme »)', () => {
    const quote = 'Alors… la dernière, c’était hier soir, en fin de journée, comme souvent d’ailleurs *rire*.';
    const short = excerpt(quote, 74);
    expect(textWidth(short)).toBeLessThanOrEqual(74);
    const [head, tail] = short.split(' […] ');
    // Every word shown is a whole word of the quote.
    const words = quote.split(' ');
    expect(quote.startsWith(head!)).toBe(true);
    expect(quote.endsWith(tail!)).toBe(true);
    expect(words).toContain(head!.split(' ').at(-1));
    expect(words).toContain(tail!.split(' ')[0]);
  });

  it('cuts inside a word only when a word alone is longer than half the room', () => {
    const short = excerpt(`${'x'.repeat(60)} ${'y'.repeat(60)}`, 40);
    expect(textWidth(short)).toBeLessThanOrEqual(40);
    expect(short).toMatch(/^x+ \[…\] y+$/);
  });
});
