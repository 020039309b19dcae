import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeTranscriptBytes, normalizeText } from '../text/decode.js';
import { findIdentifiers, type FindingKind } from './find.js';

/**
 * A French interview with identifiers planted where a transcriber leaves them: each `⟦…⟧` marks
 * one, with the kind the check must give it.
 */
const PLANTED = `E : Bonjour, merci de me recevoir. Vous pouvez vous présenter ?

P4 : Oui. Je suis ⟦Sylvie Marchand|first-name⟧, j'ai cinquante-deux ans, née le ⟦12 mars 1972|date-of-birth⟧ à ⟦Yvetot|place⟧. J'habite ⟦14 rue des Capucins|address⟧, ⟦76190 Yvetot|postal-code⟧, depuis vingt ans.

E : Et votre médecin traitant ?

P4 : C'est le ⟦Dr Lefebvre|title-name⟧, à la ⟦maison de santé des Falaises|institution⟧. Avant, j'étais suivie par ⟦docteur Hamon|title-name⟧ au ⟦CHU de Rouen|institution⟧, puis à l'⟦hôpital Charles-Nicolle|institution⟧. Ma fille ⟦Léa|first-name⟧ m'accompagne souvent, et mon mari ⟦Jean-Pierre|first-name⟧ aussi.

E : Comment on peut vous joindre pour la suite ?

P4 : Au ⟦06 12 34 56 78|phone⟧, ou au ⟦+33 2 35 12 34 56|phone⟧ le soir. Ou par mail, ⟦sylvie.marchand@orange.fr|email⟧. Mon numéro de sécu, c'est le ⟦2 72 03 76 451 123 45|social-security⟧, si besoin pour le dossier. Il y a aussi ma page sur ⟦www.facebook.com/sylvie.marchand76|url⟧ *rire*.

E : Et la kiné ?

P4 : ⟦Mme Dubreuil|title-name⟧, elle est très bien. Au cabinet ⟦Dr Morel|title-name⟧ aussi, et j'ai revu à l'hôpital ⟦Mme Girard|title-name⟧, la psychologue. Elle m'a envoyée chez ⟦Kowalczyk|name⟧, un ostéo de ⟦Barentin|place⟧. Mon frère, lui, est né le ⟦3 mai 1965|date-of-birth⟧. Le ⟦4 juillet 2019|date⟧, j'ai fait un malaise chez lui.
`;

function planted(): { text: string; expected: { start: number; end: number; kind: FindingKind }[] } {
  const expected: { start: number; end: number; kind: FindingKind }[] = [];
  let text = '';
  let last = 0;
  for (const m of PLANTED.matchAll(/⟦([^|]+)\|([a-z-]+)⟧/g)) {
    text += PLANTED.slice(last, m.index);
    expected.push({ start: text.length, end: text.length + m[1]!.length, kind: m[2] as FindingKind });
    text += m[1]!;
    last = m.index + m[0].length;
  }
  return { text: text + PLANTED.slice(last), expected };
}

describe('findIdentifiers', () => {
  it('finds every planted identifier of a French interview (recall 100 %)', () => {
    const { text, expected } = planted();
    const found = findIdentifiers(text, { places: ['Barentin', 'Yvetot'] });
    const missed = expected.filter((e) => !found.some((f) => f.start <= e.start && f.end >= e.end));
    expect(missed.map((e) => text.slice(e.start, e.end))).toEqual([]);
    // Each is found as what it is.
    for (const e of expected) {
      const f = found.find((x) => x.start <= e.start && x.end >= e.end)!;
      expect([f.text, f.kind]).toEqual([f.text, e.kind]);
    }
    const extra = found.filter((f) => !expected.some((e) => f.start < e.end && e.start < f.end));
    expect(extra.map((f) => f.text)).toEqual([]);
    console.log(`privacy check, planted set: ${expected.length} identifiers, ${expected.length - missed.length} found (recall ${(100 * (expected.length - missed.length)) / expected.length} %), ${extra.length} false alarm(s)`);
  });

  it('raises few false alarms on ordinary French medical speech (the demo study, already anonymised)', () => {
    const dir = join(import.meta.dirname, '../../../fixtures/demo/transcripts');
    let words = 0;
    const alarms: string[] = [];
    for (const name of readdirSync(dir).sort()) {
      const text = normalizeText(decodeTranscriptBytes(readFileSync(join(dir, name))).text);
      words += text.split(/\s+/).filter(Boolean).length;
      for (const f of findIdentifiers(text)) alarms.push(`${name}: ${f.kind} ${f.text}`);
    }
    const per10k = (alarms.length * 10_000) / words;
    console.log(`privacy check, ordinary speech: ${words} words, ${alarms.length} false alarm(s), ${per10k.toFixed(1)} per 10,000 words`);
    expect(words).toBeGreaterThan(15_000);
    expect(per10k).toBeLessThan(2);
  });

  it('does not flag sentence starts, placeholders, allowed words; flags ambiguous names only mid-sentence', () => {
    const text = 'E : Claire, la douleur ? Petit à petit. *rire* Alors Mme X et le Dr Y. Puis M. Z est venu.\n\nP2 : Je parle de Claire et Rose. Le Vidal dit ça, et Doliprane aussi. Je vois Bouzid.';
    const found = findIdentifiers(text, { allow: ['bouzid'] });
    expect(found.map((f) => [f.text, f.kind])).toEqual([
      ['Claire', 'first-name'],
      ['Rose', 'first-name'],
    ]);
  });

  it('does not take the French words that open a phrase after a colon or a dash for names', () => {
    const text = 'P2 : Ce qui m’aide : Mon soutien psy, et — Bon — Ma fille aussi ; après : Leur médecin, Notre équipe.';
    expect(findIdentifiers(text).map((f) => f.text)).toEqual([]);
  });

  it('reads French phone formats and leaves ordinary numbers alone', () => {
    const kinds = (s: string) => findIdentifiers(s).map((f) => [f.text, f.kind]);
    expect(kinds('au 01.23.45.67.89 ou 0612345678 ou +44 20 7946 0958')).toEqual([
      ['01.23.45.67.89', 'phone'],
      ['0612345678', 'phone'],
      ['+44 20 7946 0958', 'phone'],
    ]);
    expect(kinds('il prend 1000 mg trois fois par jour, depuis 2019, 15000 patients, 12 ans')).toEqual([]);
  });
});

describe('findAttributeIdentifiers', () => {
  it('takes the whole value of a place attribute for a place, whatever the word, unless allowed', async () => {
    const { findAttributeIdentifiers } = await import('./find.js');
    expect(findAttributeIdentifiers('ville', 'Fécamp')).toEqual([{ start: 0, end: 6, kind: 'place', text: 'Fécamp', likely: true }]);
    expect(findAttributeIdentifiers('Lieu d’exercice', 'Maison de santé de Bolbec')[0]).toMatchObject({ kind: 'place', text: 'Maison de santé de Bolbec' });
    expect(findAttributeIdentifiers('ville', 'Fécamp', { allow: ['fecamp'] })).toEqual([]);
    expect(findAttributeIdentifiers('milieu', 'rural')).toEqual([]);
    expect(findAttributeIdentifiers('ville', '[ville]')).toEqual([]);
  });
});
