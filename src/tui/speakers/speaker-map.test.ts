import { describe, expect, it } from 'vitest';
import { feedInput, initSpeakerMap, reduce, speakerMapOf } from './speaker-map.js';

const ROWS = [
  { label: 'Claire Petit (Interne)', files: ['a.vtt'], example: 'Bonjour ?', proposed: 'E' },
  { label: 'Dr Martin', files: ['a.vtt'], example: 'Oui.', proposed: 'P3' },
];

describe('the speaker map reducer', () => {
  it('edits the chosen row’s code in place, then imports with the map', () => {
    let s = feedInput(initSpeakerMap(ROWS), '\x1b[B\x7f\x7fMG3', reduce);
    expect(s.codes).toEqual(['E', 'MG3']);
    s = feedInput(s, '\x1b[A\x1b[D\x1b[D2', reduce);
    expect(s.codes).toEqual(['2E', 'MG3']);
    s = feedInput(s, '\x15E\r', reduce);
    expect(s.outcome).toBe('import');
    expect(speakerMapOf(s)).toEqual(new Map([['Claire Petit (Interne)', 'E'], ['Dr Martin', 'MG3']]));
  });

  it('refuses an empty code or one the reader would not take back, on its row', () => {
    let s = feedInput(initSpeakerMap(ROWS), '\x1b[B\x15\r', reduce);
    expect(s.outcome).toBeNull();
    expect(s.index).toBe(1);
    expect(s.message?.en).toBe('Give "Dr Martin" a code (E, P3…).');
    s = feedInput(s, 'P3 : x\r', reduce);
    expect(s.message?.en).toContain('cannot be a label');
    expect(reduce(s, { type: 'cancel' }).outcome).toBe('cancel');
  });
});
