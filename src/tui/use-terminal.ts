/**
 * What every full screen needs from the terminal: its size, followed on resize, and every key
 * typed as the raw text the terminal sent (cut into keys by keys.ts, so that a burst or a paste
 * counts every key).
 */
import { useStdin, useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** The smallest size the full screens lay themselves out for. */
const USABLE: TerminalSize = { columns: 40, rows: 12 };

/** The terminal's size (at least `min`; 80×24 when it does not say), updated when it is resized. */
export function useTerminalSize(min: TerminalSize = USABLE): TerminalSize {
  const { stdout } = useStdout();
  const { columns, rows } = min;
  const [size, setSize] = useState<TerminalSize>(() => measure(stdout, columns, rows));
  useEffect(() => {
    const onResize = (): void => setSize(measure(stdout, columns, rows));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, columns, rows]);
  return size;
}

function measure(stdout: NodeJS.WriteStream, columns: number, rows: number): TerminalSize {
  return { columns: Math.max(columns, stdout.columns || 80), rows: Math.max(rows, stdout.rows || 24) };
}

/** Raw mode on while the screen is shown, and `onInput` given what the terminal sends. */
export function useRawInput(onInput: (raw: string) => void): void {
  const { internal_eventEmitter: inputEvents, setRawMode } = useStdin();
  useEffect(() => {
    setRawMode(true);
    return () => setRawMode(false);
  }, [setRawMode]);
  useEffect(() => {
    inputEvents.on('input', onInput);
    return () => {
      inputEvents.off('input', onInput);
    };
  }, [inputEvents, onInput]);
}
