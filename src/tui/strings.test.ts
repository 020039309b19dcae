import { describe, expect, it } from 'vitest';
import { screenStrings } from './strings.js';

describe('the theme picker’s line when nothing is listed', () => {
  it('says where the code goes when the path typed is a theme that exists, and what it creates otherwise', () => {
    const fr = screenStrings('fr').picker;
    expect(fr.noTheme([], 'Prise en charge › Traitements')).toBe('⏎ met le code dans «\u00a0Prise en charge › Traitements\u00a0»');
    expect(fr.noTheme(['Kiné'], 'Prise en charge')).toBe('⏎ crée «\u00a0Kiné\u00a0» dans «\u00a0Prise en charge\u00a0»');
    expect(screenStrings('en').picker.noTheme(['Kiné'], null)).toBe('⏎ creates the theme "Kiné"');
  });
});
