/**
 * Benchmark of the coding screen on a long interview (30,000 words, 1,000 coded segments):
 *
 *  1. key → frame: the real `CodingApp` rendered by Ink's real `render` into an in-memory
 *     100×40 terminal; for each kind of key, the time from the key to the frame written
 *     (wall clock, and the CPU time this process spent, which other work on the machine
 *     disturbs less). Target: p95 < 16 ms.
 *  2. opening time of the real command: `codage code P001` (the built binary) in a real
 *     pseudo-terminal (node-pty) on a generated study, from spawn to the first frame showing
 *     the header. Target, relative to this machine's floor measured in the same run: at most
 *     2.5 × (a bare `node -e 0` + Ink's own start), where Ink's own start is the time node takes
 *     to load the bundle that holds Ink and React (dist/bundle/run.js) beyond a bare start.
 *
 *  3. key → frame on the themes screen (`codage themes`) with 300 codes in 40 themes, 80×24.
 *
 *   npx tsc -p tsconfig.json && node dist/scripts/bench-tui.js [screen] [command] [themes]
 *
 * BENCH_PRESSES (default 200) sets the number of keys per kind, BENCH_RUNS (default 5) the
 * number of openings. Figures depend on the machine's load: the load average is printed with
 * them. A benchmark, never a test: it exits non-zero only if the screen crashes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Codebook, Sentence, Transcript } from '../src/core/types.js';
import type { ScreenSegment } from '../src/tui/session.js';
import { DEFAULT_PARAMS, generateStudy } from './generate-study.js';
import { mulberry32 } from './random.js';

// React picks its build and chalk its colours when first imported: set both before.
process.env['NODE_ENV'] = 'production';
process.env['FORCE_COLOR'] = '1';
delete process.env['NO_COLOR'];

const WORDS = 30_000;
const SEGMENTS = 1_000;
const COLUMNS = 100;
const ROWS = 40;
const PRESSES = Number(process.env['BENCH_PRESSES'] ?? 200);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const KEY_TARGET_MS = 16;
/** Opening: at most this many times the floor (bare node + Ink's own start). */
const OPEN_TARGET_RATIO = 2.5;
const GAP_MS = 20; // longer than a frame at 60 fps, so Ink's render throttle is idle at each key

const now = (): number => performance.now();
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

const num = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '—').padStart(7);
const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - [...s].length));
const verdict = (value: number, target: number): string => (value < target ? 'ok' : 'SLOW');

interface Sample {
  wall: number;
  cpu: number;
}

// ── 1. Key → frame, in memory ────────────────────────────────────────────────────────────────

async function screenPhase(): Promise<void> {
  const [ink, React, app, sample, layoutModule, keys, rowCache] = await Promise.all([
    import('ink'),
    import('react'),
    import('../src/tui/CodingApp.js'),
    import('../test/support/sample-data.js'),
    import('../src/tui/layout.js'),
    import('../test/support/fake-terminal.js'),
    import('../src/tui/ink-row-cache.js'),
  ]);
  // As `runCodingScreen` does (BENCH_INK_AS_IS=1 measures Ink without it).
  const cached = process.env['BENCH_INK_AS_IS'] === '1' ? false : await rowCache.installRowCache();
  const { FakeStdin, FakeStdout, KEYS } = keys;
  const { render } = ink;

  const text = sample.generateInterview(WORDS, 11);
  const turns = sample.simpleTurns(text);
  const annotations = sample.simpleAnnotations(text);
  const transcript: Transcript = { ...sample.makeTranscript(text, 'P07'), turns, annotations };
  const sentences: Sentence[] = sample.simpleSentences(text, turns);

  const themeNames = ['Vécu du médecin', 'Relation médecin-patient', 'Coordination des soins', 'Traitements', 'Représentations de la douleur', 'Vie quotidienne'];
  const codeWords = ['Impuissance', 'Frustration', 'Désemparement', 'Épuisement', 'Écoute', 'Délais d’accès', 'Confiance', 'Méfiance', 'Opioïdes', 'Kinésithérapie', 'Psychologue', 'Famille', 'Travail', 'Loisirs', 'Sommeil', 'Humour', 'Colère', 'Résignation', 'Culpabilité', 'Empathie'];
  const random = mulberry32(3);
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

  // A frame is the write that carries the rows (Ink also writes synchronized-output markers).
  let frames = 0;
  let waiter: (() => void) | null = null;
  const onWrite = (chunk: string): void => {
    if (chunk.length < 64) return;
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

  const results = new Map<string, Sample[]>();
  let missing = 0;
  /** Types `key` after a pause and times the frame it causes (`label` null: not recorded). */
  const press = async (stdin: { write(data: string): void }, label: string | null, key: string): Promise<void> => {
    await pause(GAP_MS);
    const frame = nextFrame();
    const cpu = process.cpuUsage();
    const start = now();
    stdin.write(key);
    const drawn = await frame;
    const wall = now() - start;
    const used = process.cpuUsage(cpu);
    if (label === null) return;
    if (!drawn) {
      missing++;
      return;
    }
    const list = results.get(label) ?? [];
    if (process.env['BENCH_TRACE'] === '1' && wall > KEY_TARGET_MS) console.log(`   slow: ${label} #${list.length} ${wall.toFixed(1)} ms`);
    list.push({ wall, cpu: (used.user + used.system) / 1000 });
    results.set(label, list);
  };

  const stdout = new FakeStdout(COLUMNS, ROWS);
  stdout.keep = 4;
  stdout.onWrite = onWrite;
  const stdin = new FakeStdin();
  let saves = 0;
  let counter = 0;
  const inkRenderTimes: number[] = [];
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
        inkRenderTimes.push(renderTime);
      },
    },
  );
  await firstFrame;
  const firstFrameMs = now() - opened;
  await pause(50);

  const loadBefore = load();
  for (let i = 0; i < PRESSES; i++) await press(stdin, 'move down (↓)', KEYS.down);
  for (let i = 0; i < PRESSES; i++) await press(stdin, 'extend selection (⇧↓)', KEYS.shiftDown);
  await press(stdin, null, KEYS.escape);
  for (let i = 0; i < PRESSES; i++) {
    await press(stdin, 'open picker (⏎)', KEYS.enter);
    await press(stdin, 'close picker (Esc)', KEYS.escape);
  }
  await press(stdin, null, KEYS.enter);
  const letters = 'frustdeaimoc';
  for (let i = 0; i < PRESSES; i++) {
    await press(stdin, 'type a letter in the picker', letters[i % letters.length] ?? 'e');
    await press(stdin, null, KEYS.backspace);
  }
  await press(stdin, null, KEYS.escape);
  instance.unmount();

  // ── Ink's own floor: 39 plain rows of the same text, one row changing per key ──
  const layout = layoutModule.layoutText(text, COLUMNS - 3);
  const plainRows = Array.from({ length: ROWS - 1 }, (_, i) =>
    `   ${text.slice(layout.rowStart[1000 + i] ?? 0, layout.rowEnd[1000 + i] ?? 0)}`,
  );
  // biome-ignore lint/correctness/noComponentHookFactories: the benchmark's baseline screen, made from the Ink and React it loaded above
  function Plain(): ReturnType<typeof React.createElement> {
    const [k, setK] = React.useState(0);
    ink.useInput(() => setK((x) => x + 1));
    return React.createElement(
      ink.Box,
      { flexDirection: 'column', height: ROWS - 1 },
      ...plainRows.map((row, i) => React.createElement(ink.Text, { key: i }, i === k % plainRows.length ? `› ${row.slice(2)}` : row)),
    );
  }
  const plainOut = new FakeStdout(COLUMNS, ROWS);
  plainOut.keep = 4;
  plainOut.onWrite = onWrite;
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
  for (let i = 0; i < PRESSES; i++) await press(plainIn, `Ink alone: ${ROWS - 1} plain <Text> rows`, 'j');
  plain.unmount();
  const loadAfter = load();

  console.log(
    `1. Key → frame: ${WORDS.toLocaleString('en')} words, ${sentences.length} sentences, ${SEGMENTS} segments, ${codeIds.length} codes, ` +
      `${COLUMNS}×${ROWS}, NODE_ENV=${process.env['NODE_ENV']}, FORCE_COLOR=${process.env['FORCE_COLOR']}`,
  );
  console.log(`   load average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after`);
  console.log(`   Ink's frame assembly: ${cached ? 'row cache installed (src/tui/ink-row-cache.ts)' : 'as shipped by Ink'}`);
  console.log(`   first frame in memory ${num(firstFrameMs)} ms`);
  console.log('');
  console.log(`   ${pad('', 34)}${pad('   wall clock (ms)', 24)}${pad('  CPU (ms)', 16)}`);
  console.log(`   ${pad('key', 34)}${'median'.padStart(8)}${'p95'.padStart(8)}${'max'.padStart(8)}${'median'.padStart(8)}${'p95'.padStart(8)}   p95 vs ${KEY_TARGET_MS} ms`);
  for (const [label, list] of results) {
    const wall = list.map((s) => s.wall).sort((a, b) => a - b);
    const cpu = list.map((s) => s.cpu).sort((a, b) => a - b);
    const p95 = quantile(wall, 0.95);
    console.log(
      `   ${pad(label, 34)}${num(quantile(wall, 0.5))} ${num(p95)} ${num(wall[wall.length - 1] ?? NaN)} ${num(quantile(cpu, 0.5))} ${num(quantile(cpu, 0.95))}   ${verdict(p95, KEY_TARGET_MS)}  (n=${list.length})`,
    );
  }
  if (missing > 0) console.log(`   ${missing} key(s) drew no frame within 1 s`);
  const inkTimes = inkRenderTimes.slice(1).sort((a, b) => a - b);
  console.log(`   of which Ink's output step (tree → frame string): median ${quantile(inkTimes, 0.5).toFixed(1)} ms, p95 ${quantile(inkTimes, 0.95).toFixed(1)} ms`);
  console.log(`   frames written: ${frames}, saves: ${saves}`);
}

// ── 2. Opening the real command in a pseudo-terminal ─────────────────────────────────────────

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>78]|\x1b\][^\x07]*\x07/g;

interface Pty {
  onData(listener: (data: string) => void): unknown;
  onExit(listener: (e: { exitCode: number }) => void): unknown;
  write(data: string): void;
  kill(signal?: string): void;
}
type Spawn = (file: string, args: string[], options: { name: string; cols: number; rows: number; cwd?: string; env: Record<string, string> }) => Pty;

async function commandPhase(): Promise<void> {
  let spawn: Spawn;
  try {
    const mod = (await import('node-pty')) as unknown as { spawn?: Spawn; default?: { spawn: Spawn } };
    const found = mod.spawn ?? mod.default?.spawn;
    if (found === undefined) throw new Error('node-pty has no spawn');
    spawn = found;
  } catch (error) {
    console.log(`2. Opening the real command: skipped (node-pty cannot be loaded: ${(error as Error).message})`);
    return;
  }
  const cli = fileURLToPath(new URL('../../bin/codage.js', import.meta.url));
  const dir = await mkdtemp(join(tmpdir(), 'codage-bench-tui-'));
  try {
    const generating = now();
    const summary = await generateStudy(dir, {
      ...DEFAULT_PARAMS,
      transcripts: 1,
      words: WORDS,
      coders: 1,
      segments: SEGMENTS,
      importRows: 0,
    });
    const generated = now() - generating;
    const header = 'P001 · coder1';
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      LANG: 'C.UTF-8',
      TERM: 'xterm-256color',
      TZ: 'UTC',
    };

    const loadBefore = load();
    // The floor: a bare node, and node loading Ink and React as codage does (the bundle).
    const bundle = new URL('../bundle/run.js', import.meta.url).href;
    const timeNode = (args: string[]): number => {
      const started = now();
      const r = spawnSync(process.execPath, args, { stdio: 'ignore', env: { ...env, NODE_ENV: 'production' } });
      if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed`);
      return now() - started;
    };
    const bare = ['-e', '0'];
    const withInk = ['--input-type=module', '-e', `await import(${JSON.stringify(bundle)})`];
    // Warm-up (the bundle into the page cache), then the floor is measured just before each
    // opening, so that the machine's drift over the runs counts for both alike.
    timeNode(bare);
    timeNode(withInk);
    const bareRuns: number[] = [];
    const withInkRuns: number[] = [];
    const openings: number[] = [];
    const quits: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      bareRuns.push(timeNode(bare));
      withInkRuns.push(timeNode(withInk));
      const started = now();
      const term = spawn(process.execPath, [cli, 'code', 'P001', '--study', dir, '--coder', 'coder1'], {
        name: 'xterm-256color',
        cols: COLUMNS,
        rows: ROWS,
        env,
      });
      let raw = '';
      let shown: (() => void) | null = null;
      term.onData((data) => {
        raw += data;
        if (shown !== null && raw.replace(ANSI, '').includes(header)) {
          const done = shown;
          shown = null;
          done();
        }
      });
      const exited = new Promise<number>((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)));
      const opened = await Promise.race([
        new Promise<boolean>((resolve) => {
          shown = () => resolve(true);
        }),
        exited.then(() => false),
        pause(10_000).then(() => false),
      ]);
      if (!opened) {
        term.kill();
        throw new Error(`codage code did not show "${header}" within 10 s; screen:\n${raw.replace(ANSI, '').slice(-2000)}`);
      }
      openings.push(now() - started);
      await pause(200);
      const quitting = now();
      term.write('q');
      const code = await Promise.race([exited, pause(5000).then(() => -1)]);
      if (code !== 0) {
        term.kill();
        throw new Error(`codage code exited with ${code} after q`);
      }
      quits.push(now() - quitting);
    }
    const loadAfter = load();
    const sorted = [...openings].sort((a, b) => a - b);
    const median = quantile(sorted, 0.5);
    const bareMs = quantile(bareRuns.sort((a, b) => a - b), 0.5);
    const withInkMs = quantile(withInkRuns.sort((a, b) => a - b), 0.5);
    const openTargetMs = OPEN_TARGET_RATIO * withInkMs;
    console.log(
      `2. Opening \`codage code P001\` (built binary, node-pty ${COLUMNS}×${ROWS}): 1 transcript of ${summary.words.toLocaleString('en')} words, ` +
        `${summary.segmentsPerCoder.toLocaleString('en')} segments, ${summary.codes} codes (study generated in ${generated.toFixed(0)} ms)`,
    );
    console.log(`   load average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after`);
    console.log(
      `   floor: bare \`node -e 0\` ${bareMs.toFixed(0)} ms; Ink's own start (loading Ink and React, bundled) ${(withInkMs - bareMs).toFixed(0)} ms more: ` +
        `${withInkMs.toFixed(0)} ms in all (median of ${RUNS}, each measured just before an opening)`,
    );
    console.log(
      `   spawn → first frame with the header: median ${num(median).trim()} ms, max ${num(sorted[sorted.length - 1] ?? NaN).trim()} ms ` +
        `(runs: ${openings.map((x) => x.toFixed(0)).join(', ')})`,
    );
    console.log(
      `   target ≤ ${OPEN_TARGET_RATIO} × floor = ${openTargetMs.toFixed(0)} ms; median = ${(median / withInkMs).toFixed(2)} × floor: ${verdict(median, openTargetMs)}`,
    );
    console.log(`   q → process exit: median ${num(quantile([...quits].sort((a, b) => a - b), 0.5)).trim()} ms`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ── 3. The themes screen: key → frame on a codebook of 300 codes in 40 themes ───────────────

const THEME_CODES = 300;
const THEME_COUNT = 40;

async function themesPhase(): Promise<void> {
  const [ink, React, app, keys, rowCache, parse, restructure] = await Promise.all([
    import('ink'),
    import('react'),
    import('../src/tui/themes/ThemesApp.js'),
    import('../test/support/fake-terminal.js'),
    import('../src/tui/ink-row-cache.js'),
    import('../src/core/codebook/parse.js'),
    import('../src/core/codebook/restructure.js'),
  ]);
  await rowCache.installRowCache();
  const { FakeStdin, FakeStdout } = keys;
  // 10 themes of 3 sub-themes each (40 themes), 280 codes among the sub-themes, 20 not yet grouped.
  const lines = ['# Grille générée pour le banc d’essai', 'themes:'];
  let code = 0;
  const codeLines = (indent: string, count: number): void => {
    lines.push(`${indent}codes:`);
    for (let i = 0; i < count; i++) {
      code++;
      lines.push(`${indent}  - name: Code ${code} — émotion, relation, soins`, `${indent}    id: c${code}`, `${indent}    definition: Le participant évoque le code ${code} à propos de la prise en charge.`);
    }
  };
  for (let t = 1; t <= THEME_COUNT / 4; t++) {
    lines.push(`  # thème ${t}`, `  - name: Thème ${t}`, `    id: t${t}`, '    themes:');
    for (let u = 1; u <= 3; u++) {
      lines.push(`      - name: Sous-thème ${t}.${u}`, `        id: t${t}-${u}`);
      codeLines('        ', Math.round((THEME_CODES - 20) / 30));
    }
  }
  codeLines('', THEME_CODES - code);
  const source = `${lines.join('\n')}\n`;
  const codebook = parse.parseCodebook(source, 'codebook.yaml').codebook;
  const participants = 40;
  const tally = new Map<string, { participants: Set<string>; references: number }>();
  const quotes = new Map<string, { label: string; text: string }[]>();
  for (let c = 1; c <= THEME_CODES; c++) {
    const who = new Set(Array.from({ length: 1 + (c % participants) }, (_, i) => `P${i + 1}`));
    tally.set(`c${c}`, { participants: who, references: who.size * 2 });
    quotes.set(
      `c${c}`,
      Array.from({ length: 12 }, (_, i) => ({ label: `(P${i + 1}, femme, 45 ans)`, text: `Alors là, franchement, je ne sais plus quoi lui proposer, on a tout essayé depuis des années, et elle revient chaque mois avec la même douleur (${i}).` })),
    );
  }
  let current = source;
  const stdout = new FakeStdout(80, 24);
  stdout.keep = 4;
  let waiter: (() => void) | null = null;
  stdout.onWrite = (chunk: string): void => {
    if (chunk.length < 64) return;
    const w = waiter;
    waiter = null;
    w?.();
  };
  const stdin = new FakeStdin();
  const instance = ink.render(
    React.createElement(app.ThemesApp, {
      language: 'fr',
      coder: null,
      codebook,
      source,
      tally,
      participants,
      quotes,
      onEdit: (edits, _command, expected) => {
        const plan = restructure.planEdits(expected, [], edits);
        current = plan.codebook ?? expected;
        return { source: current, summary: plan.summary, written: plan.codebook !== null };
      },
      onUndo: () => ({ source: current, summary: [], written: false }),
      onReload: async () => ({ codebook, source, tally, participants, quotes }),
      explain: (error) => ({ message: { en: String(error), fr: String(error) }, changedOnDisk: false }),
      onQuit: () => {},
    }),
    { stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, debug: false, exitOnCtrlC: false, patchConsole: false, maxFps: 1000 },
  );
  await pause(200);
  const results = new Map<string, number[]>();
  const press = async (label: string, key: string): Promise<void> => {
    await pause(GAP_MS);
    const frame = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 1000);
      waiter = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
    const start = now();
    stdin.write(key);
    if (!(await frame)) return;
    const list = results.get(label) ?? [];
    list.push(now() - start);
    results.set(label, list);
  };
  const nextFrame = (): Promise<boolean> =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 3000);
      waiter = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  /** An edit key: the frame that answers it (saving…), then the frame that shows it done. */
  const pressEdit = async (label: string, key: string): Promise<void> => {
    await pause(GAP_MS);
    const answered = nextFrame();
    const start = now();
    stdin.write(key);
    if (!(await answered)) return;
    const first = now() - start;
    const done = nextFrame();
    if (!(await done)) return;
    const all = now() - start;
    for (const [name, value] of [
      [`${label}: answered`, first],
      [`${label}: written, shown`, all],
    ] as const) {
      const list = results.get(name) ?? [];
      list.push(value);
      results.set(name, list);
    }
  };
  const loadBefore = load();
  const n = Math.max(20, Math.floor(PRESSES / 4));
  // Warm-up, not recorded: the first keys also compile the code they run.
  await press('warm-up', '\t');
  for (let i = 0; i < 10; i++) await press('warm-up', i % 2 === 0 ? 'j' : 'k');
  results.delete('warm-up');
  for (let i = 0; i < n; i++) await press('↓ (next item)', 'j');
  for (let i = 0; i < n; i++) await press('↑ (previous item)', 'k');
  for (let i = 0; i < n / 2; i++) {
    await press('Space (mark)', ' ');
    await press('Tab (other pane)', '\t');
  }
  await press('Esc (unmark)', '\x1b');
  for (let i = 0; i < n / 2; i++) {
    await press('p (side panel, 12 quotes)', 'p');
    await press('↓ with the panel open', 'j');
    await press('p (side panel, 12 quotes)', 'p');
  }
  for (let i = 0; i < n / 2; i++) {
    await pressEdit('J (reorder)', 'J');
    await pressEdit('K (reorder)', 'K');
  }
  instance.unmount();
  console.log(`3. Themes screen: key → frame, ${THEME_CODES} codes in ${THEME_COUNT} themes, 80×24, in memory (edits planned, not written)`);
  console.log(`   load average (1, 5, 15 min): ${loadBefore} before, ${load()} after`);
  console.log(`   ${pad('key', 34)}${'median'.padStart(8)}${'p95'.padStart(8)}${'max'.padStart(8)}   p95 vs ${KEY_TARGET_MS} ms`);
  for (const [label, list] of results) {
    const wall = [...list].sort((a, b) => a - b);
    const p95 = quantile(wall, 0.95);
    const judged = label.endsWith('written, shown') ? 'a change written: not a frame' : verdict(p95, KEY_TARGET_MS);
    console.log(`   ${pad(label, 34)}${num(quantile(wall, 0.5))} ${num(p95)} ${num(wall[wall.length - 1] ?? NaN)}   ${judged}  (n=${list.length})`);
  }
}

async function main(): Promise<void> {
  const phases = process.argv.slice(2);
  const wanted = (name: string): boolean => phases.length === 0 || phases.includes(name);
  if (wanted('screen')) await screenPhase();
  if (wanted('screen') && wanted('command')) console.log('');
  if (wanted('command')) await commandPhase();
  if (wanted('themes')) {
    console.log('');
    await themesPhase();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
