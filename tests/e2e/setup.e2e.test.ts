import { describe, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { it } from './appTest.ts';
import { seriousViolations } from './axe.ts';

const acmeOf = (page: Page) => page.getByRole('region', { name: 'Acme workspace' });

async function openSetupPage(acme: Locator, name: string) {
  await acme.getByRole('tab', { name: 'Setup', exact: true }).click();
  await acme.getByRole('tab', { name, exact: true }).click();
}

/** The form a "New …" button opened, found by its name. */
const newForm = (acme: Locator, name: string) => acme.getByRole('region', { name, exact: true });

async function actAs(acme: Locator, user: string | { index: number }) {
  await acme
    .getByLabel('Current user')
    .selectOption(typeof user === 'string' ? { label: user } : user);
}

describe('the Setup tab', () => {
  it('PERM-1: an admin creates a Standard User without Manage Connections', async ({ app: s }) => {
    await s.page.evaluate(() => window.s2sApp!.pause());
    const acme = acmeOf(s.page);
    await openSetupPage(acme, 'Users');
    await acme.getByRole('button', { name: 'New User' }).click();
    const form = newForm(acme, 'New User');
    await form.getByLabel('Full Name').fill('Sam Std');
    await form.getByLabel('Profile').selectOption('Standard User');
    expect(await form.getByLabel('Manage Connections').isChecked()).toBe(false);
    await form.getByRole('button', { name: 'Save' }).click();
    const row = acme.getByRole('row', { name: /Sam Std/ });
    await expect.poll(() => row.innerText()).toContain('Standard User');
    expect(await row.innerText()).toMatch(/Standard User\s+No/);
    await s.screenshot('setup-users');
  });

  it('EN-1: a Standard User trying to enable is refused with the rule, in its own words', async ({
    app: s,
  }) => {
    const acme = acmeOf(s.page);
    await actAs(acme, 'Sam Std (Standard)');
    await openSetupPage(acme, 'Salesforce to Salesforce Settings');
    await acme.getByRole('button', { name: 'Enable', exact: true }).click();
    await s.page.getByRole('alertdialog').getByRole('button', { name: 'Enable' }).click();
    const alert = acme.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.getByRole('button', { name: 'EN-1' }).count()).toBe(1);
    expect((await alert.innerText()).length).toBeGreaterThan(10);
    await s.screenshot('setup-refusal-enable');
    await actAs(acme, { index: 0 });
  });

  it('EN-1, EN-2: enabling asks first, says it is for good, then Connections appears', async ({
    app: s,
  }) => {
    const acme = acmeOf(s.page);
    await openSetupPage(acme, 'Salesforce to Salesforce Settings');
    expect(await acme.getByRole('tab', { name: 'Connections' }).count()).toBe(0);
    await acme.getByRole('button', { name: 'Enable', exact: true }).click();
    const dialog = s.page.getByRole('alertdialog');
    expect(await dialog.innerText()).toMatch(/cannot be disabled/);
    await s.screenshot('setup-enable-confirm');
    await dialog.getByRole('button', { name: 'Enable' }).click();
    await expect.poll(() => acme.getByRole('tab', { name: 'Connections' }).count()).toBe(1);
    expect(await acme.getByText('Enabled', { exact: true }).count()).toBe(1);
    // EN-3: the settings form saves the From address and display name.
    await acme.getByLabel('From Email Address').fill('s2s@acme.example.com');
    await acme.getByLabel('Display Name').fill('Acme Partnerships');
    await acme.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => acme.getByRole('status').innerText()).toContain('saved');
    await s.screenshot('setup-s2s-settings');
  });

  it('EN-3: an invalid From address is refused and stays in the form', async ({ app: s }) => {
    const acme = acmeOf(s.page);
    await acme.getByLabel('From Email Address').fill('not an address');
    await acme.getByRole('button', { name: 'Save' }).click();
    const alert = acme.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('not a valid From address');
    expect(await alert.getByRole('button', { name: 'EN-3' }).count()).toBe(1);
    expect(await acme.getByLabel('From Email Address').inputValue()).toBe('not an address');
  });

  it('PERM-1: the Standard User does not see the Connections tab', async ({ app: s }) => {
    const acme = acmeOf(s.page);
    await actAs(acme, 'Sam Std (Standard)');
    await expect.poll(() => acme.getByRole('tab', { name: 'Connections' }).count()).toBe(0);
    expect(await acme.getByRole('tab', { name: 'Setup', exact: true }).count()).toBe(1);
    await actAs(acme, { index: 0 });
    await expect.poll(() => acme.getByRole('tab', { name: 'Connections' }).count()).toBe(1);
  });

  it('CONN-8: a connection template lists its objects and fields', async ({ app: s }) => {
    const acme = acmeOf(s.page);
    await openSetupPage(acme, 'Connection Templates');
    await acme.getByRole('button', { name: 'New Template' }).click();
    const form = newForm(acme, 'New Template');
    await form.getByLabel('Template Name').fill('Accounts only');
    await form.getByLabel('Account', { exact: true }).check();
    await form.getByRole('group', { name: 'Account fields' }).getByLabel('Account Phone').check();
    await s.screenshot('setup-template-form');
    await form.getByRole('button', { name: 'Save' }).click();
    const row = acme.getByRole('row', { name: /Accounts only/ });
    await expect.poll(() => row.innerText()).toContain('Account Name, Account Phone');
    await s.screenshot('setup-templates');
  });

  it('SHR-1: roles show as a hierarchy, and a sharing rule names one', async ({ app: s }) => {
    const acme = acmeOf(s.page);
    await openSetupPage(acme, 'Roles');
    for (const [name, parent] of [
      ['CEO', ''],
      ['VP Sales', 'CEO'],
    ]) {
      await acme.getByRole('button', { name: 'New Role' }).click();
      const form = newForm(acme, 'New Role');
      await form.getByLabel('Label').fill(name!);
      if (parent) await form.getByLabel('This role reports to').selectOption({ label: parent });
      await form.getByRole('button', { name: 'Save' }).click();
    }
    const tree = acme.getByRole('group', { name: 'Role hierarchy' });
    await expect.poll(() => tree.getByRole('listitem').count()).toBe(2);
    expect(await tree.getByRole('listitem').first().getByRole('list').innerText()).toContain(
      'VP Sales',
    );
    await s.screenshot('setup-roles');

    await openSetupPage(acme, 'Sharing Rules');
    await acme.getByRole('button', { name: 'New Sharing Rule' }).click();
    const form = newForm(acme, 'New Sharing Rule');
    await form.getByLabel('Rule Name').fill('Sales sees CEO accounts');
    await form.getByLabel('Owned by members of').selectOption({ label: 'CEO' });
    await form.getByLabel('Share with', { exact: true }).selectOption({ label: 'VP Sales' });
    await form.getByLabel('Access Level').selectOption({ label: 'Read/Write' });
    await form.getByRole('button', { name: 'Save' }).click();
    const row = acme.getByRole('row', { name: /Sales sees CEO accounts/ });
    await expect.poll(() => row.innerText()).toContain('Read/Write');
    await s.screenshot('setup-sharing-rules');
  });

  it('REC-2: a queue, and a Lead assignment rule that assigns to it', async ({ app: s }) => {
    const acme = acmeOf(s.page);
    await openSetupPage(acme, 'Queues');
    await acme.getByRole('button', { name: 'New Queue' }).click();
    const form = newForm(acme, 'New Queue');
    await form.getByLabel('Label').fill('Partner Leads');
    await form.getByLabel('Lead', { exact: true }).check();
    await form.getByLabel('Sam Std').check();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => acme.getByRole('row', { name: /Partner Leads/ }).count()).toBe(1);
    await s.screenshot('setup-queues');

    await openSetupPage(acme, 'Assignment Rules');
    await acme.getByRole('button', { name: 'Set Lead Assignment Rule' }).click();
    const rule = newForm(acme, 'Set Lead Assignment Rule');
    await rule.getByLabel('Rule Name').fill('Partners first');
    await rule.getByLabel('Field', { exact: true }).selectOption({ label: 'Lead Source' });
    await rule.getByLabel('Value', { exact: true }).fill('Partner');
    await rule.getByLabel('Assign To').selectOption({ label: 'Partner Leads' });
    await rule.getByRole('button', { name: 'Add Entry' }).click();
    await expect.poll(() => rule.getByRole('group', { name: 'Entry 2' }).count()).toBe(1);
    await s.screenshot('setup-assignment-form');
    await rule.getByRole('button', { name: 'Remove Entry 2' }).click();
    await rule.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => acme.getByText('Partners first').count()).toBe(1);
    expect(await acme.getByRole('row', { name: /Lead Source/ }).innerText()).toContain(
      'Partner Leads',
    );
    await s.screenshot('setup-assignment-rules');
  });

  it('a custom object with a custom field shows as a tab by its plural label', async ({
    app: s,
  }) => {
    const acme = acmeOf(s.page);
    await openSetupPage(acme, 'Object Manager');
    await s.screenshot('setup-object-manager');
    await acme.getByRole('button', { name: 'New Custom Object' }).click();
    const form = newForm(acme, 'New Custom Object');
    await form.getByLabel('Label', { exact: true }).fill('Invoice');
    await form.getByLabel(/Object Name/).fill('Invoice__c');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => acme.getByRole('tab', { name: 'Invoices' }).count()).toBe(1);
    // The new object opens at once.
    await acme.getByRole('button', { name: 'New Field' }).click();
    const field = newForm(acme, 'New Field');
    await field.getByLabel('Data Type').selectOption({ label: 'Text' });
    await field.getByLabel('Field Label').fill('Region');
    await field.getByLabel(/Field Name/).fill('Region__c');
    await field.getByLabel('Length').fill('40');
    await field.getByRole('button', { name: 'Save' }).click();
    const row = acme.getByRole('row', { name: /Region__c/ });
    await expect.poll(() => row.innerText()).toContain('Text(40)');
  });

  it('SUB-4: a duplicate field API name is refused with the engine’s sentence; the form keeps what was typed', async ({
    app: s,
  }) => {
    const acme = acmeOf(s.page);
    await acme.getByRole('button', { name: 'New Field' }).click();
    const field = newForm(acme, 'New Field');
    await field.getByLabel('Data Type').selectOption({ label: 'Number' });
    await field.getByLabel('Field Label').fill('Region again');
    await field.getByLabel(/Field Name/).fill('Region__c');
    await field.getByRole('button', { name: 'Save' }).click();
    const alert = field.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('already has a field named Region__c');
    await alert.getByRole('button', { name: 'SUB-4' }).click();
    await expect.poll(() => alert.getByRole('note').count()).toBe(1);
    expect(await field.getByLabel('Field Label').inputValue()).toBe('Region again');
    expect(await field.getByLabel(/Field Name/).inputValue()).toBe('Region__c');
    expect(await field.getByLabel('Data Type').inputValue()).toBe('Number');
    await s.screenshot('setup-refusal-field');
    await acme.getByRole('button', { name: 'New Field' }).click();
  });

  it('PUB-2: the lookup hint names a text formula as the way to publish a lookup Id', async ({
    app: s,
  }) => {
    const acme = acmeOf(s.page);
    await acme.getByRole('button', { name: 'New Field' }).click();
    const field = newForm(acme, 'New Field');
    await field.getByLabel('Data Type').selectOption({ label: 'Formula (Text)' });
    expect(await field.innerText()).toMatch(/text formula of a lookup/);
    await field.getByLabel('Field Label').fill('Region Copy');
    await field.getByLabel(/Field Name/).fill('Region_Copy__c');
    await field.getByLabel('Formula', { exact: true }).fill('Region__c');
    await s.screenshot('setup-field-form');
    await field.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => acme.getByRole('row', { name: /Region_Copy__c/ }).innerText())
      .toContain('Formula (Text)');
  });

  it('SUB-4: a custom field is renamed', async ({ app: s }) => {
    const acme = acmeOf(s.page);
    // The formula reads Region__c, so the field cannot be renamed until that is gone.
    await acme.getByRole('button', { name: 'Delete Region Copy' }).click();
    await s.page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => acme.getByRole('row', { name: /Region_Copy__c/ }).count()).toBe(0);
    await acme.getByRole('button', { name: 'Rename Region' }).click();
    const form = acme.getByRole('form', { name: 'Rename Region' });
    await form.getByLabel('New Field Label').fill('Sales Region');
    await form.getByLabel('New Field Name').fill('Sales_Region__c');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => acme.getByRole('row', { name: /Sales_Region__c/ }).innerText())
      .toContain('Sales Region');
    expect(await acme.getByRole('row', { name: /\bRegion__c/ }).count()).toBe(0);
  });

  it('SHR-2: a field hidden from Standard Users says so in the field list', async ({ app: s }) => {
    const acme = acmeOf(s.page);
    const fls = acme.getByRole('form', { name: 'Field-Level Security' });
    await fls.getByLabel('Field', { exact: true }).selectOption({ label: 'Sales Region' });
    await fls.getByLabel('Hidden from Standard User').check();
    await fls.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => acme.getByRole('row', { name: /Sales_Region__c/ }).innerText())
      .toContain('Standard User');

    // Validation rule and field update are listed once saved.
    const vr = acme.getByRole('form', { name: 'New Validation Rule' });
    await vr.getByLabel('Rule Field').selectOption({ label: 'Sales Region' });
    await vr.getByLabel('Error Message').fill('Say which region');
    await vr.getByRole('button', { name: 'Save Validation Rule' }).click();
    await expect.poll(() => acme.getByRole('row', { name: /Say which region/ }).count()).toBe(1);
    const fu = acme.getByRole('form', { name: 'New Field Update' });
    await fu.getByLabel('When this field changes').selectOption({ label: 'Invoice Name' });
    await fu.getByLabel('Set field').selectOption({ label: 'Sales Region' });
    await fu.getByLabel('To value').fill('EMEA');
    await fu.getByRole('button', { name: 'Save Field Update' }).click();
    await expect.poll(() => acme.getByRole('row', { name: /EMEA/ }).count()).toBe(1);
    await s.screenshot('setup-object-detail');
    await acme.getByRole('columnheader', { name: 'Field Label' }).scrollIntoViewIfNeeded();
    await s.screenshot('setup-object-fields');
    expect(s.problems).toEqual([]);
  });

  it('has no serious accessibility findings on its pages', async ({ app: s }) => {
    const acme = acmeOf(s.page);
    for (const page of [
      'Salesforce to Salesforce Settings',
      'Connection Templates',
      'Users',
      'Roles',
      'Queues',
      'Assignment Rules',
      'Sharing Rules',
      'Object Manager',
    ]) {
      await openSetupPage(acme, page);
      expect(await seriousViolations(s.page, '[aria-label="Acme workspace"]'), page).toEqual([]);
    }
  });
});
