import { describe, expect, it } from 'vitest';
import { soqlObjects, soql, type SoqlQuery } from '../../../src/engine/queries/soql.ts';
import { ACME, GLOBEX, addUser, connectedOrgs, create, forward, ok } from '../rules/fixtures.ts';

describe('The console SOQL query (s.soql)', () => {
  it('CONN-2: PartnerNetworkConnection rows carry the ConnectionStatus API value', () => {
    const c = connectedOrgs();
    const r = soql(c.s, ACME, c.A, {
      object: 'PartnerNetworkConnection',
      fields: ['Id', 'ConnectionStatus'],
      where: [{ field: 'ConnectionStatus', op: '=', value: 'accepted' }],
    });
    expect(r).toEqual({
      ok: true,
      object: 'PartnerNetworkConnection',
      fields: ['Id', 'ConnectionStatus'],
      rows: [{ Id: c.aConn, ConnectionStatus: 'Accepted' }],
    });
  });

  it('REC-1: PartnerNetworkRecordConnection rows show Status by API value on each side', () => {
    const c = connectedOrgs();
    const acct = create(c.s, ACME, c.A, 'Account', { Name: 'Initech' });
    forward(c, [acct]);
    const sent = soql(c.s, ACME, c.A, {
      object: 'PartnerNetworkRecordConnection',
      fields: ['LocalRecordId', 'Status'],
    });
    expect(sent.ok && sent.rows).toEqual([{ LocalRecordId: acct, Status: 'Sent' }]);
    const got = soql(c.s, GLOBEX, c.G, {
      object: 'PartnerNetworkRecordConnection',
      fields: ['Status'],
    });
    expect(got.ok && got.rows).toEqual([{ Status: 'Received' }]);
  });

  it('filters with =, !=, IN and LIKE, sorts and limits', () => {
    const c = connectedOrgs();
    for (const name of ['Initech', 'Initrode', 'Hooli', 'Pied Piper'])
      create(c.s, ACME, c.A, 'Account', {
        Name: name,
        Industry: name === 'Hooli' ? 'Technology' : null,
      });
    const names = (q: SoqlQuery) => {
      const r = soql(c.s, ACME, c.A, q);
      if (!r.ok) throw new Error(r.reason);
      return r.rows.map((x) => x.Name);
    };
    const base = { object: 'Account', fields: ['Name'], orderBy: [{ field: 'Name' }] };
    expect(names({ ...base, where: [{ field: 'Name', op: 'LIKE', value: 'init%' }] })).toEqual([
      'Initech',
      'Initrode',
    ]);
    expect(names({ ...base, where: [{ field: 'Name', op: 'LIKE', value: 'Init_ch' }] })).toEqual([
      'Initech',
    ]);
    expect(
      names({
        ...base,
        where: [{ field: 'Name', op: 'IN', value: ['Hooli', 'pied piper', 'Nope'] }],
      }),
    ).toEqual(['Hooli', 'Pied Piper']);
    expect(
      names({
        ...base,
        where: [
          { field: 'Industry', op: '=', value: null },
          { field: 'Name', op: '!=', value: 'Globex Corp' },
        ],
        orderBy: [{ field: 'Name', dir: 'DESC' }],
        limit: 2,
      }),
    ).toEqual(['Pied Piper', 'Initrode']);
  });

  it('SHR-1: a Standard User sees only the records they may see, and their shares', () => {
    const c = connectedOrgs();
    const mine = addUser(c.s, ACME, c.A, 'Sam');
    create(c.s, ACME, c.A, 'Account', { Name: 'Admin owns this' });
    const own = create(c.s, ACME, mine, 'Account', { Name: 'Sam owns this' });
    const r = soql(c.s, ACME, mine, { object: 'Account', fields: ['Id', 'Name'] });
    expect(r.ok && r.rows).toEqual([{ Id: own, Name: 'Sam owns this' }]);
  });

  it('SHR-2: a field hidden from the user is not there to query', () => {
    const c = connectedOrgs();
    const sam = addUser(c.s, ACME, c.A, 'Sam');
    ok(c.s, {
      type: 'field.setHidden',
      org: ACME,
      as: c.A,
      object: 'Account',
      field: 'Phone',
      hiddenFrom: ['Standard User'],
    });
    expect(soqlObjects(c.s, ACME, sam).Account).not.toContain('Phone');
    expect(soql(c.s, ACME, sam, { object: 'Account', fields: ['Phone'] })).toMatchObject({
      ok: false,
      reason: "No such column 'Phone' on entity 'Account'.",
    });
  });
});
