import { afterEach, describe, expect, it } from 'vitest';
import type { CodingAppProps } from './CodingApp.js';
import { FakeStdin, FakeStdout } from '../../test/support/fake-terminal.js';
import { ENTER_FULL_SCREEN, LEAVE_FULL_SCREEN, MOUSE_ON, runCodingScreen } from './run.js';
import { codebook, idCounter, sentences, transcript, wordSpans } from '../../test/support/test-study.js';

const pause = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function props(overrides: Partial<CodingAppProps> = {}): CodingAppProps {
  return {
    transcript,
    sentences,
    codebook,
    segments: [],
    coder: 'marie',
    language: 'fr',
    newSegmentId: idCounter(),
    wordSpans,
    onChange: () => undefined,
    onCreateCode: () => {
      throw new Error('no');
    },
    onQuit: () => undefined,
    ...overrides,
  };
}

function streams() {
  const stdout = new FakeStdout(80, 24);
  const stdin = new FakeStdin();
  return { stdout, stdin, io: { stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, stderr: stdout as unknown as NodeJS.WriteStream } };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('runCodingScreen', () => {
  it('enters the alternate screen, and leaves it when the coder quits', async () => {
    const { stdout, stdin, io } = streams();
    const quits: { cursor: number; furthest?: number }[] = [];
    const read = [{ start: sentences[0]?.start, end: sentences[1]?.end }];
    const done = runCodingScreen(props({ onQuit: (s) => quits.push(s) }), io);
    await pause();
    expect(stdout.writes[0]).toBe(ENTER_FULL_SCREEN + MOUSE_ON);
    stdin.write('\x1b[B');
    await pause();
    stdin.write('q');
    await expect(done).resolves.toEqual({ cursor: sentences[1]?.start, furthest: sentences[1]?.end, read });
    expect(quits).toEqual([{ cursor: sentences[1]?.start, furthest: sentences[1]?.end, read }]);
    expect(stdout.writes.at(-1)).toBe(LEAVE_FULL_SCREEN);
  });

  it('restores the terminal and reports the position on SIGTERM', async () => {
    const { stdout, stdin, io } = streams();
    const quits: { cursor: number }[] = [];
    const before = process.listenerCount('SIGTERM');
    const done = runCodingScreen(props({ onQuit: (s) => quits.push(s) }), io);
    await pause();
    stdin.write('\x1b[B');
    await pause();
    process.emit('SIGTERM', 'SIGTERM');
    await expect(done).resolves.toEqual({ cursor: sentences[1]?.start, furthest: sentences[1]?.end, read: [{ start: sentences[0]?.start, end: sentences[1]?.end }] });
    expect(quits).toHaveLength(1);
    expect(process.exitCode).toBe(143);
    expect(stdout.writes).toContain(LEAVE_FULL_SCREEN);
    await pause(5);
    expect(process.listenerCount('SIGTERM')).toBeLessThanOrEqual(before);
  });

  it('restores the terminal and rejects when the screen crashes', async () => {
    const { stdout, io } = streams();
    const broken = { ...transcript, turns: undefined as unknown as typeof transcript.turns };
    await expect(runCodingScreen(props({ transcript: broken }), io)).rejects.toThrow();
    expect(stdout.writes.at(-1)).toBe(LEAVE_FULL_SCREEN);
  });

  it('selects with the mouse, and turns mouse reports off on the way out', async () => {
    const { stdout, stdin, io } = streams();
    const changes: Parameters<CodingAppProps['onChange']>[0][] = [];
    const done = runCodingScreen(props({ onChange: (c) => changes.push(c) }), io);
    await pause();
    // Row 4 of the screen is the second transcript row: "P07 : Alors *rire* c'est compliqué. Je ne sais…"
    const column = (word: string): number => 4 + ("P07 : Alors *rire* c'est compliqué. Je ne sais plus quoi lui proposer.".indexOf(word));
    stdin.write(`\x1b[<0;${column('sais')};4M\x1b[<32;${column('quoi') + 1};4M\x1b[<0;${column('quoi') + 1};4m`);
    await pause();
    stdin.write('\r1');
    await pause();
    stdin.write('q');
    await done;
    const segment = changes[0]?.segments[0];
    expect(segment === undefined ? '' : transcript.text.slice(segment.start, segment.end)).toBe('sais plus quoi');
    expect(stdout.writes.at(-1)).toBe(LEAVE_FULL_SCREEN);
    expect(LEAVE_FULL_SCREEN).toContain('\x1b[?1006l');
    expect(LEAVE_FULL_SCREEN).toContain('\x1b[?1000l');
  });

  it('leaves the mouse to the terminal when asked', async () => {
    const { stdout, stdin, io } = streams();
    const done = runCodingScreen(props(), io, { mouse: false });
    await pause();
    expect(stdout.writes[0]).toBe(ENTER_FULL_SCREEN);
    stdin.write('q');
    await done;
  });

  it('refuses to run without a terminal', async () => {
    const stdout = Object.assign(new FakeStdout(), { isTTY: false });
    await expect(
      runCodingScreen(props(), { stdout: stdout as unknown as NodeJS.WriteStream, stdin: new FakeStdin() as unknown as NodeJS.ReadStream }),
    ).rejects.toThrow(/terminal/);
  });
});
