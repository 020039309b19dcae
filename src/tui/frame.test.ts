import { describe, expect, it } from 'vitest';
import { frameRegions } from './frame.js';

describe('frameRegions', () => {
  it('keeps the frame one row shorter than the terminal and adds up', () => {
    for (const rows of [24, 30, 40, 60]) {
      for (const mode of ['read', 'prompt', 'picker', 'help', 'notices'] as const) {
        const r = frameRegions(rows, mode);
        expect(r.frame).toBe(rows - 1);
        expect(r.body).toBe(rows - 5);
        if (mode !== 'help' && mode !== 'notices') expect(r.view + 1 + r.bottom).toBe(r.body);
      }
    }
  });

  it('leaves room for the transcript above the picker', () => {
    expect(frameRegions(24, 'picker')).toMatchObject({ view: 8, bottom: 10 });
    expect(frameRegions(40, 'picker')).toMatchObject({ view: 18, bottom: 16 });
    expect(frameRegions(24, 'read')).toMatchObject({ view: 16, bottom: 2 });
  });

  it('gives a memo being written the rows it asks for, up to half the body', () => {
    expect(frameRegions(24, 'prompt', 5)).toMatchObject({ view: 13, bottom: 5 });
    expect(frameRegions(24, 'prompt', 30)).toMatchObject({ view: 9, bottom: 9 });
    expect(frameRegions(24, 'prompt', 1)).toMatchObject({ bottom: 2 });
  });
});
