import { nearest } from '../core/codebook/nearest.js';
import { DataError, UsageError } from '../core/errors.js';
import type { Study } from '../core/study/study.js';
import type { Problem } from '../core/types.js';
import type { CommandContext } from './context.js';
import { formatProblem } from './output.js';

// A coder name is checked before the study is read: see coder.ts (resolveCoder).

/**
 * A command that builds on these files refuses to go on while one of them has an error (a YAML
 * syntax error, two codes with one id…): the first one, with its file:line:column and its fix.
 */
export function refuseErrorsIn(problems: readonly Problem[], files: readonly string[]): void {
  const first = problems.find((p) => p.severity === 'error' && files.includes(p.file));
  if (first) throw new DataError(first.message, { file: first.file, line: first.line, column: first.column, hint: first.hint });
}

/** `--by ATTRIBUTE` must name an attribute some participant has. */
export function requireAttribute(study: Study, attribute: string | undefined): void {
  if (attribute === undefined) return;
  const known = new Set<string>();
  for (const p of study.participants.values()) for (const key of Object.keys(p.attributes)) known.add(key);
  if (known.has(attribute)) return;
  const near = nearest(attribute, [...known].sort());
  throw new UsageError(
    { en: `no participant attribute "${attribute}"`, fr: `pas d’attribut de participant « ${attribute} »` },
    {
      en: `${near === undefined ? '' : `did you mean --by ${near}? `}attributes: ${[...known].sort().join(', ') || 'none'}`,
      fr: `${near === undefined ? '' : `vouliez-vous dire --by ${near} ? `}attributs : ${[...known].sort().join(', ') || 'aucun'}`,
    },
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

/**
 * An export drawn from a study codage cannot fully read would be wrong without saying so: nothing
 * is written until the study is fixed. Segments that cannot be placed are the exception: they are
 * left out and said so, as `codage stats` does.
 */
export function refuseExportWithErrors(ctx: CommandContext, problems: readonly Problem[]): void {
  const blocking = problems.filter((p) => p.severity === 'error' && p.kind !== 'segment-unplaced' && p.kind !== 'offsets-out-of-range');
  if (blocking.length === 0) return;
  for (const problem of blocking) ctx.stderr.write(`${formatProblem(problem, ctx.language)}\n`);
  throw new DataError(
    { en: `the study has ${blocking.length} error(s): nothing was exported`, fr: `l’étude a ${blocking.length} erreur(s) : rien n’a été exporté` },
    { hint: { en: 'fix them (codage check lists them all), then export again', fr: 'les corriger (codage check les liste toutes), puis exporter à nouveau' } },
  );
}
