import { warnIfReconciliationUnfinished } from '../notices.js';
import { resolve } from 'node:path';
import { computeStats, type StudyStats } from '../../core/analysis/stats.js';
import { renderTextTable } from '../../core/report/text-table.js';
import { safeJson, terminalSafe as t } from '../../core/text/terminal.js';
import type { Language } from '../../core/types.js';
import type { CommandContext } from '../context.js';
import { codersToCount } from '../coder.js';
import { loadForCommand, warnIfIncomplete } from '../load.js';
import { formatNumber, formatPercent, paint } from '../output.js';
import { requireAttribute } from '../study-checks.js';

interface StatsOptions {
  study: string;
  coder?: string;
  by?: string;
  json?: boolean;
}

export async function run(baseCtx: CommandContext, options: StatsOptions): Promise<number> {
  const { coders, chosen } = await codersToCount(resolve(options.study), options.coder);
  const { ctx, study, segments, problems } = await loadForCommand(baseCtx, options.study, { coders });
  warnIfReconciliationUnfinished(ctx, study.root, coders);
  warnIfIncomplete(ctx, problems);
  requireAttribute(study, options.by);
  const stats = computeStats({
    transcripts: study.transcripts,
    participants: study.participants,
    codebook: study.codebook,
    segments,
    coders: study.coders.map((c) => c.coder),
    by: options.by,
  });
  if (options.json) {
    ctx.stdout.write(`${safeJson(stats)}\n`);
    return 0;
  }
  ctx.stdout.write(renderStats(stats, ctx.language, chosen));
  return 0;
}

/** `chosen`: the counts are one coder's (the consensus, codage.yaml's `coder:`) while the study has others. */
export function renderStats(stats: StudyStats, language: Language, chosen = false): string {
  const fr = language === 'fr';
  const n = (value: number) => formatNumber(value, language);
  const N = stats.transcripts;
  const colon = fr ? '\u00a0: ' : ': ';
  let out = '';
  out += `${paint.bold(fr ? 'Étude' : 'Study')}\n`;
  const coders = stats.coders.length === 0 ? (fr ? 'aucun' : 'none') : t(stats.coders.join(', '));
  const lines: [string, string][] = fr
    ? [
        ['Transcriptions', n(N)],
        ['Mots des participants (parole, sans annotations)', n(stats.words)],
        ['Mots des enquêteurs', n(stats.interviewerWords)],
        ['Codeurs', coders],
        ['Segments codés', n(stats.segments)],
        ['Codes utilisés / au livre de codes', `${n(stats.codesUsed)} / ${n(stats.codesInCodebook)}`],
        ['Thèmes', n(stats.themes)],
      ]
    : [
        ['Transcripts', n(N)],
        ["Participants' words (speech, without annotations)", n(stats.words)],
        ["Interviewers' words", n(stats.interviewerWords)],
        ['Coders', coders],
        ['Coded segments', n(stats.segments)],
        ['Codes used / in codebook', `${n(stats.codesUsed)} / ${n(stats.codesInCodebook)}`],
        ['Themes', n(stats.themes)],
      ];
  for (const [label, value] of lines) out += `  ${label}${colon}${value}\n`;
  if (stats.coders.length > 1) {
    out += paint.dim(
      fr
        ? `  (les comptes réunissent ${stats.coders.length} codeurs ; --coder NOM pour ceux d’un seul codeur)\n`
        : `  (counts combine ${stats.coders.length} coders; --coder NAME for one coder's counts)\n`,
    );
  } else if (chosen) {
    out += paint.dim(
      fr
        ? `  (les comptes sont ceux du codage que montrent les exports ; --coder NOM pour ceux d’un autre codeur)\n`
        : `  (counts are those of the coding the exports show; --coder NAME for another coder's counts)\n`,
    );
  }

  out += `\n${paint.bold(fr ? 'Par code — participants (n/N) et références' : 'Per code — participants (n/N) and references')}\n`;
  out += renderTextTable(
    [fr ? 'Thème / code' : 'Theme / code', 'n/N', fr ? 'Réf.' : 'Refs'],
    stats.tree.map((row) => [
      `${'  '.repeat(row.depth)}${row.kind === 'theme' ? `▸ ${t(row.name)}` : t(row.name)}${row.inCodebook ? '' : fr ? ' (absent du livre de codes)' : ' (not in codebook)'}`,
      `${row.participants}/${N}`,
      n(row.references),
    ]),
    ['left', 'right', 'right'],
  );

  out += `\n${paint.bold(fr ? 'Par participant' : 'Per participant')}\n`;
  out += renderTextTable(
    ['Participant', fr ? 'Mots' : 'Words', fr ? 'Enquêteur' : 'Interviewer', 'Segments', 'Codes', fr ? 'Parole codée' : 'Speech coded'],
    stats.participants.map((p) => [t(p.id), n(p.words), n(p.interviewerWords), n(p.segments), n(p.codes), formatPercent(p.coveredShare, language)]),
    ['left', 'right', 'right', 'right', 'right', 'right'],
  );
  out += paint.dim(
    fr
      ? '  Mots\u00a0: ceux du participant\u202f; Enquêteur\u00a0: ceux de l’enquêteur dans cet entretien.\n  Parole codée\u00a0: part des caractères de la parole du participant (hors enquêteur, annotations et espaces)\n  dans au moins un segment — la mesure «\u00a0codé\u00a0» de l’écran de codage.\n'
      : "  Words: the participant's; Interviewer: the interviewer's in that interview.\n  Speech coded: share of the characters of the participant's speech (without the interviewer, annotations\n  and spaces) inside at least one segment — the \"coded\" measure of the coding screen.\n",
  );

  if (stats.groups) {
    const groups = stats.groups.groups;
    out += `\n${paint.bold(fr ? `Par groupe (${t(stats.groups.attribute)}) — participants (n/N)` : `Per group (${t(stats.groups.attribute)}) — participants (n/N)`)}\n`;
    const codeRows = stats.tree.filter((row) => row.kind === 'code');
    out += renderTextTable(
      ['Code', ...groups.map((g) => `${t(String(g.value))} (N=${g.participants})`)],
      codeRows.map((row) => [
        t(row.name),
        ...groups.map((g) => {
          const c = g.codes.find((code) => code.id === row.id);
          return `${c?.participants ?? 0}/${g.participants}`;
        }),
      ]),
      ['left', ...groups.map(() => 'right' as const)],
    );
  }
  return out;
}
