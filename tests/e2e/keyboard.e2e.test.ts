import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { it } from './appTest.ts';
import { workspaceOf } from './workspace.ts';

// The main path with the keyboard alone: Tab and Shift+Tab to move, Enter and Space to act,
// arrows inside tab lists and selects, typing into fields. No mouse click anywhere.

/** What a screen reader would announce for the focused element, roughly: its name or text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const labelled = el.getAttribute('aria-label');
    if (labelled) return labelled;
    const id = el.id;
    const label = id ? document.querySelector(`label[for="${id}"]`) : el.closest('label');
    return (label?.textContent ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/**
 * Presses Tab until the focused element's name matches (staying put when it already does, as
 * when a dialog focuses its first field); fails if it is never reached.
 */
async function tabTo(page: Page, name: RegExp, within = 80): Promise<void> {
  for (let i = 0; i <= within; i++) {
    if (i > 0) await page.keyboard.press('Tab');
    if (name.test(await focusedName(page))) {
      // Focus must be visible where it lands.
      const outline = await page.evaluate(
        () => getComputedStyle(document.activeElement!).outlineStyle,
      );
      expect(outline, `focus ring on ${name}`).not.toBe('none');
      return;
    }
  }
  throw new Error(`${name} was not reached with Tab in ${within} presses`);
}

async function tabToTab(page: Page, org: string, tab: string) {
  // A tab list is one Tab stop; the arrows move inside it (and open the tab).
  await tabTo(page, new RegExp(`^(Setup|Connections|Accounts|Contacts)$`));
  const list = workspaceOf(page, org).getByRole('tablist').first();
  for (let i = 0; i < 10; i++) {
    if ((await focusedName(page)) === tab) break;
    await page.keyboard.press('ArrowRight');
  }
  expect(await focusedName(page)).toBe(tab);
  await page.keyboard.press('Enter');
  await expect
    .poll(() => list.getByRole('tab', { name: tab, exact: true }).getAttribute('aria-selected'))
    .toBe('true');
}

describe('keyboard only', () => {
  it('enables S2S, creates the partner Contact, invites and accepts without a mouse', async ({
    app: s,
  }) => {
    const { page } = s;
    await page.evaluate(() => window.s2sApp!.pause());
    await page.locator('body').focus();

    for (const org of ['Acme', 'Globex']) {
      await page.locator('body').focus();
      await page
        .getByRole('region', { name: `${org} workspace` })
        .getByLabel('Current user')
        .focus();
      await tabTo(page, /^Enable$/);
      await page.keyboard.press('Enter');
      const confirm = page.getByRole('alertdialog');
      await confirm.waitFor();
      // Focus is trapped in the dialog; Tab reaches its confirm button.
      await tabTo(page, /^Enable$/, 5);
      await page.keyboard.press('Enter');
      await confirm.waitFor({ state: 'detached' });
      await workspaceOf(page, org).getByRole('tab', { name: 'Connections' }).waitFor();
    }

    const acme = workspaceOf(page, 'Acme');
    await acme.getByLabel('Current user').focus();
    await tabToTab(page, 'Acme', 'Accounts');
    await tabTo(page, /^New$/);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'New Account' }).waitFor();
    await tabTo(page, /^Account Name/, 5);
    await page.keyboard.type('Globex Corp');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'New Account' }).waitFor({ state: 'detached' });

    await acme.getByLabel('Current user').focus();
    await tabToTab(page, 'Acme', 'Contacts');
    await tabTo(page, /^New$/);
    await page.keyboard.press('Enter');
    const contact = page.getByRole('dialog', { name: 'New Contact' });
    await contact.waitFor();
    await tabTo(page, /^Last Name/, 10);
    await page.keyboard.type('Lee');
    await tabTo(page, /^Account Name/, 10);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => contact.getByLabel(/^Account Name/).inputValue()).not.toBe('');
    await tabTo(page, /^Email$/, 20);
    await page.keyboard.type('lee@globex.example.com');
    await tabTo(page, /^Save$/, 80);
    await page.keyboard.press('Enter');
    await contact.waitFor({ state: 'detached' });

    await acme.getByLabel('Current user').focus();
    await tabToTab(page, 'Acme', 'Connections');
    await tabTo(page, /^New$/);
    await page.keyboard.press('Enter');
    const invite = page.getByRole('dialog', { name: 'New Connection' });
    await invite.waitFor();
    await tabTo(page, /^Contact$/, 10);
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => invite.getByLabel('Contact', { exact: true }).inputValue())
      .not.toBe('');
    await tabTo(page, /^Save & Send Invite$/, 10);
    await page.keyboard.press('Enter');
    await invite.waitFor({ state: 'detached' });

    // The header's Run until idle, reached by Shift+Tab from the workspace.
    await acme.getByLabel('Current user').focus();
    for (let i = 0; i < 20 && !/^Run until idle/.test(await focusedName(page)); i++)
      await page.keyboard.press('Shift+Tab');
    expect(await focusedName(page)).toMatch(/^Run until idle/);
    await page.keyboard.press('Enter');

    const globex = workspaceOf(page, 'Globex');
    await globex.getByLabel('Current user').focus();
    await tabToTab(page, 'Globex', 'Connections');
    // A connection not yet usable is named with its status and since when.
    await tabTo(page, /^Acme · Invitation Received since/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Accept$/);
    await page.keyboard.press('Enter');
    const accept = page.getByRole('dialog', { name: 'Accept Invitation' });
    await accept.waitFor();
    await tabTo(page, /^Accept$/, 10);
    await page.keyboard.press('Enter');
    await accept.waitFor({ state: 'detached' });
    await page.evaluate(() => window.s2s!.runUntilIdle());
    await expect
      .poll(() => page.evaluate(() => window.s2s!.connections('acme')[0]?.ConnectionStatus))
      .toBe('Accepted');
    await s.screenshot('keyboard-accepted');
    expect(s.problems).toEqual([]);
  });
});
