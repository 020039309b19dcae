/**
 * A coder name as typed after `--coder`, checked against the study's coders. A coder name is a
 * file name (`codings/<coder>.yaml`): it must be one, and two names that differ only by case
 * are one file on macOS and Windows, so they are one coder here too.
 */
import { nearest } from '../codebook/nearest.js';
import { UsageError } from '../errors.js';
import { coderFilePath, isValidCoderName } from './study.js';

export interface ResolvedCoder {
  coder: string;
  /** The study has no file for this coder yet. */
  isNew: boolean;
  /** For a new coder: an existing coder whose name is close (a typo?). */
  nearest?: string;
}

function knownList(known: readonly string[], fr: boolean): string {
  if (known.length === 0) return fr ? "l’étude n’a pas encore de codeur" : 'the study has no coder yet';
  return fr ? `codeurs de l’étude : ${known.join(', ')}` : `the study's coders: ${known.join(', ')}`;
}

/**
 * Checks `--coder NAME` against the coders the study has (`known`, from codings/). With
 * `mustExist` (a command that reads a coder's work), a name the study does not have is an
 * error that lists the study's coders and suggests the nearest; otherwise it is a new coder.
 */
export function resolveCoderName(
  input: string,
  known: readonly string[],
  /** `given`: how the name was typed, for the hints (`--coder`, the default; `--into`; '' for a name given as an argument). */
  options: { mustExist: boolean; given?: string },
): ResolvedCoder {
  const as = (name: string) => (options.given === '' ? name : `${options.given ?? '--coder'} ${name}`);
  const coder = input.trim();
  if (!isValidCoderName(coder)) {
    throw new UsageError(
      { en: `"${coder}" cannot be a coder name`, fr: `« ${coder} » ne peut pas être un nom de codeur` },
      {
        en: 'use letters, digits, "-", "_" or "." (it becomes the file name codings/<coder>.yaml)',
        fr: 'utiliser des lettres, des chiffres, « - », « _ » ou « . » (il devient le nom du fichier codings/<codeur>.yaml)',
      },
    );
  }
  if (known.includes(coder)) return { coder, isNew: false };
  const sameFile = known.find((k) => k.toLowerCase() === coder.toLowerCase());
  if (sameFile !== undefined) {
    throw new UsageError(
      {
        en: `"${coder}" and "${sameFile}" differ only by case: on macOS and Windows they are the same file, ${coderFilePath(sameFile)}`,
        fr: `« ${coder} » et « ${sameFile} » ne diffèrent que par les majuscules : sous macOS et Windows, c’est le même fichier, ${coderFilePath(sameFile)}`,
      },
      { en: `use ${as(sameFile)}`, fr: `utiliser ${as(sameFile)}` },
    );
  }
  // One letter in three at most: `bob` is not a typo of `zoe`.
  const close = nearest(coder, known);
  if (options.mustExist) {
    throw new UsageError(
      { en: `no coder "${coder}" in codings/`, fr: `pas de codeur « ${coder} » dans codings/` },
      {
        en: `${close !== undefined ? `did you mean ${as(close)}? ` : ''}${knownList(known, false)}`,
        fr: `${close !== undefined ? `vouliez-vous dire ${as(close)} ? ` : ''}${knownList(known, true)}`,
      },
    );
  }
  return close === undefined ? { coder, isNew: true } : { coder, isNew: true, nearest: close };
}
