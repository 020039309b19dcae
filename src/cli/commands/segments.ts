import { resolve } from 'node:path';
import { nearest } from '../../core/codebook/nearest.js';
import { allCodes, findCodeByName } from '../../core/codebook/query.js';
import { UsageError } from '../../core/errors.js';
import { formatSegmentRows, formatSegmentRowsForExcel, segmentRows, segmentSheet } from '../../core/report/segments.js';
import { safeJsonPieces, terminalSafe } from '../../core/text/terminal.js';
import { xlsxWorkbook } from '../../io/xlsx.js';
import type { CommandContext } from '../context.js';
import { resolveCoder } from '../coder.js';
import { loadForCommand, warnIfIncomplete } from '../load.js';
import { outputFormat, refuseStudyData, writeData, writeOutput } from '../output-file.js';
import { paint } from '../output.js';

interface SegmentsOptions {
  study: string;
  coder?: string;
  participant?: string;
  code?: string;
  format?: 'csv' | 'json' | 'tsv' | 'excel' | 'xlsx';
  json?: boolean;
  output?: string;
}

export async function run(baseCtx: CommandContext, options: SegmentsOptions): Promise<number> {
  if (options.output) refuseStudyData(resolve(options.study), options.output, '-o');
  const format = outputFormat('segments', options.json ? 'json' : options.format, options.output, ['csv', 'excel', 'xlsx', 'json', 'tsv'], 'csv');
  if (format === 'xlsx' && !options.output) {
    throw new UsageError(
      { en: '--format xlsx writes a workbook: it needs a file', fr: '--format xlsx écrit un classeur : il lui faut un fichier' },
      { en: 'add -o segments.xlsx', fr: 'ajouter -o segments.xlsx' },
    );
  }
  const coder = options.coder === undefined ? undefined : (await resolveCoder(resolve(options.study), options.coder, { mustExist: true })).coder;
  const { ctx, study, segments, problems } = await loadForCommand(baseCtx, options.study, {
    coders: coder !== undefined ? [coder] : 'all',
  });
  warnIfIncomplete(ctx, problems);
  const fr = ctx.language === 'fr';
  if (options.participant && !study.transcriptById.has(options.participant)) {
    const close = nearest(options.participant, study.transcriptById.keys(), 2);
    const ids = study.transcripts.map((t) => t.id).join(', ');
    throw new UsageError(
      { en: `no transcript for participant "${options.participant}"`, fr: `pas de transcription pour le participant « ${options.participant} »` },
      {
        en: `${close !== undefined ? `did you mean ${close}? ` : ''}participants: ${ids}`,
        fr: `${close !== undefined ? `vouliez-vous dire ${close} ? ` : ''}participants : ${ids}`,
      },
    );
  }
  let codeId: string | undefined;
  if (options.code !== undefined) {
    const node = study.codebook.byId.get(options.code) ?? findCodeByName(study.codebook, options.code);
    if (!node) {
      const codes = allCodes(study.codebook);
      const close = nearest(options.code, [...codes.map((c) => c.name), ...codes.map((c) => c.id)]);
      throw new UsageError(
        { en: `no code "${options.code}" in codebook.yaml`, fr: `pas de code « ${options.code} » dans codebook.yaml` },
        close !== undefined
          ? { en: `did you mean "${close}"?`, fr: `vouliez-vous dire « ${close} » ?` }
          : { en: 'give a code id or name from codebook.yaml', fr: 'donner un identifiant ou un nom de code de codebook.yaml' },
      );
    }
    codeId = node.id;
  }
  const rows = segmentRows(segments, study.codebook, { coder, participant: options.participant, code: codeId });
  // Spreadsheets for people are the study's: in its language (--lang is for messages).
  const sheetLanguage = study.config.language ?? ctx.language;
  let out: string | Uint8Array[] = '';
  if (format === 'json') {
    out = safeJsonPieces(rows);
  } else if (format !== 'xlsx') {
    out = format === 'excel' ? formatSegmentRowsForExcel(rows, sheetLanguage) : formatSegmentRows(rows, format === 'tsv' ? '\t' : ',');
  }
  const unplaced = rows.filter((row) => row.status === 'unplaced').length;
  if (unplaced > 0) {
    ctx.stderr.write(
      `${paint.yellow(fr ? 'attention' : 'warning')}${fr ? '\u00a0: ' : ': '}${
        fr
          ? `${unplaced} ligne(s) concernent des segments introuvables dans leur transcription (status « unplaced ») ; voir codage check`
          : `${unplaced} row(s) are segments that cannot be found in their transcript (status "unplaced"); see codage check`
      }\n`,
    );
  }
  if (options.output) {
    const path = resolve(options.output);
    await writeOutput(options.output, format === 'xlsx' ? await xlsxWorkbook(segmentSheet(rows, sheetLanguage), 'segments') : out, { study: study.root, option: '-o' });
    ctx.stderr.write(fr ? `${rows.length} ligne(s) écrite(s) dans ${path}\n` : `${rows.length} row(s) written to ${path}\n`);
  } else {
    // On a terminal, nothing from the study may act on it; a pipe or a file gets the exact text.
    writeData(ctx.stdout, ctx.stdout.isTTY && typeof out === 'string' ? terminalSafe(out) : out);
  }
  return 0;
}
