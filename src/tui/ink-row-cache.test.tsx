import { render } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import { CodingApp } from './CodingApp.js';
import { FakeStdin, FakeStdout, KEYS } from '../../test/support/fake-terminal.js';
import { installRowCache, loadInkOutput, uninstallRowCache, type InkOutput, type InkOutputClass } from './ink-row-cache.js';
import { generateInterview, makeTranscript, simpleAnnotations, simpleSentences, simpleTurns, simpleWordSpans } from '../../test/support/sample-data.js';
import { codebook } from '../../test/support/test-study.js';
import { mulberry32 } from '../../scripts/random.js';

afterEach(async () => {
  await uninstallRowCache();
});

const FRAGMENTS = ['abc', 'Élève', 'déjà', '日本語', '😀', 'e\u0301t\u00e9', '«\u00a0oui\u00a0»', ' ', '’…', '─┃│›', 'x'.repeat(30)];
const STYLES: [string, string][] = [
  ['\x1b[1m', '\x1b[22m'],
  ['\x1b[2m', '\x1b[22m'],
  ['\x1b[36m', '\x1b[39m'],
  ['\x1b[7m', '\x1b[27m'],
  ['\x1b[4m', '\x1b[24m'],
  ['\x1b[30m\x1b[43m', '\x1b[49m\x1b[39m'],
];

type Op = { kind: 'write'; x: number; y: number; text: string; transforms: number[] } | { kind: 'clip' } | { kind: 'unclip' };

const TRANSFORMS: ((line: string, index: number) => string)[] = [
  (line, index) => (index % 2 === 1 ? `\x1b[1m${line}\x1b[22m` : line),
  (line) => line.toUpperCase(),
  () => '\x1b[36m›\x1b[39m\x1b[32m│\x1b[39m remplacé',
];

/** Random write operations: styles, wide and combining characters, several lines, off-frame rows. */
function randomOps(random: () => number, width: number, height: number, clips: boolean): Op[] {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const ops: Op[] = [];
  const count = 1 + Math.floor(random() * 12);
  for (let i = 0; i < count; i++) {
    if (clips && random() < 0.1) {
      ops.push({ kind: 'clip' }, { kind: 'unclip' });
      continue;
    }
    const lines: string[] = [];
    const lineCount = random() < 0.7 ? 1 : 2 + Math.floor(random() * 3);
    for (let l = 0; l < lineCount; l++) {
      let line = '';
      const parts = Math.floor(random() * 4);
      for (let p = 0; p < parts; p++) {
        const fragment = pick(FRAGMENTS);
        if (random() < 0.5) {
          const [open, close] = pick(STYLES);
          line += `${open}${fragment}${close}`;
        } else line += fragment;
      }
      lines.push(line);
    }
    const transforms = random() < 0.3 ? [Math.floor(random() * TRANSFORMS.length)] : [];
    ops.push({
      kind: 'write',
      x: Math.floor(random() * (width + 4)) - 2,
      y: Math.floor(random() * (height + 3)) - 2,
      text: lines.join('\n'),
      transforms,
    });
  }
  return ops;
}

function frame(Output: InkOutputClass, width: number, height: number, ops: Op[]): InkOutput {
  const output = new Output({ width, height });
  for (const op of ops) {
    if (op.kind === 'write') output.write(op.x, op.y, op.text, { transformers: op.transforms.map((t) => TRANSFORMS[t]!) });
    else if (op.kind === 'clip') output.operations.push({ type: 'clip' });
    else output.operations.push({ type: 'unclip' });
  }
  return output;
}

async function inkOutput(): Promise<InkOutputClass> {
  const Output = await loadInkOutput();
  if (Output === null) throw new Error("Ink's Output class was not found");
  return Output;
}

describe('the row cache of Ink frames', () => {
  it('finds Ink’s Output class and installs once', async () => {
    const Output = await inkOutput();
    const original = Output.prototype.get;
    expect(await installRowCache()).toBe(true);
    const patched = Output.prototype.get;
    expect(patched).not.toBe(original);
    expect(await installRowCache()).toBe(true);
    expect(Output.prototype.get).toBe(patched);
    await uninstallRowCache();
    expect(Output.prototype.get).toBe(original);
  });

  it('gives exactly the frames Ink gives, however often rows repeat', async () => {
    const Output = await inkOutput();
    const original = Output.prototype.get;
    const random = mulberry32(42);
    const cases: { width: number; height: number; ops: Op[] }[] = [];
    for (let i = 0; i < 300; i++) {
      const width = 1 + Math.floor(random() * 30);
      const height = 1 + Math.floor(random() * 6);
      cases.push({ width, height, ops: randomOps(random, width, height, false) });
    }
    const expected = cases.map((c) => original.call(frame(Output, c.width, c.height, c.ops)));
    expect(await installRowCache()).toBe(true);
    // Twice: the second pass is served from the cache.
    for (let pass = 0; pass < 2; pass++) {
      cases.forEach((c, i) => {
        expect(frame(Output, c.width, c.height, c.ops).get()).toEqual(expected[i]);
      });
    }
  });

  it('leaves frames with clipping to Ink', async () => {
    const Output = await inkOutput();
    const original = Output.prototype.get;
    const random = mulberry32(7);
    const cases = Array.from({ length: 100 }, () => ({ width: 20, height: 4, ops: randomOps(random, 20, 4, true) }));
    const expected = cases.map((c) => original.call(frame(Output, c.width, c.height, c.ops)));
    await installRowCache();
    cases.forEach((c, i) => {
      expect(frame(Output, c.width, c.height, c.ops).get()).toEqual(expected[i]);
    });
  });

  it('draws the coding screen exactly as Ink does, key after key', async () => {
    const text = generateInterview(2000, 5);
    const turns = simpleTurns(text);
    const transcript = { ...makeTranscript(text, 'P09'), turns, annotations: simpleAnnotations(text) };
    const sentences = simpleSentences(text, turns);
    const keys = [KEYS.down, KEYS.down, KEYS.shiftDown, KEYS.shiftDown, KEYS.escape, KEYS.pageDown, KEYS.enter, 'é', 'c', KEYS.backspace, KEYS.escape, '?', KEYS.escape, KEYS.up];
    const session = async (): Promise<string[]> => {
      const stdout = new FakeStdout(90, 30);
      const stdin = new FakeStdin();
      let n = 0;
      const instance = render(
        <CodingApp
          transcript={transcript}
          sentences={sentences}
          codebook={codebook}
          segments={[
            { id: 'a', start: sentences[1]?.start ?? 0, end: sentences[2]?.end ?? 0, codes: ['impuissance'] },
            { id: 'b', start: sentences[4]?.start ?? 0, end: sentences[4]?.end ?? 0, codes: ['delais', 'humour'] },
          ]}
          coder="marie"
          language="fr"
          newSegmentId={() => `s${++n}`}
          wordSpans={simpleWordSpans(text)}
          onChange={() => undefined}
          onCreateCode={() => {
            throw new Error('no');
          }}
          onQuit={() => undefined}
        />,
        { stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, debug: true, exitOnCtrlC: false, patchConsole: false },
      );
      const frames: string[] = [];
      await new Promise((r) => setTimeout(r, 20));
      frames.push(stdout.lastWrite());
      for (const key of keys) {
        // Every key here changes the screen: wait for its frame (a busy machine may take a while).
        const before = stdout.writes.length;
        stdin.write(key);
        for (let waited = 0; stdout.writes.length === before && waited < 2000; waited += 5) await new Promise((r) => setTimeout(r, 5));
        await new Promise((r) => setTimeout(r, 10));
        frames.push(stdout.lastWrite());
      }
      instance.unmount();
      return frames;
    };
    const asShipped = await session();
    expect(await installRowCache()).toBe(true);
    const cached = await session();
    expect(cached).toEqual(asShipped);
    expect(new Set(cached).size).toBeGreaterThan(8);
  });
});
