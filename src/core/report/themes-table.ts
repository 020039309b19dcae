/**
 * The results chapter's main table: Theme | Sub-theme | Code (n/N) | Verbatims, in codebook order
 * (without the Verbatims column when no quote is asked for, `--quotes 0`).
 * A theme's cell spans its codes' rows; each verbatim is the exact transcript text, quoted as
 * the language writes it, in italics, signed with the participant's label.
 */
import { codeTree, tallyCodes } from '../analysis/stats.js';
import type { CodebookNode, Language } from '../types.js';
import { type Cell, NO_VALUE, noValueCell, type Paragraph, type Row, type Table, textCell } from './document.js';
import { quoteLabel, quoteRuns, quotesByCode, selectQuotes, type Quote } from './quotes.js';
import { interviewRanks, type ReportStudy } from './report-study.js';
import { frenchSpacing } from './typography.js';

export interface ThemeTableOptions {
  /** Show participants n/N and references beside each code. */
  counts: boolean;
  /** Rows for codes no segment uses (default: shown, with no quote). */
  emptyCodes: boolean;
}

/** One code's row before layout: where it sits, its counts and its chosen quotes. */
export interface ThemeRow {
  /** Theme names from the top; codes not yet grouped have an empty path. */
  path: string[];
  code: CodebookNode | { id: string; name: string };
  participants: number;
  references: number;
  quotes: { quote: Quote; label: string }[];
  inCodebook: boolean;
}

const words = {
  fr: { theme: 'Thème', subTheme: 'Sous-thème', code: 'Code', verbatims: 'Verbatims', ungrouped: 'Codes non regroupés', unknown: 'Codes absents du livre de codes', refs: 'réf.' },
  en: { theme: 'Theme', subTheme: 'Sub-theme', code: 'Code', verbatims: 'Quotes', ungrouped: 'Codes not yet grouped', unknown: 'Codes missing from the codebook', refs: 'refs' },
} as const;

/** Each code's row: counts from every placed segment, quotes chosen as the study asks. */
export function themeRows(study: ReportStudy, options: Pick<ThemeTableOptions, 'emptyCodes'> = { emptyCodes: true }): ThemeRow[] {
  const placed = study.segments.filter((s) => s.status !== 'unplaced');
  const tree = codeTree(study.codebook, tallyCodes(placed));
  const quotes = quotesByCode(placed, interviewRanks(study.transcripts), study.selection.omitAnnotations, study.language);
  const labels = new Map<string, string>();
  const labelOf = (id: string) => {
    let label = labels.get(id);
    if (label === undefined) labels.set(id, (label = quoteLabel(study.quoteLabel, study.participants.get(id), id, study.language)));
    return label;
  };
  const rows: ThemeRow[] = [];
  for (const node of tree) {
    if (node.kind !== 'code') continue;
    if (!options.emptyCodes && node.references === 0) continue;
    const chosen = selectQuotes(quotes.get(node.id) ?? [], study.selection);
    rows.push({
      path: node.path,
      code: study.codebook.byId.get(node.id) ?? { id: node.id, name: node.name },
      participants: node.participants,
      references: node.references,
      quotes: chosen.map((quote) => ({ quote, label: labelOf(quote.participant) })),
      inCodebook: node.inCodebook,
    });
  }
  return rows;
}

/** `11/12, 21 réf.`; in English `21 refs`, but `1 ref.`. */
function countText(row: ThemeRow, total: number, language: Language): string {
  const refs = language === 'en' && row.references === 1 ? 'ref.' : words[language].refs;
  return `${row.participants}/${total}, ${row.references} ${refs}`;
}


/** Rows grouped under their theme cells, spans computed from consecutive equal paths. */
export function themesTable(study: ReportStudy, options: ThemeTableOptions, tableNumber?: number): Table {
  const language = study.language;
  const w = words[language];
  const rows = themeRows(study, options);
  const total = study.transcripts.length;
  // Theme levels shown as columns: one, or two when sub-themes exist; deeper levels are joined.
  const levels = rows.some((row) => row.path.length >= 2) ? 2 : 1;
  // A row with no sub-theme (a code directly under its theme, a code not grouped or not in the
  // codebook): '–' in the sub-theme column, so that in Markdown and HTML (no merged cells) it is
  // not read as a code of the sub-theme above it.
  const keyOf = (row: ThemeRow): string[] => {
    if (!row.inCodebook) return [w.unknown, ...(levels === 2 ? [NO_VALUE] : [])];
    if (row.path.length === 0) return [w.ungrouped, ...(levels === 2 ? [NO_VALUE] : [])];
    const top = row.path[0]!;
    if (levels === 1) return [top];
    return [top, row.path.length === 1 ? NO_VALUE : row.path.slice(1).join(' › ')];
  };
  const keys = rows.map(keyOf);
  // `--quotes 0`: a table of themes and codes, with no quotes column (not an empty one).
  const withQuotes = study.selection.max > 0;
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const key = keys[i]!;
    const cells: Cell[] = [];
    const newTheme = i === 0 || keys[i - 1]![0] !== key[0];
    for (let level = 0; level < levels; level++) {
      const same = (j: number) => keys[j]!.slice(0, level + 1).join('\u0000') === key.slice(0, level + 1).join('\u0000');
      if (i > 0 && same(i - 1)) continue;
      let span = 1;
      while (i + span < rows.length && same(i + span)) span++;
      // No sub-theme: `–` on a page, an empty cell in a spreadsheet.
      cells.push(level > 0 && key[level] === NO_VALUE ? { ...noValueCell(), ...(span > 1 ? { rowSpan: span } : {}) } : textCell(key[level]!, { rowSpan: span, bold: level === 0 }));
    }
    cells.push(textCell(options.counts ? `${row.code.name} (${countText(row, total, language)})` : row.code.name));
    if (withQuotes) cells.push({ paragraphs: row.quotes.length === 0 ? [[{ text: '' }]] : row.quotes.map((q) => quoteRuns(q.quote, q.label, language)) });
    out.push({ cells, groupStart: newTheme });
  }
  const columns = [
    { header: w.theme, width: levels === 2 ? 2.5 : 3 },
    ...(levels === 2 ? [{ header: w.subTheme, width: 2.6 }] : []),
    { header: options.counts ? (language === 'fr' ? 'Code (n/N, réf.)' : 'Code (n/N, refs)') : w.code, width: 3.4 },
    ...(withQuotes ? [{ header: w.verbatims, width: levels === 2 ? 8.5 : 9.6 }] : []),
  ];
  const title = withQuotes ? (language === 'fr' ? 'Thèmes, codes et verbatims' : 'Themes, codes and quotes') : language === 'fr' ? 'Thèmes et codes' : 'Themes and codes';
  return { caption: title, ...(tableNumber === undefined ? {} : { number: tableNumber }), columns, rows: out, note: themesNote(study, options) };
}

/** What the counts mean and how quotes were chosen, under the table. */
function themesNote(study: ReportStudy, options: ThemeTableOptions): Paragraph {
  const fr = study.language === 'fr';
  const s = study.selection;
  const parts: string[] = [];
  if (options.counts) {
    parts.push(
      fr
        ? `n/N : participants ayant abordé le code, sur ${study.transcripts.length} entretien${study.transcripts.length > 1 ? 's' : ''} ; réf. : nombre de verbatims codés (un verbatim en plusieurs passages compte une fois)`
        : `n/N: participants who mentioned the code, of ${study.transcripts.length} interview${study.transcripts.length > 1 ? 's' : ''}; refs: coded quotes (a quote in several passages counts once)`,
    );
  }
  const order = fr
    ? { interview: "dans l’ordre des entretiens", shortest: 'les plus courts d’abord', longest: 'les plus longs d’abord' }[s.order]
    : { interview: 'in interview order', shortest: 'shortest first', longest: 'longest first' }[s.order];
  // `--quotes 0`: no quote is shown, so there is no choosing to describe.
  if (s.max <= 0) parts.push(fr ? 'sans verbatims' : 'no quotes shown');
  else {
    const howMany = !Number.isFinite(s.max)
      ? fr ? 'tous les verbatims' : 'all quotes'
      : fr ? `au plus ${s.max} verbatim${s.max > 1 ? 's' : ''} par code` : `at most ${s.max} quote${s.max > 1 ? 's' : ''} per code`;
    parts.push(
      fr
        ? `${howMany}${s.exemplaryFirst ? ', exemplaires d’abord' : ''}, ${order}${s.onePerParticipant ? ', un par participant' : ''}${s.omitAnnotations ? ', annotations de transcription (rires, silences) omises' : ''}`
        : `${howMany}${s.exemplaryFirst ? ', exemplary ones first' : ''}, ${order}${s.onePerParticipant ? ', one per participant' : ''}${s.omitAnnotations ? ', transcription marks (laughter, silences) left out' : ''}`,
    );
  }
  if (study.coders.length > 0) parts.push(fr ? `codage : ${study.coders.join(', ')}` : `coding: ${study.coders.join(', ')}`);
  return [{ text: frenchSpacing(`${parts.join(fr ? ' ; ' : '; ')}.`, study.language) }];
}
