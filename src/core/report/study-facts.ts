/**
 * The numbers a methods section states about the study, computed once for the methods
 * paragraph, the COREQ checklist and the report: interviews, dates, durations, coders and what
 * each coded, segments → codes → themes, software.
 */
import { allThemes } from '../codebook/query.js';
import { codeTree, groupValue, tallyCodes } from '../analysis/stats.js';
import type { NumberSummary } from '../analysis/describe.js';
import { compareNatural } from '../natural-sort.js';
import { CONSENSUS_CODER } from '../consensus/consensus-coder.js';
import type { DecisionsSummary } from '../consensus/summary.js';
import type { Language } from '../types.js';
import { attributeColumns, interviewDurations } from './participants-table.js';
import type { ReportStudy } from './report-study.js';

export interface StudyFacts {
  interviews: number;
  /** Participants per value of the `--by` attribute, when one is given. */
  groups?: { attribute: string; counts: { value: string; count: number }[] };
  /** First and last interview dates (YYYY-MM-DD), from the `date` attribute. */
  dates?: { first: string; last: string; missing: number };
  durations: { summary?: NumberSummary; missing: number };
  /** The coding reported (one coder or a consensus file). */
  coders: string[];
  /** Every coder of the study and how many interviews each coded. */
  coverage: { coder: string; interviews: number }[];
  /**
   * Interviews of the consensus that fewer than two coders coded: reconcile copies them from the
   * one coder who did, so they were not pooled (absent when there is no consensus).
   */
  consensusCopied?: number;
  /** How the consensus's disagreements were settled, from its decisions log (absent without a consensus or a log). */
  consensusDecisions?: DecisionsSummary;
  segments: number;
  unplaced: number;
  codesUsed: number;
  /** Themes and sub-themes holding at least one used code; top-level ones among them. */
  themes: number;
  topThemes: number;
  software: string;
  quoteLabel: string;
}

export function studyFacts(study: ReportStudy, by?: string): StudyFacts {
  const placed = study.segments.filter((s) => s.status !== 'unplaced');
  const tree = codeTree(study.codebook, tallyCodes(placed));
  const usedThemes = new Set<string>();
  for (const row of tree) if (row.kind === 'code' && row.references > 0) for (let i = 1; i <= row.path.length; i++) usedThemes.add(row.path.slice(0, i).join('\u0000'));
  const themeCount = allThemes(study.codebook).length === 0 ? 0 : usedThemes.size;
  const topThemes = new Set([...usedThemes].map((key) => key.split('\u0000')[0]!)).size;

  let groups: StudyFacts['groups'];
  if (by !== undefined) {
    const counts = new Map<string, number>();
    for (const t of study.transcripts) {
      const value = groupValue(study.participants, t.id, by);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    groups = { attribute: by, counts: [...counts.entries()].sort((a, b) => b[1] - a[1] || compareNatural(a[0], b[0])).map(([value, count]) => ({ value, count })) };
  }

  const dateValues: string[] = [];
  for (const t of study.transcripts) {
    const value = study.participants.get(t.id)?.attributes.date;
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) dateValues.push(value.slice(0, 10));
  }
  dateValues.sort();
  const dates = dateValues.length === 0 ? undefined : { first: dateValues[0]!, last: dateValues[dateValues.length - 1]!, missing: study.transcripts.length - dateValues.length };

  const consensus = study.coverage.find((c) => c.coder === CONSENSUS_CODER);
  const coders = study.coverage.filter((c) => c.coder !== CONSENSUS_CODER).map((c) => new Set(c.participants));
  const consensusCopied = consensus?.participants.filter((p) => coders.filter((c) => c.has(p)).length < 2).length;

  return {
    interviews: study.transcripts.length,
    groups,
    dates,
    durations: interviewDurations(study, attributeColumns(study)),
    coders: study.coders,
    coverage: study.coverage.map((c) => ({ coder: c.coder, interviews: c.participants.length })),
    consensusCopied,
    ...(consensus !== undefined && study.consensusDecisions !== undefined ? { consensusDecisions: study.consensusDecisions } : {}),
    segments: placed.length,
    unplaced: study.segments.length - placed.length,
    codesUsed: tree.filter((row) => row.kind === 'code' && row.references > 0).length,
    themes: themeCount,
    topThemes,
    software: study.software,
    quoteLabel: study.quoteLabel,
  };
}

const MONTHS: Record<Language, string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** `2024-02-06` → "6 février 2024" / "6 February 2024" (`1er` for the first of a French month). */
export function formatDate(iso: string, language: Language): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = language === 'fr' && d === 1 ? '1er' : String(d);
  return `${day} ${MONTHS[language][m - 1] ?? '?'} ${y}`;
}
