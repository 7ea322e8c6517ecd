import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSandbox, waitForApp } from './browser.ts';
import { connectAndSyncByClicking, workspaceOf } from './workspace.ts';

describe('the single-file build opened from disk', () => {
  it('runs over file:// with no server: connects two orgs and syncs a record by clicking, saves to IndexedDB and keeps it all in a new browser', async () => {
    const profile = mkdtempSync(join(tmpdir(), 's2s-single-'));
    try {
      let s = await openSandbox({ singleFile: true, userDataDir: profile });
      try {
        expect(s.site.url).toMatch(/^file:\/\/.*s2s-sandbox\.html$/);
        await waitForApp(s.page);
        expect(await s.page.evaluate(() => window.s2sApp!.storeKind)).toBe('indexeddb');
        await s.page.getByRole('button', { name: /Pause/ }).click();
        await connectAndSyncByClicking(s.page, 'Umbrella');
        await s.page.getByRole('button', { name: 'Add org' }).click();
        await s.page.getByLabel('Org name').fill('Initech');
        await s.page.getByRole('button', { name: 'Save' }).click();
        await expect.poll(() => s.page.locator('.svelte-flow__node').count()).toBe(3);
        await s.page.evaluate(() => window.s2sApp!.flush());
        await s.screenshot('single-file');
        expect(s.problems).toEqual([]);
      } finally {
        await s.close();
      }
      // A new browser on the same profile: what was saved is still there.
      s = await openSandbox({ singleFile: true, userDataDir: profile });
      try {
        await waitForApp(s.page, 3);
        const globex = workspaceOf(s.page, 'Globex');
        await globex.getByRole('tab', { name: 'Accounts', exact: true }).click();
        await globex.getByRole('button', { name: 'Umbrella', exact: true }).waitFor();
        expect(await s.page.evaluate(() => window.s2s!.orgs().map((o) => o.name))).toEqual([
          'Acme',
          'Globex',
          'Initech',
        ]);
        expect(s.problems).toEqual([]);
      } finally {
        await s.close();
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
