import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { it } from './appTest.ts';
import { seriousViolations, seriousViolationsInThemes } from './axe.ts';
import { connectAcmeAndGlobex, forwardAccounts } from './story.ts';
import { fieldByLabel, openList, workspaceOf } from './workspace.ts';

// The record page as a person uses it: the object's tab goes back to the list, "Follow this
// record", the header's badges after sharing stops, Convert on a converted Lead, and focus
// going back to the control that opened a confirmation.

/** What has focus, by role and accessible text, so a failure says where focus went. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}`;
  });

describe('the record page', () => {
  it("REC-4, REC-6, HLT-1: Follow this record, refusals and Health name the record, Stop Sharing drops the Shared badge, focus stays on the page, and the object's tab returns to the list", async ({
    app: s,
  }) => {
    const page = s.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await connectAcmeAndGlobex(page);
    await forwardAccounts(page, 1);
    await page.evaluate(() => window.s2s!.runUntilIdle());
    const acme = workspaceOf(page, 'Acme');
    await openList(acme, 'Accounts');
    await acme.getByRole('button', { name: 'Initech 0', exact: true }).click();
    await acme.getByRole('heading', { name: 'Initech 0' }).waitFor();
    expect(await acme.getByText('Shared', { exact: true }).count()).toBe(1);

    // Follow this record: the canvas shows only its messages and says so.
    await acme.getByRole('button', { name: 'Follow this record' }).click();
    const banner = page.getByTestId('following');
    await expect.poll(() => banner.innerText()).toContain('Following Initech 0');
    expect(await acme.getByRole('button', { name: 'Stop following' }).count()).toBe(1);
    await s.screenshot('record-page-following');

    // A refusal names the record, its Id beside the name (REC-6).
    const id = await page.evaluate(
      () =>
        window
          .s2s!.records('acme', { object: 'Account' })
          .find((r) => r.fields.Name === 'Initech 0')!.Id,
    );
    await acme.getByRole('button', { name: 'Forward to Connection(s)' }).click();
    const fwd = page.getByRole('dialog', { name: 'Forward to Connection(s)' });
    await fwd.getByRole('checkbox', { name: 'Globex Corp' }).check();
    await fwd.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => fwd.getByRole('alert').innerText())
      .toContain(`Initech 0 (${id}) is already shared with Globex Corp.`);
    await s.screenshot('record-refusal-named');
    await fwd.getByRole('button', { name: 'Cancel' }).click();
    await fwd.waitFor({ state: 'detached' });

    // SYNC-5: a failed update in Health is named too, with the copy's Id as secondary text.
    const copy = await page.evaluate(() => {
      const s2s = window.s2s!;
      const [acmeOrg, globexOrg] = s2s.orgs();
      s2s.dispatch({
        type: 'validationRule.add',
        org: 'globex',
        as: globexOrg!.adminId,
        rule: {
          object: 'Account',
          field: 'Phone',
          operator: 'contains',
          value: 'x',
          message: 'No extensions',
        },
      });
      const acc = s2s
        .records('acme', { object: 'Account' })
        .find((r) => r.fields.Name === 'Initech 0')!;
      s2s.dispatch({
        type: 'record.update',
        org: 'acme',
        as: acmeOrg!.adminId,
        id: acc.Id,
        values: { Phone: '555 x12' },
      });
      s2s.runUntilIdle();
      return s2s.copiesOf('acme', acc.Id)[1]!.recordId!;
    });
    const globex = workspaceOf(page, 'Globex');
    await globex.getByRole('tab', { name: 'Health', exact: true }).click();
    // The connection's Failed updates come first, then the owner's notifications.
    const [failure, note] = [0, 1].map((n) =>
      globex.getByRole('listitem').filter({ hasText: 'No extensions' }).nth(n),
    );
    await expect.poll(() => failure!.innerText()).toContain('Initech 0');
    expect(await failure!.locator('.api-value').innerText()).toBe(copy);
    expect(await note!.innerText()).toContain(`Initech 0 (${copy}) from Acme failed`);
    await s.screenshot('health-failure-named');
    expect(await seriousViolationsInThemes(page, '[aria-label="Globex workspace"]')).toEqual([]);

    // Stop Sharing: the confirmation's opener goes away with the live share; focus stays in
    // the workspace, and the header no longer says Shared.
    const sharing = acme.getByRole('region', { name: 'External Sharing' });
    await sharing.getByRole('button', { name: 'Stop Sharing' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Stop Sharing' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('button:Stop Sharing');
    await sharing.getByRole('button', { name: 'Stop Sharing' }).click();
    await confirm.getByRole('button', { name: 'Stop Sharing' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.evaluate(() => window.s2s!.runUntilIdle());
    await expect.poll(() => sharing.innerText()).toContain('Inactive');
    await expect.poll(() => acme.getByText('Shared', { exact: true }).count()).toBe(0);
    expect(await focused(page)).not.toBe('body');
    expect(
      await acme.evaluate((ws) => ws.contains(document.activeElement)),
      'focus stays in the workspace',
    ).toBe(true);
    await s.screenshot('record-page-stopped');

    // Clicking the object's tab while its record page is open shows the list view.
    await acme.getByRole('tab', { name: 'Accounts', exact: true }).click();
    await acme.getByRole('button', { name: 'New', exact: true }).waitFor();
    expect(await acme.getByRole('button', { name: '← Back to list' }).count()).toBe(0);
    expect(await acme.getByRole('heading', { name: 'Accounts', exact: true }).count()).toBe(1);
    await s.screenshot('record-tab-back-to-list');
    await banner.getByRole('button', { name: 'Stop following' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(s.problems).toEqual([]);
  });

  it('REC-5: Convert is not offered on a converted Lead; a confirmation gives focus back to its opener', async ({
    app: s,
  }) => {
    const page = s.page;
    const acme = workspaceOf(page, 'Acme');
    await openList(acme, 'Leads');
    await acme.getByRole('button', { name: 'New', exact: true }).click();
    const form = page.getByRole('dialog', { name: 'New Lead' });
    await fieldByLabel(form, 'Last Name').pressSequentially('Gilfoyle');
    await fieldByLabel(form, 'Company').pressSequentially('Pied Piper');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await acme.getByRole('heading', { name: 'Gilfoyle' }).waitFor();

    const convert = acme.getByRole('button', { name: 'Convert', exact: true });
    await convert.click();
    const dialog = page.getByRole('alertdialog', { name: 'Convert Lead' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('button:Convert');
    // The keyboard reopens it from there; Escape closes it and focus is back again.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('button:Convert');

    await convert.click();
    await dialog.getByRole('button', { name: 'Convert' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => acme.getByText('Converted', { exact: true }).count()).toBe(1);
    expect(await convert.count()).toBe(0);
    expect(await focused(page)).not.toBe('body');
    await s.screenshot('record-page-converted');
    expect(await seriousViolationsInThemes(page, '[aria-label="Acme workspace"]')).toEqual([]);
    expect(s.problems).toEqual([]);
  });

  it("the header's confirmations give focus back too, and Import's name is its visible label", async ({
    app: s,
  }) => {
    const page = s.page;
    const reset = page.getByRole('button', { name: 'Reset to the start' });
    await reset.click();
    const dialog = page.getByRole('dialog', { name: 'Reset to the start?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('button:Reset to the start');

    await page.getByRole('button', { name: /^Sandbox .*, menu$/ }).click();
    // WCAG 2.5.3: the name a speech user says is the label they see.
    for (const label of ['Import…', 'Export']) {
      const button = page.getByRole('button', { name: label, exact: true });
      expect(await button.count(), label).toBe(1);
      expect((await button.innerText()).trim()).toBe(label);
    }
    await s.screenshot('sandbox-menu-labels');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(s.problems).toEqual([]);
  });
});
