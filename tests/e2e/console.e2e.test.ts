import { describe, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { it } from './appTest.ts';
import { seriousViolations } from './axe.ts';
import { connectAcmeAndGlobex, publishAndSubscribe } from './story.ts';
import { newRecord, openList, openTab, runUntilIdle, workspaceOf } from './workspace.ts';
import { BIND_IDS, SNIPPET, WHOLE } from '../unit/apex/seedSnippet.ts';

// The Developer Console driven as a person would: typing into the editor found by its label,
// clicking Execute, reading the result tables and errors. State before the console (the orgs
// connected, Account and Contact published and subscribed, Initech and its Contact Bolton)
// is arranged through window.s2s, as in the other workspace tests.

async function arrange(page: Page) {
  await connectAcmeAndGlobex(page);
  await publishAndSubscribe(page, [
    { from: 'acme', object: 'Account', fields: ['Name', 'Phone'], autoAccept: true },
    { from: 'acme', object: 'Contact', fields: ['LastName', 'Email'] },
  ]);
  await page.evaluate(() => {
    const s2s = window.s2s!;
    const A = s2s.orgs()[0]!.adminId;
    const [initech] = s2s.run([
      { type: 'record.create', org: 'acme', as: A, object: 'Account', values: { Name: 'Initech' } },
    ]) as { id: string }[];
    s2s.run([
      {
        type: 'record.create',
        org: 'acme',
        as: A,
        object: 'Contact',
        values: { LastName: 'Bolton', AccountId: initech!.id },
      },
    ]);
  });
}

const editorOf = (ws: Locator) => ws.getByRole('textbox', { name: 'Apex code' });

async function execute(ws: Locator, script: string) {
  const editor = editorOf(ws);
  await editor.fill(script);
  await ws.getByRole('button', { name: 'Execute', exact: true }).click();
}

describe('Developer Console', () => {
  it('FWD-2: the seed snippet before its parent is shared is refused, with the rule id and the line', async ({
    app: s,
  }) => {
    const page = s.page;
    await arrange(page);
    const acme = workspaceOf(page, 'Acme');
    await openTab(acme, 'Developer Console');
    await editorOf(acme).waitFor();
    await execute(acme, `${BIND_IDS}\n${SNIPPET}`);
    const alert = acme.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('Line 12, column 1:');
    expect(await alert.innerText()).toContain(
      'a child cannot be forwarded before its parent is shared',
    );
    await alert.getByRole('button', { name: 'FWD-2' }).waitFor();
    // The SOQL lines ran before the refusal: their rows are shown as tables.
    await acme
      .getByRole('table', { name: /Line 1: SELECT Id FROM PartnerNetworkConnection \(1 row\)/ })
      .waitFor();
    await s.screenshot('console-refusal');
    expect(await seriousViolations(page, '[aria-label="Acme workspace"]')).toEqual([]);
  });

  it('a misspelt name is pointed at with a suggestion; nothing runs', async ({ app: s }) => {
    const acme = workspaceOf(s.page, 'Acme');
    await execute(acme, 'Id c = [SELECT Id FROM PartnerNetworkRecordConnectio LIMIT 1].Id;');
    const alert = acme.getByRole('alert');
    await expect
      .poll(() => alert.innerText())
      .toContain(
        'Line 1, column 24: PartnerNetworkRecordConnectio: did you mean PartnerNetworkRecordConnection?',
      );
    expect(await alert.innerText()).toContain('Nothing ran: 1 error');
    await s.screenshot('console-error');
  });

  it('FWD-4: the seed snippet, ids bound by SOQL and the parent shared first, brings the Contact and its Account to the partner', async ({
    app: s,
  }) => {
    const page = s.page;
    const acme = workspaceOf(page, 'Acme');
    const globex = workspaceOf(page, 'Globex');
    await execute(acme, WHOLE);
    await acme.getByRole('status').filter({ hasText: 'Ran:' }).waitFor();
    expect(await acme.getByRole('status').filter({ hasText: 'Ran:' }).innerText()).toContain(
      '2 changes sent',
    );
    const table = acme.getByRole('table', { name: /Line 2: SELECT Id FROM Contact \(1 row\)/ });
    await table.waitFor();
    await table.scrollIntoViewIfNeeded();
    expect(await acme.getByText(/Inserted 1 PartnerNetworkRecordConnection/).count()).toBe(2);
    await s.screenshot('console-results');
    expect(await seriousViolations(page, '[aria-label="Acme workspace"]')).toEqual([]);
    await runUntilIdle(page);
    await openList(globex, 'Accounts');
    await globex.getByRole('button', { name: 'Initech', exact: true }).waitFor();
    await openList(globex, 'Contacts');
    await globex.getByRole('button', { name: 'Bolton', exact: true }).click();
    // Accepted with its parent (SUB-5): the copy's Account is Globex's copy of Initech.
    await expect.poll(() => globex.innerText()).toContain('Initech');
    expect(s.problems).toEqual([]);
  });

  it('takes typing key by key: focus stays in the editor and page shortcuts do not fire', async ({
    app: s,
  }) => {
    const page = s.page;
    const acme = workspaceOf(page, 'Acme');
    const editor = editorOf(acme);
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    // 'p' would turn Presenter mode on and Space would play the clock if the keys left the editor.
    await editor.pressSequentially('abc p q');
    expect(await editor.innerText()).toBe('abc p q');
    expect(await editor.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-presenter'))).toBe(
      false,
    );
    expect(await page.getByRole('button', { name: 'Play the simulation' }).count()).toBe(1);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type("System.debug('typed');");
    expect(await editor.innerText()).toBe("System.debug('typed');");
    expect(await editor.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  });

  it('keeps the last scripts across a reload', async ({ app: s }) => {
    const page = s.page;
    await page.reload();
    const acme = workspaceOf(page, 'Acme');
    await openTab(acme, 'Developer Console');
    await editorOf(acme).waitFor();
    // The editor opens on the last script run, and the earlier ones are a choice away.
    expect(await editorOf(acme).innerText()).toContain('insert newConnection;');
    const recent = acme.getByLabel('Recent scripts');
    expect(await recent.locator('option').count()).toBe(4);
  });

  it('FWD-4, FWD-2, HLT-1: automation rules added on the console tab forward a saved Account, and a refused Lead shows in Health', async ({
    app: s,
  }) => {
    const page = s.page;
    const acme = workspaceOf(page, 'Acme');
    const globex = workspaceOf(page, 'Globex');
    await openTab(acme, 'Developer Console');
    const form = acme.getByRole('form', { name: 'New automation rule' });
    const addRule = async (name: string, object: string, condition: [string, string] | null) => {
      await form.getByLabel('Rule Name').fill(name);
      await form.getByLabel('Object', { exact: true }).selectOption({ label: object });
      if (condition) {
        await form.getByLabel('Condition Field').selectOption({ label: condition[0] });
        await form.getByLabel('Condition Value').fill(condition[1]);
      }
      await form.getByLabel('Forward to Connection').selectOption({ label: 'Globex Corp' });
      await form.getByRole('button', { name: 'Save Rule' }).click();
      await acme.getByRole('cell', { name, exact: true }).waitFor();
    };
    await addRule('Tech accounts', 'Account', ['Industry', 'Technology']);
    await addRule('All leads', 'Lead', null);
    expect(
      await acme
        .getByRole('cell', {
          name: /When an Account is created or updated and Industry equals "Technology"/,
        })
        .count(),
    ).toBe(1);
    expect(await seriousViolations(page, '[aria-label="Acme workspace"]')).toEqual([]);
    await acme.getByRole('table', { name: 'Automation rules' }).scrollIntoViewIfNeeded();
    await s.screenshot('console-rules');

    await newRecord(
      page,
      acme,
      'Accounts',
      'Account',
      { 'Account Name': 'Hooli' },
      { Industry: 'Technology' },
    );
    await newRecord(page, acme, 'Leads', 'Lead', {
      'Last Name': 'Gilfoyle',
      Company: 'Pied Piper',
    });
    await runUntilIdle(page);
    await openList(globex, 'Accounts');
    await globex.getByRole('button', { name: 'Hooli', exact: true }).waitFor();
    // Lead is not published on the connection: the save stands, the forward is refused.
    await openTab(acme, 'Health');
    await expect
      .poll(() => acme.innerText())
      .toContain('automation rule "All leads" could not forward Lead');
    await acme.getByRole('button', { name: 'FWD-2' }).first().waitFor();
    expect(s.problems).toEqual([]);
  });
});
