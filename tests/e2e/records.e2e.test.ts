import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { it } from './appTest.ts';
import { connectAcmeAndGlobex, publishAndSubscribe } from './story.ts';
import { seriousViolations } from './axe.ts';
import { openList, runUntilIdle, workspaceOf } from './workspace.ts';

// The record tabs, driven the way a person would: by role and visible label. State is only
// arranged through window.s2s (orgs connected, publications, subscriptions); every step
// under test is a click or a keystroke.

const region = (page: Page, org: 'Acme' | 'Globex') => workspaceOf(page, org);

async function openAccounts(page: Page, org: 'Acme' | 'Globex') {
  const ws = region(page, org);
  await openList(ws, 'Accounts');
  return ws;
}

/** Account published both ways; Globex accepts by hand, Acme automatically. */
async function publishAccounts(page: Page) {
  await publishAndSubscribe(page, [
    { from: 'acme', object: 'Account', fields: ['Name', 'Phone'] },
    { from: 'acme', object: 'Contact', fields: ['LastName', 'Email'] },
    { from: 'globex', object: 'Account', fields: ['Name', 'Phone'], autoAccept: true },
  ]);
}

describe('record tabs', () => {
  it('New Account: a refused save keeps what was typed, then the record is created', async ({
    app: s,
  }) => {
    await connectAcmeAndGlobex(s.page);
    await publishAccounts(s.page);
    const acme = await openAccounts(s.page, 'Acme');
    await acme.getByRole('button', { name: 'New', exact: true }).click();
    const form = s.page.getByRole('dialog', { name: 'New Account' });
    await form.getByLabel('Account Phone').fill('555-0100');
    await form.getByLabel('Industry').selectOption('Technology');
    await form.getByRole('button', { name: 'Save' }).click();
    const refusal = form.getByRole('alert');
    await expect.poll(() => refusal.innerText()).toContain('Account Name: a value is required.');
    expect(await refusal.getByRole('button', { name: 'SYNC-5' }).count()).toBe(1);
    expect(await form.getByLabel('Account Phone').inputValue()).toBe('555-0100');
    expect(await form.getByLabel('Industry').inputValue()).toBe('Technology');
    await s.screenshot('records-new-form-refused');
    expect(await seriousViolations(s.page, '[role="dialog"]')).toEqual([]);
    await form.getByLabel('Account Name').fill('Initech');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.count()).toBe(0);
    // Saving opens the new record's page.
    await expect.poll(() => acme.getByRole('heading', { name: 'Initech' }).count()).toBe(1);
    expect(await acme.getByText('555-0100').count()).toBe(1);
    expect(s.problems).toEqual([]);
  });

  it('Forward to Connection(s) from the list shows the preview, then Save sends it', async ({
    app: s,
  }) => {
    await s.page.evaluate(() => {
      const s2s = window.s2s!;
      const A = s2s.orgs()[0]!.adminId;
      const initech = s2s
        .records('acme', { object: 'Account' })
        .find((r) => r.fields.Name === 'Initech')!;
      s2s.run([
        {
          type: 'record.create',
          org: 'acme',
          as: A,
          object: 'Contact',
          values: { LastName: 'Bolton', AccountId: initech.Id },
        },
      ]);
    });
    const acme = await openAccounts(s.page, 'Acme');
    await acme.getByRole('checkbox', { name: 'Select Initech' }).check();
    await s.screenshot('records-list');
    expect(await seriousViolations(s.page, '[aria-label="Acme workspace"]')).toEqual([]);
    await acme.getByRole('button', { name: 'Forward to Connection(s)' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'Forward to Connection(s)' });
    await dialog.getByRole('checkbox', { name: 'Globex Corp' }).check();
    const preview = dialog.getByRole('region', { name: 'Preview' });
    await expect
      .poll(() => preview.innerText())
      .toContain('1 Account will be sent to Globex Corp.');
    await dialog.getByRole('checkbox', { name: 'Contacts' }).check();
    await expect
      .poll(() => preview.innerText())
      .toContain('1 Account and 1 Contact will be sent to Globex Corp.');
    await s.screenshot('records-forward-preview');
    expect(await seriousViolations(s.page, '[role="dialog"]')).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const row = acme.getByRole('row', { name: /Initech/ });
    await expect.poll(() => row.innerText()).toContain('Pending at Globex Corp');
  });

  it('REC-2: Globex accepts from "Accounts from Connections" and sees where it came from', async ({
    app: s,
  }) => {
    await runUntilIdle(s.page);
    const globex = await openAccounts(s.page, 'Globex');
    const inbox = globex.getByRole('region', { name: /Accounts from Connections/ });
    await expect
      .poll(() => inbox.getByRole('heading').innerText())
      .toBe('Accounts from Connections (1)');
    expect(await inbox.innerText()).toContain('Account Name: Initech');
    await s.screenshot('records-inbox');
    await inbox.getByRole('button', { name: 'Accept' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'Accept Account' });
    expect(await dialog.getByLabel('Owner').count()).toBe(1);
    expect(await dialog.getByLabel('Existing Account').count()).toBe(1);
    await s.screenshot('records-accept-dialog');
    expect(await seriousViolations(s.page, '[role="dialog"]')).toEqual([]);
    await dialog.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(() => inbox.getByRole('heading').innerText())
      .toBe('Accounts from Connections (0)');
    const row = globex.getByRole('row', { name: /Initech/ });
    await expect.poll(() => row.innerText()).toContain('Received from Acme');
    await row.getByRole('button', { name: 'Initech' }).click();
    await expect.poll(() => globex.getByText('Received from Acme').count()).toBe(1);
    const sharing = globex.getByRole('region', { name: 'External Sharing' });
    expect(await sharing.innerText()).toContain('Active (received)');
    const history = globex.getByRole('region', { name: 'Field History' });
    expect(await history.innerText()).toMatch(/Connection User via Acme/);
    await runUntilIdle(s.page);
    const acme = await openAccounts(s.page, 'Acme');
    await expect
      .poll(() => acme.getByRole('row', { name: /Initech/ }).innerText())
      .toContain('Shared with Globex Corp');
  });

  it('an edit shows "travelling … due in" on both copies, then arrives', async ({ app: s }) => {
    const acme = await openAccounts(s.page, 'Acme');
    await acme.getByRole('button', { name: 'Initech', exact: true }).click();
    await acme.getByRole('button', { name: 'Edit' }).click();
    const form = s.page.getByRole('dialog', { name: 'Edit Account' });
    await form.getByLabel('Account Phone').fill('555-0199');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.count()).toBe(0);
    const line = acme.getByRole('status', { name: 'Sync' });
    await expect
      .poll(() => line.innerText())
      .toMatch(/^Update to Account Phone travelling to Globex, due in [\d.]+ (s|ms)$/);
    const globex = region(s.page, 'Globex');
    const gLine = globex.getByRole('status', { name: 'Sync' });
    await expect.poll(() => gLine.innerText()).toMatch(/travelling from Acme, due in/);
    await s.screenshot('records-page-sync-line');
    expect(await seriousViolations(s.page, '[aria-label="Globex workspace"]')).toEqual([]);
    await runUntilIdle(s.page);
    await expect.poll(() => line.innerText()).toBe('In sync');
    await expect.poll(() => gLine.innerText()).toBe('In sync');
    expect(await globex.getByText('555-0199').count()).toBeGreaterThan(0);
    const history = globex.getByRole('region', { name: 'Field History' });
    await expect
      .poll(() =>
        history
          .getByRole('row', { name: /Account Phone/ })
          .first()
          .innerText(),
      )
      .toMatch(/555-0199.*Connection User via Acme/s);
  });

  it('REC-4: Stop Sharing ends the share on both sides', async ({ app: s }) => {
    const acme = region(s.page, 'Acme');
    const sharing = acme.getByRole('region', { name: 'External Sharing' });
    await sharing.getByRole('button', { name: 'Stop Sharing' }).click();
    const confirm = s.page.getByRole('alertdialog', { name: 'Stop Sharing' });
    expect(
      await confirm.getByRole('checkbox', { name: "Also delete the partner's copy" }).isChecked(),
    ).toBe(false);
    expect(await confirm.innerText()).toContain('Salesforce Help documents');
    await confirm.getByRole('button', { name: 'Stop Sharing' }).click();
    await expect.poll(() => sharing.innerText()).toContain('Inactive');
    expect(await sharing.getByRole('button', { name: 'Stop Sharing' }).count()).toBe(0);
    // Every command so far was saved: no state proxy reached the journal.
    expect(await s.page.getByText(/Saving failed/).count()).toBe(0);
    await runUntilIdle(s.page);
    const gSharing = region(s.page, 'Globex').getByRole('region', { name: 'External Sharing' });
    await expect.poll(() => gSharing.innerText()).toContain('Inactive');
    // The copy stays (REC-4).
    expect(await region(s.page, 'Globex').getByRole('heading', { name: 'Initech' }).count()).toBe(
      1,
    );
    expect(s.problems).toEqual([]);
  });

  it('REC-2: Reject drops a record waiting in "Accounts from Connections"', async ({ app: s }) => {
    await s.page.evaluate(() => {
      const s2s = window.s2s!;
      const A = s2s.orgs()[0]!.adminId;
      const [made] = s2s.run([
        {
          type: 'record.create',
          org: 'acme',
          as: A,
          object: 'Account',
          values: { Name: 'Rejectme' },
        },
      ]) as { id: string }[];
      s2s.run([
        {
          type: 'record.forward',
          org: 'acme',
          as: A,
          recordIds: [made!.id],
          connectionIds: [s2s.connections('acme')[0]!.Id],
        },
      ]);
      s2s.runUntilIdle();
    });
    const globex = await openAccounts(s.page, 'Globex');
    const inbox = globex.getByRole('region', { name: /Accounts from Connections/ });
    await expect.poll(() => inbox.innerText()).toContain('Rejectme');
    await inbox
      .getByRole('row', { name: /Rejectme/ })
      .getByRole('button', { name: 'Reject' })
      .click();
    await expect
      .poll(() => inbox.getByRole('heading').innerText())
      .toBe('Accounts from Connections (0)');
    expect(await globex.getByRole('button', { name: 'Rejectme' }).count()).toBe(0);
  });

  it('PERM-1: a Standard User without Manage Connections cannot forward from the list', async ({
    app: s,
  }) => {
    await s.page.evaluate(() => {
      const s2s = window.s2s!;
      const A = s2s.orgs()[0]!.adminId;
      const [u] = s2s.run([
        { type: 'user.create', org: 'acme', as: A, name: 'Sam Std', profile: 'Standard User' },
      ]) as { id: string }[];
      s2s.run([
        {
          type: 'record.create',
          org: 'acme',
          as: u!.id,
          object: 'Account',
          values: { Name: 'Sam Account' },
        },
      ]);
    });
    const acme = region(s.page, 'Acme');
    await acme.getByLabel('Current user').selectOption({ label: 'Sam Std (Standard)' });
    await openAccounts(s.page, 'Acme');
    // Sam sees his own Account only (SHR-1).
    await expect
      .poll(() => acme.getByRole('checkbox', { name: /^Select (?!all)/ }).count())
      .toBe(1);
    await acme.getByRole('checkbox', { name: 'Select Sam Account' }).check();
    await acme.getByRole('button', { name: 'Forward to Connection(s)' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'Forward to Connection(s)' });
    await dialog.getByRole('checkbox', { name: 'Globex Corp' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('lacks the Manage Connections permission');
    expect(await alert.getByRole('button', { name: 'PERM-1' }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await acme.getByLabel('Current user').selectOption({ index: 0 });
  });

  it('REC-5 and REC-2: a Lead converts once it has a Company; accepting one offers assignment rules and queues', async ({
    app: s,
  }) => {
    await s.page.evaluate(() => {
      const s2s = window.s2s!;
      const [acme, globex] = s2s.orgs();
      const A = acme!.adminId;
      const G = globex!.adminId;
      s2s.run([
        {
          type: 'record.create',
          org: 'acme',
          as: A,
          object: 'Lead',
          values: { LastName: 'Nocompany' },
        },
        {
          type: 'connection.publish',
          org: 'acme',
          as: A,
          connectionId: s2s.connections('acme')[0]!.Id,
          object: 'Lead',
          fields: ['LastName', 'Company'],
        },
        { type: 'queue.create', org: 'globex', as: G, name: 'Lead Queue', objects: ['Lead'] },
      ]);
      s2s.runUntilIdle();
      s2s.run([
        {
          type: 'connection.subscribe',
          org: 'globex',
          as: G,
          connectionId: s2s.connections('globex')[0]!.Id,
          partnerObject: 'Lead',
          autoAccept: false,
        },
      ]);
      s2s.runUntilIdle();
    });
    const acme = region(s.page, 'Acme');
    await acme.getByRole('tab', { name: 'Leads' }).click();
    await acme.getByRole('button', { name: 'Nocompany', exact: true }).click();
    await acme.getByRole('button', { name: 'Convert' }).click();
    await s.page
      .getByRole('alertdialog', { name: 'Convert Lead' })
      .getByRole('button', { name: 'Convert' })
      .click();
    const refusal = acme.getByRole('alert');
    await expect
      .poll(() => refusal.innerText())
      .toContain('A Lead needs a Company to be converted.');
    expect(await refusal.getByRole('button', { name: 'REC-5' }).count()).toBe(1);

    await acme.getByRole('button', { name: 'Edit' }).click();
    const form = s.page.getByRole('dialog', { name: 'Edit Lead' });
    await form.getByLabel('Company').fill('Hooli');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.count()).toBe(0);
    await acme.getByRole('button', { name: 'Forward to Connection(s)' }).click();
    const fwd = s.page.getByRole('dialog', { name: 'Forward to Connection(s)' });
    await fwd.getByRole('checkbox', { name: 'Globex Corp' }).check();
    await expect
      .poll(() => fwd.getByRole('region', { name: 'Preview' }).innerText())
      .toContain('1 Lead will be sent to Globex Corp.');
    await fwd.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => fwd.count()).toBe(0);
    await runUntilIdle(s.page);

    const globex = region(s.page, 'Globex');
    await globex.getByRole('tab', { name: 'Leads' }).click();
    const inbox = globex.getByRole('region', { name: /Leads from Connections/ });
    await inbox.getByRole('button', { name: 'Accept' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'Accept Lead' });
    await dialog.getByRole('checkbox', { name: 'Use active assignment rule' }).check();
    await dialog.getByRole('button', { name: 'Accept' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').innerText())
      .toContain('There is no active Lead assignment rule');
    await dialog.getByRole('checkbox', { name: 'Use active assignment rule' }).uncheck();
    await dialog.getByLabel('Owner').selectOption({ label: 'Queue: Lead Queue' });
    await dialog.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await globex.getByRole('button', { name: 'Nocompany', exact: true }).click();
    await expect.poll(() => globex.getByText('Lead Queue').count()).toBe(1);
    await globex.getByRole('button', { name: '← Back to list' }).click();

    // Converting the shared Lead ends its sharing on both sides (REC-5).
    await acme.getByRole('button', { name: 'Convert' }).click();
    await s.page
      .getByRole('alertdialog', { name: 'Convert Lead' })
      .getByRole('button', { name: 'Convert' })
      .click();
    await expect.poll(() => acme.getByText('Converted', { exact: true }).count()).toBe(1);
    const sharing = acme.getByRole('region', { name: 'External Sharing' });
    await expect.poll(() => sharing.innerText()).toContain('Inactive');
    await acme.getByRole('button', { name: '← Back to list' }).click();
    expect(s.problems).toEqual([]);
  });

  it('with the clock playing, the sync line counts down and then reads "In sync"', async ({
    app: s,
  }) => {
    await s.page.evaluate(() => {
      const s2s = window.s2s!;
      const [acme, globex] = s2s.orgs();
      const A = acme!.adminId;
      const [made] = s2s.run([
        {
          type: 'record.create',
          org: 'acme',
          as: A,
          object: 'Account',
          values: { Name: 'Umbrella', Phone: '1' },
        },
      ]) as { id: string }[];
      s2s.run([
        {
          type: 'record.forward',
          org: 'acme',
          as: A,
          recordIds: [made!.id],
          connectionIds: [s2s.connections('acme')[0]!.Id],
        },
      ]);
      s2s.runUntilIdle();
      const waiting = s2s.inbox('globex', 'Account')[0]!;
      s2s.run([{ type: 'inbox.accept', org: 'globex', as: globex!.adminId, pnrcId: waiting.Id }]);
      s2s.runUntilIdle();
      s2s.run([
        {
          type: 'link.set',
          from: 'acme',
          to: 'globex',
          both: true,
          link: { latencyMs: 3000, jitterMs: 0 },
        },
      ]);
    });
    const acme = await openAccounts(s.page, 'Acme');
    await acme.getByRole('button', { name: 'Umbrella', exact: true }).click();
    await acme.getByRole('button', { name: 'Edit' }).click();
    const form = s.page.getByRole('dialog', { name: 'Edit Account' });
    await form.getByLabel('Account Phone').fill('2');
    await form.getByRole('button', { name: 'Save' }).click();
    const line = acme.getByRole('status', { name: 'Sync' });
    const dueIn = async () => {
      const m = /due in ([\d.]+) (s|ms)/.exec(await line.innerText());
      return m ? Number(m[1]) * (m[2] === 's' ? 1000 : 1) : null;
    };
    await expect.poll(dueIn).not.toBeNull();
    const first = (await dueIn())!;
    await s.page.evaluate(() => window.s2sApp!.play());
    await expect.poll(async () => (await dueIn()) ?? 0).toBeLessThan(first - 400);
    await expect.poll(() => line.innerText(), { timeout: 15_000 }).toBe('In sync');
    await s.page.evaluate(() => window.s2sApp!.pause());
    expect(s.problems).toEqual([]);
  });
  it('with 10,000 Accounts the list opens on a page of 25, pages and takes an edit', async ({
    app: s,
  }) => {
    await s.page.evaluate(() => {
      const s2s = window.s2s!;
      window.s2sApp!.pause();
      const A = s2s.orgs()[0]!.adminId;
      for (let i = 0; i < 10_000; i++)
        s2s.dispatch({
          type: 'record.create',
          org: 'acme',
          as: A,
          object: 'Account',
          values: { Name: `Bulk ${i}`, Phone: `555-${i}` },
        });
    });
    // Saving 10,000 new rows takes the main thread a while; use the screens after it.
    // (How long they take is `npm run bench -- workspace`'s question, not this test's.)
    await s.page.getByText('✓ Saved').waitFor({ timeout: 60_000 });
    const acme = region(s.page, 'Acme');
    await acme.getByRole('tab', { name: 'Setup' }).click();
    await openAccounts(s.page, 'Acme');
    const pager = acme.getByRole('navigation', { name: 'Accounts pages' });
    await pager.getByText(/^1–25 of 10,00\d/).waitFor();
    await s.screenshot('records-list-10k');
    await pager.getByRole('button', { name: 'Next' }).click();
    await pager.getByText(/^26–50 of/).waitFor();
    await acme.getByRole('button', { name: 'Bulk 9960', exact: true }).click();
    await acme.getByRole('button', { name: 'Edit' }).click();
    const form = s.page.getByRole('dialog', { name: 'Edit Account' });
    await form.getByLabel('Account Phone').fill('555-9999');
    await form.getByRole('button', { name: 'Save' }).click();
    const history = acme.getByRole('region', { name: 'Field History' });
    await history.getByText(/555-9999/).waitFor();
    expect(s.problems).toEqual([]);
  });
});
