/**
 * Runs the coding screen full screen and gives the terminal back as it was, however the
 * session ends: q or Ctrl-C, an uncaught error, SIGTERM, SIGHUP or SIGINT.
 */
import { render, type Instance } from 'ink';
import { CodingScreen, type CodingAppProps } from './CodingApp.js';
import type { ScreenPosition } from './session.js';
import { installRowCache } from './ink-row-cache.js';

// For the test of the bundle (test/bundle.test.ts): the row cache must take hold there too.
export { installRowCache };

/** Enter the alternate screen, cursor at the top left. */
export const ENTER_FULL_SCREEN = '\x1b[?1049h\x1b[H';
/**
 * Mouse reports: clicks and drags (1000, 1002), in SGR form (1006), which has no column limit
 * and which Ink's input reader keeps whole. A terminal that does not know them ignores them.
 */
export const MOUSE_ON = '\x1b[?1000h\x1b[?1002h\x1b[?1006h';
/** Mouse reports off, the cursor shown again, and the alternate screen left: on every way out. */
export const LEAVE_FULL_SCREEN = '\x1b[?1006l\x1b[?1002l\x1b[?1000l\x1b[?25h\x1b[?1049l';

export interface ScreenOptions {
  /** Ask the terminal for mouse reports (click a word, drag to select). Default: yes. */
  mouse?: boolean;
}

export interface ScreenStreams {
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

const SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;
const SIGNAL_NUMBERS: Record<(typeof SIGNALS)[number], number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/**
 * Shows the coding screen until the coder quits. Resolves with where the coder stopped.
 * On a signal, `onQuit` is called with the current position before the promise resolves
 * (codings themselves are already saved by `onChange` after every change), and
 * `process.exitCode` is set to 128 + the signal number. Rejects on an internal error, after
 * the terminal has been restored.
 */
export function runCodingScreen(
  props: CodingAppProps,
  streams: ScreenStreams = {},
  options: ScreenOptions = {},
): Promise<ScreenPosition> {
  const stdout = streams.stdout ?? process.stdout;
  const stdin = streams.stdin ?? process.stdin;
  const stderr = streams.stderr ?? process.stderr;
  if (stdout.isTTY !== true || stdin.isTTY !== true) {
    return Promise.reject(new Error('The coding screen needs an interactive terminal (stdin and stdout must be a TTY).'));
  }

  return new Promise((resolve, reject) => {
    const position: { current: ScreenPosition } = {
      current: { cursor: props.initialCursor ?? 0, furthest: props.initialCursor ?? 0, read: props.read ?? [] },
    };
    let quitWith: ScreenPosition | null = null;
    /** The transcript on screen (the coder may open another one). */
    const current: { current: CodingAppProps } = { current: props };
    let instance: Instance | null = null;
    let settled = false;
    let restored = false;

    const restore = (): void => {
      if (restored) return;
      restored = true;
      try {
        stdout.write(LEAVE_FULL_SCREEN);
      } catch {
        // The terminal may be gone (SIGHUP): nothing left to restore.
      }
    };
    const unmount = (): void => {
      try {
        instance?.unmount();
      } catch {
        // Already unmounted.
      }
    };
    const detach = (): void => {
      // Signal listeners go a tick later: while a signal is being delivered, Ink's signal-exit
      // handler re-raises it (killing the process before the caller can release its locks)
      // when it finds no other listener.
      setImmediate(() => {
        for (const signal of SIGNALS) process.off(signal, onSignal);
      });
      process.off('uncaughtException', onCrash);
      process.off('unhandledRejection', onCrash);
      process.off('exit', restore);
    };
    const finish = (outcome: ScreenPosition | Error): void => {
      if (settled) return;
      settled = true;
      detach();
      restore();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };

    function onSignal(signal: NodeJS.Signals): void {
      if (settled) return;
      const where = position.current;
      try {
        current.current.onQuit(where);
      } catch {
        // Leaving anyway: the codings are already saved.
      }
      unmount();
      process.exitCode = 128 + (SIGNAL_NUMBERS[signal as (typeof SIGNALS)[number]] ?? 15);
      finish(where);
      // If something else keeps the process alive, do not hang on a dead terminal (the process's
      // own terminal only: a screen drawn on other streams, as in tests, leaves the process be).
      if (stdout === process.stdout) setTimeout(() => process.exit(), 2000).unref();
    }
    function onCrash(error: unknown): void {
      unmount();
      finish(error instanceof Error ? error : new Error(String(error)));
    }

    for (const signal of SIGNALS) process.on(signal, onSignal);
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    process.on('exit', restore);

    const start = (): void => {
      if (settled) return;
      try {
        const first: CodingAppProps = {
          ...props,
          positionRef: position,
        };
        // Whatever transcript is on screen when the coder quits, the caller hears it.
        const observed = (p: CodingAppProps): CodingAppProps => ({
          ...p,
          onQuit: (state) => {
            quitWith = state;
            p.onQuit(state);
          },
          onOpenTranscript: (id) => {
            const next = p.onOpenTranscript?.(id) ?? null;
            return next === null ? null : observed(next);
          },
        });
        instance = render(
          <CodingScreen first={observed(first)} currentRef={current} />,
          {
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
          },
        );
        instance.waitUntilExit().then(
          () => finish(quitWith ?? position.current),
          (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
        );
      } catch (error) {
        unmount();
        finish(error instanceof Error ? error : new Error(String(error)));
      }
    };

    try {
      stdout.write(ENTER_FULL_SCREEN + (options.mouse === false ? '' : MOUSE_ON));
    } catch (error) {
      finish(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    // Frames are assembled row by row from a cache (see ink-row-cache.ts); if Ink's internals
    // are not as expected, Ink works as shipped.
    installRowCache().then(start, start);
  });
}
