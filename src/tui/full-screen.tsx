/**
 * Runs an Ink screen full screen and gives the terminal back as it was, however it ends: the
 * screen exits, an uncaught error, SIGTERM, SIGHUP or SIGINT. On a signal, `onSignal` runs
 * before the promise resolves and `process.exitCode` becomes 128 + the signal number.
 * NO_COLOR turns colours off. Every screen of codage runs through it, the coding screen too.
 */
import chalk from 'chalk';
import { render, type Instance } from 'ink';
import type React from 'react';
import { installRowCache } from './ink-row-cache.js';

/** Enter the alternate screen, cursor at the top left. */
export const ENTER_FULL_SCREEN = '\x1b[?1049h\x1b[H';
/**
 * Mouse reports: clicks and drags (1000, 1002), in SGR form (1006), which has no column limit
 * and which Ink's input reader keeps whole. A terminal that does not know them ignores them.
 */
export const MOUSE_ON = '\x1b[?1000h\x1b[?1002h\x1b[?1006h';
/** Mouse reports off, the cursor shown again, and the alternate screen left: on every way out. */
export const LEAVE_FULL_SCREEN = '\x1b[?1006l\x1b[?1002l\x1b[?1000l\x1b[?25h\x1b[?1049l';

export interface ScreenStreams {
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

export interface FullScreenOptions {
  /** Ask the terminal for mouse reports. Default: no. */
  mouse?: boolean;
  /**
   * Under NO_COLOR, drop every style (the default: the screen says everything with characters),
   * or leave styles to the screen (`'own'`: the coding screen keeps bold and inverse, tui/colour.ts).
   */
  noColor?: 'plain' | 'own';
}

const SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;
const SIGNAL_NUMBERS: Record<(typeof SIGNALS)[number], number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

export function runFullScreen(
  element: React.JSX.Element,
  streams: ScreenStreams = {},
  onSignal: () => void = () => {},
  options: FullScreenOptions = {},
): Promise<void> {
  const stdout = streams.stdout ?? process.stdout;
  const stdin = streams.stdin ?? process.stdin;
  const stderr = streams.stderr ?? process.stderr;
  if (stdout.isTTY !== true || stdin.isTTY !== true) {
    return Promise.reject(new Error('This screen needs an interactive terminal (stdin and stdout must be a TTY).'));
  }
  // NO_COLOR (no-color.org): no colours or styles, whatever the terminal can show; the screens
  // say everything with characters too (the cursor `›`, marks, margin letters).
  if (options.noColor !== 'own' && (process.env['NO_COLOR'] ?? '') !== '') chalk.level = 0;
  return new Promise((resolve, reject) => {
    let instance: Instance | null = null;
    let settled = false;
    let restored = false;
    const restore = (): void => {
      if (restored) return;
      restored = true;
      try {
        stdout.write(LEAVE_FULL_SCREEN);
      } catch {
        // The terminal may be gone (SIGHUP).
      }
    };
    const unmount = (): void => {
      try {
        instance?.unmount();
      } catch {
        // Already unmounted.
      }
    };
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      // Signal listeners go a tick later: Ink's signal-exit handler re-raises a signal it finds no
      // other listener for, which would kill the process before the caller releases its locks.
      setImmediate(() => {
        for (const signal of SIGNALS) process.off(signal, handleSignal);
      });
      process.off('uncaughtException', onCrash);
      process.off('unhandledRejection', onCrash);
      process.off('exit', restore);
      restore();
      if (error) reject(error);
      else resolve();
    };
    function handleSignal(signal: NodeJS.Signals): void {
      if (settled) return;
      try {
        onSignal();
      } catch {
        // Leaving anyway: every decision is already saved.
      }
      unmount();
      process.exitCode = 128 + (SIGNAL_NUMBERS[signal as (typeof SIGNALS)[number]] ?? 15);
      finish();
      // If something else keeps the process alive, do not hang on a dead terminal (the process's
      // own terminal only: a screen drawn on other streams, as in tests, leaves the process be).
      if (stdout === process.stdout) setTimeout(() => process.exit(), 2000).unref();
    }
    function onCrash(error: unknown): void {
      unmount();
      finish(error instanceof Error ? error : new Error(String(error)));
    }
    for (const signal of SIGNALS) process.on(signal, handleSignal);
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    process.on('exit', restore);
    const start = (): void => {
      if (settled) return;
      try {
        instance = render(element, {
          stdout,
          stdin,
          stderr,
          exitOnCtrlC: false,
          patchConsole: false,
          // Not Ink 6.8's `incrementalRendering`: a frame shorter than the terminal is written
          // with a trailing newline, which leaves the cursor one row below the frame, but its
          // incremental writer moves up `lines - 1` rows as if the cursor were on the last row,
          // so every update lands one row too low (seen in tmux: doubled lines); and a frame as
          // tall as the terminal makes Ink clear the whole screen on every render. The standard
          // writer erases and redraws inside a synchronized-output block, which terminals show
          // at once; it costs no measurable time (the frame string is built either way).
          incrementalRendering: false,
          maxFps: 60,
        });
        instance.waitUntilExit().then(
          () => finish(),
          (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
        );
      } catch (error) {
        unmount();
        finish(error instanceof Error ? error : new Error(String(error)));
      }
    };
    try {
      stdout.write(ENTER_FULL_SCREEN + (options.mouse === true ? MOUSE_ON : ''));
    } catch (error) {
      finish(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    // Frames are assembled row by row from a cache (see ink-row-cache.ts); if Ink's internals
    // are not as expected, Ink works as shipped.
    installRowCache().then(start, start);
  });
}
