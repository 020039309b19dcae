import type { Language, Localized } from '../core/types.js';

/** Language from the environment, the way gettext reads it: LC_ALL, then LC_MESSAGES, then LANG. */
export function languageFromEnv(env: NodeJS.ProcessEnv = process.env): Language {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || '';
  return /^fr/i.test(value) ? 'fr' : 'en';
}

/** `--lang` given on the command line, read before commander parses (help texts need it). */
export function languageFromArgv(argv: string[]): Language | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg.startsWith('--lang=') ? arg.slice(7) : arg === '--lang' ? argv[i + 1] : undefined;
    if (value === 'fr' || value === 'en') return value;
  }
  return undefined;
}

/** `--study DIR` given on the command line, read before commander parses (its codage.yaml may name a language). */
/** Options of `codage init` followed by their value. */
const INIT_VALUE_OPTIONS = ['--codebook', '--title', '--lang', '--study'];

export function studyDirFromArgv(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg.startsWith('--study=')) return arg.slice(8);
    if (arg === '--study' && argv[i + 1] !== undefined) return argv[i + 1];
  }
  // `codage init ma-these`: the folder it names (a study already there answers in its language).
  if (argv[0] === 'init') {
    for (let i = 1; i < argv.length; i++) {
      const arg = argv[i]!;
      if (arg === '--') return argv[i + 1];
      if (INIT_VALUE_OPTIONS.includes(arg)) i++;
      else if (!arg.startsWith('-')) return arg;
    }
  }
  return undefined;
}

export function isLanguage(value: unknown): value is Language {
  return value === 'fr' || value === 'en';
}

export function say(language: Language, message: Localized): string {
  return message[language];
}
