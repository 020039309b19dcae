/**
 * Anonymising transcripts: a replacement table (what was said → the label that replaces it,
 * `Dr Lefebvre` → `[Dr A]`, `CHU de Rouen` → `[hôpital]`), the same everywhere in the study, and
 * the codings moved with the text they quote, so that every quote stays exactly the transcript's
 * text. Pure: the command reads and writes.
 */
import { AMBIGUOUS_NAMES } from './names.js';
import { contextOf } from '../anchoring/context.js';
import type { OffsetMap } from '../text/offsets.js';
import type { Language, Segment } from '../types.js';
import { listPattern, type Finding, type FindingKind } from './find.js';
import { fold } from './names.js';

export interface Edit {
  /** UTF-16 offsets in the old text, half-open. */
  start: number;
  end: number;
  original: string;
  replacement: string;
}

/** Original → replacement; originals compared without regard to case, accents and spacing. */
export type ReplacementTable = Map<string, string>;

export function tableKey(original: string): string {
  return fold(original).replace(/\s+/g, ' ').trim();
}

const GENERIC: Record<Language, Partial<Record<FindingKind, string>>> = {
  fr: {
    email: '[e-mail]',
    url: '[site web]',
    phone: '[téléphone]',
    'social-security': '[n° de sécurité sociale]',
    'postal-code': '[code postal, ville]',
    address: '[adresse]',
    'date-of-birth': '[date de naissance]',
    date: '[date]',
    place: '[ville]',
  },
  en: {
    email: '[e-mail]',
    url: '[website]',
    phone: '[phone]',
    'social-security': '[social security number]',
    'postal-code': '[postal code, town]',
    address: '[address]',
    'date-of-birth': '[date of birth]',
    date: '[date]',
    place: '[town]',
  },
};

const HOSPITAL = /^(?:hôpital|hopital|CHU|CHR|CH|centre hospitalier|polyclinique|clinique|hospital|clinic)\b/iu;
const TITLE = /^(\S+)\s/u;

/** Letters for people, in order of first appearance: A…Z, then AA, AB… */
function letters(n: number): string {
  return n < 26 ? String.fromCharCode(65 + n) : letters(Math.floor(n / 26) - 1) + letters(n % 26);
}

/**
 * The replacement of each likely finding not yet in `table`, added to it: a person gets a letter
 * (`[A]`, `[Dr B]` keeping the title), the same person the same letter wherever it appears; a
 * place, an institution, a phone number… a label of its kind.
 */
/** A letter label alone (`[A]`): a person's, not a generic one (`[town]`). */
const PERSON_LABEL = /^\[[A-Z]{1,3}\]$/;

/**
 * The label already given to the same person under another form of their name: `Gérard` after
 * `Gérard Lemoine` (or the other way round) gets the same letter, when only one name of the table
 * starts with that first name (two Gérards stay two people).
 */
function samePerson(table: ReplacementTable, key: string): string | undefined {
  const words = key.split(' ');
  if (words.length === 1) {
    const full = [...table].filter(([k, v]) => k.startsWith(`${key} `) && PERSON_LABEL.test(v));
    return full.length === 1 ? full[0]![1] : undefined;
  }
  const first = table.get(words[0]!);
  if (first === undefined || !PERSON_LABEL.test(first)) return undefined;
  const others = [...table.keys()].filter((k) => k !== key && k.startsWith(`${words[0]} `));
  return others.length === 0 ? first : undefined;
}

export function extendTable(table: ReplacementTable, findings: readonly Finding[], language: Language): void {
  const used = new Set<string>();
  for (const value of table.values()) {
    const m = /\[(?:\S+ )?([A-Z]{1,3})\]$/.exec(value);
    if (m) used.add(m[1]!);
  }
  let next = 0;
  const newLetter = (): string => {
    while (used.has(letters(next))) next++;
    const l = letters(next++);
    used.add(l);
    return l;
  };
  for (const f of findings) {
    if (!f.likely) continue;
    const key = tableKey(f.text);
    if (table.has(key)) continue;
    let replacement = GENERIC[language][f.kind];
    if (replacement === undefined) {
      if (f.kind === 'institution') replacement = HOSPITAL.test(f.text) ? (language === 'fr' ? '[hôpital]' : '[hospital]') : language === 'fr' ? '[établissement]' : '[institution]';
      else if (f.kind === 'title-name') {
        // `Dr Lefebvre` → `[Dr A]`; the same surname alone later gets the same letter.
        const title = TITLE.exec(f.text)![1]!;
        const surname = tableKey(f.text.slice(title.length));
        const known = table.get(surname);
        const letter = known !== undefined ? /([A-Z]{1,3})\]$/.exec(known)?.[1] ?? newLetter() : newLetter();
        if (known === undefined) table.set(surname, `[${letter}]`);
        replacement = `[${title} ${letter}]`;
      } else replacement = samePerson(table, key) ?? `[${newLetter()}]`;
    }
    table.set(key, replacement);
    // `76210 Bolbec`: the town is a place wherever else it is said (`kiné à Bolbec`).
    if (f.kind === 'postal-code') {
      const town = f.text.replace(/^[\d\s]+/u, '').trim();
      const townKey = tableKey(town);
      if (/\p{L}/u.test(town) && !table.has(townKey)) table.set(townKey, GENERIC[language].place!);
    }
  }
}

/**
 * How each UTF-16 unit folds alone (`É` → `e`): the folded unit, KEEP when its fold has another
 * length (`œ` → `oe`) or NOT_YET; astral characters, in pairs, are folded as they come.
 */
const NOT_YET = -1;
const KEEP = -2;
const unitFolds = new Int32Array(0x10000).fill(NOT_YET);

/**
 * `text` with each character folded alone, where that keeps its length: offsets in the copy are
 * offsets in `text` (one pass over code units, each distinct one folded once).
 */
function foldedInPlace(text: string): string {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const lo = c >= 0xd800 && c <= 0xdbff ? text.charCodeAt(i + 1) : 0;
    if (lo >= 0xdc00 && lo <= 0xdfff) {
      const folded = fold(text.slice(i, i + 2));
      const keep = folded.length !== 2;
      out[i] = keep ? c : folded.charCodeAt(0);
      out[i + 1] = keep ? lo : folded.charCodeAt(1);
      i++;
      continue;
    }
    let f = unitFolds[c] as number;
    if (f === NOT_YET) {
      const folded = fold(String.fromCharCode(c));
      f = folded.length === 1 ? folded.charCodeAt(0) : KEEP;
      unitFolds[c] = f;
    }
    out[i] = f === KEEP ? c : f;
  }
  return new TextDecoder('utf-16le').decode(out);
}

/** Where the table's originals appear in `text`, as whole words, longest first, never overlapping. */
export function planEdits(text: string, table: ReplacementTable): Edit[] {
  const re = listPattern([...table.keys()].length === 0 ? [] : [...new Set([...table.keys()])]);
  if (re === null) return [];
  // The table's keys are folded: search a folded copy of the text (folding keeps UTF-16 lengths for Latin text).
  const folded = foldedInPlace(text);
  const edits: Edit[] = [];
  for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
    const original = text.slice(m.index, m.index + m[0].length);
    const key = tableKey(m[0]);
    const replacement = table.get(key);
    if (replacement === undefined || original === replacement) continue;
    // A name that is also a word (Pierre, Rose, Blanc) is not replaced where it is written as the
    // word, in lowercase: « jeter la pierre » stays as it was said.
    if (AMBIGUOUS_NAMES.has(key) && /^\p{Ll}/u.test(original)) continue;
    edits.push({ start: m.index, end: m.index + m[0].length, original, replacement });
  }
  return edits;
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  const parts: string[] = [];
  let last = 0;
  for (const e of edits) {
    parts.push(text.slice(last, e.start), e.replacement);
    last = e.end;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** Where a position of the old text is in the new one; inside a replaced span, at its start (or end). */
function movePosition(pos: number, edits: readonly Edit[], towardsEnd: boolean): number {
  let shift = 0;
  for (const e of edits) {
    if (pos <= e.start) break;
    if (pos < e.end) return e.start + shift + (towardsEnd ? e.replacement.length : 0);
    shift += e.replacement.length - (e.end - e.start);
  }
  return pos + shift;
}

export type SegmentMove = { ok: true; segment: Segment } | { ok: false; segment: Segment };

/**
 * A segment of the old text moved into the new one, with the new text it covers and the new text
 * around it (the context kept for re-anchoring held the old text: names, phone numbers, e-mails
 * left in the coder file). Refused (`ok: false`) when the segment is not exactly at its offsets in
 * the old text: it must be re-anchored (`codage check --fix`) before the transcript changes.
 */
export function moveSegment(segment: Segment, oldText: string, newText: string, edits: readonly Edit[], maps: { old: OffsetMap; new: OffsetMap }): SegmentMove {
  const start = maps.old.toUtf16(segment.start);
  const end = maps.old.toUtf16(segment.end);
  if (start < 0 || end < 0 || oldText.slice(start, end) !== segment.text) return { ok: false, segment };
  const newStart = movePosition(start, edits, false);
  const newEnd = movePosition(end, edits, true);
  return {
    ok: true,
    segment: {
      ...segment,
      start: maps.new.toCodePoint(newStart),
      end: maps.new.toCodePoint(newEnd),
      text: newText.slice(newStart, newEnd),
      ...(segment.prefix !== undefined || segment.suffix !== undefined ? contextOf(newText, newStart, newEnd) : {}),
    },
  };
}
