import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// One run for every suite, so the closing "N passed, N failed" line counts them all.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      reporters: ['default', './tests/plainSummaryReporter.ts'],
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['tests/unit/**/*.test.ts', 'tests/property/**/*.test.ts'],
            environment: 'node',
            setupFiles: ['fake-indexeddb/auto'],
            // Property tests run S2S_PROPERTY_RUNS schedules each; a slow machine needs room.
            testTimeout: 60_000,
          },
        },
        {
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.e2e.test.ts'],
            environment: 'node',
            fileParallelism: false,
            testTimeout: 120_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  }),
);
