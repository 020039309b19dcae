
import { runFullScreen } from '../full-screen.js';
import type { ScreenStreams } from '../full-screen.js';
import { ReconcileApp, type ReconcileAppProps } from './ReconcileApp.js';

export function runReconcileScreen(props: ReconcileAppProps, streams: ScreenStreams = {}): Promise<void> {
  return runFullScreen(<ReconcileApp {...props} />, streams, props.onQuit);
}
