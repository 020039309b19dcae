/**
 * What every full-screen view needs from the terminal: its size (followed when it is resized,
 * never below a usable minimum) and the raw keys it sends (`onInput` gets each burst as sent;
 * the view's keymap cuts it into keys).
 */
import { useStdin, useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** The terminal's size: at least 40 columns and 12 rows; 80×24 when it does not say. */
export function terminalSize(stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: Math.max(40, stdout.columns || 80), rows: Math.max(12, stdout.rows || 24) };
}

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState<TerminalSize>(() => terminalSize(stdout));
  useEffect(() => {
    const onResize = (): void => setSize(terminalSize(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

/** Raw mode while the view is shown, and what the terminal sends to `onInput` (keep it stable: useCallback). */
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
