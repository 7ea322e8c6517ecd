import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openSandbox, type Session } from './browser.ts';

describe('the app shell', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSandbox();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('loads its assets by relative paths so any sub-path works', () => {
    const html = readFileSync('dist/index.html', 'utf8');
    expect(html).toMatch(/src="\.\/assets\//);
    expect(html).not.toMatch(/(src|href)="\/assets\//);
  });

  it('loads under a sub-path and shows both org nodes with no console error', async () => {
    expect(s.site.url).toContain('/course/s2s/');
    await s.page.locator('.svelte-flow__node').first().waitFor();
    await expect.poll(() => s.page.locator('.svelte-flow__node').count()).toBeGreaterThanOrEqual(2);
    await s.screenshot('shell');
    expect(s.problems).toEqual([]);
  });
});
