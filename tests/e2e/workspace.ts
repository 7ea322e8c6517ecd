import type { Locator, Page } from 'playwright-core';

/** What a person finds on the workspace screens, by role and visible label only. */
export const workspaceOf = (page: Page, org: string): Locator =>
  page.getByRole('region', { name: `${org} workspace` });

export async function openTab(ws: Locator, name: string): Promise<void> {
  await ws.getByRole('tab', { name, exact: true }).click();
}

/** The header's "Run until idle": delivers everything in flight, a command like any other. */
export async function runUntilIdle(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Run until idle/ }).click();
}

/** Opens an object tab on its list (not on a record page left open before). */
export async function openList(ws: Locator, tab: string): Promise<void> {
  await openTab(ws, tab);
  // The tab's screens load on first use: wait for them before asking which one is showing.
  const back = ws.getByRole('button', { name: '← Back to list' });
  const list = ws.getByRole('button', { name: 'New', exact: true });
  await back.or(list).first().waitFor();
  if (await back.count()) await back.click();
  await list.waitFor();
}

/** Opens the org's only connection's detail page in the Connections tab. */
export async function openConnection(ws: Locator): Promise<void> {
  await openTab(ws, 'Connections');
  const back = ws.getByRole('button', { name: 'Back to Connections' });
  const table = ws.getByRole('table', { name: 'Connections' });
  await back.or(table).first().waitFor();
  if (await back.count()) return;
  await ws.getByRole('table', { name: 'Connections' }).getByRole('button').first().click();
  await back.waitFor();
}

/** Enables S2S in an org through Setup, confirming that it cannot be undone. */
export async function enableS2S(page: Page, ws: Locator): Promise<void> {
  await openTab(ws, 'Setup');
  await ws.getByRole('button', { name: 'Enable', exact: true }).click();
  await page
    .getByRole('alertdialog', { name: 'Enable Salesforce to Salesforce?' })
    .getByRole('button', { name: 'Enable' })
    .click();
  await ws.getByRole('tab', { name: 'Connections' }).waitFor();
}

/** A form's field by its label; a required field's label ends with "*". */
export const fieldByLabel = (form: Locator, label: string): Locator =>
  form.getByLabel(new RegExp(`^${label.replace(/[()]/g, '\\$&')}\\s*\\*?$`));

/** New <object> from its tab's list, filling fields by label (required ones end with "*"). */
export async function newRecord(
  page: Page,
  ws: Locator,
  tab: string,
  object: string,
  fill: Record<string, string>,
  pick: Record<string, string> = {},
): Promise<void> {
  await openList(ws, tab);
  await ws.getByRole('button', { name: 'New', exact: true }).click();
  const form = page.getByRole('dialog', { name: `New ${object}` });
  for (const [label, value] of Object.entries(fill)) await fieldByLabel(form, label).fill(value);
  for (const [label, option] of Object.entries(pick))
    await fieldByLabel(form, label).selectOption({ label: option });
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
}

/** CONN-1: Acme's Account for Globex Corp and its Contact Lee, with an email at globex. */
export async function partnerContact(page: Page, acme: Locator): Promise<void> {
  await newRecord(page, acme, 'Accounts', 'Account', { 'Account Name': 'Globex Corp' });
  await newRecord(
    page,
    acme,
    'Contacts',
    'Contact',
    { 'Last Name': 'Lee', Email: 'lee@globex.example.com' },
    { 'Account Name': 'Globex Corp' },
  );
}

/** Accepts the invitation on the org's only connection, from its detail page. */
export async function acceptInvitation(page: Page, ws: Locator): Promise<void> {
  await openConnection(ws);
  await ws.getByRole('button', { name: 'Accept', exact: true }).click();
  const accept = page.getByRole('dialog', { name: 'Accept Invitation' });
  await accept.getByRole('button', { name: 'Accept' }).click();
  await accept.waitFor({ state: 'detached' });
}

/**
 * The shortest whole S2S path by clicking: Acme and Globex enabled, connected, Account
 * published and subscribed with Auto-Accept, and one Account forwarded and synced. Returns
 * once Globex shows the Account.
 */
export async function connectAndSyncByClicking(page: Page, name = 'Initech'): Promise<void> {
  const acme = workspaceOf(page, 'Acme');
  const globex = workspaceOf(page, 'Globex');
  await enableS2S(page, acme);
  await enableS2S(page, globex);
  await partnerContact(page, acme);
  await openTab(acme, 'Connections');
  await acme.getByRole('button', { name: 'New', exact: true }).click();
  const invite = page.getByRole('dialog', { name: 'New Connection' });
  await invite
    .getByLabel('Contact', { exact: true })
    .selectOption({ label: 'Lee · Globex Corp · lee@globex.example.com' });
  await invite.getByRole('button', { name: 'Save & Send Invite' }).click();
  await invite.waitFor({ state: 'detached' });
  await runUntilIdle(page);
  await acceptInvitation(page, globex);
  await runUntilIdle(page);
  await openConnection(acme);
  await acme
    .getByRole('combobox', { name: 'Object to publish' })
    .selectOption({ label: 'Account' });
  await acme.getByRole('button', { name: 'Publish', exact: true }).click();
  await runUntilIdle(page);
  await openConnection(globex);
  await globex.getByRole('button', { name: 'Subscribe Account' }).click();
  const editor = globex.getByRole('form', { name: 'Field mapping: Account from the partner' });
  await editor.getByRole('button', { name: 'Auto-Map Fields' }).click();
  await editor.getByRole('checkbox', { name: 'Auto-Accept' }).check();
  await editor.getByRole('button', { name: 'Save' }).click();
  await runUntilIdle(page);
  await newRecord(page, acme, 'Accounts', 'Account', { 'Account Name': name });
  await openList(acme, 'Accounts');
  await acme.getByRole('checkbox', { name: `Select ${name}` }).check();
  await acme.getByRole('button', { name: 'Forward to Connection(s)' }).click();
  const forward = page.getByRole('dialog', { name: 'Forward to Connection(s)' });
  await forward.getByRole('checkbox', { name: 'Globex Corp' }).check();
  await forward.getByRole('button', { name: 'Save' }).click();
  await forward.waitFor({ state: 'detached' });
  await runUntilIdle(page);
  await openList(globex, 'Accounts');
  await globex.getByRole('button', { name, exact: true }).waitFor();
}
