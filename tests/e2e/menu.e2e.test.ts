import { describe, expect } from 'vitest';
import { it } from './appTest.ts';
import { seriousViolations } from './axe.ts';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { waitForApp } from './browser.ts';

const currentName = (page: Page) => page.getByTestId('sandbox-name').innerText();

async function openMenu(page: Page) {
  const toggle = page.getByRole('button', { name: /^Sandbox .*, menu$/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.locator('#sandbox-menu').waitFor();
}

async function nameAction(page: Page, action: string, field: string, name: string) {
  await openMenu(page);
  await page.getByRole('button', { name: action }).click();
  await page.getByLabel(field).fill(name);
  await page.keyboard.press('Enter');
  await expect.poll(() => currentName(page)).toBe(name);
}

const savedNames = (page: Page) =>
  page.evaluate(() => window.s2sApp!.session.sandboxes.map((m) => m.name).sort());

describe('the sandbox menu', () => {
  it('creates, renames, duplicates, switches and deletes sandboxes; a reload keeps them', async ({
    app: s,
  }) => {
    const page = s.page;
    // Something to tell "My first sandbox" apart.
    await page.evaluate(() =>
      window.s2s!.run([{ type: 's2s.enable', org: 'acme', as: window.s2s!.orgs()[0]!.adminId }]),
    );
    await nameAction(page, 'New…', 'Name of the new sandbox', 'Second');
    await waitForApp(page);
    expect(await page.evaluate(() => window.s2s!.orgs()[0]!.s2sEnabled)).toBe(false);
    await openMenu(page);
    await s.screenshot('menu-open');
    expect(await seriousViolations(page)).toEqual([]);
    await nameAction(page, 'Rename…', 'New name', 'Second, renamed');
    await nameAction(page, 'Duplicate…', 'Name of the copy', 'Third (a copy)');
    expect(await savedNames(page)).toEqual([
      'My first sandbox',
      'Second, renamed',
      'Third (a copy)',
    ]);

    // Switch back to the first: its change is still there.
    await openMenu(page);
    await page.getByRole('button', { name: 'Open sandbox My first sandbox' }).click();
    await expect.poll(() => currentName(page)).toBe('My first sandbox');
    expect(await page.evaluate(() => window.s2s!.orgs()[0]!.s2sEnabled)).toBe(true);

    // Delete asks first, naming the sandbox; Cancel keeps it.
    await openMenu(page);
    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.innerText()).toContain('“My first sandbox”');
    await s.screenshot('menu-delete-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await savedNames(page)).toHaveLength(3);

    await openMenu(page);
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Delete “My first sandbox”' }).click();
    await expect.poll(() => savedNames(page)).toEqual(['Second, renamed', 'Third (a copy)']);
    const opened = await currentName(page);
    expect(opened).not.toBe('My first sandbox');

    // Switch to the other one, then reload: the list stays and the last opened comes back.
    const other = opened === 'Third (a copy)' ? 'Second, renamed' : 'Third (a copy)';
    await openMenu(page);
    await page.getByRole('button', { name: `Open sandbox ${other}` }).click();
    await expect.poll(() => currentName(page)).toBe(other);
    await page.evaluate(() => window.s2sApp!.flush());
    await page.reload();
    await waitForApp(page);
    await expect.poll(() => currentName(page)).toBe(other);
    expect(await savedNames(page)).toEqual(['Second, renamed', 'Third (a copy)']);
    expect(s.problems).toEqual([]);
  });

  it('exports a file and imports it back; a bad file changes nothing', async ({ app: s }) => {
    const page = s.page;
    await page.evaluate(() =>
      window.s2s!.run([{ type: 's2s.enable', org: 'globex', as: window.s2s!.orgs()[1]!.adminId }]),
    );
    const exportedFrom = await currentName(page);
    await openMenu(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.s2s\.json$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const file = JSON.parse(text) as { app: string; meta: { name: string } };
    expect(file.app).toBe('s2s-sandbox');
    expect(file.meta.name).toBe(exportedFrom);

    const before = await savedNames(page);
    await openMenu(page);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import…', exact: true }).click(),
    ]);
    await chooser.setFiles({
      name: 'good.s2s.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await expect.poll(() => savedNames(page)).toHaveLength(before.length + 1);
    await waitForApp(page);
    expect(
      await page.evaluate(() => window.s2s!.orgs().map((o) => [o.name, o.s2sEnabled])),
    ).toEqual([
      ['Acme', false],
      ['Globex', true],
    ]);

    // A bad file: the store's message is shown, the list and the open sandbox stay as they were.
    const listBefore = await savedNames(page);
    const idBefore = await page.evaluate(() => window.s2sApp!.sessionId);
    await openMenu(page);
    const [bad] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import…', exact: true }).click(),
    ]);
    await bad.setFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"app": "s2s-sandbox", "format": 1, "scen'),
    });
    const error = page.getByTestId('menu-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(
      /^This file is not an S2S Sandbox export: it is not JSON text/,
    );

    // JSON of another shape: said in words, with the validator's finding folded under Details.
    const [other] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import…', exact: true }).click(),
    ]);
    await other.setFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await expect
      .poll(() => error.innerText())
      .toMatch(/^This file is not an S2S Sandbox export: it is JSON, but it lacks/);
    await error.getByText('Details').click();
    expect(await error.getByRole('code').innerText()).toBe('Invalid file: app: is missing.');
    await s.screenshot('menu-import-error');
    expect(await savedNames(page)).toEqual(listBefore);
    expect(await page.evaluate(() => window.s2sApp!.sessionId)).toBe(idBefore);
    expect(s.problems).toEqual([]);
  });
});
