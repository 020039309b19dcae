import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeDescription, readNodeDescription, splitNodeId } from './description.js';
import { guidKey, stableGuid } from './guid.js';
import { projectDescription, readProjectLanguage, readSelectionDescription, selectionDescription } from './marks.js';
import { placeSelection, SourceText } from './positions.js';
import { attributes, isXmlText, xmlText } from './xml.js';

describe('stableGuid', () => {
  it('is a version 5 UUID, the same for the same parts, different for others', () => {
    const a = stableGuid('code', 'impuissance');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableGuid('code', 'impuissance')).toBe(a);
    expect(stableGuid('code', 'impuissance2')).not.toBe(a);
    // Parts are kept apart: ("ab", "c") is not ("a", "bc").
    expect(stableGuid('segment', 'ab', 'c')).not.toBe(stableGuid('segment', 'a', 'bc'));
  });
  it('is the SHA-1 of codage’s namespace and the name, as RFC 9562 says (the GUIDs of earlier exports stay the same)', () => {
    const v5 = (name: string) => {
      const h = createHash('sha1').update(Buffer.from('6f1d5a3e0c8b4f7a9d2e51c4b7a8e903', 'hex')).update(name, 'utf8').digest();
      h[6] = (h[6]! & 0x0f) | 0x50;
      h[8] = (h[8]! & 0x3f) | 0x80;
      const hex = h.subarray(0, 16).toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    };
    expect(stableGuid('code', 'impuissance')).toBe(v5('code\u001fimpuissance'));
    expect(stableGuid('segment', 'marie', 'a1b2c3d4')).toBe(v5('segment\u001fmarie\u001fa1b2c3d4'));
    expect(stableGuid('source', 'Entretien é 😊')).toBe(v5('source\u001fEntretien é 😊'));
    // The same values from another implementation (Python's uuid.uuid5).
    expect(stableGuid('code', 'impuissance')).toBe('f79f634a-bf2a-5e86-95ef-a4b92950aef0');
    expect(stableGuid('segment', 'marie', 's-12é')).toBe('3a17bc54-abc7-5ab8-bea7-b1c1f3da03a6');
  });
  it('compares GUIDs as tools write them', () => {
    expect(guidKey('{6F1D5A3E-0C8B-4F7A-9D2E-51C4B7A8E903}')).toBe('6f1d5a3e-0c8b-4f7a-9d2e-51c4b7a8e903');
  });
});

describe('XML escaping', () => {
  it('escapes markup, keeps emoji, and keeps line breaks and tabs in attributes', () => {
    expect(xmlText('a < b && c > d ]]> 🙂\r\n')).toBe('a &lt; b &amp;&amp; c &gt; d ]]&gt; 🙂&#13;\n');
    expect(attributes([['name', '« x » "y"\tz\n'], ['color', undefined], ['n', 3]])).toBe(' name="« x » &quot;y&quot;&#9;z&#10;" n="3"');
  });
  it('finds what XML 1.0 cannot hold', () => {
    expect(isXmlText('tab\tLF\nCR\r é 🙂')).toBe(true);
    expect(isXmlText('bell \u0007')).toBe(false);
    expect(isXmlText('lone \ud83d surrogate')).toBe(false);
    expect(isXmlText('\uffff')).toBe(false);
  });
});

describe('code descriptions', () => {
  it('round-trips every text of a code, in both languages', () => {
    const code = { kind: 'code' as const, definition: 'Se sent inutile.\nSur deux lignes.', include: '« démuni »', exclude: 'temps', example: '« rien » (P1)', description: 'Note' };
    for (const language of ['fr', 'en'] as const) {
      const text = nodeDescription(code, language)!;
      expect(text.startsWith('Se sent inutile.')).toBe(true);
      expect(readNodeDescription(text, 'code')).toEqual({ definition: code.definition, include: code.include, exclude: code.exclude, example: code.example, description: code.description });
    }
  });
  it('reads a description without labels as the main text (a theme’s description, a code’s definition)', () => {
    expect(readNodeDescription('Ce que ressent le médecin.', 'theme')).toEqual({ description: 'Ce que ressent le médecin.' });
    expect(readNodeDescription('Attente.\r\n\r\nInclude: délais\r\nExclude: coût', 'code')).toEqual({ definition: 'Attente.', include: 'délais', exclude: 'coût' });
  });
});

describe('placing a selection', () => {
  const text = 'Il dit 😔 non.\r\nEt 💯 oui.';
  const source = new SourceText(text, false);
  const lf = text.replace(/\r\n/g, '\n');

  it('reads the text LF without BOM, as codage does', () => {
    expect(source.text).toBe(lf);
  });
  it('takes code points as the standard says, and checks them against the selection text', () => {
    const start = [...text.slice(0, text.indexOf('oui'))].length; // counts the CR
    const placed = placeSelection(source, start, start + 3, 'oui', null);
    expect(placed).toMatchObject({ placed: true, counting: 'code-points', how: 'checked' });
    if (placed.placed) expect(source.text.slice(placed.start, placed.end)).toBe('oui');
  });
  it('corrects UTF-16 positions (QualCoder) and CRLF counted as one (NVivo)', () => {
    const utf16 = text.indexOf('oui');
    const u = placeSelection(source, utf16, utf16 + 3, 'oui', null);
    expect(u).toMatchObject({ placed: true, counting: 'utf16' });
    const overLf = [...lf.slice(0, lf.indexOf('oui'))].length;
    const l = placeSelection(source, overLf, overLf + 3, 'oui', null);
    expect(l).toMatchObject({ placed: true, counting: 'code-points-lf' });
  });
  it('without a text to check, uses the counting the project proved, else the standard and says it is unchecked', () => {
    const utf16 = text.indexOf('non');
    const proved = placeSelection(source, utf16, utf16 + 3, undefined, 'utf16');
    expect(proved).toMatchObject({ placed: true, how: 'by-project' });
    if (proved.placed) expect(source.text.slice(proved.start, proved.end)).toBe('non');
    expect(placeSelection(source, utf16, utf16 + 3, undefined, null)).toMatchObject({ placed: true, counting: 'code-points', how: 'unchecked' });
    const plain = new SourceText('abc def', false);
    expect(placeSelection(plain, 4, 7, undefined, null)).toMatchObject({ placed: true, how: 'unambiguous' });
  });
  it('never places a selection whose text is not where it says, unless that text occurs exactly once', () => {
    expect(placeSelection(source, 0, 3, 'non.', null)).toMatchObject({ placed: true, how: 'found-elsewhere' });
    expect(placeSelection(source, 0, 3, 'absent', null)).toEqual({ placed: false, reason: 'text-not-found' });
    const twice = new SourceText('oui et oui', false);
    expect(placeSelection(twice, 3, 5, 'oui', null)).toEqual({ placed: false, reason: 'text-ambiguous' });
    expect(placeSelection(source, 5, 500, undefined, null)).toEqual({ placed: false, reason: 'out-of-range' });
  });
  it('accepts a name the tool cut short with an ellipsis', () => {
    const long = new SourceText("Le centre antidouleur, c'est huit mois d'attente !", false);
    expect(placeSelection(long, 0, 50, "Le centre antidouleur, c'est…", null)).toMatchObject({ placed: true, how: 'checked' });
  });
});

describe('codage ids in code descriptions', () => {
  it('names the id of a code renamed since it was created, last, and reads it back apart from the texts', () => {
    const renamed = { kind: 'code' as const, id: 'entourage', name: "Place de l'entourage", definition: 'La famille.', exclude: 'le patient' };
    const fr = nodeDescription(renamed, 'fr')!;
    expect(fr).toBe('La famille.\nExclure\u00a0: le patient\nIdentifiant codage\u00a0: entourage');
    expect(splitNodeId(fr)).toEqual({ text: 'La famille.\nExclure\u00a0: le patient', id: 'entourage' });
    expect(readNodeDescription(splitNodeId(fr).text, 'code')).toEqual({ definition: 'La famille.', exclude: 'le patient' });
    expect(nodeDescription({ kind: 'theme', id: 'organisation', name: 'Organisation des soins' }, 'en')).toBe('codage id: organisation');
  });
  it('says nothing of an id the name gives back, and reads another tool’s description as it is', () => {
    expect(nodeDescription({ kind: 'code', id: 'delais-d-acces', name: "Délais d'accès" }, 'fr')).toBeUndefined();
    expect(splitNodeId('Identifiant codage : x\nsuite')).toEqual({ text: 'Identifiant codage : x\nsuite' });
    expect(splitNodeId('Attente.\r\ncodage id: delais\r\n')).toEqual({ text: 'Attente.', id: 'delais' });
  });
});

describe('codage marks in selection and project descriptions', () => {
  const segment = { id: 'xpqdrvhy', exemplary: true as const, ambiguous: true as const, quote: 'q8m3zd0a' };
  it('writes exemplary, to confirm, the quote and the segment id, and reads them back in either language', () => {
    expect(selectionDescription(segment, 'fr')).toBe('Verbatim exemplaire\nEmplacement à confirmer (codage confirm)\nCitation codage\u00a0: q8m3zd0a\nSegment codage\u00a0: xpqdrvhy');
    for (const language of ['fr', 'en'] as const) {
      expect(readSelectionDescription(selectionDescription(segment, language)!)).toEqual({ marks: { exemplary: true, ambiguous: true, quote: 'q8m3zd0a', id: 'xpqdrvhy' } });
    }
    expect(readSelectionDescription('Exemplary quote')).toEqual({ marks: { exemplary: true } });
    // A place the coder confirmed (`codage confirm`).
    const confirmed = { id: 'b2rfh7db', confirmed: true as const };
    expect(selectionDescription(confirmed, 'fr')).toBe('Emplacement confirmé (codage confirm)\nSegment codage\u00a0: b2rfh7db');
    expect(selectionDescription(confirmed, 'en')).toBe('Place confirmed (codage confirm)\ncodage segment: b2rfh7db');
    for (const language of ['fr', 'en'] as const) {
      expect(readSelectionDescription(selectionDescription(confirmed, language)!)).toEqual({ marks: { confirmed: true, id: 'b2rfh7db' } });
    }
    // A place confirmed once, to confirm again (check --fix): one line, read back as both marks.
    const again = { id: 'b2rfh7db', ambiguous: true as const, confirmed: true as const };
    expect(selectionDescription(again, 'fr')).toBe('Emplacement à confirmer de nouveau\u00a0: l’endroit ou les mots autour ont changé (codage confirm)\nSegment codage\u00a0: b2rfh7db');
    for (const language of ['fr', 'en'] as const) {
      expect(readSelectionDescription(selectionDescription(again, language)!)).toEqual({ marks: { ambiguous: true, confirmed: true, id: 'b2rfh7db' } });
    }
    // The label projects exported by earlier versions carry reads the same.
    for (const earlier of ['Emplacement à confirmer de nouveau\u00a0: les mots autour ont changé (codage confirm)', 'Place to confirm again: the words around it changed (codage confirm)']) {
      expect(readSelectionDescription(`${earlier}\nSegment codage\u00a0: b2rfh7db`)).toEqual({ marks: { ambiguous: true, confirmed: true, id: 'b2rfh7db' } });
    }
    // An id that would not fit on its line is not written (the import derives one).
    expect(selectionDescription({ id: 'a b' }, 'en')).toBeUndefined();
  });
  it('reads another tool’s comment whole, as a memo, even when a line of it looks like a mark', () => {
    for (const text of ['À revoir avec Paul', 'Verbatim exemplaire\nÀ revoir', 'Segment codage : a\nSegment codage : b', 'Verbatim exemplaire, à citer']) {
      expect(readSelectionDescription(text)).toEqual({ marks: {}, rest: text });
    }
  });
  it('says the study’s language in the project’s description, and reads it back', () => {
    expect(projectDescription('fr', 'fr')).toBe('Étude codage. Langue de l’étude\u00a0: français (fr).');
    expect(readProjectLanguage(projectDescription('fr', 'en'))).toBe('fr');
    expect(readProjectLanguage(projectDescription('en', 'fr'))).toBe('en');
    expect(readProjectLanguage('Projet NVivo (fr)')).toBeUndefined();
    expect(readProjectLanguage(undefined)).toBeUndefined();
  });
});
