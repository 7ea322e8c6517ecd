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
