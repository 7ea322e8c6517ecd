import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { it } from './appTest.ts';
import { waitForApp } from './browser.ts';
import { seriousViolations, seriousViolationsInThemes } from './axe.ts';
import { connectAcmeAndGlobex, forwardAccounts } from './story.ts';
import { openConnection, openTab, runUntilIdle, workspaceOf } from './workspace.ts';

// Lines that went stale or did not follow what was typed: the partner's note after an
// invitation is cancelled, the API name filled from the label, the Timeline's Record filter
// as you type, and the sync-lag chart's scale and theme colours.

const newForm = (ws: Locator, name: string) => ws.getByRole('region', { name, exact: true });

/** The tick labels the lag chart drew last, per axis (uPlot draws them on its canvas). */
const ticks = (page: Page) =>
  page
    .getByTestId('lag-chart')
    .evaluate((el) => [
      JSON.parse((el as HTMLElement).dataset.xTicks ?? '[]') as string[],
      JSON.parse((el as HTMLElement).dataset.yTicks ?? '[]') as string[],
    ]);

/** How many of the chart's pixels are drawn in the theme's ink (axis text and ticks). */
const inkPixels = (page: Page) =>
  page.getByTestId('lag-chart').evaluate((el) => {
    const ink = getComputedStyle(document.documentElement).getPropertyValue('--ink').trim();
    const probe = document.createElement('canvas').getContext('2d')!;
    probe.fillStyle = ink;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    const canvas = el.querySelector('canvas')!;
    const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4)
      if (
        px[i + 3]! > 200 &&
        Math.abs(px[i]! - r!) + Math.abs(px[i + 1]! - g!) + Math.abs(px[i + 2]! - b!) < 12
      )
        n++;
    return n;
  });

describe('lines that follow what happens', () => {
  it('the API name is filled in from the label as it is typed, until the API name is typed', async ({
    app: s,
  }) => {
    const acme = workspaceOf(s.page, 'Acme');
    await openTab(acme, 'Setup');
    await acme.getByRole('tab', { name: 'Object Manager', exact: true }).click();
    await acme.getByRole('button', { name: 'New Custom Object' }).click();
    const object = newForm(acme, 'New Custom Object');
    await object.getByLabel('Label', { exact: true }).pressSequentially('Sales Region');
    expect(await object.getByLabel(/Object Name/).inputValue()).toBe('Sales_Region__c');
    await object.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => acme.getByRole('tab', { name: 'Sales Regions' }).count()).toBe(1);

    await acme.getByRole('button', { name: 'New Field' }).click();
    const field = newForm(acme, 'New Field');
    await field.getByLabel('Data Type').selectOption({ label: 'Text' });
    const label = field.getByLabel('Field Label');
    const api = field.getByLabel(/Field Name/);
    await label.pressSequentially('Net Revenue');
    expect(await api.inputValue()).toBe('Net_Revenue__c');
    await api.scrollIntoViewIfNeeded();
    await s.screenshot('stale-api-name-from-label');
    expect(await seriousViolationsInThemes(s.page, '[aria-label="Acme workspace"]')).toEqual([]);
    // Once the API name is typed, the label no longer changes it.
    await api.clear();
    await api.pressSequentially('Revenue__c');
    await label.click();
    await label.press('End');
    await label.pressSequentially(' EUR');
    expect(await label.inputValue()).toBe('Net Revenue EUR');
    expect(await api.inputValue()).toBe('Revenue__c');
    await field.getByLabel('Length').fill('20');
    await field.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => acme.getByRole('row', { name: /Revenue__c/ }).count()).toBe(1);
    expect(s.problems).toEqual([]);
  });

  it("the Timeline's Record filter applies as each key is typed", async ({ app: s }) => {
    const page = s.page;
    await connectAcmeAndGlobex(page);
    const dock = page.getByRole('region', { name: 'Simulation panels' });
    await dock.getByRole('tab', { name: 'Timeline' }).click();
    const count = dock.getByRole('status').filter({ hasText: /events$/ });
    const all = await count.innerText();
    const id = await page.evaluate(() => window.s2s!.records('acme', { object: 'Contact' })[0]!.Id);
    const record = dock.getByRole('textbox', { name: 'Record' });
    await record.pressSequentially(id);
    // No Enter: the list already shows only that record's events.
    await expect.poll(() => count.innerText()).not.toBe(all);
    const texts = await dock.locator('li[data-event]').allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).toContain(id);
    await s.screenshot('stale-record-filter-typed');
    await dock.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => count.innerText()).toMatch(/^(\d+) of \1 events$/);
  });

  it('HLT-1: the sync-lag chart has a scale with units, in the colours of each theme', async ({
    app: s,
  }) => {
    const page = s.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await forwardAccounts(page, 3);
    await page.evaluate(() => {
      const s2s = window.s2s!;
      const acme = s2s.orgs()[0]!;
      s2s.runUntilIdle();
      for (const r of s2s.records('acme', { object: 'Account' }).slice(1))
        s2s.dispatch({
          type: 'record.update',
          org: 'acme',
          as: acme.adminId,
          id: r.Id,
          values: { Phone: '555-9999' },
        });
      s2s.runUntilIdle();
    });
    const dock = page.getByRole('region', { name: 'Simulation panels' });
    await dock.getByRole('tab', { name: 'Sync lag' }).click();
    await page.getByTestId('lag-chart').locator('canvas').waitFor();
    await expect.poll(async () => (await ticks(page))[1]!.length).toBeGreaterThan(0);
    const [x, y] = await ticks(page);
    expect(x!.length, `x ticks ${x!.join(' ')}`).toBeGreaterThanOrEqual(3);
    expect(y!.length, `y ticks ${y!.join(' ')}`).toBeGreaterThanOrEqual(3);
    expect(x!.every((t) => / s$/.test(t))).toBe(true);
    expect(y!.every((t) => / (ms|s)$/.test(t))).toBe(true);
    await s.screenshot('lag-chart-light');

    const inks: string[] = [];
    for (const [label, shot] of [
      ['Dark', 'lag-chart-dark'],
      ['High contrast', 'lag-chart-contrast'],
      ['Light', 'lag-chart-light-again'],
    ] as const) {
      await page.getByLabel('Theme').selectOption({ label });
      // The axes are drawn again in the theme's ink, without reopening the tab.
      await expect
        .poll(() => inkPixels(page), { message: `${label} ink on the chart` })
        .toBeGreaterThan(40);
      inks.push(
        await page.evaluate(() =>
          getComputedStyle(document.documentElement).getPropertyValue('--ink').trim(),
        ),
      );
      await s.screenshot(shot);
      expect(await seriousViolations(page, '.dock'), `axe in ${label}`).toEqual([]);
    }
    expect(new Set(inks).size).toBe(3);
    expect(s.problems).toEqual([]);
  });
  it('CONN-3: after the sender cancels the invitation, the partner no longer reads that it waits for a decision', async ({
    app: s,
  }) => {
    const page = s.page;
    // A sandbox of its own: the others' connection is accepted already.
    await page.evaluate(() => window.s2sApp!.session.createNew('Invitations'));
    await waitForApp(page);
    await connectAcmeAndGlobex(page, false);
    const globex = workspaceOf(page, 'Globex');
    await openConnection(globex);
    await globex.getByRole('button', { name: 'Decide Later' }).click();
    const note = globex.getByRole('status').filter({ hasText: 'waits for your decision' });
    expect(await note.count()).toBe(1);

    const acme = workspaceOf(page, 'Acme');
    await openConnection(acme);
    await acme.getByRole('button', { name: 'Cancel Invitation' }).click();
    await runUntilIdle(page);
    await expect.poll(() => globex.getByText('Inactive').count()).toBeGreaterThan(0);
    expect(await note.count()).toBe(0);
    expect(await globex.getByRole('button', { name: 'Decide Later' }).count()).toBe(0);
    await s.screenshot('stale-invitation-cancelled');
    expect(await seriousViolationsInThemes(page, '[aria-label="Globex workspace"]')).toEqual([]);
  });
});
