// Bundle-time stand-in for src/tui/ink-output.ts: the same Output class Ink uses, imported
// statically so that the bundler keeps a single copy (see rolldown.config.mjs).
import Output from 'ink/build/output.js';

export async function importInkOutput() {
  return Output;
}
