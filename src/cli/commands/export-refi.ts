import { readMemos } from '../../io/memos.js';
import { extname, resolve } from 'node:path';
import { DataError, UsageError } from '../../core/errors.js';
import type { AttributePlace } from '../../core/refi/attribute-places.js';
import type { Study } from '../../core/study/study.js';
import { codebookQdc, projectQde, type ExportedSegment, type UnwritableText } from '../../core/refi/export.js';
import { transcriptOffsets } from '../../core/study/anchor-codings.js';
import type { CommandContext } from '../context.js';
import { loadForCommand } from '../load.js';
import { outputFormat, refuseStudyData, writeOutput } from '../output-file.js';
import { formatNumber, paint } from '../output.js';
import { refuseExportWithErrors } from '../study-checks.js';
import { codageVersion } from '../version.js';

export type RefiFormat = 'qdpx' | 'qdc';

/** The REFI-QDA format asked for: `--format`, else the extension of `-o`. */
export function refiFormat(format: string | undefined, output: string | undefined): RefiFormat | undefined {
  if (format === 'qdpx' || format === 'qdc') return format;
  if (format !== undefined || output === undefined) return undefined;
  const extension = extname(output).toLowerCase();
  return extension === '.qdpx' ? 'qdpx' : extension === '.qdc' ? 'qdc' : undefined;
}

function refuseUnwritable(unwritable: UnwritableText[]): void {
  if (unwritable.length === 0) return;
  const list = { en: unwritable.map((u) => u.where.en).join('; '), fr: unwritable.map((u) => u.where.fr).join(' ; ') };
  throw new DataError(
    { en: `XML cannot hold what is in ${list.en}: nothing was exported`, fr: `le XML ne peut pas contenir ce qu’il y a dans ${list.fr}\u00a0: rien n’a été exporté` },
    { hint: { en: 'remove the control characters there (codage check shows them), then export again', fr: 'y retirer les caractères de contrôle (codage check les montre), puis exporter à nouveau' } },
  );
}

/** Where each attribute is: participants.csv's columns in their order, then the front matter's. */
function attributePlaces(study: Study): Map<string, AttributePlace> {
  const places = new Map<string, AttributePlace>();
  for (const column of study.participantColumns ?? []) places.set(column, { csv: true, frontMatter: false });
  for (const t of study.transcripts) {
    for (const key of Object.keys(t.attributes)) {
      const place = places.get(key);
      if (place === undefined) places.set(key, { csv: false, frontMatter: true });
      else place.frontMatter = true;
    }
  }
  return places;
}

/** `codage export project --format qdpx -o FILE` and `codage export codebook --format qdc -o FILE`. */
export async function exportRefi(baseCtx: CommandContext, what: string, format: RefiFormat, options: { study: string; output?: string }): Promise<number> {
  const wanted = format === 'qdpx' ? 'project' : 'codebook';
  if (what !== wanted) {
    throw new UsageError(
      { en: `${what} cannot be written as ${format}: ${format} is for the ${wanted}`, fr: `${what} ne peut pas s’écrire en ${format}\u00a0: ${format} est pour ${wanted === 'project' ? 'le projet' : 'le livre de codes'}` },
      { en: `codage export ${wanted} --format ${format} -o ${wanted === 'project' ? 'study.qdpx' : 'codebook.qdc'}`, fr: `codage export ${wanted} --format ${format} -o ${wanted === 'project' ? 'etude.qdpx' : 'codes.qdc'}` },
    );
  }
  if (!options.output) {
    throw new UsageError(
      { en: `a ${format} file needs a name: add -o FILE.${format}`, fr: `un fichier ${format} a besoin d’un nom : ajouter -o FICHIER.${format}` },
      { en: `e.g. codage export ${wanted} -o ${wanted}.${format}`, fr: `par ex. codage export ${wanted} -o ${wanted === 'project' ? 'etude' : 'codes'}.${format}` },
    );
  }
  outputFormat(wanted, format, options.output, [format], format);
  refuseStudyData(resolve(options.study), options.output, '-o');
  const { ctx, study, segments, problems } = await loadForCommand(baseCtx, options.study);
  const fr = ctx.language === 'fr';
  const origin = `codage ${codageVersion()}`;
  refuseExportWithErrors(ctx, problems);
  let out: string | Uint8Array;
  let summary: string;
  if (format === 'qdc') {
    const { xml, unwritable } = codebookQdc(study.codebook, ctx.language, origin);
    refuseUnwritable(unwritable);
    out = xml;
    summary = fr ? 'livre de codes (qdc)' : 'codebook (qdc)';
  } else {
    let unplaced = 0;
    const coders = study.coders.map((c) => ({
      coder: c.coder,
      ...(c.coderFile.name !== undefined ? { name: c.coderFile.name } : {}),
      memos: c.coderFile.memos,
      segments: segments
        .filter((a) => a.coder === c.coder)
        .flatMap((a): ExportedSegment[] => {
          if (a.status === 'unplaced') {
            unplaced++;
            return [];
          }
          const map = transcriptOffsets(a.transcript);
          const s = a.segment;
          return [
            {
              id: s.id,
              participant: a.transcript.id,
              start: map.toCodePoint(a.start),
              end: map.toCodePoint(a.end),
              text: a.text,
              codes: s.codes,
              ...(s.memo !== undefined ? { memo: s.memo } : {}),
              ...(s.exemplary ? { exemplary: true } : {}),
              ...(s.quote !== undefined ? { quote: s.quote } : {}),
              ...(s.ambiguous ? { ambiguous: true } : {}),
              ...(s.confirmed ? { confirmed: true } : {}),
              ...(s.at !== undefined ? { at: s.at } : {}),
            },
          ];
        }),
    }));
    // The study's memos (memos/), each as a note on what it is about.
    const memoFiles = await readMemos(study.root);
    const memos = { transcripts: new Map<string, string>(), nodes: new Map<string, string>(), study: undefined as string | undefined };
    for (const memo of memoFiles.values()) {
      if (memo.text.trim() === '') continue;
      const subject = memo.subject;
      if (subject.kind === 'study') memos.study = memo.text;
      else if (subject.kind === 'transcript') memos.transcripts.set(subject.id, memo.text);
      else memos.nodes.set(subject.id, memo.text);
    }
    const { QdpxArchive } = await import('../../io/qdpx.js');
    const archive = new QdpxArchive();
    const { sources, unwritable } = projectQde({
      title: study.config.title ?? 'codage',
      language: ctx.language,
      origin,
      codebook: study.codebook,
      transcripts: study.transcripts.map((t) => ({ id: t.id, text: t.text })),
      participants: study.participants,
      coders,
      memos: memos.study === undefined ? { transcripts: memos.transcripts, nodes: memos.nodes } : memos,
      attributePlaces: attributePlaces(study),
      ...(study.config.language !== undefined ? { studyLanguage: study.config.language } : {}),
      ...(study.config.coder !== undefined && coders.some((c) => c.coder === study.config.coder) ? { defaultCoder: study.config.coder } : {}),
    }, archive.onXml);
    refuseUnwritable(unwritable);
    out = await archive.bytes(sources);
    const count = coders.reduce((n, c) => n + c.segments.length, 0);
    summary = fr
      ? `projet (qdpx\u00a0: ${formatNumber(study.transcripts.length, 'fr')} transcription(s), ${coders.length} codeur(s), ${formatNumber(count, 'fr')} segment(s))`
      : `project (qdpx: ${formatNumber(study.transcripts.length, 'en')} transcript(s), ${coders.length} coder(s), ${formatNumber(count, 'en')} segment(s))`;
    if (unplaced > 0) {
      ctx.stderr.write(
        `${paint.yellow(fr ? 'attention' : 'warning')}${fr ? '\u00a0: ' : ': '}${
          fr ? `${unplaced} segment(s) introuvable(s) dans leur transcription ne sont pas exportés\u202f; voir codage check` : `${unplaced} segment(s) that cannot be found in their transcript are not exported; see codage check`
        }\n`,
      );
    }
  }
  await writeOutput(options.output, out, { study: study.root, option: '-o' });
  ctx.stderr.write(fr ? `${summary} écrit dans ${resolve(options.output)}\n` : `${summary} written to ${resolve(options.output)}\n`);
  return 0;
}
