/**
 * What `codage reconcile` says, before a session (the screen's notices) and after it (the
 * summary): what was reconciled, copied, settled, what follows a moved passage, what no longer
 * applies, and the memos and marks the decisions left out. In the user's language.
 */
import type { LogRow } from '../core/consensus/log.js';
import type { Placement } from '../core/consensus/place.js';
import type { consensusOf, Reconciliation } from '../core/consensus/plan.js';
import type { Strategy } from '../core/consensus/strategy.js';
import { deName, frenchSpacing, joinList } from '../core/report/typography.js';
import type { AnchoredSegment } from '../core/study/anchor-codings.js';
import { coderFilePath } from '../core/study/study.js';
import { LineNumbers } from '../core/text/lines.js';
import { someNames } from '../core/text/some-names.js';
import type { Language } from '../core/types.js';
import { paint } from './output.js';

export function lineOf(s: AnchoredSegment): number {
  return new LineNumbers(s.transcript.text, s.transcript.bodyLine).lineOf(s.start);
}

/** The memos and exemplary marks that went with codings decided against: said, never dropped silently. */
function notesLeftOutLine(list: readonly AnchoredSegment[], language: Language): string {
  const fr = language === 'fr';
  const memos = list.filter((s) => s.segment.memo).length;
  const marks = list.filter((s) => s.segment.exemplary === true).length;
  const counts = [
    ...(memos > 0 ? [fr ? `${memos} mémo(s)` : `${memos} memo(s)`] : []),
    ...(marks > 0 ? [fr ? `${marks} marque(s) de verbatim exemplaire` : `${marks} exemplary quote mark(s)`] : []),
  ];
  const where = someNames(
    list.map((s) => `${s.segment.participant} ${fr ? 'l.' : 'line'} ${lineOf(s)} (${s.coder})`),
    language,
  );
  return fr
    ? `  Non repris, avec les codages écartés par les décisions : ${joinList(counts, language)} — ${where} ; ils restent dans le fichier de leur codeur`
    : `  Not taken, with the codings the decisions left out: ${joinList(counts, language)} — ${where}; they stay in their coder's file`;
}

/** The log's decisions that are not applied, and where they were (as the log says): said before and after a session. */
function staleText(stale: readonly LogRow[], language: Language): string {
  const fr = language === 'fr';
  const where = someNames(
    stale.map((r) => `${r.cells.participant || '?'} ${fr ? 'l.' : 'line'} ${r.cells.line || '?'}`),
    language,
  );
  return fr
    ? `${stale.length} décision(s) du journal ne correspondent plus à aucun désaccord (un codage a changé depuis) : ${where} ; gardées dans le journal, non appliquées : ce qui y est en désaccord aujourd’hui est à trancher de nouveau`
    : `${stale.length} decision(s) in the log no longer match a disagreement (a coding changed since): ${where}; kept in the log, not applied: whatever disagrees there today is to be settled again`;
}

/** The transcripts of one coder copied again into the consensus, with that coder: `MG2 (marie)`. */
function recopiedList(rec: Reconciliation, recopied: readonly string[]): string {
  const [a, b] = rec.coders;
  const from = new Map(rec.copied.map((c) => [c.transcript.id, c.from === 'a' ? a : b]));
  return recopied.map((p) => (from.has(p) ? `${p} (${from.get(p)})` : p)).join(', ');
}

/**
 * What the coders should know before the screen opens: decisions of the log not applied, segments
 * left out, and the transcripts of one coder the consensus was just made to copy again (`recopied`).
 */
export function notices(rec: Reconciliation, stale: readonly LogRow[], language: Language, recopied: readonly string[], into: string): string[] {
  const fr = language === 'fr';
  const out: string[] = [];
  if (recopied.length > 0) {
    const list = recopiedList(rec, recopied);
    out.push(
      fr
        ? `Recopiées dans ${coderFilePath(into)} telles qu’elles sont aujourd’hui (leur seul codeur les a codées depuis la dernière mise en commun) : ${list}.`
        : `Copied again into ${coderFilePath(into)} as they are today (their only coder coded on since the last reconciliation): ${list}.`,
    );
  }
  if (stale.length > 0) out.push(`${staleText(stale, language)}.`);
  if (rec.unplaced.length > 0) {
    out.push(
      fr
        ? `${rec.unplaced.length} segment(s) introuvable(s) dans leur transcription ne sont pas mis en commun (voir codage check).`
        : `${rec.unplaced.length} segment(s) that cannot be placed in their transcript are left out (see codage check).`,
    );
  }
  if (rec.excluded.length > 0) {
    out.push(fr ? `Codées par les deux mais non demandées, laissées hors du consensus : ${rec.excluded.join(', ')}.` : `Coded by both but not asked for, left out of the consensus: ${rec.excluded.join(', ')}.`);
  }
  return out.map((n) => frenchSpacing(n, language));
}

export function summary(
  rec: Reconciliation,
  result: ReturnType<typeof consensusOf>,
  options: { into: string; logName: string; strategy: Strategy | undefined; byStrategy: number; language: Language; placement: Placement; recopied: string[] },
): string {
  const { language } = options;
  const fr = language === 'fr';
  const [a, b] = rec.coders;
  const lines: string[] = [];
  lines.push(
    paint.bold(
      fr ? `Mise en commun ${deName(a)} et ${b} → ${coderFilePath(options.into)}` : `Reconciliation of ${a} and ${b} → ${coderFilePath(options.into)}`,
    ),
  );
  lines.push(
    fr
      ? `  Transcriptions mises en commun : ${someNames(rec.compared.map((c) => c.transcript.id), language)}`
      : `  Transcripts reconciled: ${someNames(rec.compared.map((c) => c.transcript.id), language)}`,
  );
  if (rec.copied.length > 0) {
    const list = rec.copied.map((c) => `${c.transcript.id} (${c.from === 'a' ? a : b})`).join(', ');
    lines.push(fr ? `  Copiées telles quelles (un seul codeur) : ${list}` : `  Copied as they are (one coder only): ${list}`);
  }
  if (options.recopied.length > 0) {
    const list = recopiedList(rec, options.recopied);
    lines.push(fr ? `  Recopiées telles qu’elles sont aujourd’hui (leur codeur les a codées depuis) : ${list}` : `  Copied again as they are today (their coder coded on since): ${list}`);
  }
  if (rec.excluded.length > 0) lines.push(fr ? `  Laissées de côté : ${rec.excluded.join(', ')}` : `  Left out: ${rec.excluded.join(', ')}`);
  const how = options.strategy ? (fr ? ` (dont ${options.byStrategy} par la stratégie ${options.strategy} à l’instant)` : ` (${options.byStrategy} by the strategy ${options.strategy} now)`) : '';
  lines.push(
    fr
      ? `  Passages concordants : ${result.agreed} ; désaccords : ${rec.disagreements.length}, dont ${result.decided} tranché(s)${how} et ${result.pending} en attente`
      : `  Passages in agreement: ${result.agreed}; disagreements: ${rec.disagreements.length}, ${result.decided} settled${how} and ${result.pending} waiting`,
  );
  const { stale, moved } = options.placement;
  if (moved > 0) {
    lines.push(
      fr
        ? `  ${moved} décision(s) suivent leur passage, déplacé dans sa transcription (texte ajouté ou retiré plus haut) : le journal donne ses nouvelles positions`
        : `  ${moved} decision(s) follow their passage, moved in its transcript (text added or removed above it): the log gives its new positions`,
    );
  }
  if (stale.length > 0) lines.push(paint.yellow(`  ${staleText(stale, language)}`));
  if (rec.unplaced.length > 0) {
    lines.push(
      paint.yellow(
        fr
          ? `  ${rec.unplaced.length} segment(s) introuvable(s) dans leur transcription, non repris (voir codage check)`
          : `  ${rec.unplaced.length} segment(s) that cannot be placed in their transcript were not taken (see codage check)`,
      ),
    );
  }
  if (result.notesLeftOut.length > 0) lines.push(paint.yellow(notesLeftOutLine(result.notesLeftOut, language)));
  lines.push(fr ? `  ${result.coderFile.segments.length} segment(s) dans ${coderFilePath(options.into)} ; journal des décisions : ${options.logName}` : `  ${result.coderFile.segments.length} segment(s) in ${coderFilePath(options.into)}; decisions log: ${options.logName}`);
  if (result.pending > 0) {
    lines.push(fr ? `  Pour continuer : codage reconcile ${a} ${b} --into ${options.into}` : `  To go on: codage reconcile ${a} ${b} --into ${options.into}`);
  }
  return `${lines.map((l) => frenchSpacing(l, language)).join('\n')}\n`;
}
