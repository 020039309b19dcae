/**
 * A cache for the last step of every Ink frame, where the tree's texts become the frame string.
 *
 * Ink 6.8 builds each frame from scratch: a fresh `Output` (not exported by Ink) makes a cell
 * object for every column of every row, re-tokenises every written line for its ANSI codes
 * (its token cache lives only as long as the `Output`), then turns every row of cells back into
 * a string. On a 100×40 terminal that costs ~10–15 ms per key on a slow machine, although a key
 * usually changes one to three rows. This module patches `Output.prototype.get` so that:
 *
 * - a row is rebuilt only when what is written on it (its lines and their columns) differs
 *   from every row seen recently: otherwise the row string comes from a cache;
 * - a rebuilt row goes through Ink's own code (a one-row `Output`), so every frame is exactly
 *   the string Ink would have produced;
 * - the token and width caches outlive the frame.
 *
 * Frames with clipping (`overflow="hidden"`) or a line that a transform turned into several
 * lines go through Ink's code unchanged. Installing checks first, on sample frames, that the
 * patched and the original code agree; if Ink's internals ever change shape, nothing is
 * patched and Ink works as before.
 */
import { importInkOutput } from './ink-output.js';

type Transformer = (line: string, index: number) => string;

interface WriteOperation {
  type: 'write';
  x: number;
  y: number;
  text: string;
  transformers: readonly Transformer[];
}

type Operation = WriteOperation | { type: 'clip' | 'unclip' };

interface Caches {
  styledChars: Map<string, unknown>;
  widths: Map<string, number>;
  blockWidths: Map<string, number>;
}

/** The shape of Ink's internal `Output` that this module relies on. */
export interface InkOutput {
  width: number;
  height: number;
  operations: Operation[];
  caches: Caches;
  write(x: number, y: number, text: string, options: { transformers: readonly Transformer[] }): void;
  get(): { output: string; height: number };
}

export interface InkOutputClass {
  new (options: { width: number; height: number }): InkOutput;
  prototype: InkOutput;
}

/** Rows kept; a frame has ~40, a session sees a few hundred distinct ones between scrolls. */
const MAX_ROWS = 4000;
/** Distinct lines whose tokens are kept. */
const MAX_LINES = 8000;
const SEPARATOR = '\u0000';

let outputClass: Promise<InkOutputClass | null> | null = null;
let originalGet: InkOutput['get'] | null = null;

/** Ink's `Output` class: the module Ink itself loaded (same file, same module instance). */
export function loadInkOutput(): Promise<InkOutputClass | null> {
  outputClass ??= (async () => {
    try {
      const candidate = (await importInkOutput()) as InkOutputClass | undefined;
      if (typeof candidate !== 'function' || typeof candidate.prototype?.get !== 'function') return null;
      const probe = new candidate({ width: 1, height: 1 });
      const caches = probe.caches as Partial<Caches> | undefined;
      const shaped =
        Array.isArray(probe.operations) &&
        caches?.styledChars instanceof Map &&
        caches.widths instanceof Map &&
        caches.blockWidths instanceof Map &&
        typeof (probe.caches as unknown as { getStyledChars?: unknown }).getStyledChars === 'function';
      return shaped ? candidate : null;
    } catch {
      return null;
    }
  })();
  return outputClass;
}

/** Where each line of the frame's write operations lands: per row, `x`, the line, in order. */
function rowWrites(output: InkOutput): string[][] | null {
  const rows: string[][] = Array.from({ length: output.height }, () => []);
  for (const operation of output.operations) {
    if (operation.type !== 'write') return null; // clipping: Ink's own code
    const { x, y, text, transformers } = operation;
    if (!text) continue;
    const lines = text.split('\n');
    // As in Ink: lines start at row y and stop at the first row outside the frame.
    for (let index = 0; index < lines.length; index++) {
      const row = rows[y + index];
      if (row === undefined) break;
      let line = lines[index] ?? '';
      for (const transformer of transformers) line = transformer(line, index);
      if (line.includes('\n')) return null;
      row.push(String(x), line);
    }
  }
  return rows;
}

/**
 * Patches Ink's frame assembly (see the module comment). Resolves true when the cache is in
 * place (now or by an earlier call), false when Ink's internals are not as expected.
 */
export async function installRowCache(): Promise<boolean> {
  const Output = await loadInkOutput();
  if (Output === null) return false;
  if (originalGet !== null) return true;
  const original = Output.prototype.get;
  const shared = new Output({ width: 1, height: 1 }).caches;
  const rowCache = new Map<string, string>();
  let cachedWidth = -1;

  const rowString = (width: number, writes: string[]): string => {
    const key = writes.join(SEPARATOR);
    let row = rowCache.get(key);
    if (row === undefined) {
      const single = new Output({ width, height: 1 });
      single.caches = shared;
      for (let i = 0; i + 1 < writes.length; i += 2) {
        const line = writes[i + 1] ?? '';
        if (line !== '') single.operations.push({ type: 'write', x: Number(writes[i]), y: 0, text: line, transformers: [] });
      }
      row = original.call(single).output;
      if (rowCache.size >= MAX_ROWS) rowCache.clear();
      rowCache.set(key, row);
    }
    return row;
  };

  function cachedGet(this: InkOutput): { output: string; height: number } {
    if (shared.styledChars.size > MAX_LINES) {
      shared.styledChars.clear();
      shared.widths.clear();
      shared.blockWidths.clear();
    }
    this.caches = shared;
    const rows = rowWrites(this);
    if (rows === null) return original.call(this);
    if (this.width !== cachedWidth) {
      rowCache.clear();
      cachedWidth = this.width;
    }
    let output = '';
    for (let y = 0; y < rows.length; y++) {
      if (y > 0) output += '\n';
      output += rowString(this.width, rows[y] ?? []);
    }
    return { output, height: rows.length };
  }

  if (!agreesWithInk(Output, original, cachedGet)) return false;
  originalGet = original;
  Output.prototype.get = cachedGet;
  return true;
}

/** Puts Ink's own frame assembly back (for tests). */
export async function uninstallRowCache(): Promise<void> {
  const Output = await loadInkOutput();
  if (Output !== null && originalGet !== null) Output.prototype.get = originalGet;
  originalGet = null;
}

/**
 * Sample frames: styles, accents, symbols, transforms, overlaps, rows off the frame. No wide
 * character: measuring one costs string-width's Unicode expressions (~50 ms to compile) at
 * every opening; wide and combining characters are compared with Ink's own frames in
 * ink-row-cache.test.tsx, on the Ink version package.json pins.
 */
function sampleFrames(Output: InkOutputClass): InkOutput[] {
  const bold = (s: string): string => `\x1b[1m${s}\x1b[22m`;
  const frames: InkOutput[] = [];
  for (let pass = 0; pass < 2; pass++) {
    const output = new Output({ width: 12, height: 4 });
    output.write(0, 0, `${bold('Élé')}ve ⏎ ✓ x`, { transformers: [] });
    output.write(2, 1, 'a\nb «\u00a0c\u00a0»\nz\nhors', { transformers: [(line, i) => (i === 1 ? `\x1b[36m${line}\x1b[39m` : line)] });
    output.write(5, 1, bold('X'), { transformers: [] });
    output.write(0, -1, 'caché\naussi', { transformers: [] });
    frames.push(output);
  }
  return frames;
}

function agreesWithInk(Output: InkOutputClass, original: InkOutput['get'], patched: InkOutput['get']): boolean {
  try {
    const expected = sampleFrames(Output).map((frame) => original.call(frame));
    const actual = sampleFrames(Output).map((frame) => patched.call(frame));
    return expected.every((e, i) => e.output === actual[i]?.output && e.height === actual[i]?.height);
  } catch {
    return false;
  }
}
