import { describe, expect } from 'vitest';
import { it } from './appTest.ts';
import { waitForApp } from './browser.ts';
import { connectAcmeAndGlobex, summary } from './story.ts';

describe('share links', () => {
  it('copies a link that opens the same orgs and connections in a new page', async ({ app: s }) => {
    const page = s.page;
    await connectAcmeAndGlobex(page);
    const expected = await summary(page);
    await page.getByRole('button', { name: /^Sandbox .*, menu$/ }).click();
    await page.getByRole('button', { name: 'Copy share link' }).click();
    const field = page.getByTestId('share-link');
    await field.waitFor();
    const link = await field.inputValue();
    expect(link).toContain('/course/s2s/#s=');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await s.screenshot('share-link');

    const other = await s.newPage(link);
    await waitForApp(other);
    await expect.poll(() => other.getByTestId('sandbox-name').innerText()).toBe('Shared sandbox');
    expect(await summary(other)).toEqual(expected);
    // The hash is gone, so a reload does not create another copy.
    expect(new URL(other.url()).hash).toBe('');
    await other
      .locator('.svelte-flow__edge.status-Accepted')
      .first()
      .waitFor({ state: 'attached' });
    await s.screenshot('share-opened', other);
    await other.close();
    expect(s.problems).toEqual([]);
  });

  it('opens a share link pasted into a tab that already has the app open (only the hash changes)', async ({
    app: s,
  }) => {
    const page = s.page;
    const link = await page.evaluate(() => window.s2sApp!.session.shareLink(location.href));
    const other = await s.newPage();
    await waitForApp(other);
    const before = await other.evaluate(() => window.s2sApp!.sessionId);
    await other.evaluate((url) => {
      location.hash = new URL(url).hash;
    }, link);
    await expect.poll(() => other.evaluate(() => window.s2sApp!.sessionId)).not.toBe(before);
    expect(await other.getByTestId('sandbox-name').innerText()).toBe('Shared sandbox');
    expect(await summary(other)).toEqual(await summary(page));
    expect(new URL(other.url()).hash).toBe('');
    await other.close();
    expect(s.problems).toEqual([]);
  });

  it("a reload keeps the tab's own sandbox after a share link opened in another tab", async ({
    app: s,
  }) => {
    const page = s.page;
    const mine = await page.evaluate(() => window.s2sApp!.sessionId);
    const name = await page.getByTestId('sandbox-name').innerText();
    expect(name).not.toBe('Shared sandbox');
    const link = await page.evaluate(() => window.s2sApp!.session.shareLink(location.href));
    const other = await s.newPage(link);
    await waitForApp(other);
    await expect.poll(() => other.getByTestId('sandbox-name').innerText()).toBe('Shared sandbox');
    const shared = await other.evaluate(() => window.s2sApp!.sessionId);
    expect(shared).not.toBe(mine);

    await page.reload();
    await waitForApp(page);
    await expect.poll(() => page.evaluate(() => window.s2sApp!.sessionId)).toBe(mine);
    expect(await page.getByTestId('sandbox-name').innerText()).toBe(name);
    await s.screenshot('share-reload-first-tab');
    // The second tab, reloaded, keeps the shared copy it opened.
    await other.reload();
    await waitForApp(other);
    await expect.poll(() => other.evaluate(() => window.s2sApp!.sessionId)).toBe(shared);
    await other.close();
    expect(s.problems).toEqual([]);
  });

  it('says so when a share link is damaged, and opens the last sandbox instead', async ({
    app: s,
  }) => {
    const other = await s.newPage(`${s.site.url}#s=not-a-real-scenario`);
    await waitForApp(other);
    expect(await other.getByRole('status').filter({ hasText: 'share link' }).innerText()).toContain(
      'This share link could not be opened',
    );
    await other.close();
  });
});
