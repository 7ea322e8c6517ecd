import { describe, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { it } from './appTest.ts';
import { seriousViolations } from './axe.ts';
import { openList, openTab, runUntilIdle, workspaceOf } from './workspace.ts';

// The connection page's Salesforce forms (Publish/Unpublish, Subscribe/Unsubscribe) and the
// defects a new admin met around them, each done as a person does it at 1280×720. Only the
// starting state (orgs, three connections to Globex Corp) is made through window.s2s.

const acmeOf = (page: Page) => workspaceOf(page, 'Acme');
const globexOf = (page: Page) => workspaceOf(page, 'Globex');

/**
 * Three connections from Acme to Globex Corp: one declined, one accepted then deactivated, and
 * the live one last, at distinct times so their labels differ. Region__c exists on both sides.
 */
async function threeConnections(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.evaluate(() => {
    const s2s = window.s2s!;
    window.s2sApp!.pause();
    const [acme, globex] = s2s.orgs();
    const A = acme!.adminId;
    const G = globex!.adminId;
    const region = {
      apiName: 'Region__c',
      label: 'Region',
      type: { kind: 'Text' as const, length: 80 },
      custom: true,
    };
    s2s.run([
      { type: 's2s.enable', org: 'acme', as: A },
      { type: 's2s.enable', org: 'globex', as: G },
      { type: 'field.create', org: 'acme', as: A, object: 'Account', field: region },
      { type: 'field.create', org: 'globex', as: G, object: 'Account', field: region },
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
    const contact = s2s.run([
      {
        type: 'record.create',
        org: 'acme',
        as: A,
        object: 'Contact',
        values: { LastName: 'Lee', Email: 'lee@globex.example.com', AccountId: account.id },
      },
    ])[0] as { id: string };
    const invite = () => {
      s2s.run([{ type: 'connection.invite', org: 'acme', as: A, contactId: contact.id }]);
      s2s.runUntilIdle();
      return s2s.connections('globex').find((c) => c.ConnectionStatus === 'Received')!.Id;
    };
    s2s.run([{ type: 'connection.decline', org: 'globex', as: G, connectionId: invite() }]);
    s2s.runUntilIdle();
    s2s.advance(10_000);
    s2s.run([{ type: 'connection.accept', org: 'globex', as: G, connectionId: invite() }]);
    s2s.runUntilIdle();
    s2s.advance(10_000);
    const second = s2s.connections('acme').find((c) => c.ConnectionStatus === 'Accepted')!.Id;
    s2s.run([{ type: 'connection.deactivate', org: 'acme', as: A, connectionId: second }]);
    s2s.runUntilIdle();
    s2s.advance(10_000);
    s2s.run([{ type: 'connection.accept', org: 'globex', as: G, connectionId: invite() }]);
    s2s.runUntilIdle();
  });
}

/** Opens the live (Accepted) connection's page from the Connections list. */
async function openLiveConnection(ws: Locator): Promise<void> {
  await openTab(ws, 'Connections');
  const back = ws.getByRole('button', { name: 'Back to Connections' });
  if (await back.count()) await back.click();
  await ws
    .getByRole('table', { name: 'Connections' })
    .getByRole('row', { name: /Accepted/ })
    .getByRole('button')
    .click();
  await back.waitFor();
}

/** Scrolls the panel holding `el` (not the page) so a screenshot shows `el` from its top. */
async function scrollToTop(el: Locator): Promise<void> {
  await el.evaluate((e) => {
    let p = e.parentElement;
    while (
      p &&
      !(p.scrollHeight > p.clientHeight && /auto|scroll/.test(getComputedStyle(p).overflowY))
    )
      p = p.parentElement;
    if (p) p.scrollTop += e.getBoundingClientRect().top - p.getBoundingClientRect().top;
  });
}

async function forwardByClicking(page: Page, acme: Locator, name: string): Promise<void> {
  await openList(acme, 'Accounts');
  await acme.getByRole('checkbox', { name: `Select ${name}` }).check();
  await acme.getByRole('button', { name: 'Forward to Connection(s)' }).click();
  const forward = page.getByRole('dialog', { name: 'Forward to Connection(s)' });
  await forward.getByRole('checkbox', { name: 'Globex Corp' }).check();
  await forward.getByRole('button', { name: 'Save' }).click();
  await forward.waitFor({ state: 'detached' });
}

async function newAccount(page: Page, ws: Locator, name: string): Promise<void> {
  await openList(ws, 'Accounts');
  await ws.getByRole('button', { name: 'New', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'New Account' });
  await form.getByLabel(/^Account Name/).pressSequentially(name);
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
}

describe('the connection page as Salesforce lays it out', () => {
  it('PUB-1, SUB-1, SUB-5: Publish/Unpublish and Subscribe/Unsubscribe publish Account with Name and Phone, subscribe with a mapping and Auto-Accept off, and a forwarded Account waits', async ({
    app: s,
  }) => {
    const { page } = s;
    await threeConnections(page);
    const acme = acmeOf(page);
    await openLiveConnection(acme);
    const published = acme.getByRole('region', { name: 'Published Objects' });
    await published.getByRole('button', { name: 'Publish/Unpublish' }).click();
    const pubForm = acme.getByRole('form', { name: 'Publish/Unpublish Objects' });
    await pubForm.getByRole('checkbox', { name: 'Account', exact: true }).check();
    await pubForm.getByRole('checkbox', { name: 'Contact', exact: true }).check();
    await scrollToTop(pubForm);
    await s.screenshot('connection-forms-publish');
    await pubForm.getByRole('button', { name: 'Save' }).click();
    await pubForm.waitFor({ state: 'detached' });
    await published.getByRole('button', { name: 'Edit Account fields' }).click();
    const fields = acme.getByRole('form', { name: 'Edit Account fields to publish' });
    await fields.getByRole('checkbox', { name: 'Account Phone' }).check();
    await fields.getByRole('button', { name: 'Save' }).click();
    await fields.waitFor({ state: 'detached' });
    await expect
      .poll(() => published.getByRole('row', { name: /^Account\b/ }).innerText())
      .toMatch(/Account Name, Account Phone/);
    await runUntilIdle(page);

    const globex = globexOf(page);
    await openLiveConnection(globex);
    const subscribed = globex.getByRole('region', { name: 'Subscribed Objects' });
    await subscribed.getByRole('button', { name: 'Subscribe/Unsubscribe' }).click();
    const subForm = globex.getByRole('form', { name: 'Subscribe/Unsubscribe Objects' });
    await subForm.getByRole('combobox', { name: 'Your object for Account' }).selectOption({
      label: 'Account',
    });
    const autoAccept = subForm.getByRole('checkbox', { name: 'Auto-Accept Account' });
    expect(await autoAccept.isChecked()).toBe(false);
    // SUB-5: a child object (Contact) is accepted with its parent, so no Auto-Accept is offered.
    expect(await subForm.getByRole('checkbox', { name: 'Auto-Accept Contact' }).count()).toBe(0);
    expect(await subForm.getByRole('row', { name: /^Contact/ }).innerText()).toContain('SUB-5');
    await scrollToTop(subForm);
    await s.screenshot('connection-forms-subscribe');
    await subForm.getByRole('button', { name: 'Save' }).click();
    await subForm.waitFor({ state: 'detached' });
    expect(await subscribed.getByRole('row', { name: /^Account/ }).innerText()).not.toContain(
      'Auto-Accept',
    );
    await subscribed.getByRole('button', { name: 'Edit Account mapping' }).click();
    const editor = globex.getByRole('form', { name: 'Field mapping: Account from the partner' });
    await editor
      .getByRole('combobox', { name: 'Account Name', exact: true })
      .selectOption({ label: 'Account Name (Text(255))' });
    await editor
      .getByRole('combobox', { name: 'Account Phone', exact: true })
      .selectOption({ label: 'Account Phone (Phone)' });
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    // FWD-2: Acme may forward once the subscription has reached it.
    await runUntilIdle(page);

    await newAccount(page, acme, 'Initech');
    await forwardByClicking(page, acme, 'Initech');
    await runUntilIdle(page);
    await openList(globex, 'Accounts');
    const inbox = globex.getByRole('region', { name: /Accounts from Connections/ });
    await expect.poll(() => inbox.getByRole('heading').first().innerText()).toContain('(1)');
    expect(await inbox.innerText()).toContain('Initech');
    expect(s.problems).toEqual([]);
  });

  it('FWD-2: the Forward dialog offers only the Accepted connection; dead ones are told apart by status and date in Connections, Health and the Timeline filter', async ({
    app: s,
  }) => {
    const { page } = s;
    const acme = acmeOf(page);
    await openList(acme, 'Accounts');
    await acme.getByRole('checkbox', { name: 'Select Initech' }).check();
    await acme.getByRole('button', { name: 'Forward to Connection(s)' }).click();
    const forward = page.getByRole('dialog', { name: 'Forward to Connection(s)' });
    const boxes = forward.getByRole('group', { name: 'Connections' }).getByRole('checkbox');
    expect(await boxes.count()).toBe(1);
    await s.screenshot('connection-forms-forward');
    await forward.getByRole('button', { name: 'Cancel' }).click();
    await forward.waitFor({ state: 'detached' });

    await openTab(acme, 'Connections');
    const back = acme.getByRole('button', { name: 'Back to Connections' });
    if (await back.count()) await back.click();
    const list = await acme.getByRole('table', { name: 'Connections' }).innerText();
    expect(list).toMatch(/Globex Corp · Inactive since t = \d+\.\d s/);
    expect(list).toMatch(/Globex Corp · Declined since t = \d+\.\d s/);
    await s.screenshot('connection-forms-list');

    await openTab(acme, 'Health');
    const headings = acme.getByRole('heading', { level: 4, name: /^Globex Corp/ });
    await expect.poll(() => headings.count()).toBe(3);
    const names = await headings.allInnerTexts();
    expect(new Set(names).size).toBe(names.length);

    await page
      .getByRole('region', { name: 'Simulation panels' })
      .getByRole('tab', {
        name: 'Timeline',
        exact: true,
      })
      .click();
    const options = await page
      .getByRole('region', { name: 'Simulation panels' })
      .getByLabel('Connection')
      .locator('option')
      .allInnerTexts();
    expect(options.filter((o) => /Inactive since t = /.test(o))).toHaveLength(1);
    expect(options.filter((o) => /Declined since t = /.test(o))).toHaveLength(1);
    expect(s.problems).toEqual([]);
  });

  it('SYNC-5: a mapping leaving Account Name unmapped warns and still saves; Accept says what the subscription lacks, links to the mapping, and Health lists the failure', async ({
    app: s,
  }) => {
    const { page } = s;
    const globex = globexOf(page);
    await openLiveConnection(globex);
    await globex.getByRole('button', { name: 'Edit Account mapping' }).click();
    const editor = globex.getByRole('form', { name: 'Field mapping: Account from the partner' });
    await editor
      .getByRole('combobox', { name: 'Account Name', exact: true })
      .selectOption({ label: '--None--' });
    await editor.getByRole('button', { name: 'Save' }).click();
    const warn = page.getByRole('alertdialog', { name: 'Save with required fields unmapped?' });
    expect(await warn.innerText()).toContain('Account Name');
    await s.screenshot('connection-forms-unmapped-warning');
    await warn.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });

    const acme = acmeOf(page);
    await newAccount(page, acme, 'Umbrella');
    await forwardByClicking(page, acme, 'Umbrella');
    await runUntilIdle(page);
    await openList(globex, 'Accounts');
    const inbox = globex.getByRole('region', { name: /Accounts from Connections/ });
    await inbox
      .getByRole('row', { name: /Umbrella/ })
      .getByRole('button', { name: /Accept/ })
      .click();
    const accept = page.getByRole('dialog', { name: 'Accept Account' });
    await accept.getByRole('button', { name: 'Accept' }).click();
    const refusal = accept.getByRole('alert');
    await expect.poll(() => refusal.innerText()).toContain('maps nothing to Account Name');
    await s.screenshot('connection-forms-accept-refused');
    await accept.getByRole('button', { name: 'Edit Account mapping' }).click();
    await globex
      .getByRole('form', { name: 'Field mapping: Account from the partner' })
      .getByRole('button', { name: 'Cancel' })
      .click();

    await openTab(globex, 'Health');
    // The live connection's card: the only one named without a status and date.
    const card = globex
      .getByRole('region', { name: /^[^·]+$/ })
      .filter({ hasText: 'Failed updates' });
    await expect.poll(() => card.first().innerText()).toMatch(/Failed updates \(1\)/);
    expect(await card.first().innerText()).toContain('maps nothing to Account Name');
    expect(s.problems).toEqual([]);
  });

  it('SUB-4: renaming a mapped field names the mappings it breaks; Subscribed Objects and Health show the broken mapping with a link to fix it', async ({
    app: s,
  }) => {
    const { page } = s;
    await page.evaluate(() => {
      const s2s = window.s2s!;
      const [acme, globex] = s2s.orgs();
      const aConn = s2s.connections('acme').find((c) => c.ConnectionStatus === 'Accepted')!.Id;
      const gConn = s2s.connections('globex').find((c) => c.ConnectionStatus === 'Accepted')!.Id;
      s2s.run([
        {
          type: 'connection.publish',
          org: 'acme',
          as: acme!.adminId,
          connectionId: aConn,
          object: 'Account',
          fields: ['Name', 'Phone', 'Region__c'],
        },
      ]);
      s2s.runUntilIdle();
      s2s.run([
        {
          type: 'connection.subscribe',
          org: 'globex',
          as: globex!.adminId,
          connectionId: gConn,
          partnerObject: 'Account',
          mapping: { Name: 'Name', Region__c: 'Region__c' },
        },
      ]);
    });
    const globex = globexOf(page);
    await openTab(globex, 'Setup');
    await globex.getByRole('tab', { name: 'Object Manager', exact: true }).click();
    await globex.getByRole('button', { name: 'Account', exact: true }).click();
    await globex.getByRole('button', { name: 'Rename Region' }).click();
    const form = globex.getByRole('form', { name: 'Rename Region' });
    const apiName = form.getByLabel('New Field Name');
    await apiName.fill('');
    await apiName.pressSequentially('Territory__c');
    await form.getByRole('button', { name: 'Save' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Rename Region?' });
    const text = await confirm.innerText();
    // Globex names its side of the connection after the inviter.
    expect(text).toContain('Acme · Account: Region (Region__c) → Region (Region__c)');
    expect(text).toContain('SUB-4');
    await s.screenshot('connection-forms-rename-confirm');
    await confirm.getByRole('button', { name: 'Rename' }).click();
    await confirm.waitFor({ state: 'detached' });

    await openLiveConnection(globex);
    const subscribed = globex.getByRole('region', { name: 'Subscribed Objects' });
    await expect
      .poll(() => subscribed.getByRole('row', { name: /^Account/ }).innerText())
      .toContain('Region__c no longer exists');
    await scrollToTop(subscribed);
    await s.screenshot('connection-forms-broken-subscribed');

    await openTab(globex, 'Health');
    const broken = globex.getByRole('region', { name: 'Broken mappings' });
    await expect.poll(() => broken.innerText()).toContain('Region__c');
    await scrollToTop(broken);
    await s.screenshot('connection-forms-health-broken');
    await broken.getByRole('button', { name: 'Edit Account mapping' }).click();
    const editor = globex.getByRole('form', { name: 'Field mapping: Account from the partner' });
    await editor.waitFor();
    await editor.getByRole('button', { name: 'Cancel' }).click();
    expect(s.problems).toEqual([]);
  });

  it('axe finds no serious or critical violation on the connection page, its forms and Health in every theme', async ({
    app: s,
  }) => {
    const { page } = s;
    const globex = globexOf(page);
    for (const theme of ['Light', 'Dark', 'High contrast']) {
      await page.getByLabel('Theme').selectOption({ label: theme });
      await openLiveConnection(globex);
      expect(await seriousViolations(page)).toEqual([]);
      await globex.getByRole('button', { name: 'Subscribe/Unsubscribe' }).click();
      expect(await seriousViolations(page)).toEqual([]);
      await globex
        .getByRole('form', { name: 'Subscribe/Unsubscribe Objects' })
        .getByRole('button', { name: 'Cancel' })
        .click();
      await globex.getByRole('button', { name: 'Publish/Unpublish' }).click();
      expect(await seriousViolations(page)).toEqual([]);
      await globex
        .getByRole('form', { name: 'Publish/Unpublish Objects' })
        .getByRole('button', { name: 'Cancel' })
        .click();
      await openTab(globex, 'Health');
      expect(await seriousViolations(page)).toEqual([]);
      await s.screenshot(`connection-forms-health-${theme.replace(' ', '-').toLowerCase()}`);
    }
    expect(s.problems).toEqual([]);
  }, 360_000);
});
