/**
 * `npm run bench`: times whole commands of the built binary on large synthetic studies
 * (200 transcripts × 10,000 words, 2 coders × 20,000 segments; S has 60 codes, S300 has 300)
 * and holds each to a target relative to this machine's own floor, measured in the same run,
 * just before each of the command's runs: `node` is a bare `node -e 0`; `floor` is node reading
 * and decoding the study's files (scripts/read-floor.cjs). Every batch command: ≤ 3 × floor and ≤ 400 MB; `--version`:
 * ≤ 1.5 × node. Then how cost grows from 20 to 200 to 1,000 transcripts.
 *
 *   node dist/scripts/bench.js [--runs 5] [--warmup 1] [--quick] [--only check,stats] [--no-fail]
 *                              [--scaling | --no-scaling]
 *
 * The studies are generated once and cached under `.bench/` (keyed by the generator's parameters
 * and code). Each command runs `node --require scripts/rss-probe.cjs bin/codage.js …`
 * with stdout to /dev/null; a command that writes runs in a fresh copy of the study each time.
 * Prints a table (median, min–max, peak RSS, target, ratio to its floor, OK/MISS/FAIL), the
 * growth table and machine information, and writes the same to `.bench/last.json`. Exits 1 on
 * any FAIL or MISS unless --no-fail.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_PARAMS, formatSummary, generateStudy, type StudyParams } from './generate-study.js';
import { spreadsheetCsv, thesisQuotes } from './anchoring/test-set.js';
import { parseTranscript } from '../src/core/transcript/parse.js';

/** Where a command runs: `study` is the cached study, or a fresh copy of it for writing commands. */
export interface BenchContext {
  study: string;
  /** The cached study (read-only), e.g. for the spreadsheet an import reads. */
  source: string;
}

/**
 * A time target, relative to what this machine measures in the same run: `floor` is reading and
 * decoding the study's files (scripts/read-floor.cjs), `node` a bare `node -e 0`. Absolute times
 * vary from machine to machine; ratios to the machine's own floor do not.
 */
export type Target = { times: number; of: 'floor' | 'node' };

export interface Benchmark {
  /** Short name, for `--only`. */
  name: string;
  /** Arguments to `codage`. */
  args: (ctx: BenchContext) => string[];
  target: Target;
  targetRssMb?: number;
  /** The command writes into the study: each run gets a fresh copy. */
  writes?: boolean;
  /** The study it runs on (default S). */
  study?: StudyName;
  /** Writes what the command reads into the cached study (once per `npm run bench`). */
  prepare?: (study: string) => Promise<void>;
}

/**
 * The thesis's coding spreadsheet: 300 quotes from its transcripts, two in five copied as
 * they are, the others edited as authors edit them — compiled, glued, reordered, reworded,
 * short and repeated (scripts/anchoring/test-set.ts).
 */
async function writeThesisSheet(study: string): Promise<void> {
  const dir = path.join(study, 'transcripts');
  const transcripts = (await fsp.readdir(dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseTranscript({ file: `transcripts/${f}`, bytes: fs.readFileSync(path.join(dir, f)), defaultId: path.basename(f, '.txt') }).transcript);
  await fsp.writeFile(path.join(study, 'import-thesis.csv'), spreadsheetCsv(thesisQuotes(transcripts, 300)));
}

/**
 * 100 Word files to import: the first 100 transcripts of the study, one paragraph per speaker
 * turn, as a transcription service delivers them (`word/entretien-NNN.docx`, new names so that the
 * import adds 100 transcripts beside the study's 200).
 */
async function writeWordFiles(study: string): Promise<void> {
  const out = path.join(study, 'word');
  if (fs.existsSync(path.join(out, 'entretien-100.docx'))) return;
  const { Document, Packer, Paragraph } = await import('docx');
  await fsp.mkdir(out, { recursive: true });
  const dir = path.join(study, 'transcripts');
  const files = (await fsp.readdir(dir)).filter((f) => f.endsWith('.txt')).sort().slice(0, 100);
  for (const [i, f] of files.entries()) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    const doc = new Document({ sections: [{ children: text.split('\n').filter((l) => l !== '').map((l) => new Paragraph(l)) }] });
    await fsp.writeFile(path.join(out, `entretien-${String(i + 1).padStart(3, '0')}.docx`), await Packer.toBuffer(doc));
  }
}

/** The studies measured: S (60 codes), S300 (300 codes, for saturation, whose work grows with the codes), T (a thesis). */
export const STUDIES = {
  S: { ...DEFAULT_PARAMS },
  S300: { ...DEFAULT_PARAMS, codes: 300 },
  /** A thesis: 15 interviews of 8,000 words; its spreadsheet is written by `writeThesisSheet`. */
  T: { ...DEFAULT_PARAMS, transcripts: 15, words: 8_000, segments: 300, importRows: 0, coders: 1 },
  // How cost grows with the study: 20 and 1,000 transcripts, 100 segments per transcript as in S.
  T20: { ...DEFAULT_PARAMS, transcripts: 20, segments: 2_000, importRows: 100 },
  T1000: { ...DEFAULT_PARAMS, transcripts: 1_000, segments: 100_000, importRows: 100 },
} satisfies Record<string, StudyParams>;
export type StudyName = keyof typeof STUDIES;

/** Every batch command: at most 3 times the reading floor (and 400 MB). */
const BATCH: Target = { times: 3, of: 'floor' };

/** The commands measured. A new command joins with one line. */
export const BENCHMARKS: Benchmark[] = [
  { name: 'version', args: () => ['--version'], target: { times: 1.5, of: 'node' } },
  { name: 'check', args: (c) => ['check', '--study', c.study], target: BATCH, targetRssMb: 400 },
  { name: 'stats', args: (c) => ['stats', '--study', c.study], target: BATCH, targetRssMb: 400 },
  { name: 'segments', args: (c) => ['segments', '--study', c.study, '--format', 'csv'], target: BATCH, targetRssMb: 400 },
  // Agreement of the two coders on all 200 transcripts, in sentences (the default unit) and characters.
  { name: 'compare', args: (c) => ['compare', 'coder1', 'coder2', '--study', c.study], target: BATCH, targetRssMb: 400 },
  { name: 'compare-char', args: (c) => ['compare', 'coder1', 'coder2', '--study', c.study, '--unit', 'char', '--json'], target: BATCH, targetRssMb: 400 },
  // Saturation's work grows with the codes: measured on the study with 300.
  { name: 'stats-300', args: (c) => ['stats', '--study', c.study], target: BATCH, targetRssMb: 400, study: 'S300' },
  { name: 'saturation', args: (c) => ['saturation', '--study', c.study], target: BATCH, targetRssMb: 400, study: 'S300' },
  { name: 'saturation-s', args: (c) => ['saturation', '--study', c.study], target: BATCH, targetRssMb: 400 },
  {
    name: 'saturation-by',
    args: (c) => ['saturation', '--study', c.study, '--by', 'group', '--coder', 'coder1', '--json'],
    target: BATCH,
    targetRssMb: 400,
    study: 'S300',
  },
  // Thesis exports: each as fast as stats (they read the same study, then build one table).
  { name: 'export-themes-md', args: (c) => ['export', 'themes', '--study', c.study, '--format', 'md'], target: BATCH, targetRssMb: 400 },
  { name: 'export-themes-docx', args: (c) => ['export', 'themes', '--study', c.study, '-o', path.join(c.study, 'themes.docx')], target: BATCH, targetRssMb: 400, writes: true },
  { name: 'export-themes-html', args: (c) => ['export', 'themes', '--study', c.study, '--format', 'html'], target: BATCH, targetRssMb: 400 },
  { name: 'export-themes-xlsx', args: (c) => ['export', 'themes', '--study', c.study, '-o', path.join(c.study, 'themes.xlsx')], target: BATCH, targetRssMb: 400, writes: true },
  { name: 'export-participants-docx', args: (c) => ['export', 'participants', '--study', c.study, '-o', path.join(c.study, 'participants.docx')], target: BATCH, targetRssMb: 400, writes: true },
  { name: 'export-matrix-csv', args: (c) => ['export', 'matrix', '--study', c.study, '--by', 'group', '--cell-quotes', '--format', 'excel'], target: BATCH, targetRssMb: 400 },
  { name: 'export-cooccurrence', args: (c) => ['export', 'cooccurrence', '--study', c.study, '--unit', 'sentence', '--format', 'csv'], target: BATCH, targetRssMb: 400 },
  { name: 'export-methods', args: (c) => ['export', 'methods', '--study', c.study, '--by', 'group'], target: BATCH, targetRssMb: 400 },
  { name: 'export-coreq-tex', args: (c) => ['export', 'coreq', '--study', c.study, '--format', 'tex'], target: BATCH, targetRssMb: 400 },
  { name: 'export-report-html', args: (c) => ['export', 'report', '--study', c.study, '--by', 'group', '--format', 'html'], target: BATCH, targetRssMb: 400 },
  // The whole project for NVivo, MAXQDA, ATLAS.ti (REFI-QDA): 200 sources, 40,000 selections.
  { name: 'export-project', args: (c) => ['export', 'project', '--study', c.study, '-o', path.join(c.study, 'project.qdpx')], target: BATCH, targetRssMb: 400, writes: true },
  // Restructuring the codebook: a code used in ~1,000 segments of the two coder files (1,076 here),
  // and the most used code (7,724 segments).
  { name: 'codebook-merge', args: (c) => ['codebook', 'merge', 'avis-specialise', 'reseau-de-soins', '--study', c.study], target: BATCH, targetRssMb: 400, writes: true },
  { name: 'codebook-move', args: (c) => ['codebook', 'move', 'avis-specialise', '--to', 'vecu-du-medecin', '--study', c.study], target: BATCH, targetRssMb: 400, writes: true },
  { name: 'codebook-merge-7724', args: (c) => ['codebook', 'merge', 'impuissance', 'epuisement', '--study', c.study], target: BATCH, targetRssMb: 400, writes: true },
  { name: 'codebook-tree', args: (c) => ['codebook', '--study', c.study], target: BATCH, targetRssMb: 400 },
  // Reading a code's quotes: the most used code (7,724 segments, both coders), and a whole theme
  // grouped by participant with two sentences of context around each quote.
  { name: 'quotes', args: (c) => ['quotes', 'impuissance', '--study', c.study], target: BATCH, targetRssMb: 400 },
  { name: 'quotes-theme-context', args: (c) => ['quotes', 'vecu-du-medecin', '--by', 'group', '--context', '2', '--study', c.study], target: BATCH, targetRssMb: 400 },
  // Offline coding help: one search over the 2 million words, coded for one coder (one change).
  {
    name: 'autocode',
    args: (c) => ['autocode', 'douleur* OR souffrance', '--code', 'impuissance', '--coder', 'coder1', '--study', c.study],
    target: BATCH,
    targetRssMb: 400,
    writes: true,
  },
  { name: 'memo-list', args: (c) => ['memo', '--study', c.study], target: BATCH, targetRssMb: 400 },
  // 100 Word files (the first 100 transcripts, one paragraph per turn) imported into S.
  {
    name: 'import-word',
    args: (c) => ['import', path.join(c.source, 'word'), '--study', c.study],
    target: BATCH,
    targetRssMb: 400,
    writes: true,
    prepare: writeWordFiles,
  },
  {
    name: 'import-codings',
    args: (c) => ['import-codings', path.join(c.source, 'import.csv'), '--coder', 'bench', '--study', c.study, '--replace'],
    target: BATCH,
    targetRssMb: 400,
    writes: true,
  },
  {
    name: 'import-thesis',
    args: (c) => ['import-codings', path.join(c.source, 'import-thesis.csv'), '--coder', 'bench', '--replace', '--study', c.study],
    target: BATCH,
    targetRssMb: 400,
    writes: true,
    study: 'T',
    prepare: writeThesisSheet,
  },
];

export const BENCH_STUDY_PARAMS: StudyParams = STUDIES.S;

/** The commands whose growth is measured on 20, 200 and 1,000 transcripts. */
export const SCALING = ['check', 'stats', 'segments', 'saturation-s', 'export-themes-md'];
const SCALING_STUDIES: StudyName[] = ['T20', 'S', 'T1000'];

export interface ScalingResult {
  name: string;
  /** Median per study, in the order of SCALING_STUDIES. */
  medianMs: number[];
  /**
   * The exponent k of time ∝ transcripts^k from 200 to 1,000 transcripts, node's own start
   * taken off: 1 is linear, below 1 better.
   */
  growth: number;
}

async function measureScaling(studies: Map<StudyName, string>, runs: number, floors: Floors): Promise<ScalingResult[]> {
  const results: ScalingResult[] = [];
  for (const name of SCALING) {
    const bench = BENCHMARKS.find((b) => b.name === name)!;
    const medianMs: number[] = [];
    for (const study of SCALING_STUDIES) {
      process.stderr.write(`… ${name} on ${study}\n`);
      const times: number[] = [];
      for (let i = 0; i <= runs; i++) {
        const run = await runOnce(bench.args({ study: studies.get(study)!, source: studies.get(study)! }), 600_000);
        if (run.code !== 0) throw new Error(`bench: ${name} on ${study} failed (${failureText(run)}): ${run.stderr}`);
        if (i > 0) times.push(run.ms);
      }
      medianMs.push(median(times));
    }
    const [, t200, t1000] = medianMs.map((ms) => Math.max(1, ms - floors.nodeMs)) as [number, number, number];
    const [, n200, n1000] = SCALING_STUDIES.map((s) => STUDIES[s].transcripts) as [number, number, number];
    results.push({ name, medianMs, growth: Math.log(t1000 / t200) / Math.log(n1000 / n200) });
  }
  return results;
}

export function formatScaling(results: ScalingResult[]): string {
  const counts = SCALING_STUDIES.map((s) => STUDIES[s].transcripts);
  const header = ['command', ...counts.map((n) => `${n.toLocaleString('en-US')} transcripts`), 'growth 200→1,000', ''];
  const rows = results.map((r) => [
    r.name,
    ...r.medianMs.map((ms, i) => `${formatMs(ms)} (${(ms / counts[i]!).toFixed(1)} ms each)`),
    `n^${r.growth.toFixed(2)}`,
    r.growth <= 1.1 ? 'linear or better' : 'MISS: worse than linear',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i > 0 && i <= counts.length + 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

type Status = 'OK' | 'MISS' | 'FAIL';

interface RunResult {
  ms: number;
  rssKiB: number | null;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  timedOut: boolean;
}

export interface BenchResult {
  name: string;
  command: string;
  runsMs: number[];
  medianMs: number | null;
  minMs: number | null;
  maxMs: number | null;
  peakRssMb: number | null;
  target: Target;
  /** The floor this command is held to: the median of the floor runs made alongside its own. */
  floorMs: number;
  /** The target in milliseconds on this machine: `target.times` × that floor. */
  targetMs: number;
  /** The median as a multiple of the floor its target refers to. */
  ratio: number | null;
  targetRssMb: number | null;
  status: Status;
  failure?: string;
}

// ---------------------------------------------------------------------------------------------
// Paths

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'codage') {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('bench: cannot find the codage repository (package.json) above this script');
    dir = parent;
  }
}

const root = findRoot();
const benchDir = path.join(root, '.bench');
const cli = path.join(root, 'bin', 'codage.js');
const probe = path.join(root, 'scripts', 'rss-probe.cjs');
const readFloor = path.join(root, 'scripts', 'read-floor.cjs');

// ---------------------------------------------------------------------------------------------
// The study, generated once

function studyKey(params: StudyParams): string {
  const hash = createHash('sha256').update(JSON.stringify(params));
  // The generator's own code is part of the key: a change to it regenerates the study.
  for (const file of ['generate-study.js', 'random.js']) {
    hash.update(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), file)));
  }
  return hash.digest('hex');
}

async function ensureStudy(params: StudyParams): Promise<string> {
  const dir = path.join(benchDir, `study-${params.transcripts}x${params.words}${params.codes === DEFAULT_PARAMS.codes ? '' : `-${params.codes}codes`}`);
  const keyFile = `${dir}.key`;
  const key = studyKey(params);
  if (fs.existsSync(dir) && fs.existsSync(keyFile) && fs.readFileSync(keyFile, 'utf8') === key) return dir;

  const started = performance.now();
  const building = `${dir}.tmp-${process.pid}`;
  await fsp.rm(building, { recursive: true, force: true });
  const summary = await generateStudy(building, params);
  await fsp.rm(dir, { recursive: true, force: true });
  await fsp.rename(building, dir);
  await fsp.writeFile(keyFile, key);
  console.log(formatSummary(path.relative(root, dir), summary, performance.now() - started));
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Running a command

/** Runs `codage ARGS` with the memory probe. */
function runOnce(args: string[], timeoutMs: number, stdout: 'ignore' | 'pipe' = 'ignore'): Promise<RunResult & { stdout: string }> {
  return runNode(['--require', probe, cli, ...args], timeoutMs, stdout);
}

/**
 * Variables of the environment that change what every node process does at its start, and so would
 * add the same time to the floor and to each command (`NODE_EXTRA_CA_CERTS`: ~35 ms of reading
 * certificates on a machine that sets it), making every ratio look better than it is: each run
 * goes without them.
 */
const CLEARED_ENV = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'];

function runEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of CLEARED_ENV) delete env[name];
  return env;
}

/** Runs `node NODE_ARGS`, timing it from spawn to exit. */
function runNode(nodeArgs: string[], timeoutMs: number, stdout: 'ignore' | 'pipe' = 'ignore'): Promise<RunResult & { stdout: string }> {
  const rssFile = path.join(benchDir, `rss-${process.pid}.txt`);
  fs.rmSync(rssFile, { force: true });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, nodeArgs, {
      cwd: root,
      stdio: ['ignore', stdout, 'pipe'],
      env: runEnv({ CODAGE_RSS_FILE: rssFile, FORCE_COLOR: '0', NO_COLOR: '1' }),
    });
    let stderr = '';
    let out = '';
    let timedOut = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 64_000) stderr += chunk.toString('utf8');
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out = (out + chunk.toString('utf8')).slice(-8_000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      let rssKiB: number | null = null;
      try {
        rssKiB = Number.parseInt(fs.readFileSync(rssFile, 'utf8'), 10);
        fs.rmSync(rssFile, { force: true });
      } catch {
        rssKiB = null;
      }
      resolve({ ms, rssKiB, code, signal, stderr, timedOut, stdout: out });
    });
  });
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function displayCommand(bench: Benchmark): string {
  const name = bench.study ?? 'S';
  const args = bench.args({ study: bench.writes ? '<copy>' : name, source: name });
  return ['codage', ...args.map((a) => a.replace(/^(S|S300|T)[/\\]/, '$1/'))].join(' ');
}

function failureText(run: RunResult): string {
  if (run.timedOut) return `timed out after ${Math.round(run.ms)} ms`;
  if (run.signal) return `killed by ${run.signal}`;
  return `exit code ${run.code}`;
}

/** What this machine measures as the floors the targets refer to. */
export interface Floors {
  /** A bare `node -e 0`. */
  nodeMs: number;
  /** Reading and decoding each study's files (scripts/read-floor.cjs), node's start included. */
  readMs: Map<StudyName, number>;
}

/** Median time of `node NODE_ARGS` over `runs` runs after one warm-up. */
async function medianRun(nodeArgs: string[], runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const run = await runNode(nodeArgs, 120_000);
    if (run.code !== 0) throw new Error(`bench: node ${nodeArgs.join(' ')} failed (${failureText(run)}): ${run.stderr}`);
    if (i > 0) times.push(run.ms);
  }
  return median(times);
}

function floorMsOf(bench: Benchmark, floors: Floors): number {
  return bench.target.of === 'node' ? floors.nodeMs : floors.readMs.get(bench.study ?? 'S')!;
}

/** The command line of the floor a benchmark is held to: a bare node, or the reading of its study. */
function floorArgs(bench: Benchmark, study: string): string[] {
  return bench.target.of === 'node' ? ['-e', '0'] : [readFloor, study];
}

/**
 * Runs a benchmark. Each measured run of the command follows a run of its floor, and the command
 * is held to the median of those floor runs: the machine's speed drifts over a benchmark of
 * several minutes (the reading floor measured 0.56–0.80 s from one run to the next here), and a
 * floor taken at the start would hold commands run later to a floor of another moment.
 */
async function runBenchmark(bench: Benchmark, study: string, runs: number, warmup: number, floors: Floors): Promise<BenchResult> {
  const command = displayCommand(bench);
  // Until the floor runs made alongside are in: the one measured at the start (for the time-out).
  const startFloorMs = floorMsOf(bench, floors);
  const floorRuns: number[] = [];
  const result: BenchResult = {
    name: bench.name,
    command,
    runsMs: [],
    medianMs: null,
    minMs: null,
    maxMs: null,
    peakRssMb: null,
    target: bench.target,
    floorMs: startFloorMs,
    targetMs: bench.target.times * startFloorMs,
    ratio: null,
    targetRssMb: bench.targetRssMb ?? null,
    status: 'OK',
  };
  const timeoutMs = Math.max(60_000, result.targetMs * 20);
  const copies = path.join(benchDir, 'copies');
  for (let i = 0; i < warmup + runs; i++) {
    let ctx: BenchContext = { study, source: study };
    let copy: string | null = null;
    if (bench.writes) {
      copy = path.join(copies, `${bench.name}-${i}`);
      await fsp.rm(copy, { recursive: true, force: true });
      await fsp.cp(study, copy, { recursive: true });
      ctx = { study: copy, source: study };
    }
    const args = bench.args(ctx);
    try {
      if (i >= warmup) {
        const floor = await runNode(floorArgs(bench, study), 120_000);
        if (floor.code !== 0) throw new Error(`bench: the floor of ${bench.name} failed (${failureText(floor)}): ${floor.stderr}`);
        floorRuns.push(floor.ms);
      }
      const run = await runOnce(args, timeoutMs);
      if (run.code !== 0 || run.timedOut) {
        result.status = 'FAIL';
        const again = run.timedOut ? null : await runOnce(args, timeoutMs, 'pipe');
        const output = [run.stderr.trim(), again?.stdout.trim() ? `stdout (end):\n${again.stdout.trim()}` : '']
          .filter((s) => s !== '')
          .join('\n');
        result.failure = `${failureText(run)}${output ? `\n${output}` : ''}`;
        return result;
      }
      if (i >= warmup) {
        result.runsMs.push(run.ms);
        if (run.rssKiB !== null) result.peakRssMb = Math.max(result.peakRssMb ?? 0, run.rssKiB / 1024);
      }
    } finally {
      if (copy !== null) await fsp.rm(copy, { recursive: true, force: true });
    }
  }
  result.medianMs = median(result.runsMs);
  result.minMs = Math.min(...result.runsMs);
  result.maxMs = Math.max(...result.runsMs);
  result.floorMs = median(floorRuns);
  result.targetMs = bench.target.times * result.floorMs;
  result.ratio = result.medianMs / result.floorMs;
  const slow = result.medianMs > result.targetMs;
  const heavy = bench.targetRssMb !== undefined && (result.peakRssMb === null || result.peakRssMb > bench.targetRssMb);
  result.status = slow || heavy ? 'MISS' : 'OK';
  return result;
}

// ---------------------------------------------------------------------------------------------
// Report

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function formatSpread(min: number, max: number): string {
  if (max < 1000) return `${Math.round(min)}–${Math.round(max)} ms`;
  return `${(min / 1000).toFixed(2)}–${(max / 1000).toFixed(2)} s`;
}

function machineInfo(): Record<string, string | number> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${os.release()} ${process.arch}`,
  };
}

const FLOOR_NAMES: Record<Target['of'], string> = { floor: 'floor', node: 'node' };

export function formatTable(results: BenchResult[]): string {
  const header = ['command', 'median', 'min–max', 'peak RSS', 'target', 'ratio', ''];
  const rows = results.map((r) => [
    r.command,
    r.medianMs === null ? '–' : formatMs(r.medianMs),
    r.minMs === null || r.maxMs === null ? '–' : formatSpread(r.minMs, r.maxMs),
    r.peakRssMb === null ? '–' : `${Math.round(r.peakRssMb)} MB`,
    `≤ ${r.target.times} × ${FLOOR_NAMES[r.target.of]} = ${formatMs(r.targetMs)}${r.targetRssMb === null ? '' : `, ${r.targetRssMb} MB`}`,
    r.ratio === null ? '–' : `${r.ratio.toFixed(2)} × ${FLOOR_NAMES[r.target.of]}`,
    r.status,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const numeric = new Set([1, 2, 3, 5]);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------

interface BenchOptions {
  runs: number;
  warmup: number;
  only: string[] | null;
  noFail: boolean;
  scaling: boolean;
}

function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      warmup: { type: 'string' },
      quick: { type: 'boolean' },
      only: { type: 'string' },
      'no-fail': { type: 'boolean' },
      scaling: { type: 'boolean' },
      'no-scaling': { type: 'boolean' },
    },
  });
  const count = (raw: string | undefined, fallback: number, min: number, name: string): number => {
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min) throw new RangeError(`--${name}: expected a whole number ≥ ${min}`);
    return Number(raw);
  };
  const quick = values.quick === true;
  const only = values.only === undefined ? null : values.only.split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of only ?? []) {
    if (!BENCHMARKS.some((b) => b.name === name)) {
      throw new RangeError(`--only: unknown benchmark "${name}" (known: ${BENCHMARKS.map((b) => b.name).join(', ')})`);
    }
  }
  return {
    runs: count(values.runs, quick ? 1 : 5, 1, 'runs'),
    warmup: count(values.warmup, quick ? 0 : 1, 0, 'warmup'),
    only,
    noFail: values['no-fail'] === true,
    // Growth is measured with the whole benchmark, or when asked.
    scaling: values.scaling === true || (only === null && values['no-scaling'] !== true),
  };
}

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(argv);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (!fs.existsSync(cli)) {
    console.error(`bench: ${path.relative(root, cli)} is missing; run \`npm run build\` (npm run bench does it).`);
    return 1;
  }
  await fsp.mkdir(benchDir, { recursive: true });
  const selected = BENCHMARKS.filter((b) => options.only === null || options.only.includes(b.name));
  const studies = new Map<StudyName, string>();
  for (const name of new Set([...selected.map((b) => b.study ?? 'S'), ...(options.scaling ? SCALING_STUDIES : [])])) {
    const p = STUDIES[name];
    const dir = await ensureStudy(p);
    studies.set(name, dir);
    console.log(
      `Study ${name} = ${path.relative(root, dir)}: ${p.transcripts} transcripts × ${p.words.toLocaleString('en-US')} words, ` +
        `${p.coders} coders × ${p.segments.toLocaleString('en-US')} segments, ${p.codes} codes`,
    );
  }
  // The caches a study keeps (.codage/cache: the codebook as read, each transcript's sentences)
  // are valid only for the build that made them. Commands that write run on copies of the study,
  // which never write back to it: without this, a study only such commands use (T) would have
  // every run rebuild its caches, as only the first run after an upgrade does.
  for (const dir of studies.values()) {
    const warmed = await runOnce(['stats', '--study', dir], 600_000);
    if (warmed.code !== 0) throw new Error(`bench: codage stats failed on ${dir} (${failureText(warmed)})`);
  }
  const machine = machineInfo();
  console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}`);
  const cleared = CLEARED_ENV.filter((name) => process.env[name] !== undefined);
  if (cleared.length > 0) console.log(`Each run without ${cleared.join(' and ')} (set here): they add the same start-up work to every node process`);
  const floorRuns = Math.max(options.runs, 5);
  const floors: Floors = { nodeMs: await medianRun(['-e', '0'], floorRuns), readMs: new Map() };
  console.log(`Floor \`node\`: a bare \`node -e 0\`: ${formatMs(floors.nodeMs)}`);
  for (const [name, dir] of studies) {
    floors.readMs.set(name, await medianRun([readFloor, dir], floorRuns));
    console.log(`Floor \`floor\` of study ${name}: node reading and decoding its transcripts, coder files and codebook (UTF-8 + NFC): ${formatMs(floors.readMs.get(name)!)}`);
  }
  console.log(
    `Runs: ${options.runs} (after ${options.warmup} warm-up). Each command is held to its floor run just before each of its own runs ` +
      `(median), so that the machine's drift over the benchmark does not count; the floors above (median of ${floorRuns}) are the run's start.\n`,
  );

  const results: BenchResult[] = [];
  for (const bench of selected) {
    process.stderr.write(`… ${bench.name}\n`);
    const own = studies.get(bench.study ?? 'S')!;
    if (bench.prepare !== undefined) await bench.prepare(own);
    results.push(await runBenchmark(bench, own, options.runs, options.warmup, floors));
  }

  console.log(formatTable(results));
  for (const r of results.filter((x) => x.status === 'FAIL')) {
    console.log(`\nFAIL ${r.command}\n${r.failure ?? ''}`);
  }
  let scaling: ScalingResult[] = [];
  if (options.scaling) {
    scaling = await measureScaling(studies, Math.min(options.runs, 3), floors);
    console.log(`\nGrowth with the study (median of ${Math.min(options.runs, 3)} runs; growth from 200 to 1,000 transcripts, node's start taken off)`);
    console.log(formatScaling(scaling));
  }
  await fsp.writeFile(
    path.join(benchDir, 'last.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine, floors: { nodeMs: floors.nodeMs, readMs: Object.fromEntries(floors.readMs) }, studies: Object.fromEntries([...studies].map(([name, dir]) => [name, { path: path.relative(root, dir), params: STUDIES[name] }])), options, results, scaling }, null, 2)}\n`,
  );
  const bad = results.filter((r) => r.status !== 'OK').length + scaling.filter((r) => r.growth > 1.1).length;
  if (bad > 0 && !options.noFail) {
    console.log(`\n${bad} of ${results.length} benchmarks FAIL or MISS (pass --no-fail to exit 0 anyway).`);
    return 1;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
