import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Unit and property tests only: fast, Node, fake-indexeddb. `npm test` runs everything.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ['tests/unit/**/*.test.ts', 'tests/property/**/*.test.ts'],
      environment: 'node',
      setupFiles: ['fake-indexeddb/auto'],
      // Property tests run S2S_PROPERTY_RUNS schedules each; a slow machine needs room.
      testTimeout: 60_000,
      reporters: ['default', './tests/plainSummaryReporter.ts'],
    },
  }),
);
