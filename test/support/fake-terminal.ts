/**
 * A terminal in memory for rendering the coding screen with Ink's real `render`: a TTY-like
 * stdout with a size that can change, and a stdin that can be typed into. Used by the
 * component tests and the benchmark.
 */
import { EventEmitter } from 'node:events';

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
