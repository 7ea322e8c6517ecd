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
  const back = ws.getByRole('button', { name: '← Back to list' });
  if (await back.count()) await back.click();
}

/** Opens the org's only connection's detail page in the Connections tab. */
export async function openConnection(ws: Locator): Promise<void> {
  await openTab(ws, 'Connections');
  const back = ws.getByRole('button', { name: 'Back to Connections' });
  if (await back.count()) return;
  await ws.getByRole('table', { name: 'Connections' }).getByRole('button').first().click();
  await back.waitFor();
}
