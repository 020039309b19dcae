import { runFullScreen } from '../full-screen.js';
import type { ScreenStreams } from '../run.js';
import { ThemesApp, type ThemesAppProps } from './ThemesApp.js';

export function runThemesScreen(props: ThemesAppProps, streams: ScreenStreams = {}): Promise<void> {
  return runFullScreen(<ThemesApp {...props} />, streams, props.onQuit);
}
