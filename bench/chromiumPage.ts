import { chromium, type Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/browser.ts';

export interface BenchPages {
  /**
   * Opens `path` in a fresh page and waits for it to set `window.__benchResult`. With
   * `profiles`, the CPU profiles the page records between `console.profile()` and
   * `console.profileEnd()` are handed to it.
   */
  run<T>(path: string, profiles?: (profile: object) => void): Promise<T>;
  close(): Promise<void>;
}

/** Serves the repository through Vite and opens bench pages in Debian's Chromium. */
export async function openBenchPages(): Promise<BenchPages> {
  const server: ViteDevServer = await createServer({
    root: process.cwd(),
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    logLevel: 'silent',
  });
  await server.listen();
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      // The bench's own runtime flag, as Node's --expose-gc: see settleHeap.ts.
      args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
      headless: true,
    });
  } catch (e) {
    await server.close();
    throw e;
  }
  const url = server.resolvedUrls!.local[0]!;
  return {
    async run<T>(path: string, profiles?: (profile: object) => void): Promise<T> {
      // A context of its own: nothing (IndexedDB, compiled code caches) carries over between runs.
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        if (profiles) {
          const cdp = await context.newCDPSession(page);
          cdp.on('Profiler.consoleProfileFinished', (e) => profiles(e.profile));
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        }
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${url}${path}`);
        await page.waitForFunction(() => window.__benchResult !== undefined, undefined, {
          timeout: 300_000,
        });
        const r = (await page.evaluate(() => window.__benchResult)) as T | { error: string };
        if (r && typeof r === 'object' && 'error' in r)
          throw new Error(`${path} failed in the page: ${r.error}`);
        if (errors.length) throw new Error(`${path} page errors: ${errors.join('; ')}`);
        return r as T;
      } finally {
        await context.close();
      }
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

declare global {
  interface Window {
    __benchResult?: unknown;
  }
}
