/**
 * Benchmark of the coding screen: time to first frame and key-to-frame latency on a long
 * interview (30,000 words, 1,000 coded segments, 60 codes), rendered by Ink's real `render`
 * into an in-memory 100×40 terminal.
 *
 *   npm run build && node dist/scripts/bench-tui.js
 *
 * Exits non-zero only if the screen crashes.
 */
import type { Codebook, Sentence, Transcript } from '../src/core/types.js';
import type { ScreenSegment } from '../src/tui/session.js';

// React picks its build and chalk its colours when first imported: set both before.
process.env['NODE_ENV'] = 'production';
process.env['FORCE_COLOR'] = '1';
delete process.env['NO_COLOR'];

const WORDS = 30_000;
const SEGMENTS = 1_000;
const PRESSES = Number(process.env["BENCH_PRESSES"] ?? 200);
const TARGET_MS = 16;
const GAP_MS = 20; // longer than a frame at 60 fps, so Ink's render throttle is idle at each key

const now = (): number => performance.now();
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

async function main(): Promise<void> {
  const [ink, React, app, sample, layoutModule, keys] = await Promise.all([
    import('ink'),
    import('react'),
    import('../src/tui/CodingApp.js'),
    import('../src/tui/sample-data.js'),
    import('../src/tui/layout.js'),
    import('../src/tui/fake-terminal.js'),
  ]);
  const { FakeStdin, FakeStdout, KEYS } = keys;
  const { render } = ink;

  // ── The study ──
  let t = now();
  const text = sample.generateInterview(WORDS, 11);
  const generated = now() - t;
  t = now();
  const turns = sample.simpleTurns(text);
  const annotations = sample.simpleAnnotations(text);
  const transcript: Transcript = { ...sample.makeTranscript(text, 'P07'), turns, annotations };
  const sentences: Sentence[] = sample.simpleSentences(text, turns);
  const segmented = now() - t;

  const themeNames = ['Vécu du médecin', 'Relation médecin-patient', 'Coordination des soins', 'Traitements', 'Représentations de la douleur', 'Vie quotidienne'];
  const codeWords = ['Impuissance', 'Frustration', 'Désemparement', 'Épuisement', 'Écoute', 'Délais d’accès', 'Confiance', 'Méfiance', 'Opioïdes', 'Kinésithérapie', 'Psychologue', 'Famille', 'Travail', 'Loisirs', 'Sommeil', 'Humour', 'Colère', 'Résignation', 'Culpabilité', 'Empathie'];
  const random = sample.seeded(3);
  let n = 0;
  const codeName = (): { id: string; name: string; definition: string } => {
    n++;
    const name = `${codeWords[n % codeWords.length] ?? 'Code'} ${Math.ceil(n / codeWords.length)}`;
    return { id: `code-${n}`, name, definition: `Le participant évoque ${name.toLowerCase()}.` };
  };
  const codebook: Codebook = sample.buildCodebook(
    themeNames.map((name, i) => ({ id: `theme-${i}`, name, codes: Array.from({ length: 8 }, codeName) })),
    Array.from({ length: 12 }, codeName),
  );
  const codeIds = [...codebook.byId.values()].filter((node) => node.kind === 'code').map((node) => node.id);
  const segments: ScreenSegment[] = [];
  for (let i = 0; i < SEGMENTS; i++) {
    const first = Math.floor(random() * sentences.length);
    const last = Math.min(sentences.length - 1, first + (random() < 0.2 ? 1 + Math.floor(random() * 3) : 0));
    const codes = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => codeIds[Math.floor(random() * codeIds.length)] ?? 'code-1'))];
    segments.push({ id: `seg-${i}`, start: sentences[first]?.start ?? 0, end: sentences[last]?.end ?? 0, codes });
  }

  t = now();
  layoutModule.layoutText(text, 97);
  const laidOut = now() - t;

  // ── The screen ──
  const stdout = new FakeStdout(100, 40);
  stdout.keep = 4;
  const stdin = new FakeStdin();
  let frames = 0;
  let waiter: (() => void) | null = null;
  stdout.onWrite = () => {
    frames++;
    const w = waiter;
    waiter = null;
    w?.();
  };
  const nextFrame = (timeout = 1000): Promise<boolean> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiter = null;
        resolve(false);
      }, timeout);
      waiter = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });

  let saves = 0;
  let renders = 0;
  const renderTimes: number[] = [];
  let counter = 0;
  const opened = now();
  const firstFrame = nextFrame(5000);
  const instance = render(
    React.createElement(app.CodingApp, {
      transcript,
      sentences,
      codebook,
      segments,
      coder: 'bench',
      language: 'fr',
      initialCursor: 0,
      newSegmentId: () => `new-${++counter}`,
      wordSpans: sample.simpleWordSpans(text),
      onChange: () => {
        saves++;
      },
      onCreateCode: () => {
        throw new Error('not in the benchmark');
      },
      onQuit: () => undefined,
    }),
    {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      exitOnCtrlC: false,
      patchConsole: false,
      incrementalRendering: false,
      maxFps: 60,
      onRender: ({ renderTime }: { renderTime: number }) => {
        renders++;
        renderTimes.push(renderTime);
      },
    },
  );
  await firstFrame;
  const firstFrameMs = now() - opened;
  await pause(50);

  const results = new Map<string, number[]>();
  let missing = 0;
  const press = async (label: string | null, key: string): Promise<void> => {
    await pause(GAP_MS);
    const frame = nextFrame();
    const start = now();
    stdin.write(key);
    const drawn = await frame;
    const elapsed = now() - start;
    if (label === null) return;
    if (!drawn) {
      missing++;
      return;
    }
    const list = results.get(label) ?? [];
    list.push(elapsed);
    results.set(label, list);
  };

  for (let i = 0; i < PRESSES; i++) await press('move down (↓)', KEYS.down);
  for (let i = 0; i < PRESSES; i++) await press('extend selection (⇧↓)', KEYS.shiftDown);
  await press(null, KEYS.escape);
  for (let i = 0; i < PRESSES; i++) {
    await press('open picker (⏎)', KEYS.enter);
    await press('close picker (Esc)', KEYS.escape);
  }
  await press(null, KEYS.enter);
  const letters = 'frustdeaimoc';
  for (let i = 0; i < PRESSES; i++) {
    await press('type a letter in the picker', letters[i % letters.length] ?? 'e');
    await press(null, KEYS.backspace);
  }
  await press(null, KEYS.escape);
  instance.unmount();

  // ── Ink's floor: the same visible rows as plain text, one row changing per key ──
  const layout = layoutModule.layoutText(text, 97);
  const plainRows = Array.from({ length: 32 }, (_, i) =>
    '   ' + text.slice(layout.rowStart[1000 + i] ?? 0, layout.rowEnd[1000 + i] ?? 0),
  );
  function Plain(): ReturnType<typeof React.createElement> {
    const [n, setN] = React.useState(0);
    ink.useInput(() => setN((x) => x + 1));
    return React.createElement(
      ink.Box,
      { flexDirection: 'column', height: 39 },
      ...plainRows.map((row, i) => React.createElement(ink.Text, { key: i }, i === n % 32 ? `› ${row.slice(2)}` : row)),
    );
  }
  const plainOut = new FakeStdout(100, 40);
  plainOut.keep = 4;
  plainOut.onWrite = stdout.onWrite;
  const plainIn = new FakeStdin();
  const plain = render(React.createElement(Plain), {
    stdout: plainOut as unknown as NodeJS.WriteStream,
    stdin: plainIn as unknown as NodeJS.ReadStream,
    exitOnCtrlC: false,
    patchConsole: false,
    incrementalRendering: false,
    maxFps: 60,
  });
  await pause(50);
  for (let i = 0; i < PRESSES; i++) {
    await pause(GAP_MS);
    const frame = nextFrame();
    const start = now();
    plainIn.write('j');
    if (await frame) {
      const list = results.get('Ink alone: 32 plain rows') ?? [];
      list.push(now() - start);
      results.set('Ink alone: 32 plain rows', list);
    }
  }
  plain.unmount();

  const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - s.length));
  const num = (x: number): string => x.toFixed(1).padStart(7);
  console.log(`Coding screen benchmark — ${WORDS.toLocaleString('en')} words, ${sentences.length} sentences, ${SEGMENTS} segments, ${codeIds.length} codes, 100×40, NODE_ENV=${process.env['NODE_ENV']}, FORCE_COLOR=${process.env['FORCE_COLOR']}`);
  console.log(`  generate text          ${num(generated)} ms`);
  console.log(`  turns + sentences      ${num(segmented)} ms   (the simple stand-in segmenter, not src/core/transcript)`);
  console.log(`  layout (width 97)      ${num(laidOut)} ms`);
  console.log(`  first frame            ${num(firstFrameMs)} ms   (target < 500 ms: session, layout, first render)`);
  console.log('');
  console.log(`  ${pad('key → next frame', 30)}${'median'.padStart(8)}${'p95'.padStart(8)}${'max'.padStart(8)}   target`);
  for (const [label, list] of results) {
    const sorted = [...list].sort((a, b) => a - b);
    const p95 = quantile(sorted, 0.95);
    console.log(
      `  ${pad(label, 30)}${num(quantile(sorted, 0.5))} ${num(p95)} ${num(sorted[sorted.length - 1] ?? NaN)}   ${TARGET_MS} ms ${p95 <= TARGET_MS ? 'ok' : 'SLOW'}  (n=${sorted.length})`,
    );
  }
  if (missing > 0) console.log(`  ${missing} key(s) drew no frame within 1 s`);
  const inkTimes = renderTimes.slice(1).sort((a, b) => a - b);
  console.log(`  Ink output time per render (layout → string): median ${quantile(inkTimes, 0.5).toFixed(1)} ms, p95 ${quantile(inkTimes, 0.95).toFixed(1)} ms`);
  console.log(`  renders: ${renders}, stdout writes: ${frames}, saves: ${saves}`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
