import type { Localized } from './types.js';

/** Where a problem is and how to fix it. */
export interface DataErrorOptions {
  hint?: Localized;
  file?: string;
  line?: number;
  column?: number;
  /** The lower-level error this one explains (kept for debugging, never printed). */
  cause?: unknown;
}

/**
 * The user's data needs fixing (exit 1). Carries where and how to fix it;
 * printed without a stack. Every error a user can fix extends it (a spreadsheet that cannot be
 * read, an edit the codebook refuses, a study another process holds), so the one reporter
 * (`cli/report-error.ts`) prints each with its position and exit code.
 */
export class DataError extends Error {
  readonly localized: Localized;
  readonly hint?: Localized;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;

  constructor(message: Localized, options: DataErrorOptions = {}) {
    super(message.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DataError';
    this.localized = message;
    this.hint = options.hint;
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
  }
}

/** The command was called the wrong way (exit 2). */
export class UsageError extends Error {
  readonly localized: Localized;
  readonly hint?: Localized;

  constructor(message: Localized, hint?: Localized) {
    super(message.en);
    this.name = 'UsageError';
    this.localized = message;
    this.hint = hint;
  }
}

export function localized(en: string, fr: string): Localized {
  return { en, fr };
}
