import { describe, expect, it } from 'vitest';
import { endSentence } from './sentence-end.js';

describe('endSentence', () => {
  it('adds a full stop unless the text already ends with one', () => {
    expect(endSentence('Marie Dupont, Sophie Bernard')).toBe('Marie Dupont, Sophie Bernard.');
    expect(endSentence('Marie Dupont, Dr B.')).toBe('Marie Dupont, Dr B.');
    expect(endSentence('Qui ?')).toBe('Qui ?');
    expect(endSentence('« Vraiment ! »')).toBe('« Vraiment ! »');
    expect(endSentence('et puis…')).toBe('et puis…');
    expect(endSentence('')).toBe('.');
  });
});
