import { defineConfig } from 'vitest/config';

// Unit tests: pure modules run in Node; component tests opt into happy-dom per file.
// Browser tests (tests/e2e) are driven by scripts/test-all.mjs, not by vitest.
export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', '.output/**', '.wxt/**', 'tests/e2e/**'],
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
