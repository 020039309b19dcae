import { runFullScreen } from '../full-screen.js';
import type { ScreenStreams } from '../full-screen.js';
import { SpeakerMapApp, type SpeakerMapAppProps } from './SpeakerMapApp.js';

export function runSpeakerMapScreen(props: SpeakerMapAppProps, streams: ScreenStreams = {}): Promise<void> {
  return runFullScreen(<SpeakerMapApp {...props} />, streams, () => props.onDone(null));
}
