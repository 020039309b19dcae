import type { Localized } from './types.js';

/**
 * The user's data needs fixing (exit 1). Carries where and how to fix it;
 * printed without a stack.
 */
export class DataError extends Error {
  readonly localized: Localized;
  readonly hint?: Localized;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;

  constructor(
    message: Localized,
    options: { hint?: Localized; file?: string; line?: number; column?: number } = {},
  ) {
    super(message.en);
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
