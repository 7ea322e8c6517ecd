import { describe, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { it } from './appTest.ts';
import { seriousViolations } from './axe.ts';
import {
  acceptInvitation,
  fieldByLabel,
  newRecord,
  openConnection,
  openList,
  openTab,
  partnerContact,
  runUntilIdle,
  workspaceOf,
} from './workspace.ts';

// The whole story of docs/scripting.md done by clicking, as a person meets the screens: every
// control is found by its role and visible label, and nothing is arranged through window.s2s.
// Each workspace screen the story passes is audited with axe-core and photographed.

const audited: string[] = [];
async function audit(page: Page, name: string, s: { screenshot(n: string): Promise<string> }) {
  await s.screenshot(`story-${name}`);
  const found = await seriousViolations(page);
  expect(found, `axe on ${name}`).toEqual([]);
  audited.push(name);
}

async function editField(page: Page, ws: Locator, object: string, label: string, value: string) {
  await ws.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('dialog', { name: `Edit ${object}` });
  await fieldByLabel(form, label).fill(value);
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
}

const valueOf = (ws: Locator, text: string) => ws.getByText(text, { exact: true }).count();

describe('the S2S story, clicked through the workspaces', () => {
  it('enables S2S in both orgs and invites, accepts, publishes, subscribes by the screens', async ({
    app: s,
  }) => {
    const { page } = s;
    await page.getByRole('button', { name: /Pause/ }).click();
    const acme = workspaceOf(page, 'Acme');
    const globex = workspaceOf(page, 'Globex');

    // 1. Enable Salesforce to Salesforce in both orgs (EN-1: irreversible, and it says so).
    for (const ws of [acme, globex]) {
      await openTab(ws, 'Setup');
      expect(await ws.getByRole('tab', { name: 'Connections' }).count()).toBe(0);
      await ws.getByRole('button', { name: 'Enable', exact: true }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Enable Salesforce to Salesforce?' });
      expect(await confirm.innerText()).toContain('cannot be undone');
      if (ws === acme) await audit(page, 'setup-enable', s);
      await confirm.getByRole('button', { name: 'Enable' }).click();
      await ws.getByRole('tab', { name: 'Connections' }).waitFor();
    }
    await audit(page, 'setup-enabled', s);

    // 2. Acme's Account for the partner and a Contact with an email at its mail domain.
    await partnerContact(page, acme);
    await audit(page, 'record-page', s);

    // 3. New connection, Save & Send Invite; the invitation travels (Pending → Sent).
    await openTab(acme, 'Connections');
    await acme.getByRole('button', { name: 'New', exact: true }).click();
    const invite = page.getByRole('dialog', { name: 'New Connection' });
    await invite
      .getByLabel('Contact', { exact: true })
      .selectOption({ label: 'Lee · Globex Corp · lee@globex.example.com' });
    await audit(page, 'new-connection', s);
    await invite.getByRole('button', { name: 'Save & Send Invite' }).click();
    await invite.waitFor({ state: 'detached' });
    const acmeList = acme.getByRole('table', { name: 'Connections' });
    await expect.poll(() => acmeList.innerText()).toContain('Pending');
    await runUntilIdle(page);
    await expect.poll(() => acmeList.innerText()).toContain('Invitation Sent');
    await audit(page, 'connections-list', s);

    // 4. Globex accepts.
    await acceptInvitation(page, globex);
    await runUntilIdle(page);
    await expect.poll(() => acmeList.innerText()).toContain('Accepted');

    // 5. Acme publishes Account (Name, Phone) and Contact; Globex publishes Account back.
    await openConnection(acme);
    const publish = async (ws: Locator, object: string, fields: string[]) => {
      await ws.getByRole('combobox', { name: 'Object to publish' }).selectOption({ label: object });
      await ws.getByRole('button', { name: 'Publish', exact: true }).click();
      if (!fields.length) return;
      await ws.getByRole('button', { name: `Edit ${object} fields` }).click();
      const picker = ws.getByRole('form', { name: `Edit ${object} fields to publish` });
      for (const f of fields) await picker.getByRole('checkbox', { name: f, exact: true }).check();
      await picker.getByRole('button', { name: 'Save' }).click();
      await picker.waitFor({ state: 'detached' });
    };
    await publish(acme, 'Account', ['Account Phone']);
    await publish(acme, 'Contact', ['Email']);
    await audit(page, 'connection-detail', s);
    await openConnection(globex);
    await publish(globex, 'Account', ['Account Phone']);
    await runUntilIdle(page);

    // 6. Globex subscribes with a mapping and Auto-Accept off; Acme subscribes to Account.
    const subscribe = async (ws: Locator, object: string, autoMap: boolean) => {
      await ws.getByRole('button', { name: `Subscribe ${object}` }).click();
      const editor = ws.getByRole('form', { name: `Field mapping: ${object} from the partner` });
      if (autoMap) await editor.getByRole('button', { name: 'Auto-Map Fields' }).click();
      return editor;
    };
    const accountMap = await subscribe(globex, 'Account', true);
    const phone = accountMap.getByRole('combobox', { name: 'Account Phone', exact: true });
    const offered = await phone.locator('option').allInnerTexts();
    expect(offered).toContain('Account Phone (Phone)');
    expect(offered.some((o) => o.startsWith('Annual Revenue'))).toBe(false);
    expect(await accountMap.getByRole('checkbox', { name: 'Auto-Accept' }).isChecked()).toBe(false);
    await audit(page, 'mapping-editor', s);
    await accountMap.getByRole('button', { name: 'Save' }).click();
    await accountMap.waitFor({ state: 'detached' });
    const contactMap = await subscribe(globex, 'Contact', true);
    await contactMap.getByRole('button', { name: 'Save' }).click();
    await contactMap.waitFor({ state: 'detached' });
    await openConnection(acme);
    const back = await subscribe(acme, 'Account', true);
    await back.getByRole('button', { name: 'Save' }).click();
    await back.waitFor({ state: 'detached' });
    await runUntilIdle(page);
    expect(s.problems).toEqual([]);
  });

  it('forwards an Account with its Contacts, accepts it, and syncs edits both ways after the latency', async ({
    app: s,
  }) => {
    const { page } = s;
    const acme = workspaceOf(page, 'Acme');
    const globex = workspaceOf(page, 'Globex');

    // 7. An Account with a Contact, forwarded from the list with its Contacts.
    await newRecord(page, acme, 'Accounts', 'Account', {
      'Account Name': 'Initech',
      'Account Phone': '555-0100',
    });
    await newRecord(
      page,
      acme,
      'Contacts',
      'Contact',
      { 'Last Name': 'Bolton' },
      { 'Account Name': 'Initech' },
    );
    await openList(acme, 'Accounts');
    await acme.getByRole('checkbox', { name: 'Select Initech' }).check();
    await acme.getByRole('button', { name: 'Forward to Connection(s)' }).click();
    const forward = page.getByRole('dialog', { name: 'Forward to Connection(s)' });
    await forward.getByRole('checkbox', { name: 'Globex Corp' }).check();
    await forward.getByRole('checkbox', { name: 'Contacts' }).check();
    const preview = forward.getByRole('region', { name: 'Preview' });
    await expect
      .poll(() => preview.innerText())
      .toContain('1 Account and 1 Contact will be sent to Globex Corp.');
    await audit(page, 'forward-dialog', s);
    await forward.getByRole('button', { name: 'Save' }).click();
    await forward.waitFor({ state: 'detached' });
    await runUntilIdle(page);

    // 8. Globex accepts it in "Accounts from Connections" (Auto-Accept is off).
    await openList(globex, 'Accounts');
    const inbox = globex.getByRole('region', { name: /Accounts from Connections/ });
    await expect
      .poll(() => inbox.getByRole('heading').innerText())
      .toBe('Accounts from Connections (1)');
    await audit(page, 'inbox', s);
    await inbox.getByRole('button', { name: 'Accept' }).click();
    const acceptRecord = page.getByRole('dialog', { name: 'Accept Account' });
    await audit(page, 'accept-record', s);
    await acceptRecord.getByRole('button', { name: 'Accept' }).click();
    await acceptRecord.waitFor({ state: 'detached' });
    await runUntilIdle(page);
    // The Contact came with its parent (SUB-5) into Globex's Contacts.
    await openList(globex, 'Contacts');
    await expect
      .poll(() => globex.getByRole('button', { name: 'Bolton', exact: true }).count())
      .toBe(1);
    await openList(globex, 'Accounts');
    await globex.getByRole('button', { name: 'Initech', exact: true }).click();
    await expect.poll(() => globex.getByText('Received from Acme').count()).toBe(1);
    await audit(page, 'received-record', s);

    // 9. Edits on both sides arrive only after the link's latency (1 s by default), the clock
    //    playing at 1×: until then the other copy keeps its value and its sync line says so.
    await openList(acme, 'Accounts');
    await acme.getByRole('button', { name: 'Initech', exact: true }).click();
    await page.getByRole('button', { name: /Play/ }).click();
    const startedAt = await page.evaluate(() => window.s2s!.now);
    await editField(page, acme, 'Account', 'Account Phone', '555-0199');
    const gLine = globex.getByRole('status', { name: 'Sync' });
    await expect.poll(() => gLine.innerText()).toMatch(/travelling from Acme, due in/);
    expect(await valueOf(globex, '555-0100')).toBeGreaterThan(0);
    await audit(page, 'sync-line', s);
    await expect.poll(() => valueOf(globex, '555-0199'), { timeout: 15_000 }).toBeGreaterThan(0);
    const arrivedAt = await page.evaluate(() => window.s2s!.now);
    expect(arrivedAt - startedAt).toBeGreaterThanOrEqual(1000);
    await expect.poll(() => gLine.innerText()).toBe('In sync');

    await editField(page, globex, 'Account', 'Account Name', 'Initech Global');
    const aLine = acme.getByRole('status', { name: 'Sync' });
    await expect.poll(() => aLine.innerText()).toMatch(/travelling from Globex, due in/);
    expect(await acme.getByRole('heading', { name: 'Initech', exact: true }).count()).toBe(1);
    await expect
      .poll(() => acme.getByRole('heading', { name: 'Initech Global' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await page.getByRole('button', { name: /Pause/ }).click();
    expect(s.problems).toEqual([]);
  });

  it('stops sharing, deactivates the connection, and shows it all in Health', async ({
    app: s,
  }) => {
    const { page } = s;
    const acme = workspaceOf(page, 'Acme');
    const globex = workspaceOf(page, 'Globex');

    // 10. Stop Sharing from Acme's record page: both copies stay, the share is Inactive.
    const sharing = acme.getByRole('region', { name: 'External Sharing' });
    await sharing.getByRole('button', { name: 'Stop Sharing' }).click();
    const stop = page.getByRole('alertdialog', { name: 'Stop Sharing' });
    await audit(page, 'stop-sharing', s);
    await stop.getByRole('button', { name: 'Stop Sharing' }).click();
    await expect.poll(() => sharing.innerText()).toContain('Inactive');
    await runUntilIdle(page);
    const gSharing = globex.getByRole('region', { name: 'External Sharing' });
    await expect.poll(() => gSharing.innerText()).toContain('Inactive');

    // 11. Deactivate, with the confirmation saying what happens (CONN-6).
    await openConnection(acme);
    await acme.getByRole('button', { name: 'Deactivate', exact: true }).click();
    const deactivate = page.getByRole('alertdialog', { name: 'Deactivate Connection' });
    expect(await deactivate.innerText()).toMatch(/stay/);
    await audit(page, 'deactivate', s);
    await deactivate.getByRole('button', { name: 'Deactivate' }).click();
    await runUntilIdle(page);
    await openTab(globex, 'Connections');
    const gList = globex.getByRole('table', { name: 'Connections' });
    await expect.poll(() => gList.innerText()).toContain('Inactive');

    // Health: the connection's status and the owner's notifications, marked read.
    await openTab(acme, 'Health');
    const health = acme.getByRole('region', { name: 'Globex Corp' });
    await expect.poll(() => health.innerText()).toContain('Inactive');
    const unread = acme.getByRole('heading', { name: /^Notifications \(\d+ unread\)$/ });
    await audit(page, 'health', s);
    await acme.getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(() => unread.innerText()).toBe('Notifications (0 unread)');
    expect(audited.length).toBeGreaterThanOrEqual(15);
    expect(s.problems).toEqual([]);
  });
});
