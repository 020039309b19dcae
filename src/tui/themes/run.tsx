import { runFullScreen } from '../full-screen.js';
import type { ScreenStreams } from '../full-screen.js';
import { ThemesApp, type ThemesAppProps } from './ThemesApp.js';

export function runThemesScreen(props: ThemesAppProps, streams: ScreenStreams = {}): Promise<void> {
  return runFullScreen(<ThemesApp {...props} />, streams, props.onQuit);
}
