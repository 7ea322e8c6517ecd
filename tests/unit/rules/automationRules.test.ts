import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import {
  ACME,
  GLOBEX,
  addUser,
  connectedOrgs,
  create,
  ok,
  update,
  type Connected,
} from './fixtures.ts';

function addRule(c: Connected, rule: Partial<Parameters<typeof ruleOf>[1]> = {}) {
  return ok(c.s, { type: 'automationRule.add', org: ACME, as: c.A, rule: ruleOf(c, rule) });
}

function ruleOf(
  c: Connected,
  over: Partial<{
    Name: string;
    object: string;
    when: 'created' | 'updated' | 'createdOrUpdated';
    condition: {
      field: string;
      operator: 'equals' | 'contains' | 'isBlank';
      value?: string;
    } | null;
    relatedObjects: string[];
  }>,
) {
  return {
    Name: 'Share technology accounts',
    object: 'Account',
    when: 'createdOrUpdated' as const,
    condition: { field: 'Industry', operator: 'equals' as const, value: 'Technology' },
    connectionId: c.aConn,
    ...over,
  };
}

const globexNames = (c: Connected, object = 'Account') =>
  c.s.records(GLOBEX, { object }).map((r) => r.fields.Name ?? r.fields.LastName);

describe('Automation rules', () => {
  it('FWD-4: a rule forwards a created record that meets its condition, and only that one', () => {
    const c = connectedOrgs();
    addRule(c);
    create(c.s, ACME, c.A, 'Account', { Name: 'Initech', Industry: 'Technology' });
    create(c.s, ACME, c.A, 'Account', { Name: 'Bakery', Industry: 'Food' });
    c.s.runUntilIdle();
    expect(globexNames(c)).toEqual(['Initech']);
    const line = c.s.log({ org: ACME }).find((e) => e.text.includes('was created'));
    expect(line?.text).toMatch(
      /automation rule "Share technology accounts": Account \S+ was created and Industry matched, so it is forwarded to/,
    );
  });

  it('FWD-4: a rule fires on update once the condition holds, and not again while shared (REC-6)', () => {
    const c = connectedOrgs();
    addRule(c);
    const id = create(c.s, ACME, c.A, 'Account', { Name: 'Hooli', Industry: 'Food' });
    c.s.runUntilIdle();
    expect(globexNames(c)).toEqual([]);
    update(c.s, ACME, c.A, id, { Industry: 'Technology' });
    update(c.s, ACME, c.A, id, { Phone: '555-0100' });
    c.s.runUntilIdle();
    expect(globexNames(c)).toEqual(['Hooli']);
    expect(c.s.recordConnections(ACME).filter((p) => p.LocalRecordId === id)).toHaveLength(1);
  });

  it('FWD-1: a rule sends related children along with the record', () => {
    const c = connectedOrgs();
    addRule(c, { when: 'updated', condition: null, relatedObjects: ['Contact'] });
    const id = create(c.s, ACME, c.A, 'Account', { Name: 'Initech' });
    create(c.s, ACME, c.A, 'Contact', { LastName: 'Bolton', AccountId: id });
    update(c.s, ACME, c.A, id, { Phone: '555-0199' });
    c.s.runUntilIdle();
    expect(globexNames(c)).toEqual(['Initech']);
    const contact = c.s
      .records(GLOBEX, { object: 'Contact' })
      .find((r) => r.fields.LastName === 'Bolton');
    expect(contact?.fields.AccountId).toBe(c.s.records(GLOBEX, { object: 'Account' })[0]!.Id);
  });

  it('FWD-2, HLT-1, HLT-2: a refused forward keeps the save, shows in Health and notifies the connection owner', () => {
    const c = connectedOrgs({
      publish: { acme: { Account: ['Name'] } },
      subscribe: { globex: { Account: {} } },
    });
    addRule(c, { object: 'Contact', condition: null, Name: 'Share contacts' });
    const id = create(c.s, ACME, c.A, 'Contact', { LastName: 'Lee' });
    expect(c.s.records(ACME, { object: 'Contact' }).some((r) => r.Id === id)).toBe(true);
    const failures = c.s.failures(ACME);
    expect(failures).toMatchObject([
      {
        connectionId: c.aConn,
        recordId: id,
        rule: 'FWD-2',
        reason: expect.stringContaining('Invalid Partner Network Status'),
      },
    ]);
    expect(c.s.health(ACME)[0]!.failed).toHaveLength(1);
    const owner = c.s.connections(ACME)[0]!.PrimaryContactId;
    expect(c.s.notifications(ACME).at(-1)).toMatchObject({
      to: owner,
      kind: 'syncFailure',
      text: expect.stringContaining('automation rule "Share contacts" could not forward Contact'),
    });
  });

  it('FWD-2: a child goes under its parent when the parent is shared, else alone (FWD-3)', () => {
    const c = connectedOrgs();
    addRule(c, {
      object: 'Contact',
      condition: { field: 'Email', operator: 'contains', value: '@' },
    });
    const shared = create(c.s, ACME, c.A, 'Account', { Name: 'Shared Co' });
    ok(c.s, {
      type: 'pnrc.insert',
      org: ACME,
      as: c.A,
      ConnectionId: c.aConn,
      LocalRecordId: shared,
    });
    const alone = create(c.s, ACME, c.A, 'Account', { Name: 'Alone Co' });
    create(c.s, ACME, c.A, 'Contact', { LastName: 'Under', Email: 'u@x.com', AccountId: shared });
    create(c.s, ACME, c.A, 'Contact', { LastName: 'Solo', Email: 's@x.com', AccountId: alone });
    const byRecord = Object.fromEntries(
      c.s.recordConnections(ACME).map((p) => [p.LocalRecordId, p.ParentRecordId]),
    );
    const contacts = c.s.records(ACME, { object: 'Contact' });
    const under = contacts.find((r) => r.fields.LastName === 'Under')!.Id;
    const solo = contacts.find((r) => r.fields.LastName === 'Solo')!.Id;
    expect(byRecord[under]).toBe(shared);
    expect(byRecord[solo]).toBeNull();
  });

  it('PERM-1, EN-2: only a user with Manage Connections adds rules, and only with S2S on', () => {
    const c = connectedOrgs();
    const sam = addUser(c.s, ACME, c.A, 'Sam');
    expect(
      c.s.dispatch({ type: 'automationRule.add', org: ACME, as: sam, rule: ruleOf(c, {}) }),
    ).toMatchObject({ ok: false, rule: 'PERM-1' });
    const s = S2S.create();
    s.run([{ type: 'org.create', org: 'solo', name: 'Solo' }]);
    expect(
      s.dispatch({
        type: 'automationRule.add',
        org: 'solo',
        as: s.orgs()[0]!.adminId,
        rule: { Name: 'x', object: 'Account', when: 'created', connectionId: 'nope' },
      }),
    ).toMatchObject({ ok: false, rule: 'EN-2' });
  });

  it('rules name real things, are listed, removed, and replay the same', () => {
    const c = connectedOrgs();
    expect(
      c.s.dispatch({
        type: 'automationRule.add',
        org: ACME,
        as: c.A,
        rule: ruleOf(c, { condition: { field: 'Industri', operator: 'equals', value: 'x' } }),
      }),
    ).toMatchObject({ ok: false, reason: 'There is no field Account.Industri.' });
    const id = addRule(c);
    expect(c.s.automationRules(ACME).map((r) => r.Id)).toEqual([id]);
    create(c.s, ACME, c.A, 'Account', { Name: 'Initech', Industry: 'Technology' });
    ok(c.s, { type: 'automationRule.remove', org: ACME, as: c.A, id });
    create(c.s, ACME, c.A, 'Account', { Name: 'Later', Industry: 'Technology' });
    c.s.runUntilIdle();
    expect(globexNames(c)).toEqual(['Initech']);
    const again = S2S.fromScenario(c.s.scenario());
    expect(again.log().map((e) => e.text)).toEqual(c.s.log().map((e) => e.text));
  });

  it('a rule makes a record.update go through the rules instead of the sync kernel, with the same result', () => {
    const c = connectedOrgs();
    addRule(c);
    const id = create(c.s, ACME, c.A, 'Account', { Name: 'Initech', Industry: 'Food' });
    const took = c.s.sandbox.kernelTook.edits;
    update(c.s, ACME, c.A, id, { Industry: 'Technology' });
    expect(c.s.sandbox.kernelTook.edits).toBe(took);
    expect(c.s.recordConnections(ACME).some((p) => p.LocalRecordId === id)).toBe(true);
  });
});
