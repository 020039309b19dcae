import { describe, expect, it } from 'vitest';
import { fitHints } from './line-fit.js';
import { screenStrings } from './strings.js';

describe('the theme picker’s line when nothing is listed', () => {
  it('says where the code goes when the path typed is a theme that exists, and what it creates otherwise', () => {
    const fr = screenStrings('fr').picker;
    expect(fr.noTheme([], 'Prise en charge › Traitements')).toBe('⏎ met le code dans «\u00a0Prise en charge › Traitements\u00a0»');
    expect(fr.noTheme(['Kiné'], 'Prise en charge')).toBe('⏎ crée «\u00a0Kiné\u00a0» dans «\u00a0Prise en charge\u00a0»');
    expect(screenStrings('en').picker.noTheme(['Kiné'], null)).toBe('⏎ creates the theme "Kiné"');
  });
});

describe('the transcript list’s key hints', () => {
  it('say how to open the n-th transcript (Alt-1-9) on an 80-column terminal, in both languages', () => {
    for (const language of ['fr', 'en'] as const) {
      const line = fitHints(screenStrings(language).hints.transcript, 80);
      expect(line, language).toContain('Alt-1-9');
      expect(line, language).toMatch(/⏎/);
    }
  });
});
