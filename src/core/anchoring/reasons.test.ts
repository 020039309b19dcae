import { describe, expect, it } from 'vitest';
import { notFound, scoreText, thresholdText } from './reasons.js';

describe('scores and thresholds as the review shows them', () => {
  it('rounds a score down, so that a score under a threshold never shows it', () => {
    expect(scoreText(0.846, 'en')).toBe('0.84');
    expect(scoreText(0.599, 'fr')).toBe('0,59');
    // 0.57 is stored as 0.5699999…: still 0.57.
    expect(scoreText(0.57, 'fr')).toBe('0,57');
    expect(scoreText(1, 'en')).toBe('1.00');
  });

  it('gives the threshold as the researcher wrote it', () => {
    expect(thresholdText(0.6, 'fr')).toBe('0,6');
    expect(thresholdText(0.875, 'en')).toBe('0.875');
    expect(notFound({ score: 0.846, line: 12 }, 0.85).en).toBe('Not found: best candidate scores 0.84 at line 12, below the threshold of 0.85.');
  });
});
