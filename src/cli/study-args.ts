/** Checks of the coder and participant names a command is given, against the study. */
import { UsageError } from '../core/errors.js';
import type { Study } from '../core/study/study.js';

/** Throws a usage error naming the known coders when one of `names` has no coder file. */
export function requireCoders(study: Study, names: readonly string[]): void {
  const known = study.coders.map((c) => c.coder);
  const missing = names.filter((n) => !known.includes(n));
  if (missing.length === 0) return;
  const list = missing.map((m) => `"${m}"`).join(', ');
  const listFr = missing.map((m) => `« ${m} »`).join(', ');
  throw new UsageError(
    { en: `no coder file for ${list} in codings/`, fr: `pas de fichier de codeur ${listFr} dans codings/` },
    { en: `known coders: ${known.join(', ') || 'none yet'}`, fr: `codeurs connus : ${known.join(', ') || 'aucun pour le moment'}` },
  );
}

/** `P1,P4` or `P1 P4` → ids, checked against the study's transcripts. */
export function parseParticipants(study: Study, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const ids = value.split(/[,\s]+/).filter((s) => s !== '');
  const unknown = ids.filter((id) => !study.transcriptById.has(id));
  if (ids.length === 0 || unknown.length > 0) {
    const all = study.transcripts.map((t) => t.id).join(', ');
    throw new UsageError(
      ids.length === 0
        ? { en: '--participants needs at least one participant id', fr: '--participants demande au moins un identifiant de participant' }
        : { en: `no transcript for participant(s) ${unknown.join(', ')}`, fr: `pas de transcription pour ${unknown.join(', ')}` },
      { en: `participants: ${all}`, fr: `participants : ${all}` },
    );
  }
  return [...new Set(ids)];
}

/** A number option within bounds, or a usage error naming the option. */
export function numberOption(name: string, value: string | undefined, fallback: number, min: number, max: number, integer = false): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(',', '.'));
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(
      { en: `${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not "${value}"`, fr: `${name} doit être ${integer ? 'un nombre entier' : 'un nombre'} de ${min} à ${max}, pas « ${value} »` },
    );
  }
  return n;
}
