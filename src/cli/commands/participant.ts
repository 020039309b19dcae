/**
 * `codage participant rename OLD NEW`: a participant id renamed in every file of the study that
 * holds it. Checked against the study as read (core/study/participant-rename.ts), then written by
 * io/participant-rename.ts as one all-or-nothing change.
 */
import { resolve } from 'node:path';
import { describeRenamedFile, renamedCount, transcriptToRename, type RenamedFile } from '../../core/study/participant-rename.js';
import { safeJson, terminalSafe as t } from '../../core/text/terminal.js';
import { renameParticipant } from '../../io/participant-rename.js';
import { assertStudyFolder, loadStudy } from '../../io/study.js';
import { withStudyLanguage, type CommandContext } from '../context.js';
import { noticePrinter } from '../notices.js';
import { paint } from '../output.js';

interface RenameOptions {
  study: string;
  lang?: string;
  json?: boolean;
  dryRun?: boolean;
}

/** The command as the user typed it, for lock files. */
function commandLine(from: string, to: string, dryRun: boolean): string {
  const word = (w: string) => (/^[\p{L}\p{N}._/-]+$/u.test(w) ? w : JSON.stringify(w));
  return ['codage', 'participant', 'rename', word(from), word(to), ...(dryRun ? ['--dry-run'] : [])].join(' ');
}

/** Where the file is after the rename. */
function fileAfter(change: RenamedFile): string {
  return change.kind === 'transcript' || change.kind === 'memo' ? (change.renamedTo ?? change.file) : change.file;
}

export async function runRename(baseCtx: CommandContext, from: string, to: string, options: RenameOptions): Promise<number> {
  const root = resolve(options.study);
  await assertStudyFolder(root);
  const study = await loadStudy(root, { keepCodebook: false });
  const ctx = withStudyLanguage(baseCtx, study.config);
  const fr = ctx.language === 'fr';
  const dryRun = options.dryRun === true;
  const transcript = transcriptToRename(from, to, study.transcripts);
  const target = to.normalize('NFC');
  const changed = renameParticipant({
    root,
    from: transcript.id,
    to: target,
    transcriptFile: transcript.file,
    coders: study.coders.map((c) => c.coder),
    command: commandLine(from, to, dryRun),
    dryRun,
    ...(study.config.language ? { language: study.config.language } : {}),
    onNotice: noticePrinter(ctx),
  });
  // The interview's text is left as it is: say where a speaker is still labelled with the old id.
  const labelled = study.transcriptById.get(transcript.id)?.turns.filter((turn) => turn.speaker === transcript.id).length ?? 0;
  const transcriptAfter = fileAfter(changed[0]!);

  if (options.json) {
    ctx.stdout.write(
      `${safeJson({
        ok: true,
        dryRun,
        from: transcript.id,
        to: target,
        files: changed.map((c) => ({
          file: c.file,
          ...(fileAfter(c) !== c.file ? { renamedTo: fileAfter(c) } : {}),
          change: c.kind,
          count: renamedCount(c),
          summary: describeRenamedFile(c)[ctx.language],
        })),
        speakerLabels: labelled,
      })}\n`,
    );
    return 0;
  }
  const n = changed.length;
  const head = fr
    ? `${transcript.id} → ${target}\u00a0: ${n} fichier${n > 1 ? 's' : ''} ${dryRun ? 'à modifier' : n > 1 ? 'modifiés' : 'modifié'}`
    : `${transcript.id} → ${target}: ${n} file${n > 1 ? 's' : ''} ${dryRun ? 'to change' : 'changed'}`;
  ctx.stdout.write(`${dryRun ? '' : `${paint.green('✓')} `}${t(head)}\n`);
  for (const change of changed) ctx.stdout.write(`    ${t(describeRenamedFile(change)[ctx.language])}\n`);
  if (labelled > 0) {
    ctx.stdout.write(
      paint.yellow(
        t(
          fr
            ? `Le texte de ${transcriptAfter} ${dryRun ? 'nommera' : 'nomme'} encore le locuteur «\u00a0${transcript.id}\u00a0» (${labelled} tour${labelled > 1 ? 's' : ''} de parole)\u00a0: codage ne modifie pas le texte des entretiens. Pour l’y changer aussi, le remplacer dans un éditeur, puis lancer codage check --fix, qui replace les segments.\n`
            : `The text of ${transcriptAfter} ${dryRun ? 'will still label' : 'still labels'} a speaker "${transcript.id}" (${labelled} turn${labelled > 1 ? 's' : ''}): codage does not change the text of interviews. To change it there too, replace it in an editor, then run codage check --fix, which places the segments again.\n`,
        ),
      ),
    );
  }
  if (dryRun) ctx.stdout.write(paint.dim(fr ? 'Essai (--dry-run)\u00a0: rien n’a été écrit.\n' : 'Dry run (--dry-run): nothing was written.\n'));
  else ctx.stdout.write(paint.dim(fr ? 'Versions précédentes\u00a0: .codage/backups/\n' : 'Previous versions: .codage/backups/\n'));
  return 0;
}
