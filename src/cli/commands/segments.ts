import { resolve } from 'node:path';
import { findCodeByName } from '../../core/codebook/query.js';
import { UsageError } from '../../core/errors.js';
import { formatSegmentRows, formatSegmentRowsForExcel, segmentRows } from '../../core/report/segments.js';
import type { CommandContext } from '../context.js';
import { loadForCommand } from '../load.js';
import { writeOutput } from '../output-file.js';
import { paint } from '../output.js';
import { requireCoder } from '../study-checks.js';

interface SegmentsOptions {
  study: string;
  coder?: string;
  participant?: string;
  code?: string;
  format: 'csv' | 'json' | 'tsv' | 'excel';
  json?: boolean;
  output?: string;
}

export async function run(baseCtx: CommandContext, options: SegmentsOptions): Promise<number> {
  const { ctx, study, segments } = await loadForCommand(baseCtx, options.study, {
    coders: options.coder ? [options.coder] : 'all',
  });
  const fr = ctx.language === 'fr';
  requireCoder(study, options.coder);
  if (options.participant && !study.transcriptById.has(options.participant)) {
    throw new UsageError(
      { en: `no transcript for participant "${options.participant}"`, fr: `pas de transcription pour le participant « ${options.participant} »` },
      { en: 'use an id as listed by codage stats', fr: 'utiliser un identifiant tel que codage stats les affiche' },
    );
  }
  let codeId: string | undefined;
  if (options.code !== undefined) {
    const node = study.codebook.byId.get(options.code) ?? findCodeByName(study.codebook, options.code);
    if (!node) {
      throw new UsageError(
        { en: `no code "${options.code}" in codebook.yaml`, fr: `pas de code « ${options.code} » dans codebook.yaml` },
        { en: 'give a code id or name from codebook.yaml', fr: 'donner un identifiant ou un nom de code de codebook.yaml' },
      );
    }
    codeId = node.id;
  }
  const rows = segmentRows(segments, study.codebook, { coder: options.coder, participant: options.participant, code: codeId });
  const format = options.json ? 'json' : options.format;
  let out: string;
  if (format === 'json') {
    out = `${JSON.stringify(rows, null, 2)}\n`;
  } else {
    out = format === 'excel' ? formatSegmentRowsForExcel(rows) : formatSegmentRows(rows, format === 'tsv' ? '\t' : ',');
  }
  const unplaced = rows.filter((row) => row.status === 'unplaced').length;
  if (unplaced > 0) {
    ctx.stderr.write(
      `${paint.yellow(fr ? 'attention' : 'warning')}: ${
        fr
          ? `${unplaced} ligne(s) concernent des segments introuvables dans leur transcription (status « unplaced ») ; voir codage check`
          : `${unplaced} row(s) are segments that cannot be found in their transcript (status "unplaced"); see codage check`
      }\n`,
    );
  }
  if (options.output) {
    const path = resolve(options.output);
    await writeOutput(path, out);
    ctx.stderr.write(fr ? `${rows.length} ligne(s) écrite(s) dans ${path}\n` : `${rows.length} row(s) written to ${path}\n`);
  } else {
    ctx.stdout.write(out);
  }
  return 0;
}
