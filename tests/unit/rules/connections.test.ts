import { describe, expect, it } from 'vitest';
import {
  ACME,
  addUser,
  connectedOrgs,
  globexValidationRule,
  copyOf,
  create,
  forward,
  GLOBEX,
  ok,
  partnerContact,
  refused,
  sends,
  sharedAccount,
  twoOrgs,
  update,
  type Orgs,
} from './fixtures.ts';

/** Both orgs enabled, a partner Contact in Acme; nothing sent yet. */
function enabled(seed = 1): Orgs & { contactId: string; accountId: string } {
  const o = twoOrgs(seed);
  o.s.run([
    { type: 's2s.enable', org: ACME, as: o.A },
    { type: 's2s.enable', org: GLOBEX, as: o.G },
  ]);
  return { ...o, ...partnerContact(o.s, ACME, o.A, 'globex.example.com') };
}

/** Acme invites Globex and the invitation arrives. Returns both PNC ids. */
function invited(seed = 1) {
  const e = enabled(seed);
  const aConn = ok(e.s, { type: 'connection.invite', org: ACME, as: e.A, contactId: e.contactId });
  e.s.runUntilIdle();
  return { ...e, aConn, gConn: e.s.connections(GLOBEX)[0]!.Id };
}

const status = (s: Orgs['s'], org: string) => s.connections(org)[0]?.ConnectionStatus;

describe('Connections', () => {
  it('CONN-1: the invitation needs a Contact with a valid email under the partner Account', () => {
    const { s, A, accountId } = enabled();
    const noEmail = create(s, ACME, A, 'Contact', { LastName: 'Nomail', AccountId: accountId });
    refused(
      s,
      { type: 'connection.invite', org: ACME, as: A, contactId: noEmail },
      'CONN-1',
      /needs a valid email address/,
    );
    const orphan = create(s, ACME, A, 'Contact', {
      LastName: 'Orphan',
      Email: 'orphan@globex.example.com',
    });
    refused(
      s,
      { type: 'connection.invite', org: ACME, as: A, contactId: orphan },
      'CONN-1',
      /must belong to an Account/,
    );
    refused(
      s,
      { type: 'connection.invite', org: ACME, as: A, contactId: accountId },
      'CONN-1',
      /Pick a Contact/,
    );
    const nowhere = create(s, ACME, A, 'Contact', {
      LastName: 'Far',
      Email: 'far@nowhere.example.org',
      AccountId: accountId,
    });
    refused(
      s,
      { type: 'connection.invite', org: ACME, as: A, contactId: nowhere },
      'CONN-1',
      /No org in this sandbox receives mail/,
    );
    expect(s.connections(ACME)).toEqual([]);
  });

  it('CONN-1: the Account follows the Contact and the Connection Owner is stored as PrimaryContactId', () => {
    const { s, A, contactId, accountId } = enabled();
    const owner = addUser(s, ACME, A, 'Olga Owner', { manageConnections: true });
    const id = ok(s, {
      type: 'connection.invite',
      org: ACME,
      as: A,
      contactId,
      ownerId: owner,
    });
    const pnc = s.connections(ACME).find((c) => c.Id === id)!;
    expect(pnc).toMatchObject({
      AccountId: accountId,
      ContactId: contactId,
      PrimaryContactId: owner,
      ConnectionName: 'Globex Corp',
      inviter: true,
    });
  });

  it('CONN-1: the connection name is at most 295 characters', () => {
    const { s, A, contactId } = enabled();
    refused(
      s,
      { type: 'connection.invite', org: ACME, as: A, contactId, name: 'x'.repeat(296) },
      'CONN-1',
      /1 to 295 characters/,
    );
    const id = ok(s, {
      type: 'connection.invite',
      org: ACME,
      as: A,
      contactId,
      name: 'y'.repeat(295),
    });
    expect(s.connections(ACME).find((c) => c.Id === id)!.ConnectionName).toHaveLength(295);
  });

  it('CONN-2: the inviter goes Pending → Sent → Accepted, the invitee sees Received, ResponseDate is set on acceptance', () => {
    const { s, A, G, contactId } = enabled();
    ok(s, { type: 'connection.invite', org: ACME, as: A, contactId });
    expect(status(s, ACME)).toBe('Pending');
    expect(s.connections(ACME)[0]!.StatusLabel).toBe('Pending');
    expect(s.connections(GLOBEX)).toEqual([]);
    s.runUntilIdle();
    expect(status(s, ACME)).toBe('Sent');
    expect(s.connections(ACME)[0]!.StatusLabel).toBe('Invitation Sent');
    const g = s.connections(GLOBEX)[0]!;
    expect(g.ConnectionStatus).toBe('Received');
    expect(g.StatusLabel).toBe('Invitation Received');
    expect(g.ResponseDate).toBeNull();
    expect(s.connections(ACME)[0]!.ResponseDate).toBeNull();
    s.advance(10_000);
    const decidedAt = s.now;
    ok(s, { type: 'connection.accept', org: GLOBEX, as: G, connectionId: g.Id });
    expect(status(s, GLOBEX)).toBe('Accepted');
    expect(s.connections(GLOBEX)[0]!.ResponseDate).toBe(decidedAt);
    expect(status(s, ACME)).toBe('Sent');
    s.runUntilIdle();
    const a = s.connections(ACME)[0]!;
    expect(a.ConnectionStatus).toBe('Accepted');
    expect(a.StatusLabel).toBe('Active');
    expect(a.ResponseDate).toBeGreaterThan(decidedAt);
  });

  it('CONN-3: the invitee can decline; both sides show Rejected and the inviter is notified', () => {
    const { s, G, gConn } = invited();
    ok(s, { type: 'connection.decline', org: GLOBEX, as: G, connectionId: gConn });
    s.runUntilIdle();
    expect(status(s, GLOBEX)).toBe('Rejected');
    expect(status(s, ACME)).toBe('Rejected');
    expect(s.connections(ACME)[0]!.StatusLabel).toBe('Declined');
    expect(s.connections(ACME)[0]!.ResponseDate).not.toBeNull();
    expect(s.connections(GLOBEX)[0]!.ResponseDate).not.toBeNull();
    const n = s.notifications(ACME).filter((x) => x.kind === 'invitationDecision');
    expect(n.map((x) => x.text)).toEqual(['Globex has declined your invitation.']);
    // A declined invitation cannot be accepted afterwards.
    refused(
      s,
      { type: 'connection.accept', org: GLOBEX, as: G, connectionId: gConn },
      'CONN-3',
      /Only an invitation received can be accepted/,
    );
  });

  it('CONN-3: Decide Later leaves the invitation Received and sends nothing', () => {
    const { s, G, gConn } = invited();
    const sent = s.inFlight().length;
    ok(s, { type: 'connection.decideLater', org: GLOBEX, as: G, connectionId: gConn });
    expect(status(s, GLOBEX)).toBe('Received');
    expect(s.inFlight()).toHaveLength(sent);
    s.runUntilIdle();
    expect(status(s, ACME)).toBe('Sent');
    // The invitation can still be accepted later.
    ok(s, { type: 'connection.accept', org: GLOBEX, as: G, connectionId: gConn });
    s.runUntilIdle();
    expect(status(s, ACME)).toBe('Accepted');
    expect(
      s
        .notifications(ACME)
        .filter((x) => x.kind === 'invitationDecision')
        .map((x) => x.text),
    ).toEqual(['Globex has accepted your invitation.']);
  });

  it('CONN-3: the inviter can cancel the invitation before a decision; both sides go Inactive', () => {
    const { s, A, G, aConn, gConn } = invited();
    ok(s, { type: 'connection.cancel', org: ACME, as: A, connectionId: aConn });
    expect(status(s, ACME)).toBe('Inactive');
    s.runUntilIdle();
    expect(status(s, GLOBEX)).toBe('Inactive');
    refused(s, { type: 'connection.accept', org: GLOBEX, as: G, connectionId: gConn }, 'CONN-3');
    refused(
      s,
      { type: 'connection.cancel', org: ACME, as: A, connectionId: aConn },
      'CONN-3',
      /Only an invitation you sent and nobody has decided can be cancelled/,
    );
  });

  it('CONN-3: the inviter can resend an undecided invitation; it arrives again without a second connection', () => {
    const { s, A, G, aConn } = invited();
    ok(s, { type: 'connection.resend', org: ACME, as: A, connectionId: aConn });
    expect(sends(s, ACME, 'Invitation')).toHaveLength(2);
    s.runUntilIdle();
    expect(s.connections(GLOBEX)).toHaveLength(1);
    expect(status(s, GLOBEX)).toBe('Received');
    expect(status(s, ACME)).toBe('Sent');
    expect(s.connections(ACME)[0]!.history.map((h) => h.text)).toContain('Invitation resent');
    ok(s, {
      type: 'connection.accept',
      org: GLOBEX,
      as: G,
      connectionId: s.connections(GLOBEX)[0]!.Id,
    });
    s.runUntilIdle();
    refused(
      s,
      { type: 'connection.resend', org: ACME, as: A, connectionId: aConn },
      'CONN-3',
      /can be resent/,
    );
  });

  it('CONN-4: at most one connection joins two orgs, whoever invites', () => {
    const c = connectedOrgs({ publish: {}, subscribe: {} });
    const { s } = c;
    refused(
      s,
      { type: 'connection.invite', org: ACME, as: c.A, contactId: c.partnerContactId },
      'CONN-4',
      /at most one connection joins two orgs/,
    );
    const back = partnerContact(s, GLOBEX, c.G, 'acme.example.com');
    refused(
      s,
      { type: 'connection.invite', org: GLOBEX, as: c.G, contactId: back.contactId },
      'CONN-4',
      /already a connection/,
    );
    const self = partnerContact(s, ACME, c.A, 'acme.example.com');
    refused(
      s,
      { type: 'connection.invite', org: ACME, as: c.A, contactId: self.contactId },
      'CONN-4',
      /cannot connect to itself/,
    );
    expect(s.connections(ACME)).toHaveLength(1);
    expect(s.connections(GLOBEX)).toHaveLength(1);
  });

  it('CONN-4: a pending invitation already counts as the one connection', () => {
    const { s, A, contactId } = enabled();
    ok(s, { type: 'connection.invite', org: ACME, as: A, contactId });
    refused(s, { type: 'connection.invite', org: ACME, as: A, contactId }, 'CONN-4');
  });

  it('CONN-5: after acceptance both orgs list the connection and nothing is published, subscribed or shared', () => {
    const c = connectedOrgs({ publish: {}, subscribe: {} });
    const { s } = c;
    for (const org of [ACME, GLOBEX]) {
      const [pnc] = s.connections(org);
      expect(pnc!.ConnectionStatus).toBe('Accepted');
      expect(pnc!.publications).toEqual({});
      expect(pnc!.subscriptions).toEqual({});
      expect(pnc!.partnerPublications).toEqual({});
      expect(s.recordConnections(org)).toEqual([]);
    }
    // The partner Account and Contact used for the invitation stayed in Acme.
    expect(s.records(GLOBEX)).toEqual([]);
    const acc = create(s, ACME, c.A, 'Account', { Name: 'Not yet' });
    refused(
      s,
      { type: 'record.forward', org: ACME, as: c.A, recordIds: [acc], connectionIds: [c.aConn] },
      'FWD-2',
      /Invalid Partner Network Status/,
    );
  });

  it('CONN-5: each side configures its own publications and subscriptions', () => {
    const c = connectedOrgs({
      publish: { acme: { Account: ['Name', 'Phone'] }, globex: { Lead: ['Email'] } },
      subscribe: { acme: { Lead: {} }, globex: { Account: {} } },
    });
    const a = c.s.connections(ACME)[0]!;
    const g = c.s.connections(GLOBEX)[0]!;
    expect(a.publications).toEqual({ Account: ['Name', 'Phone'] });
    expect(g.publications).toEqual({ Lead: ['LastName', 'Company', 'Email'] });
    expect(Object.keys(a.subscriptions)).toEqual(['Lead']);
    expect(Object.keys(g.subscriptions)).toEqual(['Account']);
    expect(a.partnerSubscriptions).toEqual(['Account']);
    expect(g.partnerSubscriptions).toEqual(['Lead']);
  });

  it('CONN-5: publishing needs an Accepted connection', () => {
    const { s, A, aConn } = invited();
    refused(
      s,
      { type: 'connection.publish', org: ACME, as: A, connectionId: aConn, object: 'Account' },
      'CONN-5',
      /need an active connection/,
    );
  });

  it('CONN-6: deactivation keeps accepted copies in both orgs, still editable, but nothing flows and later edits are not queued', () => {
    const c = connectedOrgs();
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    ok(s, { type: 'connection.deactivate', org: ACME, as: c.A, connectionId: c.aConn });
    s.runUntilIdle();
    expect(status(s, ACME)).toBe('Inactive');
    expect(status(s, GLOBEX)).toBe('Inactive');
    expect(s.record(ACME, acmeId)!.record.fields.Name).toBe('Initech');
    expect(s.record(GLOBEX, globexId)!.record.fields.Name).toBe('Initech');
    for (const org of [ACME, GLOBEX]) {
      const p = s.recordConnections(org)[0]!;
      expect(p.Status).toBe('Inactive');
      expect(p.EndDate).not.toBeNull();
    }
    const since = s.now;
    update(s, ACME, c.A, acmeId, { Phone: '555-9999' });
    update(s, GLOBEX, c.G, globexId, { Name: 'Initech Local' });
    expect(s.inFlight()).toEqual([]);
    expect(s.log({ kind: 'send', since })).toEqual([]);
    s.runUntilIdle();
    expect(s.record(GLOBEX, globexId)!.record.fields.Phone).toBe('555-0100');
    expect(s.record(GLOBEX, globexId)!.record.fields.Name).toBe('Initech Local');
    expect(s.record(ACME, acmeId)!.record.fields.Name).toBe('Initech');
    expect(s.connections(GLOBEX)[0]!.history.map((h) => h.text)).toContain(
      'Connection deactivated by the partner',
    );
    expect(s.notifications(GLOBEX).at(-1)!.kind).toBe('connectionDeactivated');
  });

  it('CONN-6: records forwarded but not yet accepted are removed from the receiving org', () => {
    const c = connectedOrgs({ autoAccept: false });
    const { s } = c;
    const acc = create(s, ACME, c.A, 'Account', { Name: 'Waiting' });
    forward(c, [acc]);
    expect(s.inbox(GLOBEX)).toHaveLength(1);
    ok(s, { type: 'connection.deactivate', org: GLOBEX, as: c.G, connectionId: c.gConn });
    expect(s.inbox(GLOBEX)).toEqual([]);
    const p = s.recordConnections(GLOBEX)[0]!;
    expect(p.pending).toBeNull();
    expect(p.Status).toBe('Inactive');
    refused(s, { type: 'inbox.accept', org: GLOBEX, as: c.G, pnrcId: p.Id }, 'REC-2');
    s.runUntilIdle();
    expect(s.records(GLOBEX, { object: 'Account' })).toEqual([]);
    expect(s.recordConnections(ACME)[0]!.Status).toBe('Inactive');
  });

  it('CONN-6: pending records are removed when the sender deactivates, too', () => {
    const c = connectedOrgs({ autoAccept: false });
    const acc = create(c.s, ACME, c.A, 'Account', { Name: 'Waiting' });
    forward(c, [acc]);
    ok(c.s, { type: 'connection.deactivate', org: ACME, as: c.A, connectionId: c.aConn });
    c.s.runUntilIdle();
    expect(c.s.inbox(GLOBEX)).toEqual([]);
    expect(c.s.records(GLOBEX)).toEqual([]);
  });

  it('CONN-6: a deactivated connection cannot be reactivated; a new invitation makes a new connection', () => {
    const c = connectedOrgs({ publish: {}, subscribe: {} });
    const { s } = c;
    ok(s, { type: 'connection.deactivate', org: GLOBEX, as: c.G, connectionId: c.gConn });
    s.runUntilIdle();
    refused(
      s,
      { type: 'connection.deactivate', org: ACME, as: c.A, connectionId: c.aConn },
      'CONN-6',
      /cannot be reactivated/,
    );
    refused(
      s,
      { type: 'connection.accept', org: GLOBEX, as: c.G, connectionId: c.gConn },
      'CONN-3',
    );
    const again = ok(s, {
      type: 'connection.invite',
      org: ACME,
      as: c.A,
      contactId: c.partnerContactId,
    });
    expect(again).not.toBe(c.aConn);
    s.runUntilIdle();
    const fresh = s.connections(GLOBEX).find((x) => x.Id !== c.gConn)!;
    expect(fresh.ConnectionStatus).toBe('Received');
    ok(s, { type: 'connection.accept', org: GLOBEX, as: c.G, connectionId: fresh.Id });
    s.runUntilIdle();
    expect(s.connections(ACME).map((x) => x.ConnectionStatus)).toEqual(['Inactive', 'Accepted']);
  });

  it('CONN-6: an edit made just before deactivation still arrives; one made after is never sent', () => {
    const c = connectedOrgs();
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    update(s, ACME, c.A, acmeId, { Phone: 'before' });
    ok(s, { type: 'connection.deactivate', org: ACME, as: c.A, connectionId: c.aConn });
    update(s, ACME, c.A, acmeId, { Phone: 'after' });
    s.runUntilIdle();
    expect(s.record(GLOBEX, globexId)!.record.fields.Phone).toBe('before');
  });

  it('CONN-7: connection history lists the invitation, acceptance, publications, subscriptions and sync failures', () => {
    const c = connectedOrgs({
      before: globexValidationRule({
        object: 'Account',
        field: 'Phone',
        operator: 'equals',
        value: '000',
        message: 'Phone 000 is a placeholder',
      }),
    });
    const { s } = c;
    const { acmeId } = sharedAccount(c);
    update(s, ACME, c.A, acmeId, { Phone: '000' });
    ok(s, {
      type: 'connection.unpublish',
      org: ACME,
      as: c.A,
      connectionId: c.aConn,
      object: 'Contact',
    });
    s.runUntilIdle();
    const a = s.connections(ACME)[0]!.history.map((h) => h.text);
    expect(a[0]).toBe('Invitation sent to lee@globex.example.com by Acme Admin');
    expect(a).toContain('Invitation delivered');
    expect(a).toContain('Invitation accepted by Globex');
    expect(a).toContain('Published Account: Name, Phone, Industry');
    expect(a).toContain('Unpublished Contact');
    expect(a).toContain('Globex Corp now subscribes to Account, Contact');
    const g = s.connections(GLOBEX)[0]!.history.map((h) => h.text);
    expect(g[0]).toBe('Invitation received from Acme');
    expect(g).toContain('Invitation accepted');
    expect(g.some((t) => t.startsWith('Subscribed to Account as Account (auto-accept)'))).toBe(
      true,
    );
    expect(g.some((t) => /Publication update from Acme: Contact unpublished/.test(t))).toBe(true);
    expect(
      g.some((t) =>
        /^Record sync failed for .*Validation rule: Phone 000 is a placeholder/.test(t),
      ),
    ).toBe(true);
  });

  it('CONN-7: a declined invitation shows in both histories', () => {
    const { s, G, gConn } = invited();
    ok(s, { type: 'connection.decline', org: GLOBEX, as: G, connectionId: gConn });
    s.runUntilIdle();
    expect(s.connections(GLOBEX)[0]!.history.map((h) => h.text)).toContain('Invitation declined');
    expect(s.connections(ACME)[0]!.history.map((h) => h.text)).toContain(
      'Invitation declined by Globex',
    );
  });

  it('CONN-8: a template published on acceptance when the invitation names it', () => {
    const e = enabled();
    const { s, A, G } = e;
    const t = ok(s, {
      type: 'template.create',
      org: ACME,
      as: A,
      name: 'Resellers',
      objects: { Account: ['Phone'], Lead: ['Email'] },
    });
    ok(s, { type: 'connection.invite', org: ACME, as: A, contactId: e.contactId, templateId: t });
    s.runUntilIdle();
    ok(s, {
      type: 'connection.accept',
      org: GLOBEX,
      as: G,
      connectionId: s.connections(GLOBEX)[0]!.Id,
    });
    s.runUntilIdle();
    expect(s.connections(ACME)[0]!.publications).toEqual({
      Account: ['Name', 'Phone'],
      Lead: ['LastName', 'Company', 'Email'],
    });
    expect(Object.keys(s.connections(GLOBEX)[0]!.partnerPublications).sort()).toEqual([
      'Account',
      'Lead',
    ]);
  });

  it('CONN-8: applying a template publishes what it lists, leaves matching state alone and unpublishes the rest', () => {
    const c = connectedOrgs({
      publish: { acme: { Account: ['Name', 'Phone'], Contact: ['LastName'], Lead: [] } },
      subscribe: { globex: { Account: {}, Contact: {}, Lead: {} } },
    });
    const { s } = c;
    const t = ok(s, {
      type: 'template.create',
      org: ACME,
      as: c.A,
      name: 'Accounts and opportunities',
      objects: { Account: ['Phone'], Opportunity: ['Amount'] },
    });
    const since = s.now;
    ok(s, {
      type: 'connection.applyTemplate',
      org: ACME,
      as: c.A,
      connectionId: c.aConn,
      templateId: t,
    });
    expect(s.connections(ACME)[0]!.publications).toEqual({
      Account: ['Name', 'Phone'],
      Opportunity: ['Name', 'CloseDate', 'StageName', 'Amount'],
    });
    const msg = s.inFlight().find((m) => m.body.kind === 'PublicationChanged')!;
    expect(msg.body).toMatchObject({
      kind: 'PublicationChanged',
      unpublished: ['Contact', 'Lead'],
    });
    // Account was already published as listed: not part of the change.
    expect(Object.keys((msg.body as { objects: Record<string, unknown> }).objects).sort()).toEqual([
      'Opportunity',
    ]);
    s.runUntilIdle();
    const g = s.connections(GLOBEX)[0]!;
    expect(Object.keys(g.partnerPublications).sort()).toEqual(['Account', 'Opportunity']);
    expect(Object.keys(g.subscriptions)).toEqual(['Account']);
    expect(s.log({ org: ACME, since }).some((e) => e.rule === 'CONN-8')).toBe(true);
  });

  it('CONN-8: templates are validated and the invitation refuses an unknown template', () => {
    const { s, A, contactId } = enabled();
    refused(
      s,
      { type: 'template.create', org: ACME, as: A, name: 'Bad', objects: { Account: ['Nope'] } },
      'CONN-8',
      /unknown field Account\.Nope/,
    );
    refused(
      s,
      { type: 'template.create', org: ACME, as: A, name: '  ', objects: {} },
      'CONN-8',
      /needs a name/,
    );
    refused(
      s,
      { type: 'connection.invite', org: ACME, as: A, contactId, templateId: '0CTA00000000009' },
      'CONN-8',
      /no connection template/,
    );
  });

  it('CONN-6: a record received before deactivation can still be edited locally afterwards', () => {
    const c = connectedOrgs();
    const acc = create(c.s, ACME, c.A, 'Account', { Name: 'Kept' });
    forward(c, [acc]);
    const copy = copyOf(c.s, GLOBEX, acc);
    ok(c.s, { type: 'connection.deactivate', org: GLOBEX, as: c.G, connectionId: c.gConn });
    update(c.s, GLOBEX, c.G, copy, { Industry: 'Energy' });
    expect(c.s.record(GLOBEX, copy)!.record.fields.Industry).toBe('Energy');
    expect(c.s.record(GLOBEX, copy)!.record.ConnectionReceivedId).toBe(c.gConn);
  });
});
