import { describe, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { it } from './appTest.ts';
import { openConnection as openConnectionOf, runUntilIdle, workspaceOf } from './workspace.ts';

// The Connections tab driven as a person would: every step under test is a click or a choice
// found by its role and visible label. Only the starting records are made through window.s2s.

const acmeOf = (page: Page) => workspaceOf(page, 'Acme');
const globexOf = (page: Page) => workspaceOf(page, 'Globex');

/** Scrolls the workspace so a screenshot shows `el` from its top. */
async function scrollToTop(el: Locator) {
  await el.evaluate((e) => e.scrollIntoView({ block: 'start' }));
}

async function openConnection(page: Page, org: 'acme' | 'globex') {
  const ws = org === 'acme' ? acmeOf(page) : globexOf(page);
  await openConnectionOf(ws);
  return ws;
}

describe('the Connections tab', () => {
  it('CONN-1, CONN-3: New Connection refuses a Contact without email, keeps the form, then invites and Globex accepts', async ({
    app: s,
  }) => {
    const { page } = s;
    await page.evaluate(() => {
      const s2s = window.s2s!;
      window.s2sApp!.pause();
      const [acme, globex] = s2s.orgs();
      const A = acme!.adminId;
      s2s.run([
        { type: 's2s.enable', org: 'acme', as: A },
        { type: 's2s.enable', org: 'globex', as: globex!.adminId },
      ]);
      const account = s2s.run([
        {
          type: 'record.create',
          org: 'acme',
          as: A,
          object: 'Account',
          values: { Name: 'Globex Corp' },
        },
      ])[0] as { id: string };
      s2s.run([
        {
          type: 'record.create',
          org: 'acme',
          as: A,
          object: 'Contact',
          values: { LastName: 'Lee', Email: 'lee@globex.example.com', AccountId: account.id },
        },
        {
          type: 'record.create',
          org: 'acme',
          as: A,
          object: 'Contact',
          values: { FirstName: 'Nora', LastName: 'Nomail', AccountId: account.id },
        },
      ]);
    });
    const acme = acmeOf(page);
    await acme.getByRole('tab', { name: 'Connections' }).click();
    await acme.getByText('No connections yet').waitFor();

    await acme.getByRole('button', { name: 'New' }).click();
    const dialog = page.getByRole('dialog', { name: 'New Connection' });
    const contact = dialog.getByLabel('Contact', { exact: true });
    await contact.selectOption({ label: 'Nora Nomail · Globex Corp · no email' });
    expect(await dialog.getByText('Globex Corp', { exact: true }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Save & Send Invite' }).click();
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('valid email');
    expect(await alert.getByRole('button', { name: 'CONN-1' }).count()).toBe(1);
    // The form keeps what the user chose.
    expect(await contact.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text)).toBe(
      'Nora Nomail · Globex Corp · no email',
    );
    await s.screenshot('connections-new-dialog');

    await contact.selectOption({ label: 'Lee · Globex Corp · lee@globex.example.com' });
    await dialog.getByRole('button', { name: 'Save & Send Invite' }).click();
    await dialog.waitFor({ state: 'detached' });
    const list = acme.getByRole('table', { name: 'Connections' });
    await expect.poll(() => list.innerText()).toContain('Pending');
    await runUntilIdle(page);
    await expect.poll(() => list.innerText()).toContain('Invitation Sent');
    expect(await list.innerText()).toContain('Sent');
    await s.screenshot('connections-list');

    const globex = globexOf(page);
    await globex.getByRole('tab', { name: 'Connections' }).click();
    const gList = globex.getByRole('table', { name: 'Connections' });
    await expect.poll(() => gList.innerText()).toContain('Invitation Received');
    await gList.getByRole('button', { name: 'Acme' }).click();
    await globex.getByRole('button', { name: 'Accept' }).click();
    const accept = page.getByRole('dialog', { name: 'Accept Invitation' });
    await accept.getByRole('button', { name: 'Accept' }).click();
    await accept.waitFor({ state: 'detached' });
    await runUntilIdle(page);
    await expect.poll(() => globex.getByRole('article').innerText()).toContain('Accepted');
    await expect.poll(() => list.innerText()).toContain('Accepted');
    expect(await list.innerText()).toContain('Active');
    expect(s.problems).toEqual([]);
  });

  it('CONN-4: a second invitation between the same orgs is refused at the form', async ({
    app: s,
  }) => {
    const acme = acmeOf(s.page);
    await acme.getByRole('button', { name: 'New' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'New Connection' });
    await dialog
      .getByLabel('Contact', { exact: true })
      .selectOption({ label: 'Lee · Globex Corp · lee@globex.example.com' });
    await dialog.getByRole('button', { name: 'Save & Send Invite' }).click();
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('CONN-4');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await acme.getByRole('table', { name: 'Connections' }).getByRole('row').count()).toBe(2);
  });

  it('PUB-2, SUB-3, SUB-2: Acme publishes Account with Name and Phone; Globex maps it with only compatible fields offered', async ({
    app: s,
  }) => {
    const { page } = s;
    const acme = await openConnection(page, 'acme');
    await s.screenshot('connections-detail');
    await acme
      .getByRole('combobox', { name: 'Object to publish' })
      .selectOption({ label: 'Account' });
    await acme.getByRole('button', { name: 'Publish', exact: true }).click();
    await acme.getByRole('button', { name: 'Edit Account fields' }).click();
    const picker = acme.getByRole('form', { name: 'Edit Account fields to publish' });
    // Account Name is always published (PUB-3); lookups are listed with the workaround (PUB-2).
    expect(await picker.getByRole('checkbox', { name: 'Account Name' }).isDisabled()).toBe(true);
    const refused = picker.getByRole('list', { name: 'Fields that cannot be published' });
    expect(await refused.innerText()).toMatch(/Parent Account[\s\S]*text formula/);
    await picker.getByRole('checkbox', { name: 'Account Phone' }).check();
    await scrollToTop(picker);
    await s.screenshot('connections-publish-editor');
    await picker.getByRole('button', { name: 'Save' }).click();
    await picker.waitFor({ state: 'detached' });
    await expect
      .poll(() => acme.getByRole('row', { name: /Account Name, Account Phone/ }).count())
      .toBe(1);
    await runUntilIdle(page);

    const globex = await openConnection(page, 'globex');
    await globex.getByRole('button', { name: 'Subscribe Account' }).click();
    const editor = globex.getByRole('form', { name: 'Field mapping: Account from the partner' });
    const phone = editor.getByRole('combobox', { name: 'Account Phone', exact: true });
    const offered = await phone.locator('option').allInnerTexts();
    expect(offered).toContain('--None--');
    expect(offered).toContain('Account Phone (Phone)');
    expect(offered).toContain('Account Fax (Phone)');
    expect(offered.some((o) => o.startsWith('Annual Revenue'))).toBe(false);
    await editor.getByRole('button', { name: /fields Account Phone cannot map to/ }).click();
    const why = editor.getByRole('list', { name: 'Fields Account Phone cannot map to' });
    expect(await why.innerText()).toMatch(/Annual Revenue \(Currency\(18, 0\)\):.*SUB-3/);

    // A hand-made choice survives Auto-Map; the unset picker is filled (SUB-2).
    await phone.selectOption({ label: 'Account Fax (Phone)' });
    await editor.getByRole('button', { name: 'Auto-Map Fields' }).click();
    const name = editor.getByRole('combobox', { name: 'Account Name', exact: true });
    await expect.poll(() => name.inputValue()).toBe('Name');
    expect(await phone.inputValue()).toBe('Fax');
    await editor.getByRole('checkbox', { name: 'Auto-Accept' }).check();
    await scrollToTop(editor);
    await s.screenshot('connections-mapping-editor');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    await expect
      .poll(() => globex.getByRole('row', { name: /Account.*Auto-Accept/ }).count())
      .toBe(1);
    // CONN-7: the subscription is in the connection's history.
    expect(await globex.getByRole('region', { name: 'Connection History' }).innerText()).toMatch(
      /Subscribed to Account as Account \(auto-accept\): Name→Name, Phone→Fax/,
    );
    expect(s.problems).toEqual([]);
  });

  it('SUB-4: a mapping to a deleted field is shown broken on the mapping screen until mapped again', async ({
    app: s,
  }) => {
    const { page } = s;
    await page.evaluate(() => {
      const s2s = window.s2s!;
      const G = s2s.orgs()[1]!.adminId;
      const connectionId = s2s.connections('globex')[0]!.Id;
      s2s.run([
        {
          type: 'field.create',
          org: 'globex',
          as: G,
          object: 'Account',
          field: {
            apiName: 'Backup_Phone__c',
            label: 'Backup Phone',
            type: { kind: 'Phone' },
            custom: true,
          },
        },
        {
          type: 'connection.subscribe',
          org: 'globex',
          as: G,
          connectionId,
          partnerObject: 'Account',
          mapping: { Phone: 'Backup_Phone__c' },
        },
        { type: 'field.delete', org: 'globex', as: G, object: 'Account', field: 'Backup_Phone__c' },
      ]);
    });
    const globex = await openConnection(page, 'globex');
    await globex.getByRole('button', { name: 'Edit Account mapping' }).click();
    const editor = globex.getByRole('form', { name: 'Field mapping: Account from the partner' });
    const broken = editor.getByRole('alert');
    await expect.poll(() => broken.innerText()).toContain('Backup_Phone__c');
    expect(await broken.getByRole('button', { name: 'SUB-4' }).count()).toBe(1);
    await scrollToTop(editor);
    await s.screenshot('connections-broken-mapping');
    const phone = editor.getByRole('combobox', { name: 'Account Phone', exact: true });
    expect(await phone.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text)).toBe(
      'Backup_Phone__c (no longer exists)',
    );
    await phone.selectOption({ label: 'Account Phone (Phone)' });
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    await globex.getByRole('button', { name: 'Edit Account mapping' }).click();
    expect(await editor.getByRole('alert').count()).toBe(0);
    expect(await phone.inputValue()).toBe('Phone');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    expect(s.problems).toEqual([]);
  });

  it('CONN-8: Apply Template publishes what the template lists and unpublishes the rest', async ({
    app: s,
  }) => {
    const { page } = s;
    await page.evaluate(() => {
      const s2s = window.s2s!;
      s2s.run([
        {
          type: 'template.create',
          org: 'acme',
          as: s2s.orgs()[0]!.adminId,
          name: 'Contacts only',
          objects: { Contact: ['LastName', 'Email'] },
        },
      ]);
    });
    const acme = await openConnection(page, 'acme');
    await acme
      .getByRole('combobox', { name: 'Connection Template' })
      .selectOption({ label: 'Contacts only' });
    await acme.getByRole('button', { name: 'Apply Template' }).click();
    const published = acme.getByRole('region', { name: 'Published Objects' });
    await expect
      .poll(() => published.getByRole('row', { name: /Last Name, Email/ }).count())
      .toBe(1);
    expect(await published.getByRole('row', { name: /Account Phone/ }).count()).toBe(0);
    expect(await acme.getByRole('region', { name: 'Connection History' }).innerText()).toContain(
      'Template Contacts only applied',
    );
    expect(s.problems).toEqual([]);
  });

  it('CONN-6: Deactivate asks first, says what happens, and both sides end Inactive', async ({
    app: s,
  }) => {
    const { page } = s;
    const acme = await openConnection(page, 'acme');
    await acme.getByRole('button', { name: 'Deactivate' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Deactivate Connection' });
    const text = await confirm.innerText();
    expect(text).toContain('cannot be reactivated');
    expect(text).toContain('stay in both orgs and can still be edited');
    expect(text).toContain('nothing flows');
    expect(text).toContain('not yet accepted are removed');
    await s.screenshot('connections-deactivate');
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => acme.getByRole('article').innerText()).toContain('Inactive');
    await runUntilIdle(page);
    const globex = await openConnection(page, 'globex');
    await expect.poll(() => globex.getByRole('article').innerText()).toContain('Inactive');
    expect(await acme.getByRole('button', { name: 'Deactivate' }).count()).toBe(0);
    expect(s.problems).toEqual([]);
  });

  it('CONN-3: a new invitation after deactivation can be resent; the invitee decides later, then declines', async ({
    app: s,
  }) => {
    const { page } = s;
    const acme = acmeOf(page);
    await acme.getByRole('button', { name: 'Back to Connections' }).click();
    await acme.getByRole('button', { name: 'New' }).click();
    const dialog = page.getByRole('dialog', { name: 'New Connection' });
    await dialog
      .getByLabel('Contact', { exact: true })
      .selectOption({ label: 'Lee · Globex Corp · lee@globex.example.com' });
    await dialog.getByRole('button', { name: 'Save & Send Invite' }).click();
    await dialog.waitFor({ state: 'detached' });
    const list = acme.getByRole('table', { name: 'Connections' });
    await list
      .getByRole('row', { name: /Pending/ })
      .getByRole('button')
      .click();
    await acme.getByRole('button', { name: 'Resend' }).click();
    await expect.poll(() => acme.getByRole('status').innerText()).toContain('sent again');
    expect(await acme.getByRole('button', { name: 'Cancel Invitation' }).count()).toBe(1);
    await runUntilIdle(page);

    const globex = globexOf(page);
    await globex.getByRole('button', { name: 'Back to Connections' }).click();
    const gList = globex.getByRole('table', { name: 'Connections' });
    await gList
      .getByRole('row', { name: /Invitation Received/ })
      .getByRole('button')
      .click();
    await globex.getByRole('button', { name: 'Decide Later' }).click();
    const article = globex.getByRole('article');
    await expect.poll(() => globex.getByRole('status').innerText()).toContain('waits');
    expect(await article.innerText()).toContain('Invitation Received');
    await globex.getByRole('button', { name: 'Decline' }).click();
    await expect.poll(() => article.innerText()).toContain('Rejected');
    await runUntilIdle(page);
    await expect.poll(() => acme.getByRole('article').innerText()).toContain('Declined');
    expect(s.problems).toEqual([]);
  });
});
