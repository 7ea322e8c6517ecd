import { describe, expect, it } from 'vitest';
import {
  ACME,
  addUser,
  connectedOrgs,
  globexValidationRule,
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

describe('Sharing model', () => {
  it("SHR-1: an inbound record is owned as accepted, and the receiver's role hierarchy decides who else sees it", () => {
    const c = connectedOrgs({ autoAccept: false });
    const { s, G } = c;
    const mgrRole = ok(s, { type: 'role.create', org: GLOBEX, as: G, name: 'Manager' });
    const repRole = ok(s, {
      type: 'role.create',
      org: GLOBEX,
      as: G,
      name: 'Rep',
      parentRoleId: mgrRole,
    });
    const peerRole = ok(s, { type: 'role.create', org: GLOBEX, as: G, name: 'Peer' });
    const mgr = addUser(s, GLOBEX, G, 'Mia Manager', { roleId: mgrRole });
    const rep = addUser(s, GLOBEX, G, 'Rob Rep', { roleId: repRole });
    const peer = addUser(s, GLOBEX, G, 'Pat Peer', { roleId: peerRole });
    const acc = create(s, ACME, c.A, 'Account', { Name: 'Visible?' });
    forward(c, [acc]);
    const id = ok(s, {
      type: 'inbox.accept',
      org: GLOBEX,
      as: G,
      pnrcId: s.inbox(GLOBEX)[0]!.Id,
      ownerId: rep,
    });
    const sees = (as: string) => s.records(GLOBEX, { as }).some((r) => r.Id === id);
    expect(s.record(GLOBEX, id)!.record.OwnerId).toBe(rep);
    expect(sees(rep)).toBe(true);
    expect(sees(mgr)).toBe(true);
    expect(sees(G)).toBe(true);
    expect(sees(peer)).toBe(false);
    refused(
      s,
      { type: 'record.update', org: GLOBEX, as: peer, id, values: { Phone: '1' } },
      'PERM-2',
    );
  });

  it("SHR-2: a field received through a mapping but hidden by the receiver's field-level security is stored and not shown", () => {
    const c = connectedOrgs({ autoAccept: false });
    const { s, G } = c;
    const rep = addUser(s, GLOBEX, G, 'Rob Rep');
    ok(s, {
      type: 'field.setHidden',
      org: GLOBEX,
      as: G,
      object: 'Account',
      field: 'Phone',
      hiddenFrom: ['Standard User'],
    });
    const acc = create(s, ACME, c.A, 'Account', { Name: 'Secretive', Phone: '555-0000' });
    forward(c, [acc]);
    const id = ok(s, {
      type: 'inbox.accept',
      org: GLOBEX,
      as: G,
      pnrcId: s.inbox(GLOBEX)[0]!.Id,
      ownerId: rep,
    });
    s.runUntilIdle();
    expect(s.record(GLOBEX, id)!.record.fields.Phone).toBe('555-0000');
    const seenByRep = s.records(GLOBEX, { as: rep }).find((r) => r.Id === id)!;
    expect(seenByRep.fields.Name).toBe('Secretive');
    expect('Phone' in seenByRep.fields).toBe(false);
    const seenByAdmin = s.records(GLOBEX, { as: G }).find((r) => r.Id === id)!;
    expect(seenByAdmin.fields.Phone).toBe('555-0000');
    refused(
      s,
      { type: 'record.update', org: GLOBEX, as: rep, id, values: { Phone: '1' } },
      'SHR-2',
      /field-level security/,
    );
    // Later updates keep flowing into the hidden field.
    update(s, ACME, c.A, acc, { Phone: '555-1111' });
    s.runUntilIdle();
    expect(s.record(GLOBEX, id)!.record.fields.Phone).toBe('555-1111');
    expect(s.records(GLOBEX, { as: rep }).find((r) => r.Id === id)!.fields.Phone).toBeUndefined();
    // FLS is per side: Acme's Standard Users still see the field.
    const acmeRep = addUser(s, ACME, c.A, 'Ann Rep');
    const own = create(s, ACME, acmeRep, 'Account', { Name: 'Mine', Phone: '1' });
    expect(s.records(ACME, { as: acmeRep }).find((r) => r.Id === own)!.fields.Phone).toBe('1');
  });
});

describe('Health and notifications', () => {
  it('HLT-1: per connection: status, records pending acceptance, messages in flight, failures with reasons, lag and last activity', () => {
    const c = connectedOrgs({
      before: globexValidationRule({
        object: 'Account',
        field: 'Industry',
        operator: 'equals',
        value: 'Other',
        message: 'Pick a real industry',
      }),
    });
    const { s } = c;
    const [fresh] = s.health(GLOBEX);
    expect(fresh).toMatchObject({
      connectionId: c.gConn,
      ConnectionName: 'Acme',
      status: 'Accepted',
      statusLabel: 'Active',
      pendingAcceptance: 0,
      messagesInFlight: 0,
      failed: [],
      failedRecords: [],
      lastLagMs: null,
      averageLagMs: null,
      appliedUpdates: 0,
    });
    const { acmeId, globexId } = sharedAccount(c);
    // A Contact waits: Contacts are accepted by hand or with their parent.
    const lone = create(s, ACME, c.A, 'Contact', { LastName: 'Alone' });
    forward(c, [lone]);
    expect(s.health(GLOBEX)[0]!.pendingAcceptance).toBe(1);
    const t0 = s.now;
    update(s, ACME, c.A, acmeId, { Phone: '1' });
    update(s, ACME, c.A, acmeId, { Industry: 'Other' });
    expect(s.health(ACME)[0]!.messagesInFlight).toBe(2);
    expect(s.health(GLOBEX)[0]!.messagesInFlight).toBe(0);
    s.runUntilIdle();
    const h = s.health(GLOBEX)[0]!;
    expect(h.messagesInFlight).toBe(0);
    expect(h.appliedUpdates).toBe(1);
    expect(h.lastLagMs).toBeGreaterThanOrEqual(1000);
    expect(h.lastLagMs).toBeLessThan(1400);
    expect(h.averageLagMs).toBe(h.lastLagMs);
    expect(h.lastActivity).toBeGreaterThan(t0);
    expect(h.failed).toHaveLength(1);
    expect(h.failed[0]).toMatchObject({
      recordId: globexId,
      reason: 'Validation rule: Pick a real industry',
    });
    expect(h.failedRecords).toEqual([
      { recordId: globexId, reason: 'Validation rule: Pick a real industry' },
    ]);
    ok(s, { type: 'connection.deactivate', org: ACME, as: c.A, connectionId: c.aConn });
    s.runUntilIdle();
    expect(s.health(GLOBEX)[0]).toMatchObject({ status: 'Inactive', statusLabel: 'Inactive' });
  });

  it('HLT-2: the connection owner is notified of the decision, forwarded records, publication changes and each sync failure', () => {
    const { s, A, G } = twoOrgs();
    s.run([
      { type: 's2s.enable', org: ACME, as: A },
      { type: 's2s.enable', org: GLOBEX, as: G },
    ]);
    const olga = addUser(s, ACME, A, 'Olga Owner', { manageConnections: true });
    const { contactId } = partnerContact(s, ACME, A, 'globex.example.com');
    ok(s, {
      type: 'validationRule.add',
      org: ACME,
      as: A,
      rule: { object: 'Account', field: 'Phone', operator: 'isBlank', message: 'Phone needed' },
    });
    const aConn = ok(s, { type: 'connection.invite', org: ACME, as: A, contactId, ownerId: olga });
    s.runUntilIdle();
    const gConn = s.connections(GLOBEX)[0]!.Id;
    // The invitee's connection owner (its admin) hears of the invitation.
    expect(s.notifications(GLOBEX).map((n) => [n.kind, n.to])).toEqual([['invitationReceived', G]]);
    ok(s, { type: 'connection.accept', org: GLOBEX, as: G, connectionId: gConn });
    s.runUntilIdle();
    ok(s, {
      type: 'connection.publish',
      org: GLOBEX,
      as: G,
      connectionId: gConn,
      object: 'Account',
      fields: ['Phone'],
    });
    s.runUntilIdle();
    ok(s, {
      type: 'connection.subscribe',
      org: ACME,
      as: A,
      connectionId: aConn,
      partnerObject: 'Account',
      autoAccept: true,
    });
    s.runUntilIdle();
    const g = create(s, GLOBEX, G, 'Account', { Name: 'From Globex', Phone: '1' });
    ok(s, { type: 'record.forward', org: GLOBEX, as: G, recordIds: [g], connectionIds: [gConn] });
    s.runUntilIdle();
    update(s, GLOBEX, G, g, { Phone: null });
    s.runUntilIdle();
    const notes = s.notifications(ACME);
    expect(notes.map((n) => n.kind)).toEqual([
      'invitationDecision',
      'publicationChanged',
      'recordsForwarded',
      'syncFailure',
    ]);
    expect(notes.every((n) => n.to === olga && n.connectionId === aConn)).toBe(true);
    expect(notes[0]!.text).toBe('Globex has accepted your invitation.');
    expect(notes[1]!.text).toMatch(
      /^Globex Corp has changed what it publishes to you\. Account published/,
    );
    expect(notes[2]!.text).toBe('Globex Corp forwarded an Account.');
    expect(notes[3]!.text).toMatch(/failed: Validation rule: Phone needed/);
    // Each one is in the log too.
    expect(s.log({ org: ACME, kind: 'notify' })).toHaveLength(4);
    // One notification per failure.
    update(s, GLOBEX, G, g, { Phone: '' });
    update(s, GLOBEX, G, g, { Phone: '2' });
    update(s, GLOBEX, G, g, { Phone: null });
    s.runUntilIdle();
    expect(s.notifications(ACME).filter((n) => n.kind === 'syncFailure')).toHaveLength(2);
  });
});
