/** Entry of the reconciliation screen, bundled by `npm run build` with Ink and React (see rolldown.config.mjs). */
import React from 'react';
import { runFullScreen } from '../full-screen.js';
import type { ScreenStreams } from '../run.js';
import { ReconcileApp, type ReconcileAppProps } from './ReconcileApp.js';

export function runReconcileScreen(props: ReconcileAppProps, streams: ScreenStreams = {}): Promise<void> {
  return runFullScreen(<ReconcileApp {...props} />, streams, props.onQuit);
}
