/**
 * The saturation report for the terminal: whose codings and which interview order, the table per
 * interview, each method with its parameters and result (and what is missing when saturation is
 * not reached), the chart, the methods sentence and the references.
 */
import { CONSENSUS_CODER } from '../../consensus/consensus-coder.js';
import { compareNatural } from '../../natural-sort.js';
import type { GuestResult } from '../../analysis/saturation/guest.js';
import type { SaturationAnalysis, SaturationReport } from '../../analysis/saturation/saturation.js';
import type { StoppingResult } from '../../analysis/saturation/stopping-rule.js';
import type { Language } from '../../types.js';
import { formatNumber } from '../numbers.js';
import { saturationChart } from './chart.js';
import { saturationSentence } from './sentence.js';
import {
  colon,
  countOf,
  NBSP,
  guestLabel,
  interviews,
  percent,
  quoted,
  referencesFor,
  saturationTitle,
  semicolon,
  sharesLabel,
  stoppingLabel,
  thresholdText,
  unitPlural,
} from './words.js';

export interface TerminalStyle {
  bold: (text: string) => string;
  dim: (text: string) => string;
}

export interface TerminalOptions {
  language: Language;
  /** Columns of the terminal (80 when unknown). */
  width: number;
  style?: TerminalStyle;
}

const plain: TerminalStyle = { bold: (t) => t, dim: (t) => t };

function width(text: string): number {
  return [...text].length;
}

/** Words of `text` in lines of at most `max` columns. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && width(line) + 1 + width(word) > max) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A line cut to `max` columns: continuation lines indented two more than the first. */
function fit(text: string, max: number): string[] {
  const indent = /^ */.exec(text)![0];
  const lines = wrap(text.slice(indent.length), Math.max(20, max - indent.length - 2));
  return lines.map((line, i) => `${indent}${i === 0 ? '' : '  '}${line}`);
}

function and(items: string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${language === 'fr' ? ' et ' : ' and '}${items[items.length - 1]}`;
}

/** "12 (MG9)": a rank with its participant. */
function at(a: SaturationAnalysis, rank: number): string {
  return `${rank} (${a.interviews[rank - 1]?.participant ?? '?'})`;
}

function codingsLine(report: SaturationReport, language: Language): string {
  const fr = language === 'fr';
  const { kind, coders } = report.codings;
  const label = fr ? 'Codages' : 'Codings';
  if (kind === 'coder') return `${label}${colon(language)}${coders[0]}`;
  if (kind === 'union') {
    if (coders.length <= 1) return `${label}${colon(language)}${coders[0] ?? (fr ? 'aucun' : 'none')}`;
    return `${label}${colon(language)}${and(coders, language)} ${fr ? 'réunis (union de leurs codes ; --coder NOM pour un seul codeur)' : 'together (the union of their codes; --coder NAME for one coder)'}`;
  }
  // In interview order; with `--by`, the groups' interviews merged back into it (by date, then id).
  const inConsensus = report.analyses.flatMap((a) => a.interviews.filter((i) => i.codings.includes(CONSENSUS_CODER)));
  if (report.analyses.length > 1) inConsensus.sort((x, y) => (x.date ?? '\uffff').localeCompare(y.date ?? '\uffff') || compareNatural(x.participant, y.participant));
  const consensusIn = [...new Set(inConsensus.map((i) => i.participant))];
  const others = coders.filter((c) => c !== CONSENSUS_CODER);
  return fr
    ? `${label}${colon(language)}consensus pour ${consensusIn.join(', ')}${others.length > 0 ? `${semicolon(language)}ailleurs ${and(others, language)}${others.length > 1 ? ' réunis' : ''}` : ''}`
    : `${label}: consensus for ${consensusIn.join(', ')}${others.length > 0 ? `; elsewhere ${and(others, language)}${others.length > 1 ? ' together' : ''}` : ''}`;
}

function orderLine(report: SaturationReport, language: Language): string {
  const fr = language === 'fr';
  const all = report.analyses.flatMap((a) => a.interviews);
  const byDate = all.filter((i) => i.orderBasis === 'date').length;
  const byOrder = all.filter((i) => i.orderBasis === 'order').map((i) => i.participant);
  const byId = all.filter((i) => i.orderBasis === 'id').map((i) => i.participant);
  const label = fr ? 'Ordre des entretiens' : 'Interview order';
  const parts: string[] = [];
  if (byDate > 0) parts.push(fr ? `par date (${interviews(byDate, language)})` : `by date (${interviews(byDate, language)})`);
  if (byOrder.length > 0) {
    parts.push(
      byDate > 0
        ? fr
          ? `${byOrder.join(', ')} sans date, placés par « order » de codage.yaml`
          : `${byOrder.join(', ')} without a date, placed by "order" in codage.yaml`
        : fr
          ? `selon « order » de codage.yaml (${interviews(byOrder.length, language)})`
          : `by "order" in codage.yaml (${interviews(byOrder.length, language)})`,
    );
  }
  if (byId.length > 0) {
    parts.push(
      byId.length === all.length
        ? fr
          ? 'par identifiant (ni date ni « order » dans codage.yaml : ajoutez-les si les entretiens ont eu lieu dans un autre ordre)'
          : 'by id (no dates and no "order" in codage.yaml: add them if the interviews took place in another order)'
        : fr
          ? `${byId.join(', ')} sans date ni place dans « order », placés en dernier par identifiant`
          : `${byId.join(', ')} with neither a date nor a place in "order", placed last by id`,
    );
  }
  return `${label}${colon(language)}${parts.join(semicolon(language))}`;
}

function table(report: SaturationReport, a: SaturationAnalysis, options: TerminalOptions): string[] {
  const { language } = options;
  const fr = language === 'fr';
  const theme = report.level === 'theme';
  const header = fr
    ? ['Rang', 'Participant', 'Date', theme ? 'Thèmes' : 'Codes', 'Nouv.', 'Cumul', '% final', theme ? 'Nouveaux thèmes' : 'Nouveaux codes']
    : ['Rank', 'Participant', 'Date', theme ? 'Themes' : 'Codes', 'New', 'Total', '% final', theme ? 'New themes' : 'New codes'];
  const rows = a.interviews.map((i) => [
    String(i.rank),
    i.participant,
    i.date ?? '—',
    formatNumber(i.used, language),
    formatNumber(i.newCodes.length, language),
    formatNumber(i.cumulative, language),
    percent(i.share, language),
    i.newCodes.map((c) => c.name).join(', '),
  ]);
  const right = [true, false, false, true, true, true, true, false];
  const widths = header.slice(0, -1).map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c]!))));
  const fixed = widths.reduce((sum, w) => sum + w + 2, 0);
  // The names of new codes wrap in the last column, or go under the row when it is too narrow.
  const room = options.width - fixed;
  const inColumn = room >= 24;
  const cell = (text: string, c: number) => {
    const gap = ' '.repeat(Math.max(0, widths[c]! - width(text)));
    return right[c] ? gap + text : text + gap;
  };
  const line = (cells: string[]) => cells.map((text, c) => cell(text, c)).join('  ');
  const out: string[] = [];
  out.push(options.style!.bold(`${line(header.slice(0, -1))}  ${header[header.length - 1]}`.trimEnd()));
  out.push(options.style!.dim(`${widths.map((w) => '─'.repeat(w)).join('  ')}  ${'─'.repeat(Math.min(width(header[header.length - 1]!), Math.max(room, 8)))}`));
  for (const row of rows) {
    const names = row[row.length - 1]!;
    if (inColumn) {
      const lines = names === '' ? [''] : wrap(names, room);
      out.push(`${line(row.slice(0, -1))}  ${lines[0]}`.trimEnd());
      for (const more of lines.slice(1)) out.push(`${' '.repeat(fixed)}${more}`);
    } else {
      out.push(line(row.slice(0, -1)).trimEnd());
      if (names !== '') for (const more of wrap(`+ ${names}`, options.width - 6)) out.push(`      ${more}`);
    }
  }
  return out;
}

function guestLines(report: SaturationReport, a: SaturationAnalysis, language: Language, style: TerminalStyle, max: number): string[] {
  const fr = language === 'fr';
  const r: GuestResult = a.guest;
  const p = r.parameters;
  const out = fit(guestLabel(p, language), max).map((line) => style.bold(line));
  const unit = report.level;
  if (r.baseCodes !== null) {
    out.push(`  Base${colon(language)}${fr ? `entretiens 1 à ${p.base}` : `interviews 1–${p.base}`}, ${countOf(r.baseCodes, unit, language)}`);
  }
  if (r.runs.length > 0) {
    const header = fr ? ['Série', 'Nouv.', 'Dénom.', 'Ratio'] : ['Run', 'New', 'Denom.', 'Ratio'];
    const rows = r.runs.map((run) => [
      `${run.first}–${run.last}`,
      formatNumber(run.newCodes, language),
      formatNumber(run.denominator, language),
      run.ratio === null ? (fr ? 'indéfini' : 'undefined') : percent(run.ratio, language, 1),
      run.meets ? `≤ ${thresholdText(p.threshold, language)}` : '',
    ]);
    const widths = header.map((h, c) => Math.max(width(h), ...rows.map((row) => width(row[c]!))));
    const fmt = (cells: string[]) => `  ${cells.map((text, c) => (c === 0 ? text.padEnd(widths[c]!) : text.padStart(widths[c]!))).join('  ')}`;
    out.push(style.dim(fmt(header)));
    for (const row of rows) out.push(`${fmt(row.slice(0, 4))}  ${row[4]}`.trimEnd());
  }
  if (r.saturation !== null) {
    out.push(
      `  ${fr ? 'Saturation atteinte à l’entretien' : 'Saturation reached at interview'} ${at(a, r.saturation.after)}${colon(language)}${style.bold(r.saturation.label)}`,
    );
    if (r.newAfter.length > 0) {
      const after = r.newAfter.map((x) => `${at(a, x.rank)}${colon(language)}${formatNumber(x.newCodes, language)}`).join(', ');
      out.push(...fit(`  ${fr ? `De nouveaux ${unitPlural(report.level, language)} sont apparus ensuite` : `New ${unitPlural(report.level, language)} appeared afterwards`}${colon(language)}${after}.`, max));
    }
  } else {
    const missing = r.missing;
    let why = '';
    if (missing?.kind === 'base') {
      why = fr
        ? `${interviews(a.interviews.length, language)} seulement${semicolon(language)}il en faut au moins ${missing.interviews} de plus (la base, puis une série)`
        : `only ${interviews(a.interviews.length, language)}; at least ${missing.interviews} more are needed (the base, then a run)`;
    } else if (missing?.kind === 'run') {
      const codes = missing.newCodes === 0 ? (fr ? `aucun nouveau ${unit === 'code' ? 'code' : 'thème'}` : `no new ${unit}`) : fr ? `au plus ${countOf(missing.newCodes, unit, language, { en: 'new', fr: 'nouveau' })}` : `at most ${countOf(missing.newCodes, unit, language, { en: 'new', fr: 'nouveau' })}`;
      why = fr
        ? `${missing.interviews} entretien${missing.interviews > 1 ? 's' : ''} de plus ${missing.newCodes === 0 ? 'n’apportant' : 'apportant'} ${codes} ${missing.interviews > 1 ? 'à eux tous ' : ''}l’atteindrai${missing.interviews > 1 ? 'en' : ''}t`
        : `${missing.interviews} more interview${missing.interviews > 1 ? 's' : ''} bringing ${codes}${missing.interviews > 1 ? ' between them' : ''} would reach it`;
    } else {
      why = fr ? `aucun ${unit === 'code' ? 'code' : 'thème'} dans la base` : `no ${unit} in the base`;
    }
    out.push(...fit(`  ${fr ? 'Saturation non atteinte' : 'Saturation not reached'}${colon(language)}${why}.`, max));
  }
  return out;
}

function stoppingLines(report: SaturationReport, a: SaturationAnalysis, language: Language, style: TerminalStyle, max: number): string[] {
  const fr = language === 'fr';
  const r: StoppingResult = a.stopping;
  const unit = report.level === 'code' ? 'code' : fr ? 'thème' : 'theme';
  const out = fit(stoppingLabel(r.parameters, report.level, language), max).map((line) => style.bold(line));
  const last = r.lastNewCode === null ? '' : fr ? `dernier nouveau ${unit} à l’entretien ${at(a, r.lastNewCode)}` : `last new ${unit} at interview ${at(a, r.lastNewCode)}`;
  if (r.metAt !== null) {
    out.push(...fit(`  ${fr ? 'Critère atteint à l’entretien' : 'Met at interview'} ${at(a, r.metAt)}${last ? `${semicolon(language)}${last}` : ''}.`, max));
    if (r.newAfter.length > 0) {
      const after = r.newAfter.map((x) => `${at(a, x.rank)}${colon(language)}${formatNumber(x.newCodes, language)}`).join(', ');
      out.push(...fit(`  ${fr ? `De nouveaux ${unitPlural(report.level, language)} sont apparus ensuite` : `New ${unitPlural(report.level, language)} appeared afterwards`}${colon(language)}${after}.`, max));
    }
  } else {
    const more = r.missing!.interviews;
    const rest = r.parameters.initial - a.interviews.length;
    const stop = r.parameters.stop;
    const need =
      rest > 0
        ? fr
          ? `il faut au moins ${more} entretiens de plus${NBSP}: ${rest} pour compléter l’échantillon initial de ${r.parameters.initial}, puis ${stop} sans nouveau ${unit}`
          : `at least ${more} more interviews are needed: ${rest} to complete the initial sample of ${r.parameters.initial}, then ${stop} without a new ${unit}`
        : fr
          ? `${more} entretien${more > 1 ? 's' : ''} de plus sans nouveau ${unit} l’atteindrai${more > 1 ? 'en' : ''}t`
          : `${more} more interview${more > 1 ? 's' : ''} without a new ${unit} would meet it`;
    out.push(...fit(`  ${fr ? 'Critère non atteint' : 'Not met'}${colon(language)}${interviews(a.interviews.length, language)}${last ? `, ${last}` : ''}${semicolon(language)}${need}.`, max));
  }
  return out;
}

function sharesLines(report: SaturationReport, a: SaturationAnalysis, language: Language, style: TerminalStyle, max: number): string[] {
  const fr = language === 'fr';
  const out = fit(sharesLabel(report, language), max).map((line) => style.bold(line));
  if (a.final === 0) return [...out, `  ${fr ? 'rien de codé' : 'nothing coded'}`];
  for (const s of a.shares) {
    const share = percent(s.percent / 100, language, Number.isInteger(s.percent) ? 0 : 1);
    const of = fr ? `${formatNumber(s.codes, language)} sur ${formatNumber(a.final, language)}` : `${formatNumber(s.codes, language)} of ${formatNumber(a.final, language)}`;
    out.push(`  ${share} (${of})${colon(language)}${fr ? 'entretien' : 'interview'} ${at(a, s.rank!)}`);
  }
  return out;
}

/** The chart's marks: where each reported method reached saturation. */
function marks(report: SaturationReport, a: SaturationAnalysis, language: Language): { rank: number; label: string }[] {
  const fr = language === 'fr';
  const out: { rank: number; label: string }[] = [];
  if (report.methods.includes('guest') && a.guest.saturation) out.push({ rank: a.guest.saturation.after, label: `saturation ${a.guest.saturation.label} (Guest et al. 2020)` });
  if (report.methods.includes('stopping') && a.stopping.metAt !== null) {
    const p = a.stopping.parameters;
    out.push({ rank: a.stopping.metAt, label: fr ? `règle d’arrêt ${p.initial}+${p.stop} atteinte` : `stopping rule ${p.initial}+${p.stop} met` });
  }
  return out;
}

function analysisLines(report: SaturationReport, a: SaturationAnalysis, options: TerminalOptions): string[] {
  const { language } = options;
  const style = options.style!;
  const fr = language === 'fr';
  const out: string[] = [];
  if (a.group !== null) {
    const title = fr
      ? `Groupe ${quoted(a.group, language)} (${report.by} = ${a.group})${colon(language)}${interviews(a.interviews.length, language)}, ${countOf(a.final, report.level, language)}`
      : `Group ${quoted(a.group, language)} (${report.by} = ${a.group}): ${interviews(a.interviews.length, language)}, ${countOf(a.final, report.level, language)}`;
    out.push(style.bold(`── ${title} ${'─'.repeat(Math.max(2, options.width - width(title) - 4))}`));
  }
  out.push(...table(report, a, options), '');
  if (report.methods.includes('guest')) out.push(...guestLines(report, a, language, style, options.width), '');
  if (report.methods.includes('stopping')) out.push(...stoppingLines(report, a, language, style, options.width), '');
  if (report.methods.includes('shares')) out.push(...sharesLines(report, a, language, style, options.width), '');
  const chart = saturationChart({
    newCodes: a.interviews.map((i) => i.newCodes.length),
    cumulative: a.interviews.map((i) => i.cumulative),
    marks: marks(report, a, language),
    language,
    width: Math.max(40, options.width),
  });
  if (report.level === 'theme') chart[0] = chart[0]!.replace(/codes/g, fr ? 'thèmes' : 'themes');
  if (chart.length > 0) out.push(...chart, '');
  return out;
}

/** The whole report as text for the terminal, ending with a newline. */
export function renderSaturationText(report: SaturationReport, options: TerminalOptions): string {
  const style = options.style ?? plain;
  const opts = { ...options, style };
  const { language } = options;
  const fr = language === 'fr';
  const out: string[] = [];
  const total = report.analyses.reduce((n, a) => n + a.interviews.length, 0);
  out.push(style.bold(`${saturationTitle(report.level, language)} — ${interviews(total, language)}${report.by ? (fr ? `, par ${report.by}` : `, by ${report.by}`) : ''}`));
  out.push(...fit(codingsLine(report, language), options.width));
  if (total > 0) out.push(...fit(orderLine(report, language), options.width));
  const left: string[] = [];
  if (report.notCoded.length > 0) left.push(fr ? `${report.notCoded.join(', ')} (rien de codé)` : `${report.notCoded.join(', ')} (nothing coded)`);
  if (report.unplacedSegments > 0) {
    left.push(fr ? `${report.unplacedSegments} segment(s) introuvable(s) dans leur transcription (voir codage check)` : `${report.unplacedSegments} segment(s) that cannot be found in their transcript (see codage check)`);
  }
  if (report.ungrouped.length > 0) {
    left.push(fr ? `${report.ungrouped.length} code(s) rangé(s) dans aucun thème (${report.ungrouped.map((c) => c.name).join(', ')})` : `${report.ungrouped.length} code(s) in no theme (${report.ungrouped.map((c) => c.name).join(', ')})`);
  }
  if (left.length > 0) out.push(...fit(`${fr ? 'Laissés de côté' : 'Left out'}${colon(language)}${left.join(semicolon(language))}`, options.width));
  out.push('');
  for (const a of report.analyses) out.push(...analysisLines(report, a, opts));
  if (total === 0) out.push(fr ? 'Aucun entretien codé : rien à évaluer.' : 'No coded interview: nothing to assess.', '');
  out.push(style.bold(fr ? 'Pour la partie Méthodes (à coller tel quel) :' : 'For the methods section (ready to paste):'));
  out.push(saturationSentence(report, language), '');
  out.push(
    ...fit(
      fr
        ? `Saturation des ${unitPlural(report.level, language)} au sens de Hennink et al. (2017) : elle compte les ${unitPlural(report.level, language)}${semicolon(language)}la saturation du sens reste le jugement du chercheur.`
        : `${saturationTitle(report.level, language)} in the sense of Hennink et al. (2017): it counts ${unitPlural(report.level, language)}; whether their meaning is saturated remains the researcher's judgement.`,
      options.width,
    ).map((line) => style.dim(line)),
  );
  out.push(style.bold(fr ? 'Références' : 'References'));
  for (const ref of referencesFor(report)) out.push(`  ${ref.text}`);
  return `${out.join('\n')}\n`;
}
