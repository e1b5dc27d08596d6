import { defineConfig } from 'vitest/config';

// Unit tests run in parallel; integration and e2e tests start real relay processes and browsers,
// so files run one at a time to keep a 2-core CI machine honest.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/bench/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
