/**
 * Test hooks of the write path: every step that can fail in the real world (taking a lock,
 * writing a temporary file, fsync, keeping a backup, writing the journal, each rename) calls
 * `step(name)` before it runs and `stepDone(name)` after. Tests use them to prove that a study is
 * always either unchanged or completely updated, whatever step fails or dies:
 *
 *   CODAGE_TEST_FAIL_AT=<step>[#<n>][:<ERRNO>]  the n-th time (default the first) `step` is
 *                                               reached, it throws ERRNO (default EIO), as a full
 *                                               disk (ENOSPC) or a read-only disk (EROFS) would;
 *   CODAGE_TEST_CRASH_AT=after-<step>[#<n>]     the n-th time `step` is done, the process kills
 *                                               itself with SIGKILL, as a power cut would;
 *   CODAGE_TEST_STEPS=<file>                    every step reached is appended to <file>, one per
 *                                               line (how a test learns which steps a command has).
 *
 * Read once when the module loads; without these variables the hooks do nothing. Tests that run
 * commands in their own process set the same with `setFaults`.
 */
import { appendFileSync } from 'node:fs';

export const WRITE_STEPS = ['lock', 'temp-write', 'fsync', 'backup', 'journal', 'rename', 'dir-sync'] as const;
export type WriteStep = (typeof WRITE_STEPS)[number];

interface Trigger {
  step: string;
  nth: number;
  code?: string;
}

function parseTrigger(value: string | undefined): Trigger | null {
  if (value === undefined || value === '') return null;
  const m = /^([a-z-]+)(?:#(\d+))?(?::([A-Z0-9]+))?$/.exec(value);
  if (!m) return null;
  const trigger: Trigger = { step: m[1] as string, nth: m[2] === undefined ? 1 : Number(m[2]) };
  if (m[3] !== undefined) trigger.code = m[3];
  return trigger;
}

let failAt = parseTrigger(process.env.CODAGE_TEST_FAIL_AT);
let crashAt = parseTrigger(process.env.CODAGE_TEST_CRASH_AT);
let stepLog: string | undefined = process.env.CODAGE_TEST_STEPS;
/** Steps reached, when a test collects them in its own process. */
let stepList: string[] | null = null;
let active = failAt !== null || crashAt !== null || (stepLog !== undefined && stepLog !== '');

const reached = new Map<string, number>();
const done = new Map<string, number>();

/**
 * For tests running commands in their own process: `failAt` as in CODAGE_TEST_FAIL_AT, `steps`
 * collects the steps reached; counts start again from zero. `setFaults({})` turns the hooks off.
 */
export function setFaults(options: { failAt?: string; steps?: string[] }): void {
  failAt = parseTrigger(options.failAt);
  crashAt = null;
  stepLog = undefined;
  stepList = options.steps ?? null;
  active = failAt !== null || stepList !== null;
  reached.clear();
  done.clear();
}

/** An error as the system call would have thrown it. */
function injected(code: string, step: string): NodeJS.ErrnoException {
  const error = new Error(`${code}: injected failure at ${step}`) as NodeJS.ErrnoException;
  error.code = code;
  error.syscall = step;
  return error;
}

/** Called before a step of the write path runs: may throw the injected error. */
export function step(name: WriteStep): void {
  if (!active) return;
  const n = (reached.get(name) ?? 0) + 1;
  reached.set(name, n);
  if (stepLog) appendFileSync(stepLog, `${name}#${n}\n`);
  stepList?.push(`${name}#${n}`);
  if (failAt !== null && failAt.step === name && failAt.nth === n) throw injected(failAt.code ?? 'EIO', `${name}#${n}`);
}

/** Called once a step of the write path is done: may kill the process. */
export function stepDone(name: WriteStep): void {
  if (!active) return;
  const n = (done.get(name) ?? 0) + 1;
  done.set(name, n);
  if (crashAt !== null && crashAt.step === `after-${name}` && crashAt.nth === n) process.kill(process.pid, 'SIGKILL');
}
