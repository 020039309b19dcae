/**
 * Which column of a coding spreadsheet holds what: participant, code, quote, and optionally
 * theme, sub-theme, memo, and the quote id of codage's own segment listings (`quote_id`,
 * `id_citation`). Header names are compared folded (case, accents, punctuation).
 */
import { foldForSearch } from '../text/fold.js';

export interface ImportColumns {
  participant: number;
  code: number;
  quote: number;
  theme?: number;
  /** A "sous-thème" column next to a code column: its cell extends the theme path. */
  subtheme?: number;
  memo?: number;
  /**
   * The id the passages of one quote share, in codage's own segment listings: rows with the same
   * id (for one participant) are one quote again.
   */
  quoteId?: number;
  /**
   * Where the passage starts and ends in its transcript (code points), in codage's own segment
   * listings (`start`/`end`, `début`/`fin`): both, or neither.
   */
  start?: number;
  end?: number;
}

export type RequiredColumn = 'participant' | 'code' | 'quote';
type Role = RequiredColumn | 'theme' | 'subtheme' | 'memo' | 'quoteId' | 'start' | 'end';

const SYNONYMS: Record<Role, string[]> = {
  participant: [
    'participant', 'participante', 'participants', 'entretien', 'entretiens', 'interview', 'interviews', 'id', 'p',
    'code participant', 'repondant', 'repondante', 'source', 'sources', 'document', 'documents', 'fichier', 'file',
    'respondent', 'interviewee', 'n entretien', 'numero entretien', 'numero participant',
  ],
  code: ['code', 'codes', 'noeud', 'noeuds', 'node', 'nodes', 'etiquette', 'etiquettes', 'label', 'labels'],
  quote: [
    'quote', 'quotes', 'verbatim', 'verbatims', 'citation', 'citations', 'extrait', 'extraits', 'texte', 'text',
    'passage', 'passages', 'segment', 'segments', 'unite de sens', 'unites de sens', 'excerpt',
  ],
  theme: ['theme', 'themes', 'categorie', 'categories', 'category', 'categories', 'axe', 'axes', 'dimension', 'dimensions'],
  subtheme: ['sous theme', 'sous themes', 'sous categorie', 'sous categories', 'sub theme', 'subtheme', 'subcategory'],
  memo: ['memo', 'memos', 'note', 'notes', 'commentaire', 'commentaires', 'comment', 'comments', 'remarque', 'remarques'],
  // As `codage segments` names it (csv, excel and xlsx, in English and in French): exact names only.
  quoteId: ['quote id', 'id citation'],
  start: ['start', 'debut'],
  end: ['end', 'fin'],
};

/** Roles tried, in order, when a header only contains a synonym ("Verbatim (extrait)", "Thème principal"). */
const LOOSE_ORDER: Role[] = ['participant', 'quote', 'subtheme', 'theme', 'memo', 'code'];

export function foldHeader(name: string): string {
  return foldForSearch(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function containsPhrase(header: string, phrase: string): boolean {
  return ` ${header} `.includes(` ${phrase} `);
}

/** Finds the columns, or says which required ones are missing. */
export function detectColumns(header: string[]): ImportColumns | { missing: RequiredColumn[] } {
  const folded = header.map(foldHeader);
  const found: Partial<Record<Role, number>> = {};
  const used = new Set<number>();
  const take = (role: Role, index: number): void => {
    found[role] = index;
    used.add(index);
  };

  // Exact names first, the likelier name first: in codage's own segment listings, `texte`
  // (the quote) and `segment` (its id) are both there, and the quote is the text.
  for (const role of Object.keys(SYNONYMS) as Role[]) {
    for (const name of SYNONYMS[role]) {
      const index = folded.findIndex((h, i) => !used.has(i) && h === name);
      if (index >= 0) {
        take(role, index);
        break;
      }
    }
  }
  // Then headers containing a name (multi-letter names only: "p" and "id" must stand alone).
  for (const role of LOOSE_ORDER) {
    if (found[role] !== undefined) continue;
    const names = SYNONYMS[role].filter((s) => s.length > 2);
    const index = folded.findIndex((h, i) => !used.has(i) && names.some((s) => containsPhrase(h, s)));
    if (index >= 0) take(role, index);
  }
  // No code column: the sub-theme column holds the codes.
  if (found.code === undefined && found.subtheme !== undefined) {
    found.code = found.subtheme;
    delete found.subtheme;
  }

  const missing = (['participant', 'code', 'quote'] as const).filter((r) => found[r] === undefined);
  if (missing.length > 0) return { missing };
  const columns: ImportColumns = { participant: found.participant!, code: found.code!, quote: found.quote! };
  if (found.theme !== undefined) columns.theme = found.theme;
  if (found.subtheme !== undefined) columns.subtheme = found.subtheme;
  if (found.memo !== undefined) columns.memo = found.memo;
  if (found.quoteId !== undefined) columns.quoteId = found.quoteId;
  if (found.start !== undefined && found.end !== undefined) {
    columns.start = found.start;
    columns.end = found.end;
  }
  return columns;
}
