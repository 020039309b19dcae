/**
 * Runs an Ink screen full screen and gives the terminal back as it was, however it ends: the
 * screen exits, an uncaught error, SIGTERM, SIGHUP or SIGINT. On a signal, `onSignal` runs
 * before the promise resolves and `process.exitCode` becomes 128 + the signal number.
 * NO_COLOR turns colours off.
 */
import chalk from 'chalk';
import { render, type Instance } from 'ink';
import type React from 'react';
import { installRowCache } from './ink-row-cache.js';
import { ENTER_FULL_SCREEN, LEAVE_FULL_SCREEN, type ScreenStreams } from './run.js';

const SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;
const SIGNAL_NUMBERS: Record<(typeof SIGNALS)[number], number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

export function runFullScreen(element: React.JSX.Element, streams: ScreenStreams = {}, onSignal: () => void = () => {}): Promise<void> {
  const stdout = streams.stdout ?? process.stdout;
  const stdin = streams.stdin ?? process.stdin;
  const stderr = streams.stderr ?? process.stderr;
  if (stdout.isTTY !== true || stdin.isTTY !== true) {
    return Promise.reject(new Error('This screen needs an interactive terminal (stdin and stdout must be a TTY).'));
  }
  // NO_COLOR (no-color.org): no colours or styles, whatever the terminal can show; the screens
  // say everything with characters too (the cursor `›`, marks, margin letters).
  if ((process.env['NO_COLOR'] ?? '') !== '') chalk.level = 0;
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
      setTimeout(() => process.exit(), 2000).unref();
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
        instance = render(element, { stdout, stdin, stderr, exitOnCtrlC: false, patchConsole: false, incrementalRendering: false, maxFps: 60 });
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
      stdout.write(ENTER_FULL_SCREEN);
    } catch (error) {
      finish(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    installRowCache().then(start, start);
  });
}
