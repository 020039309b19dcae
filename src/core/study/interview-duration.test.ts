import { describe, expect, it } from 'vitest';
import { headerFacts } from '../transcript-import/header.js';
import { parseDuration, readDuration } from './interview-duration.js';

describe('readDuration', () => {
  it('reads mm:ss or h:mm as the one that is an interview length (5 minutes to 4 hours)', () => {
    expect(['42:10', '1:05', '0:45', '2:30', '5:00', '4:00'].map((d) => readDuration(d))).toEqual([42 + 10 / 60, 65, 45, 150, 5, 240]);
    // 4 h 30 is longer than an interview, 4 min 30 s shorter: neither is taken.
    expect(readDuration('4:30')).toEqual({ readings: [270, 4.5] });
    expect(readDuration('4:01')).toEqual({ readings: [241, 4 + 1 / 60] });
    expect(readDuration('45:75')).toBeUndefined();
    expect(parseDuration('4:30')).toBeUndefined();
  });

  it('reads participants.csv and the lines before the first speaker the same way', () => {
    for (const written of ['1:05', '42:10', '0:45', '1 h 05', "45'30", '00:42:10', '42 min', '1 heure et 5 minutes']) {
      const minutes = parseDuration(written);
      expect(minutes, written).toBeDefined();
      expect(headerFacts(`Durée : ${written}\n\nE : Bonjour.\n`, 'fr').duration, written).toBe(Math.max(1, Math.round(minutes!)));
    }
    expect(headerFacts('Durée : 4:30\n\nE : Bonjour.\n', 'fr').unclear).toEqual([{ field: 'duration', written: ['4:30'], reason: 'clock', readings: ['270', '5'] }]);
  });
});
