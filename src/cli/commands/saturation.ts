import { warnIfReconciliationUnfinished } from '../notices.js';
import { extname, resolve } from 'node:path';
import { saturationOptions, type SaturationArguments } from '../../core/analysis/saturation/parameters.js';
import { computeSaturation, type SaturationReport } from '../../core/analysis/saturation/saturation.js';
import { UsageError } from '../../core/errors.js';
import { saturationCsv } from '../../core/report/saturation/csv.js';
import { saturationPgfplots } from '../../core/report/saturation/pgfplots.js';
import { saturationSentence } from '../../core/report/saturation/sentence.js';
import { FIGURE_FONT, saturationSvg } from '../../core/report/saturation/svg.js';
import { renderSaturationText } from '../../core/report/saturation/terminal.js';
import { referencesFor } from '../../core/report/saturation/words.js';
import { safeJson, terminalSafeData } from '../../core/text/terminal.js';
import type { Language } from '../../core/types.js';
import type { CommandContext } from '../context.js';
import { loadForCommand } from '../load.js';
import { refuseOtherExtension, refuseStudyData, writeOutput } from '../output-file.js';
import { formatProblem, paint } from '../output.js';
import { resolveCoder } from '../coder.js';
import { requireAttribute } from '../study-checks.js';
import { codageVersion } from '../version.js';
import { consensusDecidedInterviews } from '../../io/reconcile-files.js';

interface SaturationCommandOptions extends SaturationArguments {
  study: string;
  figure?: string[];
  csv?: string;
  json?: boolean;
}

const FIGURE_FORMATS = ['.svg', '.png', '.tex'] as const;

/** Study problems that change the interview order, said before the result they affect. */
const ORDER_PROBLEMS = new Set(['date-invalid', 'date-ambiguous', 'order-contradicts-date', 'order-unknown', 'order-duplicate']);


/** The report as JSON: the table, with the methods sentence in both languages and the references. */
export function saturationJson(report: SaturationReport): string {
  const json = { ...report, sentence: { fr: saturationSentence(report, 'fr'), en: saturationSentence(report, 'en') }, references: referencesFor(report) };
  return `${safeJson(json)}\n`;
}

async function writeFigure(file: string, report: SaturationReport, language: Language, study: string): Promise<void> {
  const format = extname(file).toLowerCase();
  const where = { study, option: '--figure' };
  const svg = () => saturationSvg(report, language, saturationSentence(report, language));
  if (format === '.svg') await writeOutput(file, svg(), where);
  else if (format === '.tex') await writeOutput(file, saturationPgfplots(report, language, codageVersion()), where);
  else {
    const { svgToPng } = await import('../../io/figure-png.js');
    // 1,800 pixels wide: 15 cm at 300 dpi, the width of a thesis page's text.
    await writeOutput(file, await svgToPng(svg(), { width: 1800, fontFamily: FIGURE_FONT }), where);
  }
}

export async function run(baseCtx: CommandContext, options: SaturationCommandOptions): Promise<number> {
  // Every option is checked before the study is read: a typo costs nothing.
  const parameters = saturationOptions(options);
  for (const file of options.figure ?? []) {
    if (!(FIGURE_FORMATS as readonly string[]).includes(extname(file).toLowerCase())) {
      throw new UsageError(
        { en: `--figure ${file}: the file name must end in .svg, .png or .tex`, fr: `--figure ${file} : le nom du fichier doit finir par .svg, .png ou .tex` },
        {
          en: '.svg for Word or LibreOffice (sharp at any size), .png for anything else, .tex for a LaTeX thesis (pgfplots)',
          fr: '.svg pour Word ou LibreOffice (net à toute taille), .png pour le reste, .tex pour une thèse en LaTeX (pgfplots)',
        },
      );
    }
  }
  for (const file of options.figure ?? []) refuseStudyData(resolve(options.study), file, '--figure');
  if (options.csv !== undefined) {
    refuseStudyData(resolve(options.study), options.csv, '--csv');
    refuseOtherExtension(options.csv, '--csv', 'csv');
  }
  const coder = options.coder === undefined ? undefined : (await resolveCoder(resolve(options.study), options.coder, { mustExist: true })).coder;
  const { ctx, study, segments, problems } = await loadForCommand(baseCtx, options.study, {
    coders: coder !== undefined ? [coder] : 'all',
  });
  warnIfReconciliationUnfinished(ctx, study.root, coder !== undefined ? [coder] : study.coders.map((c) => c.coder));
  requireAttribute(study, options.by);
  const language = ctx.language;
  const fr = language === 'fr';
  for (const problem of problems) if (ORDER_PROBLEMS.has(problem.kind)) ctx.stderr.write(`${formatProblem(problem, language)}\n`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) {
    ctx.stderr.write(
      `${paint.yellow(fr ? 'attention' : 'warning')}${fr ? '\u00a0: ' : ': '}${
        fr
          ? `l’étude a ${errors} erreur(s) (codage check les liste) : ce qui ne peut être lu n’est pas compté`
          : `the study has ${errors} error(s) (codage check lists them): what cannot be read is not counted`
      }\n`,
    );
  }

  const report = computeSaturation(
    {
      interviewOrder: study.interviewOrder,
      participants: study.participants,
      codebook: study.codebook,
      coders: study.coders.map((c) => c.coder),
      segments,
      consensusInterviews: await consensusDecidedInterviews(study.root),
    },
    parameters,
  );

  if (options.json) ctx.stdout.write(saturationJson(report));
  else {
    const width = ctx.stdout.isTTY && ctx.stdout.columns ? ctx.stdout.columns : Number(process.env.COLUMNS) || 80;
    // Code names and ids from the study are shown escaped (see core/text/terminal.ts).
    ctx.stdout.write(renderSaturationText(terminalSafeData(report), { language, width, style: { bold: paint.bold, dim: paint.dim } }));
  }

  for (const file of options.figure ?? []) {
    const path = resolve(file);
    await writeFigure(path, report, language, study.root);
    ctx.stderr.write(fr ? `Figure écrite\u00a0: ${path}\n` : `Figure written: ${path}\n`);
  }
  if (options.csv !== undefined) {
    const path = resolve(options.csv);
    await writeOutput(path, saturationCsv(report), { study: study.root, option: '--csv' });
    ctx.stderr.write(fr ? `Tableau écrit\u00a0: ${path}\n` : `Table written: ${path}\n`);
  }
  return 0;
}
