import { resolve } from 'node:path';
import { confirmSegments } from '../../core/codings/confirm.js';
import { DataError, UsageError } from '../../core/errors.js';
import { coderFilePath } from '../../core/study/study.js';
import { keepReconcileState, reconcileStateAsWritten, type ReconcileState } from '../../io/reconcile-state.js';
import { contextAtPlace } from '../../core/study/anchor-codings.js';
import { readStudyConfig, transcriptsOnDemand } from '../../io/study.js';
import { changeStudy } from '../../io/study-change.js';
import { resolveCoder } from '../coder.js';
import { withStudyLanguage, type CommandContext } from '../context.js';
import { noticePrinter } from '../notices.js';
import { paint } from '../output.js';

interface ConfirmOptions {
  study: string;
  coder: string;
  all?: boolean;
  participant?: string;
  json?: boolean;
}

/** `codage confirm`: replaces the `ambiguous` mark of segments the coder has checked by `confirmed`. */
export async function run(baseCtx: CommandContext, ids: string[], options: ConfirmOptions): Promise<number> {
  const root = resolve(options.study);
  const { coder } = await resolveCoder(root, options.coder, { mustExist: true });
  const config = (await readStudyConfig(root)).config;
  const ctx = withStudyLanguage(baseCtx, config);
  const fr = ctx.language === 'fr';
  if (ids.length === 0 && !options.all) {
    throw new UsageError(
      { en: 'which segments? Give their ids, or --all', fr: 'quels segments ? Indiquer leurs identifiants, ou --all' },
      {
        en: `codage check lists the ambiguous segments with their ids; e.g. codage confirm k3j9x2tq --coder ${coder}`,
        fr: `codage check liste les segments ambigus avec leurs identifiants ; par exemple codage confirm k3j9x2tq --coder ${coder}`,
      },
    );
  }
  if (ids.length > 0 && options.all) {
    throw new UsageError({ en: 'give segment ids or --all, not both', fr: 'indiquer des identifiants ou --all, pas les deux' });
  }

  const file = coderFilePath(coder);
  // Today's transcripts (read only): each place is confirmed with the words around it now. Only
  // those of the segments confirmed are read, when confirmSegments asks for them.
  const transcriptOf = await transcriptsOnDemand(root);
  const contextNow = (s: Parameters<typeof contextAtPlace>[1] & { participant: string }) => {
    const transcript = transcriptOf(s.participant);
    return transcript === undefined ? null : contextAtPlace(transcript, s);
  };
  let asWritten: ReconcileState | null = null;
  // Read again under the lock, written only if fully understood (changeStudy refuses otherwise).
  const result = changeStudy(root, { command: `codage confirm --coder ${coder}`, files: [file], onNotice: noticePrinter(ctx), language: config.language }, (files) => {
    const entry = files.coder(coder);
    if (entry === null) {
      throw new DataError({ en: `${file} does not exist`, fr: `${file} n’existe pas` }, {
        hint: { en: 'check the coder name (codings/<coder>.yaml)', fr: 'vérifier le nom du codeur (codings/<codeur>.yaml)' },
      });
    }
    // A consensus as reconcile wrote it stays reconcile's own after a place is confirmed in it.
    asWritten = reconcileStateAsWritten(root, coder);
    const confirmed = confirmSegments(entry.coderFile, { ids, all: options.all === true, participant: options.participant, now: new Date().toISOString(), contextNow });
    if (confirmed.unknown.length > 0) {
      throw new DataError(
        {
          en: `no segment or quote ${confirmed.unknown.map((id) => `"${id}"`).join(', ')} in ${file}; nothing was changed`,
          fr: `aucun segment ni citation ${confirmed.unknown.map((id) => `« ${id} »`).join(', ')} dans ${file} ; rien n’a été modifié`,
        },
        { file, hint: { en: 'copy the ids from codage check (segment …) or from the import review file', fr: 'copier les identifiants depuis codage check (segment …) ou le fichier de revue de l’import' } },
      );
    }
    if (confirmed.confirmed.length > 0) files.writeCoder({ coder, coderFile: confirmed.coderFile, kept: entry.kept });
    return confirmed;
  });
  if (asWritten !== null && result.confirmed.length > 0) keepReconcileState(root, coder, asWritten);

  const left = result.coderFile.segments.filter((s) => s.ambiguous).length;
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify({ coder, file, confirmed: result.confirmed, confirmedAgain: result.again, alreadyConfirmed: result.already, notAmbiguous: result.notAmbiguous, ambiguousLeft: left }, null, 2)}\n`);
    return 0;
  }
  const colon = fr ? '\u00a0: ' : ': ';
  if (result.confirmed.length > 0) {
    ctx.stdout.write(
      `${paint.green('✓')} ${fr ? `${result.confirmed.length} segment(s) confirmé(s) dans ${file}` : `${result.confirmed.length} segment(s) confirmed in ${file}`}${colon}${result.confirmed.join(', ')}\n`,
    );
  } else {
    ctx.stdout.write(fr ? `Aucun segment à confirmer dans ${file}.\n` : `No segment to confirm in ${file}.\n`);
  }
  if (result.again.length > 0) {
    ctx.stdout.write(
      fr
        ? `Dont confirmé(s) de nouveau (les mots autour avaient changé depuis la confirmation)${colon}${result.again.join(', ')}\n`
        : `Of which confirmed again (the words around them had changed since they were confirmed): ${result.again.join(', ')}\n`,
    );
  }
  if (result.already.length > 0) {
    ctx.stdout.write(fr ? `Déjà confirmé(s)${colon}${result.already.join(', ')}\n` : `Already confirmed: ${result.already.join(', ')}\n`);
  }
  if (result.notAmbiguous.length > 0) {
    ctx.stdout.write(
      fr
        ? `Non marqué(s) ambigu(s), rien à confirmer${colon}${result.notAmbiguous.join(', ')}\n`
        : `Not marked ambiguous, nothing to confirm: ${result.notAmbiguous.join(', ')}\n`,
    );
  }
  ctx.stdout.write(
    fr ? `Segments ambigus restants${colon}${left}${left > 0 ? ' (codage check les liste)' : ''}\n` : `Ambiguous segments left: ${left}${left > 0 ? ' (codage check lists them)' : ''}\n`,
  );
  return 0;
}
