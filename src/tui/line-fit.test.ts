import { describe, expect, it } from 'vitest';
import { textWidth } from '../core/text/width.js';
import { fitPart } from './line-fit.js';

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
