import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/engine/commands/command.ts';
import {
  ACME,
  GLOBEX,
  addUser,
  connectedOrgs,
  create,
  forward,
  ok,
  refused,
  update,
  type Connected,
} from './fixtures.ts';

/** Globex with three roles (Sales above Reps, and Media beside them), a user in each. */
function globexTeams() {
  const c = connectedOrgs({ autoAccept: false });
  const { s, G } = c;
  const role = (name: string, parentRoleId?: string) =>
    ok(s, { type: 'role.create', org: GLOBEX, as: G, name, parentRoleId });
  const sales = role('Sales');
  const reps = role('Reps', sales);
  const media = role('Media');
  const user = (name: string, roleId: string) => addUser(s, GLOBEX, G, name, { roleId });
  return {
    c,
    roles: { sales, reps, media },
    users: {
      rep: user('Rae Rep', reps),
      media: user('Mo Media', media),
      other: addUser(s, GLOBEX, G, 'Olly'),
    },
  };
}

/** Forwards an Account from Acme and accepts it in Globex, owned by `ownerId`. */
function received(c: Connected, values: Record<string, string>, ownerId: string): string {
  forward(c, [create(c.s, ACME, c.A, 'Account', { Name: 'Received', ...values })]);
  return ok(c.s, {
    type: 'inbox.accept',
    org: GLOBEX,
    as: c.G,
    pnrcId: c.s.inbox(GLOBEX)[0]!.Id,
    ownerId,
  });
}

type AddRule = Extract<Command, { type: 'sharingRule.add' }>;

const rule = (c: Connected, extra: Partial<AddRule>): AddRule => ({
  type: 'sharingRule.add',
  org: GLOBEX,
  as: c.G,
  object: 'Account',
  name: 'Rule',
  accessLevel: 'Read',
  sharedWith: { roleId: '' },
  ...extra,
});

describe('sharing rules (SHR-1)', () => {
  it('SHR-1: a criteria-based rule lets another role read received records that match, read-only', () => {
    const { c, roles, users } = globexTeams();
    const { s } = c;
    ok(
      s,
      rule(c, {
        name: 'Media accounts',
        sharedWith: { roleId: roles.media },
        criteria: { field: 'Name', operator: 'contains', value: 'Media' },
      }),
    );
    const matching = received(c, { Name: 'Media Corp' }, users.rep);
    const other = received(c, { Name: 'Steel Inc' }, users.rep);
    const sees = (as: string) => s.records(GLOBEX, { as }).map((r) => r.Id);
    expect(sees(users.media)).toContain(matching);
    expect(sees(users.media)).not.toContain(other);
    expect(sees(users.other)).not.toContain(matching);
    refused(
      s,
      {
        type: 'record.update',
        org: GLOBEX,
        as: users.media,
        id: matching,
        values: { Name: 'Mine' },
      },
      'PERM-2',
      /can read .* through a sharing rule but not edit it/,
    );
  });

  it('SHR-1: an owner-based Read/Write rule lets a role edit, and forward, what another role owns', () => {
    const { c, roles, users } = globexTeams();
    const { s } = c;
    ok(
      s,
      rule(c, {
        name: 'Sales to Media',
        accessLevel: 'Edit',
        sharedWith: { roleId: roles.media },
        owners: { roleId: roles.sales, includeSubordinates: true },
      }),
    );
    // Owned by a Rep, below Sales: covered because subordinates are included.
    const id = received(c, {}, users.rep);
    update(s, GLOBEX, users.media, id, { Name: 'Edited by Media' });
    expect(s.record(GLOBEX, id)!.record.fields.Name).toBe('Edited by Media');
    // Without subordinates the Rep's records are not covered.
    const { c: c2, roles: r2, users: u2 } = globexTeams();
    ok(
      c2.s,
      rule(c2, {
        accessLevel: 'Edit',
        sharedWith: { roleId: r2.media },
        owners: { roleId: r2.sales },
      }),
    );
    const id2 = received(c2, {}, u2.rep);
    expect(c2.s.records(GLOBEX, { as: u2.media }).map((r) => r.Id)).not.toContain(id2);
  });

  it('SHR-1: role groups with subordinates share with every role below the named one', () => {
    const { c, roles, users } = globexTeams();
    const { s } = c;
    ok(
      s,
      rule(c, {
        sharedWith: { roleId: roles.sales, includeSubordinates: true },
        criteria: { field: 'Phone', operator: 'isBlank' },
      }),
    );
    const id = received(c, {}, users.media);
    expect(s.records(GLOBEX, { as: users.rep }).map((r) => r.Id)).toContain(id);
  });

  it('SHR-1: only an administrator adds sharing rules, on owners or on criteria, naming roles that exist', () => {
    const { c, roles, users } = globexTeams();
    const { s } = c;
    refused(
      s,
      {
        ...rule(c, {
          sharedWith: { roleId: roles.media },
          criteria: { field: 'Name', operator: 'isBlank' },
        }),
        as: users.rep,
      },
      'SHR-1',
      /not a System Administrator/,
    );
    refused(
      s,
      rule(c, { sharedWith: { roleId: 'nope' }, criteria: { field: 'Name', operator: 'isBlank' } }),
      'SHR-1',
      /no role nope/,
    );
    refused(s, rule(c, { sharedWith: { roleId: roles.media } }), 'SHR-1', /owners or on criteria/);
    refused(
      s,
      rule(c, {
        sharedWith: { roleId: roles.media },
        owners: { roleId: roles.sales },
        criteria: { field: 'Name', operator: 'isBlank' },
      }),
      'SHR-1',
      /owners or on criteria/,
    );
    refused(
      s,
      rule(c, {
        sharedWith: { roleId: roles.media },
        criteria: { field: 'Nope', operator: 'isBlank' },
      }),
      'SHR-1',
      /Account has no field Nope/,
    );
    refused(
      s,
      rule(c, {
        object: 'Nope__c',
        sharedWith: { roleId: roles.media },
        criteria: { field: 'Name', operator: 'isBlank' },
      }),
      'SHR-1',
      /no object Nope__c/,
    );
    expect(s.sandbox.state.orgs[GLOBEX]!.sharingRules).toEqual([]);
  });
});
