import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, type InlineConfig, type PluginOption } from 'vite';
import viteConfig from '../vite.config.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, MOUNT } from '../tests/e2e/browser.ts';
import { serveStatic } from '../tests/e2e/staticServer.ts';
import { measureFirstVisit } from '../tools/firstVisit.ts';
import type { BenchResult } from './result.ts';

const OUT = resolve('bench-results/first-visit');
const RUNS = 5;
const TIME_TARGET = 1.5;
const BYTES_TARGET_KB = 150;

const round = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

/** The same Vite config as the app's (without the budget check, which the bench reports itself). */
export async function buildSite(root: string | undefined, outDir: string) {
  const plugins = (viteConfig.plugins ?? []).filter(
    (p: PluginOption) =>
      !(p && typeof p === 'object' && 'name' in p && p.name === 's2s-bundle-budget'),
  );
  const config: InlineConfig = {
    ...viteConfig,
    configFile: false,
    root: root ? resolve(root) : process.cwd(),
    plugins,
    logLevel: 'warn',
    build: { ...viteConfig.build, outDir, emptyOutDir: true },
  };
  await build(config);
}

// A string, not a function: the bench runs under tsx, whose helpers do not exist in the page.
const FIRST_NODE = `
  window.__firstNode = new Promise((done) => {
    const watch = new MutationObserver(() => {
      if (!document.querySelector('.svelte-flow__node')) return;
      watch.disconnect();
      requestAnimationFrame(() => done(performance.now()));
    });
    watch.observe(document, { childList: true, subtree: true });
  });
`;

/**
 * Milliseconds from navigation to the first org node drawn (in the DOM, then painted: the
 * next animation frame), on a first visit: a fresh browser context each time, from a sub-path.
 */
async function timeToFirstNode(dir: string): Promise<number[]> {
  const site = await serveStatic(dir, MOUNT);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
      await context.addInitScript(FIRST_NODE);
      const page = await context.newPage();
      await page.goto(site.url);
      times.push(
        await page.evaluate(
          () => (window as unknown as { __firstNode: Promise<number> }).__firstNode,
        ),
      );
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
    await site.close();
  }
}

/**
 * A first visit to the built site: what it fetches, and how long until the first org node is
 * drawn against the floor of this stack (a bare page, built with the same Vite config, that
 * mounts SvelteFlow with two nodes). Both are built here, so the figures are of this tree.
 */
export async function runFirstVisitBench(): Promise<BenchResult[]> {
  const app = `${OUT}/app`;
  const floor = `${OUT}/floor`;
  await buildSite(undefined, app);
  await buildSite('bench/floor-site', floor);

  const bytes = await measureFirstVisit(app);
  const floorBytes = await measureFirstVisit(floor, undefined, '.svelte-flow__node');
  const kb = bytes.bytes / 1024;
  const top = bytes.files
    .slice(0, 4)
    .map((f) => `${f.fileName.replace(/^assets\//, '')} ${(f.gzip / 1024).toFixed(1)}`)
    .join(', ');

  // Alternate the two, so a busy neighbour weighs on both alike.
  const appMs: number[] = [];
  const floorMs: number[] = [];
  const before = load();
  for (let i = 0; i < 2; i++) {
    appMs.push(...(await timeToFirstNode(app)));
    floorMs.push(...(await timeToFirstNode(floor)));
  }
  const a = median(appMs);
  const f = median(floorMs);
  const ratio = Math.round((a / f) * 100) / 100;
  return [
    {
      name: 'first visit: JS+CSS fetched until the network is idle, gzip, against the 150 KB target',
      value: round(kb),
      unit: 'KB',
      baseline: BYTES_TARGET_KB,
      ratio: Math.round((kb / BYTES_TARGET_KB) * 100) / 100,
      target: '≤ 1× (the build fails over 200 KB)',
      pass: kb <= BYTES_TARGET_KB,
      note: `${bytes.files.length} files, largest: ${top}; the floor page fetches ${round(floorBytes.bytes / 1024)} KB`,
    },
    {
      name: 'first visit: navigation to the first org node drawn, from a sub-path, vs SvelteFlow with two nodes [Chromium]',
      value: round(a),
      unit: 'ms',
      baseline: round(f),
      ratio,
      target: `≤ ${TIME_TARGET}×`,
      pass: ratio <= TIME_TARGET,
      note: `median of ${appMs.length} fresh visits each (app ${appMs.map(Math.round).join(' / ')}; floor ${floorMs.map(Math.round).join(' / ')}); load average ${before} before, ${load()} after`,
    },
  ];
}
