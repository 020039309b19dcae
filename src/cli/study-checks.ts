import { UsageError } from '../core/errors.js';
import type { Study } from '../core/study/study.js';

// A coder name is checked before the study is read: see coder.ts (resolveCoder).

/** `--by ATTRIBUTE` must name an attribute some participant has. */
export function requireAttribute(study: Study, attribute: string | undefined): void {
  if (attribute === undefined) return;
  const known = new Set<string>();
  for (const p of study.participants.values()) for (const key of Object.keys(p.attributes)) known.add(key);
  if (known.has(attribute)) return;
  throw new UsageError(
    { en: `no participant attribute "${attribute}"`, fr: `pas d'attribut de participant « ${attribute} »` },
    { en: `attributes: ${[...known].sort().join(', ') || 'none'}`, fr: `attributs : ${[...known].sort().join(', ') || 'aucun'}` },
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
