import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openSandbox, waitForApp, type Session } from './browser.ts';

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

  it('opens a first sandbox with the default orgs Acme and Globex, with no console error', async () => {
    expect(s.site.url).toContain('/course/s2s/');
    await waitForApp(s.page);
    const nodes = s.page.locator('.svelte-flow__node');
    await expect.poll(() => nodes.count()).toBe(2);
    await expect.poll(() => nodes.nth(0).innerText()).toContain('Acme');
    expect(await nodes.nth(0).innerText()).toContain('acme.example.com');
    expect(await nodes.nth(1).innerText()).toContain('Globex');
    expect(await s.page.getByTestId('sandbox-name').innerText()).toBe('My first sandbox');
    const acme = s.page.getByRole('region', { name: 'Acme workspace' });
    expect(await acme.getByRole('tab', { name: 'Setup' }).count()).toBe(1);
    await expect.poll(() => s.page.getByTestId('save-status').innerText()).toContain('Saved');
    // No banner: IndexedDB works here.
    expect(await s.page.getByTestId('memory-banner').count()).toBe(0);
    await s.screenshot('shell');
    expect(s.problems).toEqual([]);
  });

  it('labels every control', async () => {
    for (const name of [
      /^(Play|Pause) the simulation$/,
      'Step: deliver the next message',
      'Run until idle: deliver every message in flight',
    ])
      await expect.poll(() => s.page.getByRole('button', { name }).count()).toBe(1);
    expect(await s.page.getByLabel('Simulation speed').count()).toBe(1);
    // Every button and select has an accessible name.
    const unnamed = await s.page.evaluate(
      () =>
        [...document.querySelectorAll('button, select, input:not([hidden])')].filter(
          (el) => !(el.getAttribute('aria-label') || (el as HTMLElement).innerText.trim()),
        ).length,
    );
    expect(unnamed).toBe(0);
  });

  it('plays, pauses, changes speed, steps, and shows the virtual clock', async () => {
    const clock = s.page.getByTestId('clock');
    const t0 = await clock.innerText();
    expect(t0).toMatch(/^t = \d+\.\d s$/);
    await s.page.getByLabel('Simulation speed').fill('6'); // 10×
    await expect.poll(async () => (await clock.innerText()) !== t0).toBe(true);
    await s.page.getByRole('button', { name: 'Pause the simulation' }).click();
    const t1 = await clock.innerText();
    await s.page.waitForTimeout(300);
    expect(await clock.innerText()).toBe(t1);
    await s.page.getByRole('button', { name: 'Play the simulation' }).focus();
    await s.page.keyboard.press('Enter');
    await expect
      .poll(() => s.page.getByRole('button', { name: 'Pause the simulation' }).count())
      .toBe(1);
    expect(s.problems).toEqual([]);
  });
});

describe('storage fallback', () => {
  it('shows the memory banner with ?storage=memory and still works', async () => {
    const s = await openSandbox({ query: '?storage=memory' });
    try {
      await waitForApp(s.page);
      const banner = s.page.getByTestId('memory-banner');
      await banner.waitFor();
      expect(await banner.innerText()).toContain(
        'Storage is unavailable (private browsing?): this sandbox lives in memory only and is lost on reload. Export it to keep it.',
      );
      expect(await s.page.evaluate(() => window.s2sApp!.storeKind)).toBe('memory');
      await s.screenshot('memory-banner');
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
