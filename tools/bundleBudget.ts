import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { CHROMIUM_PATH } from '../tests/e2e/browser.ts';
import { describeFirstVisit, measureFirstVisit } from './firstVisit.ts';

/**
 * Fails the build when a first visit to the built site fetches more than `limitKb` of JS and
 * CSS, gzipped; prints what it fetched either way. Counted from Chromium's requests until the
 * network is idle (tools/firstVisit.ts), so chunks the first screen loads on its own count too.
 */
export function bundleBudget(limitKb: number): Plugin {
  let outDir = 'dist';
  return {
    name: 's2s-bundle-budget',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle(error) {
      // Only the browser build is what a visitor downloads (not the benchmarks' Node bundles).
      if (error || this.environment.name !== 'client') return;
      if (!existsSync(CHROMIUM_PATH)) {
        this.warn(
          `The first-visit budget needs Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH): not measured.`,
        );
        return;
      }
      const r = await measureFirstVisit(outDir);
      const kb = r.bytes / 1024;
      this.info(describeFirstVisit(r, limitKb));
      if (kb > limitKb)
        this.error(
          `A first visit fetches ${kb.toFixed(1)} KB gzip of JS and CSS, over the ${limitKb} KB budget: load what the first screen does not show on demand.`,
        );
    },
  };
}
