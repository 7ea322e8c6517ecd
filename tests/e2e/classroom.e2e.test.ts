import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSandbox, waitForApp } from './browser.ts';
import { seriousViolations } from './axe.ts';
import { workspaceOf } from './workspace.ts';

/** Counts the clicks a person makes, so a test can say how many a path takes. */
function counted(page: Page) {
  let clicks = 0;
  return {
    click: async (name: string | RegExp, role: 'button' = 'button') => {
      clicks++;
      await page.getByRole(role, { name }).click();
    },
    get clicks() {
      return clicks;
    },
  };
}

describe('the classroom', () => {
  it('a newcomer sees a record synced between two orgs within three clicks of a cold URL', async () => {
    const s = await openSandbox({ firstVisit: true });
    try {
      const page = s.page;
      const welcome = page.getByRole('dialog', { name: 'Welcome to S2S Sandbox' });
      await welcome.waitFor();
      for (const choice of ['Take the guided tour', 'Open a preset', 'Start with an empty sandbox'])
        expect(await welcome.getByRole('button', { name: new RegExp(`^${choice}`) }).count()).toBe(
          1,
        );
      await page.waitForTimeout(300);
      expect(await seriousViolations(page)).toEqual([]);
      await s.screenshot('classroom-first-screen');

      const user = counted(page);
      await user.click(/^Open a preset/);
      await user.click(/^Two divisions after an acquisition/);
      // It opens paused at its start; Play the story sets it going.
      await page.getByRole('button', { name: 'Play the story' }).waitFor({ timeout: 15_000 });
      expect(await page.evaluate(() => window.s2sApp!.session.clock.playing)).toBe(false);
      await user.click('Play the story');
      // The clock plays: the forwarded Account arrives and is accepted in the other org.
      const fabrikam = workspaceOf(page, 'Fabrikam (acquired)');
      const tailspin = workspaceOf(page, 'Tailspin Group');
      await fabrikam
        .getByRole('link', { name: 'Blue Yonder Airlines' })
        .or(fabrikam.getByRole('button', { name: 'Blue Yonder Airlines' }))
        .first()
        .waitFor();
      const copy = tailspin
        .getByRole('row')
        .filter({ hasText: 'Blue Yonder Airlines' })
        .filter({ hasText: 'Received from Fabrikam (acquired)' });
      await copy.waitFor({ timeout: 20_000 });
      expect(user.clicks).toBeLessThanOrEqual(3);
      const note = page.getByRole('region', { name: 'Preset: what to watch' });
      expect(await note.innerText()).toContain('accepted with their parent');
      await s.screenshot('classroom-preset');

      // Seen once: a reload goes straight to the sandbox.
      await page.reload();
      await waitForApp(page);
      await page.getByRole('region', { name: 'Preset: what to watch' }).waitFor();
      expect(await welcome.count()).toBe(0);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('the Presets menu lists every preset, opens one as a new saved sandbox, and passes axe', async () => {
    const s = await openSandbox();
    try {
      const page = s.page;
      await waitForApp(page);
      const before = await page.evaluate(() => window.s2sApp!.session.sandboxes.length);
      await page.getByRole('button', { name: 'Presets' }).click();
      const menu = page.getByRole('group', { name: 'Presets' });
      await menu.waitFor();
      expect(await menu.getByRole('button').count()).toBe(11);
      expect(await seriousViolations(page)).toEqual([]);
      await s.screenshot('classroom-presets-menu');
      await menu.getByRole('button', { name: /^Edge case: concurrent edits/ }).click();
      await menu.waitFor({ state: 'detached' });
      await expect
        .poll(() => page.getByTestId('sandbox-name').innerText(), { timeout: 15_000 })
        .toBe('Edge case: concurrent edits on a two-way share');
      expect(await page.evaluate(() => window.s2sApp!.session.sandboxes.length)).toBe(before + 1);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('#preset= opens a preset, on a cold load and pasted into an open tab', async () => {
    const s = await openSandbox({ hash: '#preset=paused-edits' });
    try {
      const page = s.page;
      await waitForApp(page);
      await expect
        .poll(() => page.getByTestId('sandbox-name').innerText(), { timeout: 15_000 })
        .toBe('Edge case: edits while the connection is paused');
      expect(new URL(page.url()).hash).toBe('');
      // SYNC-4: the three edits are held on the paused link.
      await expect
        .poll(() => page.evaluate(() => window.s2s!.inFlight().filter((m) => m.held).length), {
          timeout: 15_000,
        })
        .toBe(3);
      await page.evaluate(() => (location.hash = '#preset=regional-cases'));
      await expect
        .poll(() => page.getByTestId('sandbox-name').innerText(), { timeout: 15_000 })
        .toBe('Regional org ↔ global HQ: Cases two-way');
      await page.evaluate(() => (location.hash = '#preset=no-such-preset'));
      await page.getByText('There is no preset called “no-such-preset”.').waitFor();
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it("Reset rebuilds the preset's start in place of the played sandbox, after a confirmation", async () => {
    const s = await openSandbox({ hash: '#preset=master-overwrites' });
    try {
      const page = s.page;
      await waitForApp(page);
      const note = page.getByRole('region', { name: 'Preset: what to watch' });
      await note.waitFor();
      await page.evaluate(() => window.s2sApp!.session.clock.runUntilIdle());
      const played = await page.evaluate(() => ({
        id: window.s2sApp!.sessionId,
        commands: window.s2s!.scenario().commands.length,
        count: window.s2sApp!.session.sandboxes.length,
      }));
      await note.getByRole('button', { name: 'Reset to the preset’s start…' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Reset to the preset’s start?' });
      expect(await confirm.innerText()).toContain('replaces this one');
      await confirm.getByRole('button', { name: 'Reset' }).click();
      await expect
        .poll(() => page.evaluate(() => window.s2sApp!.sessionId), { timeout: 15_000 })
        .not.toBe(played.id);
      // The played one is deleted once the fresh one is open: the menu does not fill with copies.
      await expect
        .poll(() => page.evaluate(() => window.s2sApp!.session.sandboxes.length), {
          timeout: 15_000,
        })
        .toBe(played.count);
      const fresh = await page.evaluate(() => ({
        commands: window.s2s!.scenario().commands.length,
        count: window.s2sApp!.session.sandboxes.length,
        names: window.s2sApp!.session.sandboxes.map((m) => m.name),
      }));
      expect(fresh.commands).toBe(played.commands - 1);
      expect(fresh.names.filter((n) => n.startsWith('Edge case: the master'))).toHaveLength(1);
      await note.waitFor();
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('presenter mode: from the header or P (not while typing), slow motion, dock hidden, kept on reload', async () => {
    const s = await openSandbox({ hash: '#preset=acquisition-accounts' });
    try {
      const page = s.page;
      await waitForApp(page);
      const presenter = page.getByRole('button', { name: 'Presenter' });
      await presenter.waitFor();
      const on = () => page.evaluate(() => document.documentElement.hasAttribute('data-presenter'));
      await presenter.click();
      await expect.poll(on, { timeout: 15_000 }).toBe(true);
      expect(await presenter.getAttribute('aria-pressed')).toBe('true');
      expect(await page.evaluate(() => window.s2sApp!.session.clock.speed)).toBe(0.5);
      expect(await page.getByRole('region', { name: 'Simulation panels' }).isVisible()).toBe(false);
      expect(
        await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize)),
      ).toBeGreaterThan(18);
      await s.screenshot('classroom-presenter');
      await page.reload();
      await waitForApp(page);
      await expect.poll(on, { timeout: 15_000 }).toBe(true);
      await expect.poll(() => page.evaluate(() => window.s2sApp!.session.clock.speed)).toBe(0.5);
      // P while typing in a field types a P; elsewhere it toggles (back to the Workspaces layout).
      await page.locator('body').click({ position: { x: 5, y: 400 } });
      await page.keyboard.press('p');
      await expect.poll(on).toBe(false);
      const acme = workspaceOf(page, 'Fabrikam (acquired)');
      await acme.getByRole('tab', { name: 'Accounts' }).click();
      await page.getByRole('button', { name: 'New', exact: true }).first().click();
      const form = page.getByRole('dialog', { name: 'New Account' });
      await form.getByRole('textbox').first().fill('');
      await form.getByRole('textbox').first().press('p');
      expect(await on()).toBe(false);
      await form.getByRole('button', { name: 'Cancel' }).click();
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('Help explains when to use S2S against MuleSoft, events and Salesforce Connect, and its retirement', async () => {
    const s = await openSandbox();
    try {
      const page = s.page;
      await waitForApp(page);
      await page.getByRole('button', { name: 'Help' }).click();
      const help = page.getByRole('dialog', { name: 'Help: when to use S2S' });
      await help.waitFor();
      const text = await help.innerText();
      for (const words of [
        'MuleSoft',
        'Platform Events / Change Data Capture',
        'Salesforce Connect',
        'live view',
        'scheduled for retirement (Spring ’27)',
      ])
        expect(text).toContain(words);
      expect(await seriousViolations(page)).toEqual([]);
      await help.getByRole('button', { name: 'Show the welcome screen' }).click();
      await page.getByRole('dialog', { name: 'Welcome to S2S Sandbox' }).waitFor();
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('the first screen and a tour step pass axe in the dark and high-contrast themes', async () => {
    const s = await openSandbox({ firstVisit: true });
    try {
      const page = s.page;
      for (const theme of ['dark', 'contrast']) {
        await page.evaluate((t) => {
          localStorage.setItem('s2s-theme', t);
          localStorage.removeItem('s2s-welcome-seen');
          localStorage.removeItem('s2s-tour');
        }, theme);
        await page.reload();
        await waitForApp(page);
        await page.getByRole('dialog', { name: 'Welcome to S2S Sandbox' }).waitFor();
        await page.waitForTimeout(300);
        expect(await seriousViolations(page), theme).toEqual([]);
        await page.getByRole('button', { name: /^Take the guided tour/ }).click();
        await page
          .getByRole('dialog', { name: 'Enable Salesforce to Salesforce in Acme' })
          .waitFor();
        await page.waitForTimeout(300);
        expect(await seriousViolations(page), theme).toEqual([]);
      }
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
