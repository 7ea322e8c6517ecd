import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { it } from './appTest.ts';
import { openSandbox, waitForApp, type Session } from './browser.ts';
import { seriousViolations } from './axe.ts';
import { openList, openTab, workspaceOf } from './workspace.ts';

// The header's Theme select, the saved choice surviving a reload, the system preference used
// when nothing is saved, and axe (colour contrast included) on each palette with workspace
// screens open. Each palette is photographed to be looked at.

const themeOf = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
const colours = (page: Page) =>
  page.evaluate(() => {
    const html = getComputedStyle(document.documentElement);
    return { background: html.backgroundColor, ink: getComputedStyle(document.body).color };
  });

async function openScreens(page: Page) {
  await openTab(workspaceOf(page, 'Acme'), 'Setup');
  await openList(workspaceOf(page, 'Globex'), 'Accounts');
}

async function choose(s: Session, label: string, expected: string | undefined, shot: string) {
  await s.page.getByLabel('Theme').selectOption({ label });
  expect(await themeOf(s.page)).toBe(expected);
  await s.screenshot(shot);
  expect(await seriousViolations(s.page), `axe on ${label}`).toEqual([]);
}

describe('colour themes', () => {
  it('switches to Dark and High contrast from the header, each passing axe', async ({ app: s }) => {
    await openScreens(s.page);
    await choose(s, 'Dark', 'dark', 'theme-dark');
    expect(await colours(s.page)).toEqual({
      background: 'rgb(21, 23, 27)',
      ink: 'rgb(233, 235, 238)',
    });
    // A dialog over the dimmed page, in the dark palette.
    await workspaceOf(s.page, 'Globex').getByRole('button', { name: 'New', exact: true }).click();
    const form = s.page.getByRole('dialog', { name: 'New Account' });
    await form.waitFor();
    await s.screenshot('theme-dark-dialog');
    expect(await seriousViolations(s.page), 'axe on a dark dialog').toEqual([]);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    await choose(s, 'High contrast', 'contrast', 'theme-contrast');
    expect(await colours(s.page)).toEqual({
      background: 'rgb(255, 255, 255)',
      ink: 'rgb(0, 0, 0)',
    });
  });

  it('keeps the choice over a reload, and System forgets it', async ({ app: s }) => {
    await s.page.reload();
    await waitForApp(s.page);
    expect(await themeOf(s.page)).toBe('contrast');
    await expect.poll(() => s.page.getByLabel('Theme').inputValue()).toBe('contrast');

    await openScreens(s.page);
    await choose(s, 'Light', 'light', 'theme-light');
    expect(await colours(s.page)).toEqual({
      background: 'rgb(243, 243, 243)',
      ink: 'rgb(24, 24, 24)',
    });
    await s.page.getByLabel('Theme').selectOption({ label: 'System' });
    // Nothing saved; the palette is the system's (light in this browser).
    expect(await themeOf(s.page)).toBe('light');
    expect(await s.page.evaluate(() => localStorage.getItem('s2s-theme'))).toBeNull();
    expect(s.problems).toEqual([]);
  });

  it('follows the system: dark, or high contrast, when nothing is saved', async () => {
    const s = await openSandbox();
    try {
      await s.page.emulateMedia({ colorScheme: 'dark' });
      await waitForApp(s.page);
      expect(await themeOf(s.page)).toBe('dark');
      expect(await colours(s.page)).toEqual({
        background: 'rgb(21, 23, 27)',
        ink: 'rgb(233, 235, 238)',
      });
      // An invitation on the wire: the dark canvas draws its token, label and edge.
      await s.page.evaluate(() => {
        const s2s = window.s2s!;
        window.s2sApp!.pause();
        const [acme, globex] = s2s.orgs();
        const A = acme!.adminId;
        s2s.run([
          { type: 's2s.enable', org: 'acme', as: A },
          { type: 's2s.enable', org: 'globex', as: globex!.adminId },
        ]);
        const [account] = s2s.run([
          {
            type: 'record.create',
            org: 'acme',
            as: A,
            object: 'Account',
            values: { Name: 'Globex' },
          },
        ]);
        const [contact] = s2s.run([
          {
            type: 'record.create',
            org: 'acme',
            as: A,
            object: 'Contact',
            values: {
              LastName: 'Lee',
              Email: 'lee@globex.example.com',
              AccountId: (account as { id: string }).id,
            },
          },
        ]);
        s2s.run([
          {
            type: 'connection.invite',
            org: 'acme',
            as: A,
            contactId: (contact as { id: string }).id,
          },
        ]);
        s2s.advance(500);
      });
      await expect
        .poll(() => s.page.getByTestId('token-layer').getAttribute('data-tokens'))
        .toBe('1');
      await s.screenshot('theme-dark-canvas');
      expect(await seriousViolations(s.page), 'axe on the dark canvas').toEqual([]);
      await s.page.emulateMedia({ colorScheme: 'dark', contrast: 'more' });
      await expect.poll(() => themeOf(s.page)).toBe('contrast');
      expect((await colours(s.page)).ink).toBe('rgb(0, 0, 0)');
      await s.page.emulateMedia({ colorScheme: 'light', contrast: null });
      await expect.poll(() => themeOf(s.page)).toBe('light');
      expect(await colours(s.page)).toEqual({
        background: 'rgb(243, 243, 243)',
        ink: 'rgb(24, 24, 24)',
      });
    } finally {
      await s.close();
    }
  });
});
