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

  it('reads labels written with a dash or a tab instead of a colon (`MG3 - …`, `E⇥…`), so the interviewer’s words stay the interviewer’s', () => {
    const dash = 'Entretien MG3\n\nEnquêtrice - Parlez-moi de votre exercice.\n\nMG3 - Semi-rural, cabinet de groupe.\n\n[00:12:45] Enquêtrice – Un contrat ?\n\nMG3 — Oui, un papier - tout simple.';
    const fr = relabel(dash, new Map(), 'fr');
    expect(fr.body).toBe('Entretien MG3\n\nEnquêtrice : Parlez-moi de votre exercice.\n\nMG3 : Semi-rural, cabinet de groupe.\n\n[00:12:45] Enquêtrice : Un contrat ?\n\nMG3 : Oui, un papier - tout simple.');
    expect(fr.speakers.map((s) => s.label)).toEqual(['Enquêtrice', 'MG3']);
    const tab = 'E\tPouvez-vous décrire votre patientèle ?\n\nMG4\tBeaucoup de personnes âgées.\n\nE\tEt en EHPAD ?';
    expect(relabel(tab, new Map([['MG4', 'P4']]), 'en').body).toBe('E: Pouvez-vous décrire votre patientèle ?\n\nP4: Beaucoup de personnes âgées.\n\nE: Et en EHPAD ?');
    // A label the file also writes with a colon, once with a tab (a Word document typed in two ways).
    const mixed = 'Enquêtrice\u00a0: Bonjour ?\nMG7\tAlors euh… ce matin.\nEnquêtrice\tEt vous ?\nMG7\tDémuni.';
    expect(relabel(mixed, new Map(), 'fr').body).toBe('Enquêtrice : Bonjour ?\nMG7 : Alors euh… ce matin.\nEnquêtrice : Et vous ?\nMG7 : Démuni.');
  });

  it('leaves a dash in speech alone: a word that is no label and opens one line, a bullet list', () => {
    const body = 'P3 : Alors.\n\nBon - enfin voilà.\n\n- premier point\n- second point\n\nJe pense - mais bon.\n\nPatient - il est revenu.';
    expect(relabel(body, new Map(), 'fr').body).toBe(body);
  });

  it('leaves a dash as written on a line the reader opens no turn with, in either language: speech (`So - …` twice), a label in lower case', () => {
    const body = 'I - Hello, how are you?\nP1 - Fine.\nSo - what then?\nI - Really?\nSo - that is it.\nBon - enfin voilà.\nBon - enfin.';
    const expected = (colon: string) => `I${colon}Hello, how are you?\nP1${colon}Fine.\nSo - what then?\nI${colon}Really?\nSo - that is it.\nBon - enfin voilà.\nBon - enfin.`;
    expect(relabel(body, new Map(), 'en').body).toBe(expected(': '));
    expect(relabel(body, new Map(), 'fr').body).toBe(expected(' : '));
    const lower = 'interviewer - Hello, how are you?\nparticipant - Fine.\ninterviewer - Good?';
    expect(relabel(lower, new Map(), 'en')).toEqual({ body: lower, speakers: [] });
  });
});
