import { runFullScreen } from '../full-screen.js';
import type { ScreenStreams } from '../full-screen.js';
import type { SplitState } from './split.js';
import { SplitApp, type SplitAppProps } from './SplitApp.js';

/** Runs the split screen full screen; resolves with the final state (null when the terminal went away). */
export async function runSplitScreen(props: Omit<SplitAppProps, 'onDone'>, streams: ScreenStreams = {}): Promise<SplitState | null> {
  let final: SplitState | null = null;
  await runFullScreen(
    <SplitApp
      {...props}
      onDone={(state) => {
        final = state;
      }}
    />,
    streams,
  );
  return final;
}
