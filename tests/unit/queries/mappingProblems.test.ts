import { describe, expect, it } from 'vitest';
import { ACME, GLOBEX, connectedOrgs, create, forward, ok } from '../rules/fixtures.ts';

// What a subscription's mapping leaves wrong, found before a record fails on it, and the
// failure itself when a person accepts such a record anyway.

function unmappedName() {
  return connectedOrgs({
    subscribe: { globex: { Account: { mapping: { Name: null }, autoAccept: false } } },
  });
}

describe('mapping problems', () => {
  it('SYNC-5: a mapping that leaves Account Name unmapped is named, and a draft mapping is checked the same way', () => {
    const c = unmappedName();
    const problems = c.s.mappingProblems(GLOBEX);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      connectionId: c.gConn,
      partnerObject: 'Account',
      localLabel: 'Account',
      unmappedRequired: [{ apiName: 'Name', label: 'Account Name' }],
      broken: [],
    });
    expect(c.s.unmappedRequired(GLOBEX, 'Account', { Name: 'Name' })).toEqual([]);
    expect(c.s.unmappedRequired(GLOBEX, 'Account', { Name: null, Phone: 'Phone' })).toEqual([
      { apiName: 'Name', label: 'Account Name' },
    ]);
    // The default subscription maps Name, so it has no problem.
    expect(connectedOrgs().s.mappingProblems(GLOBEX)).toEqual([]);
  });

  it('SYNC-5: accepting a record whose required field nothing maps is refused with what the subscription lacks, and shows as a failure in Health and Connection History', () => {
    const c = unmappedName();
    const acmeId = create(c.s, ACME, c.A, 'Account', { Name: 'Initech', Phone: '555' });
    forward(c, [acmeId]);
    const waiting = c.s.inbox(GLOBEX)[0]!;
    const r = c.s.dispatch({ type: 'inbox.accept', org: GLOBEX, as: c.G, pnrcId: waiting.Id });
    expect(r).toMatchObject({ ok: false, rule: 'SYNC-5' });
    expect(!r.ok && r.reason).toBe(
      'The Account subscription maps nothing to Account Name, which is required.',
    );
    const health = c.s.health(GLOBEX).find((h) => h.connectionId === c.gConn)!;
    expect(health.failed).toHaveLength(1);
    expect(health.failed[0]!.reason).toContain('maps nothing to Account Name');
    const history = c.s.connections(GLOBEX).find((x) => x.Id === c.gConn)!.history;
    expect(history.at(-1)!.text).toContain('maps nothing to Account Name');
    // Still waiting: the refusal wrote no record.
    expect(c.s.inbox(GLOBEX)).toHaveLength(1);
    expect(
      c.s.records(GLOBEX, { object: 'Account' }).some((a) => a.fields.Name === 'Initech'),
    ).toBe(false);
    // A preview records nothing.
    c.s.preview({ type: 'inbox.accept', org: GLOBEX, as: c.G, pnrcId: waiting.Id });
    expect(c.s.health(GLOBEX).find((h) => h.connectionId === c.gConn)!.failed).toHaveLength(1);
  });

  it('SUB-4: the mappings into a field are listed before it is renamed, and broken after', () => {
    const c = connectedOrgs({
      before: ({ s, G }) =>
        ok(s, {
          type: 'field.create',
          org: GLOBEX,
          as: G,
          object: 'Account',
          field: { apiName: 'Tel__c', label: 'Tel', type: { kind: 'Phone' }, custom: true },
        }),
      subscribe: { globex: { Account: { mapping: { Name: 'Name', Phone: 'Tel__c' } } } },
    });
    expect(c.s.mappingsToField(GLOBEX, 'Account', 'Tel__c')).toEqual([
      {
        connectionId: c.gConn,
        ConnectionName: expect.any(String),
        ConnectionStatus: 'Accepted',
        partnerObject: 'Account',
        partnerField: 'Phone',
        partnerLabel: 'Account Phone',
      },
    ]);
    expect(c.s.mappingsToField(GLOBEX, 'Account', 'Name')).toHaveLength(1);
    expect(c.s.mappingsToField(GLOBEX, 'Account', 'Fax')).toEqual([]);
    expect(c.s.mappingProblems(GLOBEX)).toEqual([]);
    ok(c.s, {
      type: 'field.rename',
      org: GLOBEX,
      as: c.G,
      object: 'Account',
      field: 'Tel__c',
      newApiName: 'Phone2__c',
    });
    expect(c.s.mappingProblems(GLOBEX)).toMatchObject([
      { partnerObject: 'Account', broken: [{ partnerField: 'Phone', localField: 'Tel__c' }] },
    ]);
    expect(c.s.mappingsToField(GLOBEX, 'Account', 'Phone2__c')).toEqual([]);
  });
});
