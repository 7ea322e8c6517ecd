import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/engine/commands/command.ts';
import {
  ACME,
  addUser,
  connectedOrgs,
  connectThird,
  copyOf,
  create,
  forward,
  GLOBEX,
  ok,
  pnrcOf,
  refused,
  sends,
  sharedAccount,
  update,
  type Connected,
  insertPnrc,
} from './fixtures.ts';

/** Acme publishes Account, Contact, Opportunity, Task and Lead; Globex subscribes to all. */
function wide(opts: { autoAccept?: boolean; seed?: number } = {}): Connected {
  return connectedOrgs({
    seed: opts.seed,
    autoAccept: opts.autoAccept,
    publish: {
      acme: {
        Account: ['Name', 'Phone'],
        Contact: ['LastName', 'Email'],
        Opportunity: ['Amount'],
        Task: ['IsClosed'],
        Lead: ['Email'],
      },
    },
    subscribe: { globex: { Account: {}, Contact: {}, Opportunity: {}, Task: {}, Lead: {} } },
  });
}

/** An Account with two Contacts, one Opportunity, an open and a closed Task. */
function family(c: Connected) {
  const { s, A } = c;
  const acc = create(s, ACME, A, 'Account', { Name: 'Family' });
  const kids = [
    create(s, ACME, A, 'Contact', { LastName: 'Ann', AccountId: acc }),
    create(s, ACME, A, 'Contact', { LastName: 'Bob', AccountId: acc }),
  ];
  const opp = create(s, ACME, A, 'Opportunity', {
    Name: 'Deal',
    CloseDate: '2030-01-31',
    StageName: 'Prospecting',
    Amount: 1000,
    AccountId: acc,
  });
  const open = create(s, ACME, A, 'Task', { Subject: 'Call', IsClosed: false, WhatId: acc });
  const closed = create(s, ACME, A, 'Task', { Subject: 'Done', IsClosed: true, WhatId: acc });
  // A Contact of another Account must not travel along.
  const other = create(s, ACME, A, 'Account', { Name: 'Other' });
  create(s, ACME, A, 'Contact', { LastName: 'Stranger', AccountId: other });
  return { acc, kids, opp, open, closed };
}

const names = (c: Connected, object: string, field = 'Name') =>
  c.s
    .records(GLOBEX, { object })
    .map((r) => r.fields[field])
    .sort();

describe('Forwarding records', () => {
  it('FWD-1: forwarding an Account sends the chosen related children along, related to the local copy', () => {
    const c = wide();
    const { acc } = family(c);
    const ids = forward(c, [acc], { relatedObjects: ['Contact', 'Opportunity'] });
    expect(ids).toHaveLength(4);
    const parent = copyOf(c.s, GLOBEX, acc);
    expect(names(c, 'Contact', 'LastName')).toEqual(['Ann', 'Bob']);
    expect(names(c, 'Opportunity')).toEqual(['Deal']);
    for (const r of [
      ...c.s.records(GLOBEX, { object: 'Contact' }),
      ...c.s.records(GLOBEX, { object: 'Opportunity' }),
    ])
      expect(r.fields.AccountId).toBe(parent);
    expect(c.s.records(GLOBEX, { object: 'Task' })).toEqual([]);
    // Each child's PNRC names its parent.
    const childRows = c.s.recordConnections(ACME).filter((p) => p.object !== 'Account');
    expect(childRows.every((p) => p.ParentRecordId === acc)).toBe(true);
    expect(pnrcOf(c.s, ACME, acc).RelatedRecords).toBe('Contact,Opportunity');
  });

  it('FWD-1: open and closed Tasks are sent along only when asked for', () => {
    const c = wide();
    const { acc } = family(c);
    forward(c, [acc], { relatedObjects: ['Task'], sendOpenTasks: true, sendClosedTasks: false });
    expect(names(c, 'Task', 'Subject')).toEqual(['Call']);
    const c2 = wide();
    const f2 = family(c2);
    forward(c2, [f2.acc], {
      relatedObjects: ['Task'],
      sendOpenTasks: false,
      sendClosedTasks: true,
    });
    expect(names(c2, 'Task', 'Subject')).toEqual(['Done']);
    const c3 = wide();
    const f3 = family(c3);
    forward(c3, [f3.acc], { relatedObjects: ['Task'] });
    expect(names(c3, 'Task', 'Subject')).toEqual([]);
  });

  it('FWD-1: several records from a list view, with a notification email', () => {
    const c = wide();
    const a1 = create(c.s, ACME, c.A, 'Account', { Name: 'One' });
    const a2 = create(c.s, ACME, c.A, 'Account', { Name: 'Two' });
    forward(c, [a1, a2], { sendEmail: true });
    expect(names(c, 'Account')).toEqual(['One', 'Two']);
    const notes = c.s.notifications(GLOBEX).filter((n) => n.kind === 'recordsForwarded');
    expect(notes.map((n) => n.text)).toEqual([
      'Acme forwarded an Account (email sent).',
      'Acme forwarded an Account (email sent).',
    ]);
    expect(c.s.recordConnections(ACME).every((p) => p.SendEmails)).toBe(true);
    const quiet = create(c.s, ACME, c.A, 'Account', { Name: 'Quiet' });
    forward(c, [quiet]);
    expect(c.s.notifications(GLOBEX).at(-1)!.text).toBe('Acme forwarded an Account.');
  });

  it('FWD-2: an object not published, or not subscribed by the partner, gives Invalid Partner Network Status', () => {
    const c = connectedOrgs({
      publish: { acme: { Account: [], Contact: [] } },
      subscribe: { globex: { Account: {} } },
    });
    const lead = create(c.s, ACME, c.A, 'Lead', { LastName: 'L', Company: 'Co' });
    const con = create(c.s, ACME, c.A, 'Contact', { LastName: 'C' });
    const fwd = (id: string): Command => ({
      type: 'record.forward',
      org: ACME,
      as: c.A,
      recordIds: [id],
      connectionIds: [c.aConn],
    });
    refused(
      c.s,
      fwd(lead),
      'FWD-2',
      'Invalid Partner Network Status: Lead is not published on this connection.',
    );
    refused(
      c.s,
      fwd(con),
      'FWD-2',
      'Invalid Partner Network Status: Contact is not subscribed by Globex Corp.',
    );
  });

  it('FWD-2: a Lead without Company cannot be forwarded', () => {
    const c = wide();
    const lead = create(c.s, ACME, c.A, 'Lead', { LastName: 'NoCo' });
    refused(
      c.s,
      { type: 'record.forward', org: ACME, as: c.A, recordIds: [lead], connectionIds: [c.aConn] },
      'FWD-2',
      'A Lead without Company cannot be forwarded.',
    );
    update(c.s, ACME, c.A, lead, { Company: 'NowCo' });
    forward(c, [lead]);
    expect(names(c, 'Lead', 'Company')).toEqual(['NowCo']);
  });

  it('FWD-2: a record cannot be forwarded back to the connection it came from', () => {
    const c = connectedOrgs({
      publish: { acme: { Account: ['Phone'] }, globex: { Account: ['Phone'] } },
      subscribe: { acme: { Account: {} }, globex: { Account: {} } },
    });
    const { globexId } = sharedAccount(c);
    refused(
      c.s,
      {
        type: 'record.forward',
        org: GLOBEX,
        as: c.G,
        recordIds: [globexId],
        connectionIds: [c.gConn],
      },
      'FWD-2',
      /cannot be forwarded back to the connection it came from/,
    );
  });

  it('FWD-2: records go only on an Accepted connection', () => {
    const c = wide();
    const acc = create(c.s, ACME, c.A, 'Account', { Name: 'Late' });
    ok(c.s, { type: 'connection.deactivate', org: ACME, as: c.A, connectionId: c.aConn });
    refused(
      c.s,
      { type: 'record.forward', org: ACME, as: c.A, recordIds: [acc], connectionIds: [c.aConn] },
      'FWD-2',
      /is Inactive; records can be forwarded only on an active \(Accepted\) connection/,
    );
  });

  it('FWD-2: a child forwarded with a ParentRecordId before its parent is shared is refused', () => {
    const c = wide();
    const { acc, kids } = family(c);
    refused(
      c.s,
      insertPnrc(c, { LocalRecordId: kids[0]!, ParentRecordId: acc }),
      'FWD-2',
      /Share the parent Account .* first: a child cannot be forwarded before its parent is shared/,
    );
    forward(c, [acc]);
    ok(c.s, insertPnrc(c, { LocalRecordId: kids[0]!, ParentRecordId: acc }));
    c.s.runUntilIdle();
    const [kid] = c.s.records(GLOBEX, { object: 'Contact' });
    expect(kid!.fields.AccountId).toBe(copyOf(c.s, GLOBEX, acc));
  });

  it('FWD-3: a child forwarded on its own arrives unrelated to any parent, even when the parent is shared', () => {
    const c = wide();
    const { acc, kids } = family(c);
    forward(c, [acc]);
    forward(c, [kids[0]!]);
    const [row] = c.s.inbox(GLOBEX, 'Contact');
    expect(row!.pending!.parentShareKey).toBeNull();
    const id = ok(c.s, { type: 'inbox.accept', org: GLOBEX, as: c.G, pnrcId: row!.Id });
    const kid = c.s.record(GLOBEX, id)!.record;
    expect(kid.fields.LastName).toBe('Ann');
    expect(kid.fields.AccountId ?? null).toBeNull();
    expect(pnrcOf(c.s, ACME, kids[0]!).ParentRecordId).toBeNull();
  });

  it('FWD-4: inserting a PNRC forwards exactly as the UI does', () => {
    const ui = wide({ seed: 5 });
    const api = wide({ seed: 5 });
    const f1 = family(ui);
    const f2 = family(api);
    expect(f1).toEqual(f2);
    forward(ui, [f1.acc], { relatedObjects: ['Contact', 'Task'], sendOpenTasks: true });
    const r = api.s.dispatch({
      type: 'pnrc.insert',
      org: ACME,
      as: api.A,
      ConnectionId: api.aConn,
      LocalRecordId: f2.acc,
      RelatedRecords: 'Contact,Task',
      SendOpenTasks: true,
    });
    expect(r).toMatchObject({ ok: true });
    api.s.runUntilIdle();
    expect(JSON.stringify(api.s.snapshot().orgs)).toBe(JSON.stringify(ui.s.snapshot().orgs));
    expect(api.s.records(GLOBEX, { object: 'Contact' })).toHaveLength(2);
    expect(api.s.records(GLOBEX, { object: 'Task' })).toHaveLength(1);
    // Rows can be queried with their API fields.
    const row = pnrcOf(api.s, ACME, f2.acc);
    expect(row).toMatchObject({
      ConnectionId: api.aConn,
      LocalRecordId: f2.acc,
      ParentRecordId: null,
      RelatedRecords: 'Contact,Task',
      SendOpenTasks: true,
      SendClosedTasks: false,
      SendEmails: false,
      Status: 'Sent',
    });
  });

  it('FWD-4: RelatedRecords longer than 1000 characters, or a ParentRecordId that is not the parent, are refused', () => {
    const c = wide();
    const { acc, kids } = family(c);
    refused(
      c.s,
      insertPnrc(c, { LocalRecordId: acc, RelatedRecords: 'Contact,'.repeat(125) + 'X' }),
      'FWD-4',
      'RelatedRecords is longer than 1000 characters.',
    );
    // Exactly 1000 characters is fine.
    const exactly = ('Contact,'.repeat(125) + 'Contact').slice(0, 1000);
    expect(exactly).toHaveLength(1000);
    const other = create(c.s, ACME, c.A, 'Account', { Name: 'Not the parent' });
    forward(c, [other]);
    refused(
      c.s,
      insertPnrc(c, { LocalRecordId: kids[0]!, ParentRecordId: other }),
      'FWD-4',
      /is not the parent of/,
    );
    ok(c.s, insertPnrc(c, { LocalRecordId: acc, RelatedRecords: exactly }));
  });

  it('FWD-4: deleting a PNRC means stop sharing', () => {
    const c = wide();
    const { acmeId, globexId } = sharedAccount(c);
    const row = pnrcOf(c.s, ACME, acmeId);
    ok(c.s, { type: 'pnrc.delete', org: ACME, as: c.A, id: row.Id });
    c.s.runUntilIdle();
    expect(pnrcOf(c.s, ACME, acmeId)).toMatchObject({ Status: 'Inactive', state: 'stopped' });
    expect(pnrcOf(c.s, ACME, acmeId).EndDate).not.toBeNull();
    expect(pnrcOf(c.s, GLOBEX, globexId)).toMatchObject({ Status: 'Inactive', state: 'stopped' });
    // The partner's copy stays.
    expect(c.s.record(GLOBEX, globexId)).not.toBeNull();
    update(c.s, ACME, c.A, acmeId, { Phone: 'gone' });
    expect(c.s.inFlight()).toEqual([]);
  });

  // The scripting API has no PNRC update; a command that tries one must be refused (FWD-4), but
  // an unknown command type with `org` and `as` reaches orgAdmin(), whose switch returns undefined,
  // and Sandbox.dispatch() then throws a TypeError instead of returning a refusal.
  it('FWD-4: a PNRC cannot be updated: such a command is refused, not a crash', () => {
    const c = wide();
    const { acmeId } = sharedAccount(c);
    const row = pnrcOf(c.s, ACME, acmeId);
    const r = c.s.dispatch({
      type: 'pnrc.update',
      org: ACME,
      as: c.A,
      id: row.Id,
      SendEmails: true,
    } as unknown as Command);
    expect(r.ok).toBe(false);
    expect(pnrcOf(c.s, ACME, acmeId).SendEmails).toBe(false);
  });
});

describe('Record shares (PartnerNetworkRecordConnection)', () => {
  it('REC-1: statuses and labels on both sides: Pending (sent) → Active (sent) / Active (received) → Inactive, with StartDate and EndDate', () => {
    const c = wide({ autoAccept: false });
    const { s } = c;
    const acc = create(s, ACME, c.A, 'Account', { Name: 'Life' });
    ok(s, {
      type: 'record.forward',
      org: ACME,
      as: c.A,
      recordIds: [acc],
      connectionIds: [c.aConn],
    });
    expect(pnrcOf(s, ACME, acc)).toMatchObject({
      Status: 'Pending',
      StatusLabel: 'Pending (sent)',
      StartDate: null,
      EndDate: null,
      ConnectionName: 'Globex Corp',
    });
    s.runUntilIdle();
    const row = s.inbox(GLOBEX)[0]!;
    expect(row).toMatchObject({ Status: 'Pending', StatusLabel: 'Pending', LocalRecordId: null });
    s.advance(5000);
    const acceptedAt = s.now;
    const copy = ok(s, { type: 'inbox.accept', org: GLOBEX, as: c.G, pnrcId: row.Id });
    expect(pnrcOf(s, GLOBEX, copy)).toMatchObject({
      Status: 'Received',
      StatusLabel: 'Active (received)',
      StartDate: acceptedAt,
      EndDate: null,
    });
    expect(pnrcOf(s, ACME, acc).Status).toBe('Pending');
    s.runUntilIdle();
    const sent = pnrcOf(s, ACME, acc);
    expect(sent).toMatchObject({ Status: 'Sent', StatusLabel: 'Active (sent)' });
    expect(sent.StartDate).toBeGreaterThan(acceptedAt);
    s.advance(5000);
    const stoppedAt = s.now;
    ok(s, { type: 'sharing.stop', org: ACME, as: c.A, pnrcId: sent.Id });
    expect(pnrcOf(s, ACME, acc)).toMatchObject({
      Status: 'Inactive',
      StatusLabel: 'Inactive',
      EndDate: stoppedAt,
    });
    s.runUntilIdle();
    expect(pnrcOf(s, GLOBEX, copy)).toMatchObject({ Status: 'Inactive', StatusLabel: 'Inactive' });
    expect(pnrcOf(s, GLOBEX, copy).EndDate).toBeGreaterThan(stoppedAt);
  });

  it('REC-2: without auto-accept the record waits in "Accounts from Connections"; Accept lets the user choose the owner', () => {
    const c = wide({ autoAccept: false });
    const { s } = c;
    const rep = addUser(s, GLOBEX, c.G, 'Rita Rep');
    const acc = create(s, ACME, c.A, 'Account', { Name: 'Choose', Phone: '1' });
    forward(c, [acc]);
    expect(s.records(GLOBEX)).toEqual([]);
    expect(s.inbox(GLOBEX, 'Account').map((p) => p.pending!.values)).toEqual([
      { Name: 'Choose', Phone: '1' },
    ]);
    expect(s.inbox(GLOBEX, 'Contact')).toEqual([]);
    expect(s.health(GLOBEX)[0]!.pendingAcceptance).toBe(1);
    const id = ok(s, {
      type: 'inbox.accept',
      org: GLOBEX,
      as: c.G,
      pnrcId: s.inbox(GLOBEX)[0]!.Id,
      ownerId: rep,
    });
    expect(s.record(GLOBEX, id)!.record).toMatchObject({
      OwnerId: rep,
      fields: { Name: 'Choose', Phone: '1' },
    });
    expect(s.inbox(GLOBEX)).toEqual([]);
    // An inactive owner is refused.
    const acc2 = create(s, ACME, c.A, 'Account', { Name: 'Two' });
    forward(c, [acc2]);
    ok(s, { type: 'user.setActive', org: GLOBEX, as: c.G, userId: rep, active: false });
    refused(
      s,
      {
        type: 'inbox.accept',
        org: GLOBEX,
        as: c.G,
        pnrcId: s.inbox(GLOBEX)[0]!.Id,
        ownerId: rep,
      },
      'REC-2',
      /not an active user/,
    );
  });

  it('REC-2: an Account can be matched to an existing one instead of creating a new one', () => {
    const c = wide({ autoAccept: false });
    const { s } = c;
    const mine = create(s, GLOBEX, c.G, 'Account', { Name: 'Initech (ours)', Industry: 'Media' });
    const acc = create(s, ACME, c.A, 'Account', { Name: 'Initech', Phone: '555' });
    forward(c, [acc]);
    const id = ok(s, {
      type: 'inbox.accept',
      org: GLOBEX,
      as: c.G,
      pnrcId: s.inbox(GLOBEX)[0]!.Id,
      matchRecordId: mine,
    });
    expect(id).toBe(mine);
    expect(s.records(GLOBEX, { object: 'Account' })).toHaveLength(1);
    const rec = s.record(GLOBEX, mine)!.record;
    expect(rec.fields).toEqual({ Name: 'Initech', Phone: '555', Industry: 'Media' });
    expect(rec.ConnectionReceivedId).toBe(c.gConn);
    s.runUntilIdle();
    update(s, ACME, c.A, acc, { Phone: '556' });
    s.runUntilIdle();
    expect(s.record(GLOBEX, mine)!.record.fields.Phone).toBe('556');
  });

  it('REC-2: only an existing Account can be matched', () => {
    const c = wide({ autoAccept: false });
    const lead = create(c.s, GLOBEX, c.G, 'Lead', { LastName: 'X', Company: 'Y' });
    const acc = create(c.s, ACME, c.A, 'Account', { Name: 'Z' });
    forward(c, [acc]);
    refused(
      c.s,
      {
        type: 'inbox.accept',
        org: GLOBEX,
        as: c.G,
        pnrcId: c.s.inbox(GLOBEX)[0]!.Id,
        matchRecordId: lead,
      },
      'REC-2',
      /Only an existing Account can be matched/,
    );
  });

  it('REC-2: Reject drops the record and the sender sees its share Inactive', () => {
    const c = wide({ autoAccept: false });
    const { s } = c;
    const acc = create(s, ACME, c.A, 'Account', { Name: 'Nope' });
    forward(c, [acc]);
    ok(s, { type: 'inbox.reject', org: GLOBEX, as: c.G, pnrcId: s.inbox(GLOBEX)[0]!.Id });
    expect(s.inbox(GLOBEX)).toEqual([]);
    expect(s.records(GLOBEX)).toEqual([]);
    s.runUntilIdle();
    expect(pnrcOf(s, ACME, acc)).toMatchObject({ Status: 'Inactive', state: 'rejected' });
    expect(pnrcOf(s, ACME, acc).EndDate).not.toBeNull();
    // The sender can forward it again: a new share.
    forward(c, [acc]);
    expect(s.inbox(GLOBEX)).toHaveLength(1);
  });

  it('REC-2: with auto-accept the record is created at once, owned by the connection owner', () => {
    const c = wide();
    const { globexId } = sharedAccount(c);
    const rec = c.s.record(GLOBEX, globexId)!.record;
    expect(rec.OwnerId).toBe(c.s.connections(GLOBEX)[0]!.PrimaryContactId);
    expect(rec.OwnerId).toBe(c.G);
    expect(c.s.inbox(GLOBEX)).toEqual([]);
  });

  it('REC-3: a received copy shows its origin: ConnectionReceivedId, a header status and External Sharing', () => {
    const c = wide();
    const { acmeId, globexId } = sharedAccount(c);
    const copy = c.s.record(GLOBEX, globexId)!;
    expect(copy.record.ConnectionReceivedId).toBe(c.gConn);
    expect(copy.sharingStatus).toBe('Received from Acme');
    expect(copy.externalSharing).toHaveLength(1);
    expect(copy.externalSharing[0]).toMatchObject({
      ConnectionName: 'Acme',
      Status: 'Received',
      StatusLabel: 'Active (received)',
      side: 'receiver',
      EndDate: null,
    });
    expect(copy.externalSharing[0]!.StartDate).not.toBeNull();
    const original = c.s.record(ACME, acmeId)!;
    expect(original.record.ConnectionReceivedId).toBeNull();
    expect(original.sharingStatus).toBe('Shared');
    expect(original.externalSharing[0]).toMatchObject({
      ConnectionName: 'Globex Corp',
      Status: 'Sent',
      StatusLabel: 'Active (sent)',
      side: 'sender',
    });
    const plain = create(c.s, ACME, c.A, 'Account', { Name: 'Unshared' });
    expect(c.s.record(ACME, plain)!.sharingStatus).toBeNull();
  });

  it('REC-3, REC-4: the header says Shared only while a share is active, not after Stop Sharing or a Reject', () => {
    const c = wide({ autoAccept: false });
    const { s } = c;
    const rejected = create(s, ACME, c.A, 'Account', { Name: 'Turned down' });
    forward(c, [rejected]);
    expect(s.record(ACME, rejected)!.sharingStatus).toBe('Shared');
    ok(s, { type: 'inbox.reject', org: GLOBEX, as: c.G, pnrcId: s.inbox(GLOBEX)[0]!.Id });
    s.runUntilIdle();
    expect(s.record(ACME, rejected)!.sharingStatus).toBeNull();

    const stopped = create(s, ACME, c.A, 'Account', { Name: 'Stopped' });
    forward(c, [stopped]);
    expect(s.record(ACME, stopped)!.sharingStatus).toBe('Shared');
    ok(s, { type: 'sharing.stop', org: ACME, as: c.A, pnrcId: pnrcOf(s, ACME, stopped).Id });
    s.runUntilIdle();
    expect(s.record(ACME, stopped)!.sharingStatus).toBeNull();
  });

  it('REC-4: Stop Sharing from the sender: the PNRCs go Inactive with an EndDate, the copy stays and no longer syncs', () => {
    const c = wide();
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    ok(s, { type: 'sharing.stop', org: ACME, as: c.A, pnrcId: pnrcOf(s, ACME, acmeId).Id });
    s.runUntilIdle();
    expect(pnrcOf(s, GLOBEX, globexId).Status).toBe('Inactive');
    expect(pnrcOf(s, GLOBEX, globexId).EndDate).not.toBeNull();
    expect(s.record(GLOBEX, globexId)!.record.fields.Name).toBe('Initech');
    update(s, ACME, c.A, acmeId, { Phone: 'no longer' });
    s.runUntilIdle();
    expect(s.record(GLOBEX, globexId)!.record.fields.Phone).toBe('555-0100');
    refused(
      s,
      { type: 'sharing.stop', org: ACME, as: c.A, pnrcId: pnrcOf(s, ACME, acmeId).Id },
      'REC-4',
      /already ended/,
    );
  });

  it('REC-4: Stop Sharing from the receiver ends it on both sides', () => {
    const c = connectedOrgs({
      publish: { acme: { Account: ['Phone'] }, globex: { Account: ['Phone'] } },
      subscribe: { acme: { Account: {} }, globex: { Account: {} } },
    });
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    ok(s, { type: 'sharing.stop', org: GLOBEX, as: c.G, pnrcId: pnrcOf(s, GLOBEX, globexId).Id });
    s.runUntilIdle();
    expect(pnrcOf(s, ACME, acmeId).Status).toBe('Inactive');
    expect(s.record(ACME, acmeId)).not.toBeNull();
    update(s, GLOBEX, c.G, globexId, { Phone: 'local only' });
    update(s, ACME, c.A, acmeId, { Phone: 'acme only' });
    s.runUntilIdle();
    expect(s.record(ACME, acmeId)!.record.fields.Phone).toBe('acme only');
    expect(s.record(GLOBEX, globexId)!.record.fields.Phone).toBe('local only');
  });

  it("REC-4: the sandbox option also deletes the partner's copy, and says Help keeps it", () => {
    const c = wide();
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    ok(s, {
      type: 'sharing.stop',
      org: ACME,
      as: c.A,
      pnrcId: pnrcOf(s, ACME, acmeId).Id,
      deletePartnerCopy: true,
    });
    expect(s.log({ org: ACME, kind: 'state' }).at(-1)!.text).toMatch(
      /sandbox option; Salesforce Help keeps it/,
    );
    s.runUntilIdle();
    expect(s.record(GLOBEX, globexId)).toBeNull();
    expect(s.record(ACME, acmeId)).not.toBeNull();
  });

  it("REC-4: only the sender may ask to delete the partner's copy; the receiver's request is refused", () => {
    const c = connectedOrgs({
      publish: { acme: { Account: ['Phone'] }, globex: { Account: ['Phone'] } },
      subscribe: { acme: { Account: {} }, globex: { Account: {} } },
    });
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    refused(
      s,
      {
        type: 'sharing.stop',
        org: GLOBEX,
        as: c.G,
        pnrcId: pnrcOf(s, GLOBEX, globexId).Id,
        deletePartnerCopy: true,
      },
      'REC-4',
      "Only the sender may ask to delete the partner's copy; a receiver never deletes the original.",
    );
    ok(s, { type: 'sharing.stop', org: GLOBEX, as: c.G, pnrcId: pnrcOf(s, GLOBEX, globexId).Id });
    s.runUntilIdle();
    expect(s.record(ACME, acmeId)!.record.fields.Name).toBe('Initech');
    expect(s.recordConnections(ACME)[0]!.Status).toBe('Inactive');
  });

  it('REC-4: the setting deletePartnerCopyOnStop makes deletion the default; an explicit false keeps the copy', () => {
    const c = connectedOrgs({ settings: { deletePartnerCopyOnStop: true } });
    const { s } = c;
    const one = sharedAccount(c, { Name: 'One' });
    const two = sharedAccount(c, { Name: 'Two' });
    ok(s, { type: 'sharing.stop', org: ACME, as: c.A, pnrcId: pnrcOf(s, ACME, one.acmeId).Id });
    ok(s, {
      type: 'sharing.stop',
      org: ACME,
      as: c.A,
      pnrcId: pnrcOf(s, ACME, two.acmeId).Id,
      deletePartnerCopy: false,
    });
    s.runUntilIdle();
    expect(s.record(GLOBEX, one.globexId)).toBeNull();
    expect(s.record(GLOBEX, two.globexId)).not.toBeNull();
  });

  it("REC-4: stopping a share still pending removes it from the receiver's list", () => {
    const c = wide({ autoAccept: false });
    const acc = create(c.s, ACME, c.A, 'Account', { Name: 'Pending' });
    forward(c, [acc]);
    ok(c.s, { type: 'sharing.stop', org: ACME, as: c.A, pnrcId: pnrcOf(c.s, ACME, acc).Id });
    c.s.runUntilIdle();
    expect(c.s.inbox(GLOBEX)).toEqual([]);
    expect(c.s.records(GLOBEX)).toEqual([]);
  });

  it('REC-5: deleting a shared record ends its sharing; the partner shows Inactive (deleted) and keeps its copy', () => {
    const c = wide();
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    const row = pnrcOf(s, ACME, acmeId);
    ok(s, { type: 'record.delete', org: ACME, as: c.A, id: acmeId });
    expect(s.record(ACME, acmeId)).toBeNull();
    expect(s.recordConnections(ACME).find((p) => p.Id === row.Id)!.Status).toBe('Inactive');
    s.runUntilIdle();
    expect(pnrcOf(s, GLOBEX, globexId)).toMatchObject({
      Status: 'Inactive',
      StatusLabel: 'Inactive (deleted)',
    });
    expect(s.record(GLOBEX, globexId)!.record.fields.Name).toBe('Initech');
  });

  it('REC-5: deleting the received copy shows Inactive (deleted) on the sender, whose record stays', () => {
    const c = wide();
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    ok(s, { type: 'record.delete', org: GLOBEX, as: c.G, id: globexId });
    s.runUntilIdle();
    expect(pnrcOf(s, ACME, acmeId).StatusLabel).toBe('Inactive (deleted)');
    expect(s.record(ACME, acmeId)!.record.fields.Name).toBe('Initech');
  });

  it('REC-5: converting a shared Lead ends its sharing as Inactive (converted); the conversion is not sent', () => {
    const c = connectedOrgs({
      publish: { acme: { Lead: ['Status', 'Email'] }, globex: { Lead: ['Status'] } },
      subscribe: { acme: { Lead: {} }, globex: { Lead: { autoAccept: true } } },
    });
    const { s } = c;
    const lead = create(s, ACME, c.A, 'Lead', {
      LastName: 'Lane',
      Company: 'Lane Co',
      Status: 'Open - Not Contacted',
    });
    forward(c, [lead]);
    const copy = copyOf(s, GLOBEX, lead);
    const since = s.now;
    ok(s, { type: 'lead.convert', org: GLOBEX, as: c.G, id: copy });
    expect(s.record(GLOBEX, copy)!.record.fields.Status).toBe('Closed - Converted');
    expect(sends(s, GLOBEX, 'RecordUpdated', since)).toEqual([]);
    s.runUntilIdle();
    expect(pnrcOf(s, ACME, lead)).toMatchObject({
      Status: 'Inactive',
      StatusLabel: 'Inactive (converted)',
    });
    expect(s.record(ACME, lead)!.record.fields.Status).toBe('Open - Not Contacted');
    expect(s.records(GLOBEX, { object: 'Account' }).map((r) => r.fields.Name)).toEqual(['Lane Co']);
  });

  it('REC-6: a record can be forwarded to several connections at once (three orgs)', () => {
    const c = wide();
    const { s } = c;
    const { aConn3 } = connectThird(c);
    const acc = create(s, ACME, c.A, 'Account', { Name: 'Everywhere', Phone: '1' });
    const r = s.dispatch({
      type: 'record.forward',
      org: ACME,
      as: c.A,
      recordIds: [acc],
      connectionIds: [c.aConn, aConn3],
    });
    expect(r).toMatchObject({ ok: true });
    s.runUntilIdle();
    expect(s.record(ACME, acc)!.externalSharing.map((p) => p.ConnectionName)).toEqual([
      'Globex Corp',
      'Initech Corp',
    ]);
    expect(s.records('initech', { object: 'Account' }).map((x) => x.fields.Phone)).toEqual(['1']);
    update(s, ACME, c.A, acc, { Phone: '2' });
    s.runUntilIdle();
    expect(s.record(GLOBEX, copyOf(s, GLOBEX, acc))!.record.fields.Phone).toBe('2');
    expect(s.records('initech', { object: 'Account' })[0]!.fields.Phone).toBe('2');
    refused(
      s,
      { type: 'record.forward', org: ACME, as: c.A, recordIds: [acc], connectionIds: [aConn3] },
      'REC-6',
      /already shared with Initech Corp/,
    );
  });

  it('REC-6: forwarding again after sharing stopped creates a new share', () => {
    const c = wide();
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    const first = pnrcOf(s, ACME, acmeId);
    ok(s, { type: 'sharing.stop', org: ACME, as: c.A, pnrcId: first.Id });
    s.runUntilIdle();
    forward(c, [acmeId]);
    const rows = s.record(ACME, acmeId)!.externalSharing;
    expect(rows.map((p) => p.Status)).toEqual(['Inactive', 'Sent']);
    expect(rows[1]!.shareKey).not.toBe(first.shareKey);
    expect(rows[1]!.Id).not.toBe(first.Id);
    const copies = s.records(GLOBEX, { object: 'Account' });
    expect(copies).toHaveLength(2);
    expect(copies.some((r) => r.Id === globexId)).toBe(true);
  });
});
