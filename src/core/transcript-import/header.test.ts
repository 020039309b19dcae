import { describe, expect, it } from 'vitest';
import { headerFacts, headerOf } from './header.js';

describe('headerFacts', () => {
  it('reads the date and duration a French or English header names', () => {
    const cases: [string, { date?: string; duration?: number }][] = [
      ['Entretien n° 3 — Date : 12/03/2025 — durée 42 min', { date: '2025-03-12', duration: 42 }],
      ['Date de l’entretien : 12 mars 2025', { date: '2025-03-12' }],
      ["Date de l'entretien : 1er février 2025\nDurée : 00:42:10", { date: '2025-02-01', duration: 42 }],
      ['Durée : 00:42:40', { duration: 43 }],
      ['Date: 2025-03-12, duration 42 minutes', { date: '2025-03-12', duration: 42 }],
      ['Interview date: March 12, 2025\nInterview length: 1 hour 5 minutes', { date: '2025-03-12', duration: 65 }],
      ['Entretien réalisé le mardi 4 août 2025 (durée\u00a0: 1h05)', { date: '2025-08-04', duration: 65 }],
      ['Entretien du 12.03.25, durée totale : environ 1 h 30', { date: '2025-03-12', duration: 90 }],
      ['Date | 12/03/2025\n\nDurée | 35 mn', { date: '2025-03-12', duration: 35 }],
      ['Durée de l’entretien : 2 heures', { duration: 120 }],
      ['Enregistré le 5 avril 2025', { date: '2025-04-05' }],
      ['Interviewed on 5 April 2025, about 50 minutes (duration: 50 min)', { date: '2025-04-05', duration: 50 }],
      ['Date : 12/03/2025\nDate : 12 mars 2025', { date: '2025-03-12' }],
      ['Entretien MG3\n\nÂge | 52 ans\n\nMilieu | semi-rural', {}],
      // A Word table of names over values, as the import writes its rows.
      ['Date | Durée | Lieu\n\n12/03/2025 | 42 min | cabinet', { date: '2025-03-12', duration: 42 }],
      ['Entretien MG3\nParticipant | Date de l’entretien | Durée de l’entretien\nMG3 | 12 mars 2025 | 1 h 05', { date: '2025-03-12', duration: 65 }],
      ['Participant | MG6\n\nDate de l’entretien | mercredi 12 mars 2025\n\nDurée | 00:42:10', { date: '2025-03-12', duration: 42 }],
    ];
    for (const [header, expected] of cases) {
      const facts = headerFacts(header, 'fr');
      expect({ date: facts.date, duration: facts.duration }, header).toEqual({ date: expected.date, duration: expected.duration });
      expect(facts.unclear, header).toEqual([]);
    }
  });

  it('takes nothing that is not named as a date or a duration, nor an impossible date', () => {
    for (const header of ['Date | Lieu\n\nDurée | 12/03/2025', 'Âge | Durée d’exercice\n\n52 ans | 15 ans', 'Entretien n° 3 — 12/03/2025 — 42 min', 'Mis à jour le 12/03/2025', 'Date : 31/02/2025', 'Date : mars 2025', 'Durée : 42', 'Dates : 12/03/2025', 'Date de naissance : 12/03/1960', 'Bilan réalisé le 12/03/2020', 'Durée d’exercice : 15 ans', 'Durée d’installation : 12 h']) {
      const facts = headerFacts(header, 'fr');
      expect([facts.date, facts.duration], header).toEqual([undefined, undefined]);
    }
  });

  it('reads a numeric date day first in a French header, and leaves one that reads both ways in an English one', () => {
    expect(headerFacts('Date : 03/04/2025', 'fr').date).toBe('2025-04-03');
    expect(headerFacts('Date: 03/04/2025', 'fr').date).toBe('2025-04-03');
    expect(headerFacts('Date de l’entretien : 03/04/2025', 'en').date).toBe('2025-04-03');
    const english = headerFacts('Date of interview: 03/04/2025', 'fr');
    expect(english.date).toBeUndefined();
    expect(english.unclear).toEqual([{ field: 'date', written: ['03/04/2025'], reason: 'day-month', readings: ['2025-04-03', '2025-03-04'] }]);
    expect(headerFacts('Date: 03/04/2025', 'en').date).toBeUndefined();
    // Only one order makes a date.
    expect(headerFacts('Date of interview: 03/25/2025', 'en').date).toBe('2025-03-25');
    expect(headerFacts('Date of interview: 25/03/2025', 'en').date).toBe('2025-03-25');
    expect(headerFacts('Date of interview: 04/04/2025', 'en').date).toBe('2025-04-04');
  });

  it('takes nothing when the header says two different things', () => {
    const facts = headerFacts('Date : 12/03/2025\nDurée : 42 min\nEntretien du 14 mars 2025, durée 45 min', 'fr');
    expect(facts.date).toBeUndefined();
    expect(facts.duration).toBeUndefined();
    expect(facts.unclear).toEqual([
      { field: 'date', written: ['12/03/2025', '14 mars 2025'], reason: 'several', readings: ['2025-03-12', '2025-03-14'] },
      { field: 'duration', written: ['42 min', '45 min'], reason: 'several', readings: ['42', '45'] },
    ]);
  });
});

describe('headerOf', () => {
  it('is the text before the first speaker turn, or before the first numbered answer', () => {
    expect(headerOf('Entretien 3\nDate : 12/03/2025\n\nE : Bonjour.\n\nP3 : Bonjour.\n')).toBe('Entretien 3\nDate : 12/03/2025\n\n');
    expect(headerOf('Date : 12/03/2025\n\n1. Oui, souvent.\n\n2. Non.\n')).toBe('Date : 12/03/2025\n\n');
    expect(headerOf('E : Bonjour.\n\nP3 : Date : 12/03/2025.\n')).toBe('');
    // No turn at all: no header (speech is not read for dates).
    expect(headerOf('Date : 12/03/2025\n\nje suis venu le 12/03/2025.\n')).toBe('');
  });
});
