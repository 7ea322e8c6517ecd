import { defineConfig } from 'vitest/config';

// End-to-end: Node drives Debian's Chromium through playwright-core against the built dist/.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', './tests/plainSummaryReporter.ts'],
  },
});
