import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Core unit tests that mock a module: isolated, so that the mock reaches no other file. */
const MOCKING = ['src/core/codings/parse.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, where
    // most tests wait on the codage processes they start. Every core runs a test file.
    maxWorkers: Math.max(2, availableParallelism()),
    hookTimeout: 60_000,
    env: { FORCE_COLOR: '0', NO_COLOR: '1', LANG: 'C.UTF-8', TZ: 'UTC' },
    projects: [
      {
        // The pure core's unit tests share their workers' modules (no isolation): they hold no
        // state between files, and importing the core afresh for each of ~120 files took more
        // than running them (46 s against 17 s for src/core on two cores). A file that mocks a
        // module (vi.mock) stays isolated, below.
        extends: true,
        test: {
          name: 'core',
          include: ['src/core/**/*.test.ts'],
          exclude: [...MOCKING],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'codage',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
          exclude: ['src/core/**/*.test.ts', 'test/export-readers.test.ts', 'test/fault-injection-*.test.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'core-mocking', include: [...MOCKING] },
      },
      {
        // LibreOffice, pdflatex and Chromium take both cores for a while: they run after the rest,
        // so that the tests that time a terminal or kill a writer at random moments are not starved.
        extends: true,
        test: { name: 'readers', include: ['test/export-readers.test.ts'], sequence: { groupOrder: 1 } },
      },
      {
        // Every writing command run again and again with a failure at each step, some in a real
        // terminal: after the rest too, for the same reason.
        extends: true,
        test: { name: 'faults', include: ['test/fault-injection-*.test.ts'], sequence: { groupOrder: 1 } },
      },
    ],
  },
});
