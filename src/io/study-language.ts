/**
 * The language a study asks for (`language:` in its codage.yaml), read before the command line
 * is parsed, so that even commander's own messages and `--help` speak it. Light on purpose:
 * the YAML reader is loaded only when the file names a language.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STUDY_FILES } from '../core/study/study.js';
import { decodeTranscriptBytes, normalizeText } from '../core/text/decode.js';
import type { Language } from '../core/types.js';

/** The `language` of `<root>/codage.yaml`, or undefined (no file, no language, or not fr/en). */
export async function readStudyLanguage(root: string): Promise<Language | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(root, STUDY_FILES.config));
  } catch {
    return undefined;
  }
  const text = normalizeText(decodeTranscriptBytes(bytes).text);
  if (!/^language[ \t]*:/m.test(text)) return undefined;
  const { parseStudyConfig } = await import('../core/study/config.js');
  return parseStudyConfig(text, STUDY_FILES.config).config.language;
}
