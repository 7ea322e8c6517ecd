import { describe, expect } from 'vitest';
import { it } from './appTest.ts';
import { seriousViolations } from './axe.ts';
import {
  acceptInvitation,
  enableS2S,
  openList,
  openTab,
  runUntilIdle,
  workspaceOf,
} from './workspace.ts';

describe('a third org', () => {
  it('is added with Add org, shown beside Acme, and connected by the screens', async ({
    app: s,
  }) => {
    const { page } = s;
    await page.getByRole('button', { name: /Pause/ }).click();
    await page.getByRole('button', { name: 'Add org' }).click();
    const add = page.getByRole('dialog', { name: 'Add org' });
    await add.getByLabel('Org name').fill('Initech');
    await add.getByLabel('Mail domain').fill('globex.example.com');
    await add.getByRole('button', { name: 'Save' }).click();
    // A domain another org already receives mail for is refused, and the form keeps its input.
    await expect.poll(() => add.getByRole('alert').innerText()).toContain('globex.example.com');
    expect(await add.getByLabel('Org name').inputValue()).toBe('Initech');
    await add.getByLabel('Mail domain').fill('initech.example.com');
    await add.getByRole('button', { name: 'Save' }).click();
    await add.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.svelte-flow__node').count()).toBe(3);

    // The new org takes the right-hand workspace; the switcher brings Globex back and forth.
    const initech = workspaceOf(page, 'Initech');
    await initech.waitFor();
    await initech.getByLabel('Show org').selectOption({ label: 'Globex' });
    await workspaceOf(page, 'Globex').waitFor();
    expect(await initech.count()).toBe(0);
    await page.locator('.svelte-flow__node', { hasText: 'Initech' }).click();
    await initech.waitFor();
    await s.screenshot('third-org');
    expect(await seriousViolations(page)).toEqual([]);

    const acme = workspaceOf(page, 'Acme');
    await enableS2S(page, acme);
    await enableS2S(page, initech);
    await openList(acme, 'Accounts');
    await acme.getByRole('button', { name: 'New', exact: true }).click();
    const account = page.getByRole('dialog', { name: 'New Account' });
    await account.getByLabel(/^Account Name/).fill('Initech Inc');
    await account.getByRole('button', { name: 'Save' }).click();
    await account.waitFor({ state: 'detached' });
    await openList(acme, 'Contacts');
    await acme.getByRole('button', { name: 'New', exact: true }).click();
    const contact = page.getByRole('dialog', { name: 'New Contact' });
    await contact.getByLabel(/^Last Name/).fill('Lumbergh');
    await contact.getByLabel('Email', { exact: true }).fill('bill@initech.example.com');
    await contact.getByLabel(/^Account Name/).selectOption({ label: 'Initech Inc' });
    await contact.getByRole('button', { name: 'Save' }).click();
    await contact.waitFor({ state: 'detached' });

    await openTab(acme, 'Connections');
    await acme.getByRole('button', { name: 'New', exact: true }).click();
    const invite = page.getByRole('dialog', { name: 'New Connection' });
    await invite
      .getByLabel('Contact', { exact: true })
      .selectOption({ label: 'Lumbergh · Initech Inc · bill@initech.example.com' });
    await invite.getByRole('button', { name: 'Save & Send Invite' }).click();
    await invite.waitFor({ state: 'detached' });
    await runUntilIdle(page);
    await acceptInvitation(page, initech);
    await runUntilIdle(page);
    const list = acme.getByRole('table', { name: 'Connections' });
    await openTab(acme, 'Connections');
    await expect.poll(() => list.innerText()).toMatch(/Initech Inc\s+Active\s*Accepted/);
    await expect.poll(() => page.locator('.svelte-flow__edge.status-Accepted').count()).toBe(2); // one edge per direction
    expect(s.problems).toEqual([]);
  });
});
