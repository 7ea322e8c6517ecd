import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveStatic, type StaticSite } from './staticServer.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const MOUNT = '/course/s2s/';
// S2S_DIST lets several builds be tested side by side (each in its own folder).
const DIST = resolve(process.env.S2S_DIST ?? 'dist');
const SINGLE = resolve(process.env.S2S_SINGLE ?? 'dist-single/s2s-sandbox.html');
const RESULTS = resolve('test-results');

export interface Session {
  site: StaticSite;
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and failed requests seen so far. */
  problems: string[];
  /** Opens another tab in the same profile (same storage), at `url` or the start URL. */
  newPage(url?: string): Promise<Page>;
  screenshot(name: string, page?: Page): Promise<string>;
  close(): Promise<void>;
}

function watch(page: Page, problems: string[]) {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`http ${r.status()}: ${r.url()}`);
  });
}

/** Opens the built site under a sub-path in a fresh Chromium profile. Fails loudly, never skips. */
export async function openSandbox(
  opts: {
    userDataDir?: string;
    hash?: string;
    query?: string;
    /** Open the single-file build from disk (file://) instead of the served dist/. */
    singleFile?: boolean;
    /** Show the welcome screen of a first visit; other tests start as a returning visitor. */
    firstVisit?: boolean;
  } = {},
): Promise<Session> {
  if (opts.singleFile && !existsSync(SINGLE))
    throw new Error(`${SINGLE} is missing: run \`npm run build:single\` first`);
  if (!opts.singleFile && !existsSync(join(DIST, 'index.html')))
    throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests');
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  mkdirSync(RESULTS, { recursive: true });
  const site: StaticSite = opts.singleFile
    ? { url: pathToFileURL(SINGLE).href, close: async () => {} }
    : await serveStatic(DIST, MOUNT);
  const ownDir = !opts.userDataDir;
  const dir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 's2s-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 860 },
  });
  if (!opts.singleFile)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(site.url).origin,
    });
  if (!opts.firstVisit)
    await context.addInitScript(() => {
      try {
        localStorage.setItem('s2s-welcome-seen', '1');
      } catch {
        // No storage (file:// in some setups): the welcome screen then shows.
      }
    });
  const problems: string[] = [];
  const start = site.url + (opts.query ?? '') + (opts.hash ?? '');
  const newPage = async (url = start) => {
    const p = await context.newPage();
    watch(p, problems);
    await p.goto(url);
    return p;
  };
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page, problems);
  await page.goto(start);
  return {
    site,
    context,
    page,
    problems,
    newPage,
    async screenshot(name, p = page) {
      const file = join(RESULTS, `${name}.png`);
      await p.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close();
      await site.close();
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until the app has opened a sandbox (window.s2sApp is set) and drawn its org nodes. */
export async function waitForApp(page: Page, orgs = 2): Promise<void> {
  await page.waitForFunction(() => !!window.s2sApp && !!window.s2s);
  if (orgs > 0)
    await page.waitForFunction(
      (n) => document.querySelectorAll('.svelte-flow__node').length >= n,
      orgs,
    );
}
