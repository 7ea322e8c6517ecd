import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import { sharedAccount } from '../engine/sharedAccount.ts';

function oneOrg() {
  const s = S2S.create({ seed: 3 });
  s.run([{ type: 'org.create', org: 'acme', name: 'Acme' }]);
  const A = s.orgs()[0]!.adminId;
  return { s, A };
}

function accounts(s: S2S, as: string, n: number, prefix = 'Account') {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = s.dispatch({
      type: 'record.create',
      org: 'acme',
      as,
      object: 'Account',
      values: { Name: `${prefix} ${i}` },
    });
    if (!r.ok) throw new Error(r.reason);
    ids.push(r.id!);
  }
  return ids;
}

describe('record list pages', () => {
  it('pages newest first with a total, and an offset past the end is empty', () => {
    const { s, A } = oneOrg();
    accounts(s, A, 7);
    const first = s.recordPage('acme', { object: 'Account', as: A, limit: 3 });
    expect(first.total).toBe(7);
    expect(first.rows.map((r) => r.name)).toEqual(['Account 6', 'Account 5', 'Account 4']);
    const last = s.recordPage('acme', { object: 'Account', as: A, offset: 6, limit: 3 });
    expect(last.rows.map((r) => r.name)).toEqual(['Account 0']);
    expect(s.recordPage('acme', { object: 'Account', as: A, offset: 9 }).rows).toEqual([]);
  });

  it('skips deleted rows in the count and the page', () => {
    const { s, A } = oneOrg();
    const ids = accounts(s, A, 5);
    s.run([{ type: 'record.delete', org: 'acme', as: A, id: ids[3]! }]);
    const page = s.recordPage('acme', { object: 'Account', as: A, limit: 3 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.name)).toEqual(['Account 4', 'Account 2', 'Account 1']);
  });

  it('SHR-1: a Standard User pages only the records they may see', () => {
    const { s, A } = oneOrg();
    const made = s.dispatch({
      type: 'user.create',
      org: 'acme',
      as: A,
      name: 'Sam Std',
      profile: 'Standard User',
    });
    const std = made.ok ? made.id! : '';
    accounts(s, A, 4, 'Admin');
    accounts(s, std, 3, 'Sam');
    const page = s.recordPage('acme', { object: 'Account', as: std, limit: 2 });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.name)).toEqual(['Sam 2', 'Sam 1']);
    expect(s.recordPage('acme', { object: 'Account', as: A }).total).toBe(7);
  });

  it('SHR-2: a field hidden from the profile is left out of the rows', () => {
    const { s, A } = oneOrg();
    const made = s.dispatch({
      type: 'user.create',
      org: 'acme',
      as: A,
      name: 'Sam Std',
      profile: 'Standard User',
    });
    const std = made.ok ? made.id! : '';
    s.run([
      {
        type: 'record.create',
        org: 'acme',
        as: std,
        object: 'Account',
        values: { Name: 'Initech', Phone: '555' },
      },
      {
        type: 'field.setHidden',
        org: 'acme',
        as: A,
        object: 'Account',
        field: 'Phone',
        hiddenFrom: ['Standard User'],
      },
    ]);
    expect(s.recordPage('acme', { object: 'Account', as: std }).rows[0]!.fields).toEqual({
      Name: 'Initech',
    });
    expect(s.recordPage('acme', { object: 'Account', as: A }).rows[0]!.fields.Phone).toBe('555');
  });

  it('searches by name, any case', () => {
    const { s, A } = oneOrg();
    accounts(s, A, 12);
    const page = s.recordPage('acme', { object: 'Account', as: A, search: 'unt 1' });
    expect(page.rows.map((r) => r.name)).toEqual(['Account 11', 'Account 10', 'Account 1']);
    expect(page.total).toBe(3);
  });

  it('names Contacts by first and last name', () => {
    const { s, A } = oneOrg();
    s.run([
      {
        type: 'record.create',
        org: 'acme',
        as: A,
        object: 'Contact',
        values: { FirstName: 'Ada', LastName: 'Lee' },
      },
    ]);
    expect(s.recordPage('acme', { object: 'Contact', as: A }).rows[0]!.name).toBe('Ada Lee');
  });

  it('REC-3: rows say whom they are shared with and where they came from', () => {
    const { s, A, B, id, copy } = sharedAccount(7, ['Name', 'Phone']);
    const sent = s.recordPage('a', { object: 'Account', as: A }).rows.find((r) => r.Id === id)!;
    expect(sent.sharing).toMatch(/^Shared with /);
    const got = s.recordPage('b', { object: 'Account', as: B }).rows.find((r) => r.Id === copy)!;
    expect(got.sharing).toMatch(/^Received from /);
  });

  // Its cost is measured by `npm run bench -- workspace`, not timed here.
  it('an admin page deep inside 10,000 records holds that page and the total', () => {
    const { s, A } = oneOrg();
    accounts(s, A, 10_000);
    const page = s.recordPage('acme', { object: 'Account', as: A, offset: 5000, limit: 50 });
    expect(page.total).toBe(10_000);
    expect(page.rows).toHaveLength(50);
    expect(page.rows[0]!.name).toBe('Account 4999');
    expect(page.rows.at(-1)!.name).toBe('Account 4950');
  });
});
