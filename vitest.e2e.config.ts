import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium and Firefox ESR with the built extension (build first: npm run build).
// One file at a time: two browsers at once on two cores only make both slower.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
