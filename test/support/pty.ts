/**
 * The built `codage` binary in a real pseudo-terminal (node-pty), as a person uses it: keys
 * typed, the screen read back without its escape sequences.
 */
import * as pty from 'node-pty';
import { CLI } from '../helpers.js';

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>78]|\x1b\][^\x07]*\x07/g;

export const KEYS = {
  ENTER: '\r',
  TAB: '\t',
  ESC: '\x1b',
  UP: '\x1b[A',
  DOWN: '\x1b[B',
  RIGHT: '\x1b[C',
  LEFT: '\x1b[D',
  BACKSPACE: '\x7f',
} as const;

export interface TerminalSession {
  term: pty.IPty;
  /** Everything the program wrote, escape sequences removed. */
  screen(): string;
  /** Everything the program wrote, escape sequences included. */
  raw(): string;
  /** Waits until the screen shows `text` (all output so far), or fails with the last 3,000 characters. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Types keys, then leaves the program 150 ms to answer. */
  type(keys: string): Promise<void>;
  exit: Promise<number>;
}

export interface TerminalOptions {
  cols?: number;
  rows?: number;
  env?: Record<string, string>;
}

/** Starts `codage <args>` in a pseudo-terminal (100×30 unless told), with a minimal, fixed environment. */
export function startCodage(args: string[], options: TerminalOptions = {}): TerminalSession {
  const term = pty.spawn(process.execPath, [CLI, ...args], {
    name: 'xterm-256color',
    cols: options.cols ?? 100,
    rows: options.rows ?? 30,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C.UTF-8', TERM: 'xterm-256color', TZ: 'UTC', ...options.env },
  });
  let raw = '';
  term.onData((data) => {
    raw += data;
  });
  const exit = new Promise<number>((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)));
  const screen = () => raw.replace(ANSI, '');
  return {
    term,
    screen,
    raw: () => raw,
    exit,
    async waitFor(text, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      const found = () => (typeof text === 'string' ? screen().includes(text) : text.test(screen()));
      while (!found()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; screen so far:\n${screen().slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async type(keys) {
      term.write(keys);
      await new Promise((r) => setTimeout(r, 150));
    },
  };
}
