/**
 * What could identify someone in a transcript: e-mail addresses, web addresses, phone numbers
 * (French and international), social security numbers, postal codes and street addresses, dates
 * (of birth above all), titles followed by a name (`Dr Martin`, `Mme Dupont`), names of
 * institutions (`hôpital Charles-Nicolle`, `CHU de Rouen`), known first names, surnames and towns,
 * the user's own lists of places and institutions, and capitalised words that are neither a
 * sentence start nor an ordinary word.
 *
 * Each finding is `likely` (an identifier in all likelihood: the check fails) or only `possible`
 * (a capitalised word nobody listed: shown for review). Placeholders of an anonymised transcript
 * (`Mme X`, `[ville]`, `[Dr A]`) and words the study allows are never findings.
 */
import { AMBIGUOUS_NAMES, FIRST_NAMES, fold, ORDINARY_CAPITALISED, SURNAMES, TITLES, TOWNS } from './names.js';

export type FindingKind =
  | 'email'
  | 'url'
  | 'phone'
  | 'social-security'
  | 'postal-code'
  | 'address'
  | 'date-of-birth'
  | 'date'
  | 'title-name'
  | 'institution'
  | 'place'
  | 'first-name'
  | 'surname'
  | 'name';

export interface Finding {
  start: number;
  end: number;
  kind: FindingKind;
  text: string;
  likely: boolean;
}

export interface PrivacyLists {
  /** Words and phrases the study keeps as they are (folded when compared). */
  allow?: readonly string[];
  /** Towns, villages, regions of the study (`Yvetot`, `Pays de Caux`). */
  places?: readonly string[];
  /** Hospitals, practices, associations (`Clinique du Cèdre`, `MSP des Falaises`). */
  institutions?: readonly string[];
  /** Names to look for besides the built-in lists (a participant's relatives, colleagues). */
  names?: readonly string[];
}

const UPPER = '\\p{Lu}';
const WORD_TAIL = "[\\p{L}\\p{M}'’-]*";
const NAME_WORD = `${UPPER}[\\p{Ll}\\p{M}]${WORD_TAIL}`;

/** `Dr|Dr\.|Mme|…`: the titles before a name, as a regular expression's alternatives. */
const TITLE_WORDS = TITLES.map((t) => t.replace('.', '\\.')).join('|');

const PATTERNS: { kind: FindingKind; re: RegExp; likely: boolean }[] = [
  // Tried only where a run of the address's characters starts (the lookbehind): the same matches, but
  // without scanning the rest of every word again from each of its letters (0.77 s of 200 interviews).
  { kind: 'email', re: /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu, likely: true },
  { kind: 'url', re: /\b(?:https?:\/\/|www\.)[^\s<>«»"]+[^\s<>«»".,;:!?)\]]/giu, likely: true },
  // A French number (01 23 45 67 89, 01.23.45.67.89, 0123456789) or an international one (+33 6 12 34 56 78, +44 20 7946 0958).
  { kind: 'phone', re: /(?<![\d+])(?:\+\d{1,3}[\s.-]?(?:\(0\))?[\s.-]?\d(?:[\s.-]?\d){7,11}|0[1-9](?:[\s.-]?\d{2}){4})(?!\d)/gu, likely: true },
  // The French NIR: sex, year, month (or 20–99), department (or 2A/2B), town, order, and key.
  { kind: 'social-security', re: /(?<!\d)[12][\s.]?\d{2}[\s.]?(?:0[1-9]|1[0-2]|[2-9]\d)[\s.]?(?:\d{2}|2[AB])[\s.]?\d{3}[\s.]?\d{3}(?:[\s.]?\d{2})?(?!\d)/gu, likely: true },
  { kind: 'social-security', re: /(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)/gu, likely: true },
  {
    kind: 'address',
    re: new RegExp(
      `(?:\\b\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+)?\\b(?:${eitherCase(['rue', 'avenue', 'av.', 'boulevard', 'bd', 'place', 'chemin', 'allée', 'impasse', 'route', 'quai', 'cours', 'square', 'lieu-dit', 'street', 'road', 'lane'])})\\s+(?:(?:de\\s+la|de\\s+l['’]|du|des|de|d['’]|la|le|les)\\s*)?${NAME_WORD}(?:[\\s-]+(?:de\\s+|du\\s+)?${NAME_WORD})*`,
      'gu',
    ),
    likely: true,
  },
  { kind: 'postal-code', re: new RegExp(`(?<!\\d)(?:0[1-9]|[1-8]\\d|9[0-8])\\d{3}\\s+${NAME_WORD}`, 'gu'), likely: true },
  {
    kind: 'date-of-birth',
    re: /\b(?:née?s?|naissance|born|birth|date of birth|DDN)(?![\p{L}\p{N}])[^.\n]{0,25}?\b(?:\d{1,2}(?:er)?[\s/.-]+(?:\d{1,2}|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|january|february|march|april|may|june|july|august|september|october|november|december)[\s/.-]+(?:19|20)?\d{2}|(?:19|20)\d{2})\b/giu,
    likely: true,
  },
  {
    kind: 'date',
    re: /\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}|\d{1,2}(?:er)?\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:19|20)\d{2})\b/giu,
    likely: false,
  },
  {
    kind: 'institution',
    re: new RegExp(
      // A title after the place (`l'hôpital Mme Girard`) starts a person's name, not the institution's.
      `\\b(?:hôpital|hopital|CHU|CHR|CH|clinique|centre hospitalier|polyclinique|EHPAD|maison de santé|MSP|cabinet|centre de santé|hospital|clinic)\\s+(?:(?:de\\s+la|de\\s+l['’]|du|des|de|d['’])\\s*)?(?!(?:${TITLE_WORDS})(?![\\p{L}]))(?:(?:Saint|Sainte|St|Ste)[\\s-])?${NAME_WORD}(?:-${NAME_WORD})*`,
      'gu',
    ),
    likely: true,
  },
];

const TITLE_NAME = new RegExp(
  `(?<![\\p{L}])(?:${TITLE_WORDS})(?:\\s+|(?<=\\.))(${NAME_WORD}(?:[\\s-]+${NAME_WORD})?)`,
  'gu',
);

const NAME_KINDS = new Set<FindingKind>(['first-name', 'surname', 'name']);

const WORD = new RegExp(`${UPPER}${WORD_TAIL}`, 'gu');

/** Placeholders left by an anonymisation: `X`, `Y`, `[ville]`, `[Dr A]`, `P3`. */
function isPlaceholder(word: string): boolean {
  return /^\p{Lu}\.?$/u.test(word) || /^\p{Lu}{1,4}\d*$/u.test(word);
}

/** Whether the text before `at` ends a sentence (or a line, a label, a quotation opening). */
function atSentenceStart(text: string, at: number): boolean {
  let i = at - 1;
  for (;;) {
    while (i >= 0 && /[\s«“"'([—–-]/u.test(text[i]!)) {
      if (text[i] === '\n') return true;
      i--;
    }
    // An annotation between two sentences (`*rire*`, `(silence)`) is looked through.
    const close = text[i];
    const open = close === '*' ? '*' : close === ')' ? '(' : null;
    if (open === null) break;
    const before = text.lastIndexOf(open, i - 1);
    if (before === -1 || i - before > 40) break;
    i = before - 1;
  }
  return i < 0 || /[.!?…:;\]»]/u.test(text[i]!);
}

/** `rue` → `[Rr]ue`: a street word in either case, the name after it capitalised. */
function eitherCase(words: readonly string[]): string {
  return words.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1).replace('.', '\\.')}`).join('|');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex finding any phrase of the list, as whole words, regardless of case and accents. */
export function listPattern(list: readonly string[]): RegExp | null {
  const phrases = list.map((p) => p.trim()).filter(Boolean);
  if (phrases.length === 0) return null;
  const body = phrases
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p.normalize('NFC')).replace(/\s+/g, '\\s+'))
    .join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu');
}

function foldPhrase(s: string): string {
  return fold(s).replace(/\s+/g, ' ').trim();
}

/** A capitalised word as a possible name, whatever its place in the text. */
interface CapitalisedWord {
  /** The word without trailing apostrophes or hyphens. */
  length: number;
  /** The name in it: the whole word, or what follows an elided article (`d'Yvetot`). */
  nameLength: number;
  elided: boolean;
  kind: 'place' | 'first-name' | 'surname' | 'name';
  /** Also an ordinary word: not taken for a name at the start of a sentence. */
  ambiguous: boolean;
}

/** What a capitalised word may be; null when it is no name at all (a placeholder, an acronym, an ordinary word). */
function capitalisedWord(match: string): CapitalisedWord | null {
  const word = match.replace(/['’-]+$/u, '');
  if (isPlaceholder(word) || word === word.toUpperCase()) return null;
  // `l'Hôpital`, `d'Yvetot`: the elided article is not part of the name.
  const elided = /^(?:\p{L}['’])(\p{Lu}.*)$/u.exec(word);
  const name = elided ? elided[1]! : word;
  const key = fold(name);
  if (ORDINARY_CAPITALISED.has(key)) return null;
  const ambiguous = AMBIGUOUS_NAMES.has(key);
  const parts = key.split('-');
  const kind = TOWNS.has(key)
    ? 'place'
    : FIRST_NAMES.has(key) || (ambiguous && !SURNAMES.has(key)) || (parts.length === 2 && parts.every((p) => FIRST_NAMES.has(p)))
      ? 'first-name'
      : SURNAMES.has(key)
        ? 'surname'
        : 'name';
  return { length: word.length, nameLength: name.length, elided: elided !== null, kind, ambiguous };
}

/** Every finding in `text`, in order; where two overlap, the longer (then the likelier) is kept. */
export function findIdentifiers(text: string, lists: PrivacyLists = {}): Finding[] {
  const allow = new Set((lists.allow ?? []).map(foldPhrase));
  const all: Finding[] = [];
  const add = (start: number, end: number, kind: FindingKind, likely: boolean) => {
    const found = text.slice(start, end);
    if (allow.has(foldPhrase(found))) return;
    all.push({ start, end, kind, text: found, likely });
  };

  for (const { kind, re, likely } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) add(m.index, m.index + m[0].length, kind, likely);
  }
  for (const [kind, list] of [['place', lists.places], ['institution', lists.institutions], ['first-name', lists.names]] as const) {
    const re = listPattern(list ?? []);
    if (re === null) continue;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) add(m.index, m.index + m[0].length, kind, true);
  }
  TITLE_NAME.lastIndex = 0;
  for (let m = TITLE_NAME.exec(text); m !== null; m = TITLE_NAME.exec(text)) {
    const name = m[1]!;
    if (isPlaceholder(name) || ORDINARY_CAPITALISED.has(fold(name))) continue;
    add(m.index, m.index + m[0].length, 'title-name', true);
  }
  // A transcript says the same capitalised words again and again (Alors, Je, Et, its people's
  // names): what a word is, apart from where it stands, is worked out once per word.
  const words = new Map<string, CapitalisedWord | null>();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let word = words.get(m[0]);
    if (word === undefined) {
      word = capitalisedWord(m[0]);
      words.set(m[0], word);
    }
    if (word === null) continue;
    const start = m.index;
    const end = start + word.length;
    const nameStart = end - word.nameLength;
    if (word.kind === 'name') {
      if (word.elided || !atSentenceStart(text, start)) add(nameStart, end, 'name', false);
    } else if (!(word.ambiguous && !word.elided && atSentenceStart(text, start))) {
      add(nameStart, end, word.kind, true);
    }
  }

  // A first name and a surname side by side are one name (`Sylvie Marchand`).
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  for (let i = 0; i + 1 < all.length; i++) {
    const a = all[i]!;
    const b = all[i + 1]!;
    if (NAME_KINDS.has(a.kind) && NAME_KINDS.has(b.kind) && /^[ \u00a0]$/u.test(text.slice(a.end, b.start))) {
      all.splice(i, 2, {
        start: a.start,
        end: b.end,
        kind: a.kind === 'first-name' || b.kind === 'first-name' ? 'first-name' : a.kind === 'surname' || b.kind === 'surname' ? 'surname' : 'name',
        text: text.slice(a.start, b.end),
        likely: a.likely || b.likely,
      });
      i--;
    }
  }

  // Longest first, then likely before possible: overlapping findings are one.
  all.sort((a, b) => a.start - b.start || b.end - a.end || Number(b.likely) - Number(a.likely));
  const kept: Finding[] = [];
  for (const f of all) {
    const last = kept[kept.length - 1];
    if (last !== undefined && f.start < last.end) {
      if (f.likely && !last.likely && f.end <= last.end) last.likely = true;
      continue;
    }
    kept.push(f);
  }
  return kept;
}

/** Front-matter attributes whose value is a place (`ville: Fécamp`), whatever the word. */
const PLACE_ATTRIBUTES = new Set(['ville', 'commune', 'village', 'lieu', 'lieu d exercice', 'adresse', 'city', 'town', 'place', 'address', 'hopital', 'hospital', 'cabinet', 'etablissement']);

/**
 * What may identify someone in a front-matter value: what `findIdentifiers` finds in it, and the
 * whole value of an attribute that names a place (`ville: Fécamp` is not a sentence: no word of it
 * is at a sentence start, and a small town is in no list). Positions are within the value.
 */
export function findAttributeIdentifiers(attribute: string, value: string, lists: PrivacyLists = {}): Finding[] {
  const found = findIdentifiers(value, lists);
  const text = value.trim();
  if (text === '' || !PLACE_ATTRIBUTES.has(fold(attribute).replace(/[\s'’_-]+/g, ' ').trim())) return found;
  // An anonymisation label (`[town]`), or a value the study allows.
  if (/^\[[^\]]*\]$/.test(text) || (lists.allow ?? []).some((a) => fold(a) === fold(text))) return found;
  const start = value.indexOf(text);
  return [{ start, end: start + text.length, kind: 'place', text, likely: true }];
}
