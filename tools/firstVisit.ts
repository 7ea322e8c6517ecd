import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, MOUNT } from '../tests/e2e/browser.ts';
import { serveStatic } from '../tests/e2e/staticServer.ts';

export interface FirstVisit {
  /** JS and CSS a first visit fetched until the network was idle, gzipped (level 9). */
  bytes: number;
  files: { fileName: string; gzip: number }[];
}

const IDLE_MS = 1000;

const gz = (buf: Uint8Array) => gzipSync(buf, { level: 9 }).length;

/**
 * Opens the built site in a fresh Chromium profile from a sub-path, as a first-time visitor
 * would, and counts every JS and CSS file it requested until the network was idle: the entry,
 * what it imports, and whatever the first screen loads on its own. Sizes are those of the
 * files in `dist`, gzipped, as a static host would serve them.
 */
export async function measureFirstVisit(
  dist = 'dist',
  shot?: string,
  drawn = '.svelte-flow__node',
): Promise<FirstVisit> {
  const root = resolve(dist);
  const site = await serveStatic(root, MOUNT);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const seen = new Set<string>();
    let inFlight = 0;
    let lastActivity = Date.now();
    const settle = () => {
      inFlight--;
      lastActivity = Date.now();
    };
    page.on('request', (r) => {
      inFlight++;
      lastActivity = Date.now();
      const path = new URL(r.url()).pathname;
      if (path.startsWith(MOUNT) && /\.(js|css)$/.test(path)) seen.add(path.slice(MOUNT.length));
    });
    page.on('requestfinished', settle);
    page.on('requestfailed', settle);
    await page.goto(site.url);
    // Once the orgs are drawn, whatever the first screen still asks for counts until nothing
    // has been requested for a second (Playwright's own `networkidle` may have fired earlier,
    // while the page was busy parsing).
    await page.locator(drawn).first().waitFor({ timeout: 60_000 });
    while (inFlight > 0 || Date.now() - lastActivity < IDLE_MS)
      await new Promise((r) => setTimeout(r, 100));
    if (shot) await page.screenshot({ path: shot });
    const files = [...seen].map((fileName) => ({
      fileName,
      gzip: gz(readFileSync(resolve(root, fileName))),
    }));
    files.sort((a, b) => b.gzip - a.gzip);
    return { bytes: files.reduce((n, f) => n + f.gzip, 0), files };
  } finally {
    await browser.close();
    await site.close();
  }
}

export function describeFirstVisit(r: FirstVisit, limitKb: number): string {
  const lines = r.files.map(
    (f) => `    ${(f.gzip / 1024).toFixed(1).padStart(6)} KB  ${f.fileName}`,
  );
  return `first visit JS+CSS: ${(r.bytes / 1024).toFixed(1)} KB gzip (budget ${limitKb} KB)\n${lines.join('\n')}`;
}
