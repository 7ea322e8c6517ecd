import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/engine/commands/command.ts';
import {
  ACME,
  addUser,
  connectedOrgs,
  copyOf,
  create,
  forward,
  GLOBEX,
  ok,
  partnerContact,
  refused,
  sharedAccount,
  twoOrgs,
  update,
} from './fixtures.ts';

describe('Enabling Salesforce to Salesforce', () => {
  it('EN-1: S2S is off in a new org and only a System Administrator can enable it', () => {
    const { s, A } = twoOrgs();
    expect(s.orgs().map((o) => o.s2sEnabled)).toEqual([false, false]);
    expect(s.s2sSettings(ACME).enabledAt).toBeNull();
    const std = addUser(s, ACME, A, 'Sam Standard', { manageConnections: true });
    refused(s, { type: 's2s.enable', org: ACME, as: std }, 'EN-1', /not a System Administrator/);
    expect(s.orgs()[0]!.s2sEnabled).toBe(false);
    s.advance(1234);
    ok(s, { type: 's2s.enable', org: ACME, as: A });
    expect(s.orgs()[0]!.s2sEnabled).toBe(true);
    expect(s.s2sSettings(ACME).enabledAt).toBe(1234);
    expect(s.orgs()[1]!.s2sEnabled).toBe(false);
    expect(s.log({ org: ACME, kind: 'info' }).some((e) => e.text?.includes('irreversible'))).toBe(
      true,
    );
  });

  it('EN-1: once enabled S2S cannot be disabled: enabling twice is refused and says so', () => {
    const { s, A } = twoOrgs();
    ok(s, { type: 's2s.enable', org: ACME, as: A });
    refused(s, { type: 's2s.enable', org: ACME, as: A }, 'EN-1', /cannot be disabled/);
    expect(s.orgs()[0]!.s2sEnabled).toBe(true);
  });

  it('EN-2: with S2S off the org has no connections and cannot invite, publish or forward', () => {
    const { s, A } = twoOrgs();
    const { contactId, accountId } = partnerContact(s, ACME, A, 'globex.example.com');
    expect(s.connections(ACME)).toEqual([]);
    refused(
      s,
      { type: 'connection.invite', org: ACME, as: A, contactId },
      'EN-2',
      /not enabled in Acme/,
    );
    refused(
      s,
      {
        type: 'record.forward',
        org: ACME,
        as: A,
        recordIds: [accountId],
        connectionIds: ['0CNA00000000001'],
      },
      'EN-2',
    );
    refused(
      s,
      {
        type: 'connection.publish',
        org: ACME,
        as: A,
        connectionId: '0CNA00000000001',
        object: 'Account',
      },
      'EN-2',
    );
    refused(s, { type: 'template.create', org: ACME, as: A, name: 'T', objects: {} }, 'EN-2');
    expect(s.connections(ACME)).toEqual([]);
    expect(s.recordConnections(ACME)).toEqual([]);
  });

  it('EN-2: an invitation to an org with S2S off waits, and becomes a connection on enable', () => {
    const { s, A, G } = twoOrgs();
    ok(s, { type: 's2s.enable', org: ACME, as: A });
    const { contactId } = partnerContact(s, ACME, A, 'globex.example.com');
    ok(s, { type: 'connection.invite', org: ACME, as: A, contactId });
    s.runUntilIdle();
    // Globex has no PNC at all, only a waiting invitation and a note to its admin.
    expect(s.connections(GLOBEX)).toEqual([]);
    expect(s.sandbox.state.orgs[GLOBEX]!.waitingInvitations).toHaveLength(1);
    expect(s.notifications(GLOBEX).at(-1)).toMatchObject({
      kind: 'invitationReceived',
      to: G,
    });
    expect(s.notifications(GLOBEX).at(-1)!.text).toMatch(/Enable Salesforce to Salesforce/);
    expect(s.connections(ACME)[0]!.ConnectionStatus).toBe('Sent');
    ok(s, { type: 's2s.enable', org: GLOBEX, as: G });
    const [g] = s.connections(GLOBEX);
    expect(g!.ConnectionStatus).toBe('Received');
    expect(g!.StatusLabel).toBe('Invitation Received');
    expect(s.sandbox.state.orgs[GLOBEX]!.waitingInvitations).toEqual([]);
    ok(s, { type: 'connection.accept', org: GLOBEX, as: G, connectionId: g!.Id });
    s.runUntilIdle();
    expect(s.connections(ACME)[0]!.ConnectionStatus).toBe('Accepted');
    expect(s.connections(GLOBEX)[0]!.ConnectionStatus).toBe('Accepted');
  });

  it('EN-2: a waiting invitation cancelled by its sender never becomes a connection', () => {
    const { s, A, G } = twoOrgs();
    ok(s, { type: 's2s.enable', org: ACME, as: A });
    const { contactId } = partnerContact(s, ACME, A, 'globex.example.com');
    const conn = ok(s, { type: 'connection.invite', org: ACME, as: A, contactId });
    s.runUntilIdle();
    ok(s, { type: 'connection.cancel', org: ACME, as: A, connectionId: conn });
    s.runUntilIdle();
    expect(s.sandbox.state.orgs[GLOBEX]!.waitingInvitations).toEqual([]);
    ok(s, { type: 's2s.enable', org: GLOBEX, as: G });
    expect(s.connections(GLOBEX)).toEqual([]);
    expect(s.connections(ACME)[0]!.ConnectionStatus).toBe('Inactive');
  });

  it('EN-3: settings hold the From address, display name and the three email templates', () => {
    const { s, A } = twoOrgs();
    ok(s, { type: 's2s.enable', org: ACME, as: A });
    const defaults = s.s2sSettings(ACME);
    expect(defaults.fromAddress).toBe('admin@acme.example.com');
    expect(defaults.displayName).toBe('Acme');
    expect(defaults.invitationTemplate).not.toBe('');
    expect(defaults.decisionTemplate).not.toBe('');
    expect(defaults.updateConnectionTemplate).not.toBe('');
    ok(s, {
      type: 's2s.settings',
      org: ACME,
      as: A,
      fromAddress: 'partners@acme.example.com',
      displayName: 'Acme Partners',
      invitationTemplate: 'Join us',
      decisionTemplate: '{partner} {decision} it',
      updateConnectionTemplate: '{partner} changed its publications.',
    });
    expect(s.s2sSettings(ACME)).toMatchObject({
      fromAddress: 'partners@acme.example.com',
      displayName: 'Acme Partners',
      invitationTemplate: 'Join us',
      decisionTemplate: '{partner} {decision} it',
      updateConnectionTemplate: '{partner} changed its publications.',
    });
  });

  it('EN-3: an invalid From address is refused and the settings stay as they were', () => {
    const { s, A } = twoOrgs();
    ok(s, { type: 's2s.enable', org: ACME, as: A });
    refused(
      s,
      { type: 's2s.settings', org: ACME, as: A, fromAddress: 'not an address', displayName: 'X' },
      'EN-3',
      /not a valid From address/,
    );
    expect(s.s2sSettings(ACME).displayName).toBe('Acme');
  });

  it('EN-3: the decision and Update Connection templates are what the inviter is sent', () => {
    const c = connectedOrgs({
      publish: {},
      subscribe: {},
      before: ({ s, A, G }) => {
        ok(s, {
          type: 's2s.settings',
          org: ACME,
          as: A,
          decisionTemplate: 'Decision: {partner} {decision}.',
        });
        ok(s, {
          type: 's2s.settings',
          org: GLOBEX,
          as: G,
          updateConnectionTemplate: 'News from {partner}:',
        });
      },
    });
    expect(notes(c.s, ACME, 'invitationDecision')).toEqual(['Decision: Globex accepted.']);
    ok(c.s, {
      type: 'connection.publish',
      org: ACME,
      as: c.A,
      connectionId: c.aConn,
      object: 'Account',
    });
    c.s.runUntilIdle();
    expect(notes(c.s, GLOBEX, 'publicationChanged')[0]).toMatch(
      /^News from Acme: Account published: Name/,
    );
  });
});

function notes(s: ReturnType<typeof twoOrgs>['s'], org: string, kind: string) {
  return s
    .notifications(org)
    .filter((n) => n.kind === kind)
    .map((n) => n.text);
}

describe('Permissions', () => {
  it('PERM-1: without Manage Connections a user cannot invite, accept, publish, subscribe or manage templates', () => {
    const c = connectedOrgs();
    const { s } = c;
    const aStd = addUser(s, ACME, c.A, 'Ann Std');
    const gStd = addUser(s, GLOBEX, c.G, 'Gus Std');
    const no = /lacks the Manage Connections permission/;
    refused(
      s,
      { type: 'connection.invite', org: ACME, as: aStd, contactId: c.partnerContactId },
      'PERM-1',
      no,
    );
    refused(
      s,
      {
        type: 'connection.publish',
        org: ACME,
        as: aStd,
        connectionId: c.aConn,
        object: 'Lead',
      },
      'PERM-1',
      no,
    );
    refused(
      s,
      {
        type: 'connection.subscribe',
        org: GLOBEX,
        as: gStd,
        connectionId: c.gConn,
        partnerObject: 'Account',
      },
      'PERM-1',
      no,
    );
    refused(
      s,
      { type: 'connection.deactivate', org: GLOBEX, as: gStd, connectionId: c.gConn },
      'PERM-1',
      no,
    );
    refused(s, { type: 'template.create', org: ACME, as: aStd, name: 'T', objects: {} }, 'PERM-1');
    refused(
      s,
      { type: 's2s.settings', org: ACME, as: aStd, displayName: 'Mine' },
      'PERM-1',
      /manage templates/,
    );
  });

  it('PERM-1: accepting an invitation needs Manage Connections', () => {
    const { s, A, G } = twoOrgs();
    ok(s, { type: 's2s.enable', org: ACME, as: A });
    ok(s, { type: 's2s.enable', org: GLOBEX, as: G });
    const { contactId } = partnerContact(s, ACME, A, 'globex.example.com');
    ok(s, { type: 'connection.invite', org: ACME, as: A, contactId });
    s.runUntilIdle();
    const gStd = addUser(s, GLOBEX, G, 'Gus Std');
    const gMgr = addUser(s, GLOBEX, G, 'Gail Manager', { manageConnections: true });
    const conn = s.connections(GLOBEX)[0]!.Id;
    refused(s, { type: 'connection.accept', org: GLOBEX, as: gStd, connectionId: conn }, 'PERM-1');
    expect(s.connections(GLOBEX)[0]!.ConnectionStatus).toBe('Received');
    // A Standard User granted the permission can.
    ok(s, { type: 'connection.accept', org: GLOBEX, as: gMgr, connectionId: conn });
    expect(s.connections(GLOBEX)[0]!.ConnectionStatus).toBe('Accepted');
  });

  it('PERM-1: forwarding several records from a list view needs Manage Connections; one own record does not', () => {
    const c = connectedOrgs();
    const { s } = c;
    const std = addUser(s, ACME, c.A, 'Ann Std');
    const a1 = create(s, ACME, std, 'Account', { Name: 'One' });
    const a2 = create(s, ACME, std, 'Account', { Name: 'Two' });
    refused(
      s,
      { type: 'record.forward', org: ACME, as: std, recordIds: [a1, a2], connectionIds: [c.aConn] },
      'PERM-1',
      /forward records from a list view/,
    );
    expect(
      s.dispatch({
        type: 'record.forward',
        org: ACME,
        as: std,
        recordIds: [a1],
        connectionIds: [c.aConn],
      }),
    ).toMatchObject({ ok: true });
    s.runUntilIdle();
    expect(s.records(GLOBEX, { object: 'Account' }).map((r) => r.fields.Name)).toContain('One');
  });

  it('PERM-1: a list view forward of one record needs Manage Connections; the same record from its page does not', () => {
    const c = connectedOrgs();
    const { s } = c;
    const std = addUser(s, ACME, c.A, 'Ann Std');
    const a1 = create(s, ACME, std, 'Account', { Name: 'One' });
    const fwd = { type: 'record.forward' as const, org: ACME, as: std, recordIds: [a1] };
    refused(
      s,
      { ...fwd, connectionIds: [c.aConn], from: 'listView' as const },
      'PERM-1',
      /Manage Connections permission needed to forward records from a list view/,
    );
    expect(s.recordConnections(ACME)).toHaveLength(0);
    expect(s.dispatch({ ...fwd, connectionIds: [c.aConn], from: 'record' as const })).toMatchObject(
      {
        ok: true,
      },
    );
  });

  it('PERM-2: a non-admin forwards own records and those owned below them in the role hierarchy, not others', () => {
    const c = connectedOrgs();
    const { s, A } = c;
    const boss = ok(s, { type: 'role.create', org: ACME, as: A, name: 'VP Sales' });
    const rep = ok(s, { type: 'role.create', org: ACME, as: A, name: 'Rep', parentRoleId: boss });
    const other = ok(s, { type: 'role.create', org: ACME, as: A, name: 'Support' });
    const vp = addUser(s, ACME, A, 'Vera VP', { roleId: boss });
    const sam = addUser(s, ACME, A, 'Sam Rep', { roleId: rep });
    const sue = addUser(s, ACME, A, 'Sue Support', { roleId: other });
    const samsAccount = create(s, ACME, sam, 'Account', { Name: 'Sams' });
    const suesAccount = create(s, ACME, sue, 'Account', { Name: 'Sues' });
    const fwd = (as: string, id: string): Command => ({
      type: 'record.forward',
      org: ACME,
      as,
      recordIds: [id],
      connectionIds: [c.aConn],
    });
    // Sam cannot forward Sue's record: it is neither his nor below him.
    refused(s, fwd(sam, suesAccount), 'PERM-2', /not theirs nor owned below them/);
    // Sue's peer role gives no reach to Sam's record either.
    refused(s, fwd(sue, samsAccount), 'PERM-2');
    // The VP reaches Sam's record through the role hierarchy…
    expect(s.dispatch(fwd(vp, samsAccount))).toMatchObject({ ok: true });
    // …and the admin any record.
    expect(s.dispatch(fwd(A, suesAccount))).toMatchObject({ ok: true });
    s.runUntilIdle();
    expect(
      s
        .records(GLOBEX, { object: 'Account' })
        .map((r) => r.fields.Name)
        .sort(),
    ).toEqual(['Sams', 'Sues']);
  });

  it('PERM-2: stopping the sharing of a record needs access to it too', () => {
    const c = connectedOrgs();
    const { s } = c;
    const { acmeId } = sharedAccount(c);
    const std = addUser(s, ACME, c.A, 'Ann Std');
    const p = s.recordConnections(ACME).find((x) => x.LocalRecordId === acmeId)!;
    refused(s, { type: 'sharing.stop', org: ACME, as: std, pnrcId: p.Id }, 'PERM-2');
    expect(s.recordConnections(ACME).find((x) => x.Id === p.Id)!.Status).toBe('Sent');
  });

  it('PERM-2: a record the user cannot see cannot be forwarded, even by its id', () => {
    const c = connectedOrgs();
    const std = addUser(c.s, ACME, c.A, 'Ann Std');
    const hidden = create(c.s, ACME, c.A, 'Account', { Name: 'Secret' });
    expect(c.s.records(ACME, { as: std }).some((r) => r.Id === hidden)).toBe(false);
    refused(
      c.s,
      {
        type: 'record.forward',
        org: ACME,
        as: std,
        recordIds: [hidden],
        connectionIds: [c.aConn],
      },
      'PERM-2',
    );
  });

  it('PERM-3: inbound changes are made by the Connection User (alias pnet), shown as Last Modified By and in field history', () => {
    const c = connectedOrgs();
    const { s } = c;
    const pnet = s.users(GLOBEX).find((u) => u.system)!;
    expect(pnet.Name).toBe('Connection User');
    expect(pnet.Alias).toBe('pnet');
    const { acmeId, globexId } = sharedAccount(c);
    const copy = s.record(GLOBEX, globexId)!;
    expect(copy.record.CreatedById).toBe(pnet.Id);
    expect(copy.record.LastModifiedById).toBe(pnet.Id);
    update(s, ACME, c.A, acmeId, { Phone: '555-0199' });
    s.runUntilIdle();
    const after = s.record(GLOBEX, globexId)!;
    expect(after.record.LastModifiedById).toBe(pnet.Id);
    const phone = after.history.filter((h) => h.field === 'Phone').at(-1)!;
    expect(phone).toMatchObject({
      oldValue: '555-0100',
      newValue: '555-0199',
      source: { by: pnet.Id, via: c.gConn },
    });
    // The original in Acme was last modified by Acme's admin, not by a connection user.
    expect(s.record(ACME, acmeId)!.record.LastModifiedById).toBe(c.A);
  });

  it('PERM-3: nobody can act as the Connection User', () => {
    const c = connectedOrgs();
    const pnet = c.s.users(GLOBEX).find((u) => u.system)!;
    refused(
      c.s,
      { type: 'record.create', org: GLOBEX, as: pnet.Id, object: 'Account', values: { Name: 'X' } },
      'PERM-3',
      /system user/,
    );
  });

  it('PERM-2: a Standard User who owns a received copy can edit it, and the edit flows back on a two-way share', () => {
    const c = connectedOrgs({
      publish: { acme: { Account: ['Name', 'Phone'] }, globex: { Account: ['Name', 'Phone'] } },
      subscribe: { acme: { Account: {} }, globex: { Account: {} } },
      autoAccept: false,
    });
    const { s } = c;
    const std = addUser(s, GLOBEX, c.G, 'Gus Std');
    const acmeId = create(s, ACME, c.A, 'Account', { Name: 'Shared', Phone: '1' });
    forward(c, [acmeId]);
    const pending = s.inbox(GLOBEX)[0]!;
    ok(s, { type: 'inbox.accept', org: GLOBEX, as: c.G, pnrcId: pending.Id, ownerId: std });
    s.runUntilIdle();
    const copy = copyOf(s, GLOBEX, acmeId);
    update(s, GLOBEX, std, copy, { Phone: '2' });
    s.runUntilIdle();
    expect(s.record(ACME, acmeId)!.record.fields.Phone).toBe('2');
  });
});
