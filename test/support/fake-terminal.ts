/**
 * A terminal in memory for rendering the screens with Ink's real `render`: a TTY-like stdout
 * with a size that can change, and a stdin that can be typed into (`renderInTerminal` sets them
 * up). Used by the component tests and the benchmark.
 */
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import type { ReactElement } from 'react';

export class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  /** Everything written, one entry per write. */
  readonly writes: string[] = [];
  /** Called after each write (the benchmark times frames with it). */
  onWrite: ((chunk: string) => void) | null = null;
  /** Keep only the last writes, to bound memory in long runs. */
  keep = Infinity;

  constructor(
    public columns = 100,
    public rows = 30,
  ) {
    super();
  }

  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    this.writes.push(text);
    if (this.writes.length > this.keep) this.writes.splice(0, this.writes.length - this.keep);
    this.onWrite?.(text);
    const callback = rest.find((r): r is () => void => typeof r === 'function');
    callback?.();
    return true;
  }

  /** The last thing written. */
  lastWrite(): string {
    return this.writes[this.writes.length - 1] ?? '';
  }

  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }

  hasColors(): boolean {
    return true;
  }

  getColorDepth(): number {
    return 8;
  }

  cursorTo(): boolean {
    return true;
  }

  moveCursor(): boolean {
    return true;
  }

  clearLine(): boolean {
    return true;
  }
}

export class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private pending: string[] = [];

  /** Sends keys as a terminal would (one chunk). */
  write(data: string): void {
    this.pending.push(data);
    this.emit('readable');
    this.emit('data', data);
  }

  read(): string | null {
    return this.pending.shift() ?? null;
  }

  setEncoding(): this {
    return this;
  }

  setRawMode(): this {
    return this;
  }

  resume(): this {
    return this;
  }

  pause(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }
}

/** A screen rendered by Ink into a fake terminal of a given size. */
export interface TerminalScreen {
  stdout: FakeStdout;
  /** Type into it: `stdin.write(keys)`. */
  stdin: FakeStdin;
  /** The last frame drawn, escape sequences removed, one string per row (without the final line end). */
  lines(): string[];
  unmount(): void;
}

const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** A frame without its colours and cursor moves. */
export function stripEscapes(text: string): string {
  return text.replace(ESCAPES, '');
}

/**
 * Renders `element` with Ink's real `render` into a `columns` × `rows` terminal in memory, as the
 * screens run: each frame written whole (`debug`), Ctrl+C left to the screen, the console untouched.
 */
export function renderInTerminal(element: ReactElement, columns: number, rows: number): TerminalScreen {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const instance = render(element, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return {
    stdout,
    stdin,
    lines: () => stripEscapes(stdout.lastWrite()).replace(/\n$/, '').split('\n'),
    unmount: () => instance.unmount(),
  };
}

/** Key sequences as terminals send them. */
export const KEYS = {
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  shiftUp: '\x1b[1;2A',
  shiftDown: '\x1b[1;2B',
  shiftRight: '\x1b[1;2C',
  shiftLeft: '\x1b[1;2D',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  home: '\x1b[H',
  end: '\x1b[F',
  enter: '\r',
  escape: '\x1b',
  backspace: '\x7f',
  delete: '\x1b[3~',
  tab: '\t',
  shiftTab: '\x1b[Z',
  ctrlC: '\x03',
  ctrlN: '\x0e',
  ctrlR: '\x12',
  ctrlU: '\x15',
} as const;
