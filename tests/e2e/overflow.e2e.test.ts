import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { it } from './appTest.ts';
import { seriousViolationsInThemes } from './axe.ts';
import { connectAcmeAndGlobex, forwardAccounts } from './story.ts';

// The page never scrolls sideways: long fork names, Compare runs' table and long refused lines
// in the Timeline wrap or scroll inside their own panel (issue: the page grew to 1,600 px).

const sideways = (page: Page) =>
  page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));

/** A refused forward: the long sentence the Timeline lists under "refused". */
async function refuseForward(page: Page) {
  await page.evaluate(() => {
    const s2s = window.s2s!;
    const acme = s2s.orgs()[0]!;
    const ids = s2s.records('acme', { object: 'Contact' }).map((r) => r.Id);
    s2s.dispatch({
      type: 'record.forward',
      org: 'acme',
      as: acme.adminId,
      recordIds: ids,
      connectionIds: [s2s.connections('acme')[0]!.Id],
    });
  });
}

describe('the page keeps to the window', () => {
  it('at 1280×720, with a fork compared and a refused command in the Timeline, nothing scrolls sideways', async ({
    app: s,
  }) => {
    const page = s.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await connectAcmeAndGlobex(page);
    await forwardAccounts(page, 3);
    await page.evaluate(() => window.s2s!.runUntilIdle());
    // Rewind and act: the run forks, and the fork's long name becomes the sandbox's.
    await page.evaluate(() => {
      const t = window.s2sApp!.session.timeline;
      return t.seek(Math.floor(t.total / 2));
    });
    await page.evaluate(() => {
      const s2s = window.s2s!;
      const acme = s2s.orgs()[0]!;
      const acc = s2s.records('acme', { object: 'Account' })[0]!;
      s2s.dispatch({
        type: 'record.update',
        org: 'acme',
        as: acme.adminId,
        id: acc.Id,
        values: { Phone: '555-FORK' },
      });
    });
    await expect
      .poll(() => page.evaluate(() => window.s2sApp!.session.timeline.forks.length))
      .toBe(1);
    await refuseForward(page);

    const dock = page.getByRole('region', { name: 'Simulation panels' });
    await dock.getByRole('tab', { name: 'Timeline' }).click();
    await dock.getByRole('button', { name: 'Compare runs' }).click();
    await dock.getByRole('status').filter({ hasText: /ended/ }).waitFor();
    await dock.getByRole('combobox', { name: 'Kind' }).selectOption('refused');
    await dock.locator('li[data-kind="refused"]').first().waitFor();
    await s.screenshot('overflow-1280-fork-refused');

    const w = await sideways(page);
    expect(w.scrollWidth, 'page width with a fork and a refused line').toBeLessThanOrEqual(
      w.innerWidth,
    );
    // The refused line can be read whole: it wraps in its own row, nothing is cut off.
    const row = dock.locator('li[data-kind="refused"] .text').first();
    expect(
      await row.evaluate((el) => el.scrollWidth <= el.clientWidth + 1),
      'the refused sentence is not cut off',
    ).toBe(true);
    // The header's Theme control stays in the window.
    const theme = await page.getByLabel('Theme').boundingBox();
    expect(theme!.x + theme!.width).toBeLessThanOrEqual(1280);
    expect(await seriousViolationsInThemes(page, '.dock')).toEqual([]);

    await page.setViewportSize({ width: 1920, height: 1080 });
    await s.screenshot('overflow-1920-fork-refused');
    const wide = await sideways(page);
    expect(wide.scrollWidth).toBeLessThanOrEqual(wide.innerWidth);
    expect(s.problems).toEqual([]);
  });
});
