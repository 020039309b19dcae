import { describe, expect, it } from 'vitest';
import { findTurns } from '../transcript/turns.js';
import { labelFromName, relabel } from './speakers.js';

describe('speaker labels', () => {
  it('makes a name a label the transcript reader takes back whole', () => {
    for (const [name, label] of [
      ['Sophie Bernard (Externe)', 'Sophie Bernard'],
      ["Marie-Anne O'Neil, MD", "Marie-Anne O'Neil MD"],
      ['iPhone de Jean', 'IPhone de Jean'],
      ['***', 'X'],
    ] as const) {
      expect(labelFromName(name)).toBe(label);
      const body = `[00:00:01] ${label} : bonjour`;
      expect(findTurns(body)[0]!.speaker).toBe(label);
    }
  });

  it('renames labels through the map (case and accents aside) in the study’s form', () => {
    const body = '**Enquêtrice** : Bonjour.\n\nDr Martin: Bonjour.\n\n[00:01:02] enquetrice : Alors ?';
    const map = new Map([['Enquêtrice', 'E'], ['Dr Martin', 'P3']]);
    const fr = relabel(body, map, 'fr');
    expect(fr.body).toBe('E : Bonjour.\n\nP3 : Bonjour.\n\n[00:01:02] E : Alors ?');
    expect(relabel(body, map, 'en').body).toBe('E: Bonjour.\n\nP3: Bonjour.\n\n[00:01:02] E: Alors ?');
  });
});
