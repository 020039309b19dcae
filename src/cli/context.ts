import type { Language, Localized, StudyConfig } from '../core/types.js';

/** What every command receives besides its own options. */
export interface CommandContext {
  /** Language for messages: `--lang`, else `codage.yaml`, else LANG. */
  language: Language;
  /** True when `--lang` was given: then `codage.yaml` does not override it. */
  languageFromFlag: boolean;
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

let studyLanguage: Language | undefined;

/** Once the study's `codage.yaml` is read, its language applies unless `--lang` was given. */
export function withStudyLanguage(ctx: CommandContext, config: StudyConfig): CommandContext {
  if (ctx.languageFromFlag || !config.language) return ctx;
  studyLanguage = config.language;
  return { ...ctx, language: config.language };
}

/** The study's language once a command has read it: errors reported afterwards speak it too. */
export function languageOfStudy(): Language | undefined {
  return studyLanguage;
}

export function text(ctx: CommandContext, message: Localized): string {
  return message[ctx.language];
}
