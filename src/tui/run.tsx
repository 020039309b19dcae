/**
 * Runs the coding screen full screen (through `runFullScreen`, as every screen) and gives the
 * terminal back as it was, however the session ends: q or Ctrl-C, an uncaught error, SIGTERM,
 * SIGHUP or SIGINT.
 */
import { CodingScreen, type CodingAppProps } from './CodingApp.js';
import { runFullScreen, type ScreenStreams } from './full-screen.js';
import type { ScreenPosition } from './session.js';
import { installRowCache } from './ink-row-cache.js';

// For the test of the bundle (test/bundle.test.ts): the row cache must take hold there too.
export { installRowCache };
export { ENTER_FULL_SCREEN, LEAVE_FULL_SCREEN, MOUSE_ON, type ScreenStreams } from './full-screen.js';

export interface ScreenOptions {
  /** Ask the terminal for mouse reports (click a word, drag to select). Default: yes. */
  mouse?: boolean;
}

/**
 * Shows the coding screen until the coder quits. Resolves with where the coder stopped.
 * On a signal, `onQuit` is called with the current position before the promise resolves
 * (codings themselves are already saved by `onChange` after every change), and
 * `process.exitCode` is set to 128 + the signal number. Rejects on an internal error, after
 * the terminal has been restored.
 */
export async function runCodingScreen(
  props: CodingAppProps,
  streams: ScreenStreams = {},
  options: ScreenOptions = {},
): Promise<ScreenPosition> {
  const position: { current: ScreenPosition } = {
    current: { cursor: props.initialCursor ?? 0, furthest: props.initialCursor ?? 0, read: props.read ?? [] },
  };
  let quitWith: ScreenPosition | null = null;
  /** The transcript on screen (the coder may open another one). */
  const current: { current: CodingAppProps } = { current: props };
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
  await runFullScreen(
    <CodingScreen first={observed({ ...props, positionRef: position })} currentRef={current} />,
    streams,
    () => current.current.onQuit(position.current),
    { mouse: options.mouse !== false, noColor: 'own' },
  );
  return quitWith ?? position.current;
}
