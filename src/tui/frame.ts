/**
 * How the screen's rows are shared out. The frame is always one row shorter than the terminal
 * (a frame as tall as the terminal makes Ink clear the whole screen on every change).
 *
 *   header · rule · transcript · rule · panel (2) or picker · status · key hints
 */
import type { Mode } from './session.js';

export interface Regions {
  /** Total rows Ink draws. */
  frame: number;
  /** Rows between the header rule and the status line. */
  body: number;
  /** Rows of transcript. */
  view: number;
  /** Rows under the transcript (after its rule): the panel, a prompt or the picker. */
  bottom: number;
}

/** Header, rule under it, status line, key hints. */
const CHROME = 4;
/** The segment panel and the prompt take two rows. */
const PANEL = 2;

/**
 * `panel`: rows wanted under the transcript outside the picker (a memo being written takes more
 * than two); it never takes more than half the body.
 */
export function frameRegions(rows: number, mode: Mode, panel = PANEL): Regions {
  const frame = Math.max(CHROME + 3, rows - 1);
  const body = frame - CHROME;
  if (mode === 'help' || mode === 'notices') return { frame, body, view: 0, bottom: 0 };
  if (mode === 'picker') {
    const bottom = Math.min(Math.min(16, Math.max(7, Math.floor(body * 0.55))), body - 2);
    return { frame, body, view: body - bottom - 1, bottom };
  }
  const bottom = Math.max(PANEL, Math.min(panel, Math.floor(body / 2)));
  return { frame, body, view: Math.max(1, body - bottom - 1), bottom };
}
