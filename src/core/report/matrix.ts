/**
 * Cross-group views. `matrix --by ATTRIBUTE`: codes × values of a participant attribute (GPs vs
 * specialists), each cell the participants of that group who mentioned the code (n/N), with a
 * quote on request. `matrix --by pair`: the two sides of each pair face to face, each cell the
 * references of that participant. `cooccurrence`: codes × codes, counting the segments (or the
 * sentences) where both appear.
 */
import { codeTree, groupValue, isNewReference, tallyCodes } from '../analysis/stats.js';
import { compareNatural } from '../natural-sort.js';
import type { AnchoredSegment } from '../study/anchor-codings.js';
import type { Sentence, Transcript } from '../types.js';
import { type Cell, numberCell, type Paragraph, type Row, type Table, textCell } from './document.js';
import { quoteLabel, quoteRuns, quotesByCode, selectQuotes } from './quotes.js';
import { interviewRanks, type ReportStudy } from './report-study.js';
import { frenchSpacing } from './typography.js';

/** Codes in codebook order with at least one reference, with their theme's name. */
function usedCodes(study: ReportStudy): { id: string; name: string; theme: string }[] {
  const placed = study.segments.filter((s) => s.status !== 'unplaced');
  const fr = study.language === 'fr';
  return codeTree(study.codebook, tallyCodes(placed))
    .filter((row) => row.kind === 'code' && row.references > 0)
    .map((row) => ({ id: row.id, name: row.name, theme: row.path[0] ?? (row.inCodebook ? (fr ? 'Codes non regroupés' : 'Not yet grouped') : fr ? 'Absents du livre de codes' : 'Not in the codebook') }));
}

/** Leading theme cells spanning their codes, then the code's own cells. */
function themedRows(codes: { theme: string }[], body: (i: number) => Cell[]): Row[] {
  return codes.map((code, i) => {
    const cells: Cell[] = [];
    const first = i === 0 || codes[i - 1]!.theme !== code.theme;
    if (first) {
      let span = 1;
      while (i + span < codes.length && codes[i + span]!.theme === code.theme) span++;
      cells.push(textCell(code.theme, { rowSpan: span, bold: true }));
    }
    cells.push(...body(i));
    return { cells, groupStart: first };
  });
}

export interface MatrixOptions {
  by: string;
  /** Add one quote per cell, chosen as the themes table chooses them. */
  quotes: boolean;
}

/** Codes × groups: n/N per group, optionally a quote of that group. */
export function groupMatrix(study: ReportStudy, options: MatrixOptions): Table {
  const fr = study.language === 'fr';
  const members = new Map<string, Set<string>>();
  for (const t of study.transcripts) {
    const value = groupValue(study.participants, t.id, options.by);
    if (!members.has(value)) members.set(value, new Set());
    members.get(value)!.add(t.id);
  }
  const groups = [...members.keys()].sort(compareNatural);
  const placed = study.segments.filter((s) => s.status !== 'unplaced');
  const tally = tallyCodes(placed);
  const codes = usedCodes(study);
  const quotes = options.quotes ? quotesByCode(placed, interviewRanks(study.transcripts), study.selection.omitAnnotations, study.language) : undefined;
  const rows = themedRows(codes, (i) => {
    const code = codes[i]!;
    const mentioned = tally.get(code.id)?.participants ?? new Set<string>();
    return [
      textCell(code.name),
      ...groups.map((g) => {
        const ids = members.get(g)!;
        let n = 0;
        for (const p of mentioned) if (ids.has(p)) n++;
        // In a spreadsheet, n alone (N is in the column's header): the number can be sorted and
        // summed, where `9/10` is text — and a date (9 October) to French Excel opening a CSV.
        if (!quotes) return numberCell(n, `${n}/${ids.size}`);
        // With its quote, the cell is text, its count first.
        const paragraphs: Paragraph[] = [[{ text: `${n}/${ids.size}` }]];
        const [quote] = selectQuotes((quotes.get(code.id) ?? []).filter((q) => ids.has(q.participant)), { ...study.selection, max: 1 });
        if (quote) paragraphs.push(quoteRuns(quote, quoteLabel(study.quoteLabel, study.participants.get(quote.participant), quote.participant, study.language), study.language));
        return { paragraphs };
      }),
    ];
  });
  return {
    caption: fr ? `Codes par ${options.by} (participants n/N)` : `Codes by ${options.by} (participants n/N)`,
    columns: [
      { header: fr ? 'Thème' : 'Theme', width: 2.4 },
      { header: 'Code', width: 2.6 },
      ...groups.map((g) => ({ header: `${g} (N = ${members.get(g)!.size})`, width: options.quotes ? 4 : 1.4, align: options.quotes ? ('left' as const) : ('right' as const) })),
    ],
    rows,
    note: [{ text: frenchSpacing(fr ? `n/N : participants du groupe ayant abordé le code ; codage : ${study.coders.join(', ')}.` : `n/N: participants of the group who mentioned the code; coding: ${study.coders.join(', ')}.`, study.language) }],
    landscape: groups.length > 4 || (options.quotes && groups.length > 2),
  };
}

/** The pairs of the study: pair value → its members, in interview order. */
export function pairsOf(study: ReportStudy): Map<string, string[]> {
  const pairs = new Map<string, string[]>();
  const attribute = study.pairAttribute;
  if (attribute === undefined) return pairs;
  for (const t of study.transcripts) {
    const value = study.participants.get(t.id)?.attributes[attribute];
    if (value === undefined || value === null || String(value).trim() === '') continue;
    const key = String(value).trim();
    if (!pairs.has(key)) pairs.set(key, []);
    pairs.get(key)!.push(t.id);
  }
  return new Map([...pairs.entries()].sort((a, b) => compareNatural(a[0], b[0])));
}

/** Codes × the sides of each pair, face to face: references per participant, `–` when none. */
export function pairMatrix(study: ReportStudy): Table {
  const fr = study.language === 'fr';
  const pairs = pairsOf(study);
  const sides: { pair: string; id: string }[] = [];
  for (const [pair, ids] of pairs) for (const id of ids) sides.push({ pair, id });
  const refs = new Map<string, number>();
  const counted = new Set<string>();
  for (const s of study.segments) {
    if (s.status === 'unplaced') continue;
    for (const code of s.segment.codes.length === 1 ? s.segment.codes : new Set(s.segment.codes)) {
      if (!isNewReference(counted, code, s)) continue;
      const key = `${code}\u0000${s.segment.participant}`;
      refs.set(key, (refs.get(key) ?? 0) + 1);
    }
  }
  const codes = usedCodes(study);
  const rows = themedRows(codes, (i) => {
    const code = codes[i]!;
    const shared = [...pairs.values()].filter((ids) => ids.length > 1 && ids.every((id) => refs.has(`${code.id}\u0000${id}`))).length;
    return [
      textCell(code.name),
      ...sides.map((side) => numberCell(refs.get(`${code.id}\u0000${side.id}`) ?? 0, String(refs.get(`${code.id}\u0000${side.id}`) ?? '–'))),
      numberCell(shared),
    ];
  });
  return {
    caption: fr ? `Paires face à face (${study.pairAttribute ?? 'pair'})\u00a0: références par participant` : `Pairs face to face (${study.pairAttribute ?? 'pair'}): references per participant`,
    columns: [
      { header: fr ? 'Thème' : 'Theme', width: 2.4 },
      { header: 'Code', width: 2.6 },
      ...sides.map((side) => ({ header: `${side.pair} · ${side.id}`, width: 1.2, align: 'right' as const })),
      { header: fr ? 'Paires où les deux côtés en parlent' : 'Pairs where both sides mention it', width: 1.6, align: 'right' as const },
    ],
    rows,
    note: [
      {
        text: fr
          ? 'Document de travail : il relie les deux côtés de chaque paire et ne doit pas figurer dans le corps de la thèse.'
          : 'Working document: it links the two sides of each pair and must not appear in the body of the thesis.',
      },
    ],
    landscape: sides.length > 4,
  };
}

export type CooccurrenceUnit = 'segment' | 'sentence';

/**
 * Codes × codes. `segment`: segments that carry both codes. `sentence`: sentences that both codes
 * touch (each through any of its segments). The diagonal is the code's own count of units.
 */
export function cooccurrenceTable(study: ReportStudy, unit: CooccurrenceUnit, sentencesOf: (t: Transcript) => Sentence[]): Table {
  const fr = study.language === 'fr';
  const codes = usedCodes(study);
  const index = new Map(codes.map((c, i) => [c.id, i]));
  const counts = codes.map(() => new Array<number>(codes.length).fill(0));
  const add = (present: Set<number>) => {
    const list = [...present];
    for (const a of list) for (const b of list) counts[a]![b]!++;
  };
  const placed = study.segments.filter((s) => s.status !== 'unplaced');
  if (unit === 'segment') {
    for (const s of placed) add(new Set(s.segment.codes.map((c) => index.get(c)).filter((i): i is number => i !== undefined)));
  } else {
    const byTranscript = new Map<Transcript, AnchoredSegment[]>();
    for (const s of placed) {
      if (!byTranscript.has(s.transcript)) byTranscript.set(s.transcript, []);
      byTranscript.get(s.transcript)!.push(s);
    }
    for (const [transcript, list] of byTranscript) {
      const sentences = sentencesOf(transcript);
      const touched = sentences.map(() => new Set<number>());
      for (const s of list) {
        // Sentences are sorted: find the first that ends after the segment starts.
        let lo = 0;
        let hi = sentences.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (sentences[mid]!.end <= s.start) lo = mid + 1;
          else hi = mid;
        }
        for (let k = lo; k < sentences.length && sentences[k]!.start < s.end; k++) {
          for (const c of s.segment.codes) {
            const i = index.get(c);
            if (i !== undefined) touched[k]!.add(i);
          }
        }
      }
      for (const set of touched) if (set.size > 0) add(set);
    }
  }
  const rows: Row[] = codes.map((code, i) => ({
    cells: [textCell(`${i + 1}. ${code.name}`), ...codes.map((_, j) => numberCell(counts[i]![j]!, counts[i]![j]! === 0 ? '·' : String(counts[i]![j]!)))],
  }));
  const unitText = unit === 'segment' ? (fr ? 'segments portant les deux codes' : 'segments carrying both codes') : fr ? 'phrases touchées par les deux codes' : 'sentences touched by both codes';
  return {
    caption: fr ? `Cooccurrences des codes (${unitText})` : `Code co-occurrences (${unitText})`,
    columns: [{ header: 'Code', width: 5 }, ...codes.map((_, j) => ({ header: String(j + 1), width: 0.75, align: 'right' as const }))],
    rows,
    note: [{ text: frenchSpacing(fr ? `Diagonale : nombre d’unités du code ; codage : ${study.coders.join(', ')}.` : `Diagonal: the code's own number of units; coding: ${study.coders.join(', ')}.`, study.language) }],
    landscape: codes.length > 10,
  };
}
