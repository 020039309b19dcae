/**
 * `codage reconcile` never overwrites a consensus that holds something its rebuild would lose.
 * It rebuilds without asking when the file is what the decisions give; and when the only
 * differences are in transcripts copied as they are from their only coder and the file is still
 * byte for byte what reconcile wrote (that coder coded on since, nobody touched the consensus).
 * Otherwise it refuses, unless --force, naming the transcripts, then segment by segment and field
 * by field what --force would do to the file.
 */
import { deName } from '../core/report/typography.js';
import { consensusChanges, consensusEdits, WHOLE_FILE, type ConsensusEdit } from '../core/consensus/on-disk.js';
import { consensusOf } from '../core/consensus/plan.js';
import type { Decision } from '../core/consensus/decisions.js';
import type { Reconciliation } from '../core/consensus/plan.js';
import { DataError } from '../core/errors.js';
import type { CoderEntry } from '../core/study/study.js';
import type { Language } from '../core/types.js';
import { consensusAsWritten } from '../io/reconcile-state.js';

export interface GuardInput {
  root: string;
  rec: Reconciliation;
  decisions: ReadonlyMap<string, Decision>;
  into: string;
  existing: CoderEntry;
  logName: string;
  /** Transcripts where the coders' segments are no longer at the places their files give (a transcript corrected, check --fix not run). */
  moved: ReadonlySet<string>;
}

/** How many changes a refusal lists one by one; the rest are counted. */
const LISTED = 8;

function editLine(e: ConsensusEdit, language: Language): string {
  const fr = language === 'fr';
  if (e.kind === 'memo') return fr ? `${e.participant}, mémo de la transcription : modifié (--force y remet les mémos des codeurs)` : `${e.participant}, memo of the transcript: changed (--force puts back the coders' memos)`;
  const seg = `${e.participant}, segment ${e.segment}`;
  if (e.kind === 'removed') return fr ? `${seg} : absent de la reconstruction (--force le retire)` : `${seg}: not in the rebuild (--force removes it)`;
  if (e.kind === 'added') return fr ? `${seg} : absent du fichier (--force le remet)` : `${seg}: missing from the file (--force puts it back)`;
  const codes = e.codes ? ` (${e.codes.file.join(', ')} → ${e.codes.rebuilt.join(', ')})` : '';
  const fields = e.fields.map((f) => (f === 'codes' ? `codes${codes}` : f)).join(', ');
  return fr ? `${seg} : ${fields} modifié(s) (--force les remet comme les donnent les décisions et les fichiers des codeurs)` : `${seg}: ${fields} changed (--force sets them as the decisions and the coders' files give them)`;
}

/** What --force would do, one line a change (the first `LISTED`, then how many more). */
function editLines(edits: readonly ConsensusEdit[], language: Language): string {
  const lines = edits.slice(0, LISTED).map((e) => `\n  - ${editLine(e, language)}`);
  if (edits.length > LISTED) lines.push(language === 'fr' ? `\n  - et ${edits.length - LISTED} autre(s)` : `\n  - and ${edits.length - LISTED} more`);
  return lines.join('');
}

/** The copied transcripts the consensus takes again as they are now; throws when the file must not be rebuilt. */
export function checkConsensusRebuild(input: GuardInput): string[] {
  const { rec, into, existing, logName } = input;
  const changed = consensusChanges(rec, input.decisions, into, existing);
  if (changed.length === 0) return [];
  const [a, b] = rec.coders;
  const copiedFrom = new Map(rec.copied.map((c) => [c.transcript.id, c.from === 'a' ? a : b]));
  if (changed.every((p) => copiedFrom.has(p)) && consensusAsWritten(input.root, into)) return changed;
  const where = (language: Language) =>
    changed
      .map((p) => {
        if (p === WHOLE_FILE) return language === 'fr' ? 'hors des transcriptions (coder:, clés inconnues)' : 'outside the transcripts (coder:, unknown keys)';
        const from = copiedFrom.get(p);
        if (from === undefined) return p;
        return language === 'fr' ? `${p} (copiée telle quelle de ${from})` : `${p} (copied as is from ${from})`;
      })
      .join(', ');
  const rebuilt = consensusOf(rec, input.decisions, into, { previous: existing.coderFile }).coderFile;
  const edits = consensusEdits(existing.coderFile, rebuilt, changed.filter((p) => p !== WHOLE_FILE));
  const unfixed = changed.filter((p) => input.moved.has(p));
  const hint =
    unfixed.length > 0
      ? {
          en: `the segments of ${unfixed.join(', ')} are no longer where the coder files say (the transcript was corrected): run codage check --fix first, which saves their new places, the consensus's too; then reconcile again, and the decisions follow`,
          fr: `les segments de ${unfixed.join(', ')} ne sont plus aux places que disent les fichiers des codeurs (la transcription a été corrigée) : lancer d’abord codage check --fix, qui enregistre leurs nouvelles places, celles du consensus aussi ; puis relancer la mise en commun, les décisions suivent`,
        }
      : {
          en: `reconcile into another name (--into ${into}-2), or add --force to rebuild it from the decisions in the log, which are all kept (the current file is kept in .codage/backups/)`,
          fr: `mettre en commun sous un autre nom (--into ${into}-2), ou ajouter --force pour le reconstruire à partir des décisions du journal, toutes gardées (le fichier actuel est gardé dans .codage/backups/)`,
        };
  throw new DataError(
    {
      en: `${existing.file} is not what the decisions in ${logName} give, in ${where('en')}: it was changed since (by codage code, by hand, by check --fix), or the log, ${a}'s or ${b}'s coding was edited; reconciling would overwrite it${editLines(edits, 'en')}`,
      fr: `${existing.file} ne correspond pas aux décisions de ${logName}, dans ${where('fr')} : il a été modifié depuis (par codage code, à la main, par check --fix), ou bien le journal, le codage ${deName(a)} ou celui ${deName(b)} a changé ; la mise en commun l’écraserait${editLines(edits, 'fr')}`,
    },
    { file: existing.file, hint },
  );
}
