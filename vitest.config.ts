import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { FORCE_COLOR: '0', NO_COLOR: '1', LANG: 'C.UTF-8', TZ: 'UTC' },
  },
});
