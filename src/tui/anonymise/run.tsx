import { runFullScreen } from '../full-screen.js';
import type { ScreenStreams } from '../full-screen.js';
import { AnonymiseApp, type AnonymiseAppProps } from './AnonymiseApp.js';

export function runAnonymiseScreen(props: AnonymiseAppProps, streams: ScreenStreams = {}): Promise<void> {
  return runFullScreen(<AnonymiseApp {...props} />, streams, () => props.onDone('cancel', []));
}
