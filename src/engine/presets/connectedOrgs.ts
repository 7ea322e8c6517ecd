import type { S2S } from '../api.ts';

/** Six everyday Account fields of different types: what the preset world usually syncs. */
export const ACCOUNT_FIELDS = [
  'Name',
  'Phone',
  'Website',
  'AccountNumber',
  'BillingCity',
  'Description',
] as const;

export interface ConnectedOrgs {
  A: string;
  B: string;
  aConn: string;
  bConn: string;
}

/**
 * A preset: orgs "a" and "b" with S2S enabled, connected through an accepted invitation, each
 * publishing `fields` of Account and subscribing to the other's (auto-accept on b), so a
 * forwarded Account syncs both ways. Extra orgs are created but not connected.
 */
export function connectedAccounts(
  s: S2S,
  fields: readonly string[],
  extraOrgs: string[] = [],
): ConnectedOrgs {
  s.run([
    { type: 'org.create', org: 'a', name: 'Org A' },
    { type: 'org.create', org: 'b', name: 'Org B' },
    ...extraOrgs.map((id) => ({ type: 'org.create' as const, org: id, name: `Org ${id}` })),
  ]);
  const [A, B] = s.orgs().map((o) => o.adminId) as [string, string];
  s.run([
    { type: 's2s.enable', org: 'a', as: A },
    { type: 's2s.enable', org: 'b', as: B },
  ]);
  const [account] = s.run([
    { type: 'record.create', org: 'a', as: A, object: 'Account', values: { Name: 'Org B Inc' } },
  ]);
  const [contact] = s.run([
    {
      type: 'record.create',
      org: 'a',
      as: A,
      object: 'Contact',
      values: {
        LastName: 'Partner',
        Email: 'partner@b.example.com',
        AccountId: account!.ok ? account!.id! : null,
      },
    },
  ]);
  s.run([
    { type: 'connection.invite', org: 'a', as: A, contactId: contact!.ok ? contact!.id! : '' },
  ]);
  s.runUntilIdle();
  const bConn = s.connections('b')[0]!.Id;
  s.run([{ type: 'connection.accept', org: 'b', as: B, connectionId: bConn }]);
  s.runUntilIdle();
  const aConn = s.connections('a')[0]!.Id;
  s.run([
    {
      type: 'connection.publish',
      org: 'a',
      as: A,
      connectionId: aConn,
      object: 'Account',
      fields: [...fields],
    },
    {
      type: 'connection.publish',
      org: 'b',
      as: B,
      connectionId: bConn,
      object: 'Account',
      fields: [...fields],
    },
  ]);
  s.runUntilIdle();
  s.run([
    {
      type: 'connection.subscribe',
      org: 'b',
      as: B,
      connectionId: bConn,
      partnerObject: 'Account',
      autoAccept: true,
    },
    {
      type: 'connection.subscribe',
      org: 'a',
      as: A,
      connectionId: aConn,
      partnerObject: 'Account',
    },
  ]);
  s.runUntilIdle();
  return { A, B, aConn, bConn };
}
