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
      // The interview's id between « Entretien » and its date.
      ['Entretien MG5 réalisé le 10 mars 2025', { date: '2025-03-10' }],
      ['Entretien n°3 réalisé le 12/03/2025, durée 41 min', { date: '2025-03-12', duration: 41 }],
      // (A date after a dash is not named as the interview's: not read.)
      ['Entretien MG5 – 10 mars 2025 – 32 min', {}],
      ['Entretien P 12 du 4 avril 2025', { date: '2025-04-04' }],
      ['Interview P3 on 5 April 2025', { date: '2025-04-05' }],
      ['Entretien MG5 — 32 min', {}],
      // A Word table of names over values, as the import writes its rows.
      ['Date | Durée | Lieu\n\n12/03/2025 | 42 min | cabinet', { date: '2025-03-12', duration: 42 }],
      ['Entretien MG3\nParticipant | Date de l’entretien | Durée de l’entretien\nMG3 | 12 mars 2025 | 1 h 05', { date: '2025-03-12', duration: 65 }],
      ['Participant | MG6\n\nDate de l’entretien | mercredi 12 mars 2025\n\nDurée | 00:42:10', { date: '2025-03-12', duration: 42 }],
      // Minutes with an apostrophe or a prime, seconds with two or a double prime.
      ["Durée : 45'", { duration: 45 }],
      ['Durée de l’entretien\u00a0: 45’', { duration: 45 }],
      ["Durée de l'entretien : 45'30", { duration: 46 }],
      ["Duration: 45'30''", { duration: 46 }],
      ['Durée\u202f: 38′ 20″', { duration: 38 }],
      ['Durée : 44’10”, enregistrée sur dictaphone', { duration: 44 }],
      // mm:ss or h:mm, whichever is an interview's length (5 minutes to 4 hours).
      ['Durée : 42:10', { duration: 42 }],
      ['Durée totale : 105:20', { duration: 105 }],
      ['Durée | 1:05', { duration: 65 }],
      ['Interview length: 0:45', { duration: 45 }],
      ['Durée : 12:30', { duration: 13 }],
      // A two-digit year, day first in a French header (2000–2049).
      ['Date : 12/03/24', { date: '2024-03-12' }],
      ['Date | Durée\n\n12/03/24 | 45’', { date: '2024-03-12', duration: 45 }],
      ['Entretien réalisé le 03.04.25', { date: '2025-04-03' }],
      // A Word table whose first column ends with a colon.
      ['Date de l’entretien\u00a0: | 12/03/24\n\nDurée de l’entretien\u00a0: | 45’30', { date: '2024-03-12', duration: 46 }],
      ["Date : | Durée :\n\n12/03/2025 | 42'", { date: '2025-03-12', duration: 42 }],
    ];
    for (const [header, expected] of cases) {
      const facts = headerFacts(header, 'fr');
      expect({ date: facts.date, duration: facts.duration }, header).toEqual({ date: expected.date, duration: expected.duration });
      expect(facts.unclear, header).toEqual([]);
    }
  });

  it('takes nothing that is not named as a date or a duration, nor an impossible date', () => {
    for (const header of ['Date | Lieu\n\nDurée | 12/03/2025', 'Âge | Durée d’exercice\n\n52 ans | 15 ans', 'Entretien n° 3 — 12/03/2025 — 42 min', 'Mis à jour le 12/03/2025', 'Date : 31/02/2025', 'Date : mars 2025', 'Durée : 42', 'Dates : 12/03/2025', 'Date de naissance : 12/03/1960', 'Bilan réalisé le 12/03/2020', 'Durée d’exercice : 15 ans', 'Durée d’installation : 12 h', 'Heure : 14:30', 'Durée : 12:30 – 13:15', 'Durée : 14h30-15h15', 'Durée : 1 h à 1 h 30', "Durée : 45''", 'Durée : 42:75']) {
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
    expect(headerFacts('Date : 03/25/2025', 'fr').date).toBe('2025-03-25');
    expect(headerFacts('Date of interview: 03/25/2025', 'en').date).toBe('2025-03-25');
    expect(headerFacts('Date of interview: 25/03/2025', 'en').date).toBe('2025-03-25');
    expect(headerFacts('Date of interview: 04/04/2025', 'en').date).toBe('2025-04-04');
  });

  it('reads a two-digit year as the study’s convention reads the date, and names each reading when it reads two ways', () => {
    expect(headerFacts('Date : 12/03/24', 'fr').date).toBe('2024-03-12');
    expect(headerFacts('Date: 13/03/24', 'en').date).toBe('2024-03-13');
    expect(headerFacts('Date: 12/03/24', 'en')).toEqual({ unclear: [{ field: 'date', written: ['12/03/24'], reason: 'day-month', readings: ['2024-03-12', '2024-12-03'] }] });
    // From 50 on, the century is not known: 1998 or 2098.
    expect(headerFacts('Date : 12/03/98', 'fr')).toEqual({ unclear: [{ field: 'date', written: ['12/03/98'], reason: 'century', readings: ['1998-03-12', '2098-03-12'] }] });
    expect(headerFacts('Date: 03/04/99', 'en').unclear).toEqual([
      { field: 'date', written: ['03/04/99'], reason: 'day-month-century', readings: ['1999-04-03', '2099-04-03', '1999-03-04', '2099-03-04'] },
    ]);
  });

  it('names both readings of a duration that is an interview’s length neither as hours:minutes nor as minutes:seconds', () => {
    expect(headerFacts('Durée : 4:30', 'fr')).toEqual({ unclear: [{ field: 'duration', written: ['4:30'], reason: 'clock', readings: ['270', '5'] }] });
    // Beside another duration that reads one way, both are named.
    expect(headerFacts('Durée : 4:30\nDurée totale : 45 min', 'fr').unclear).toEqual([{ field: 'duration', written: ['45 min', '4:30'], reason: 'several', readings: ['45', '270', '5'] }]);
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
