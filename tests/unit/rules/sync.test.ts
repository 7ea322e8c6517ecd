import { recordOf } from '../../../src/engine/org/recordCopies.ts';
import { describe, expect, it } from 'vitest';
import { fieldBuilders as f } from '../../../src/engine/domain/index.ts';
import {
  ACME,
  connectedOrgs,
  globexValidationRule,
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
  type ConnectedOptions,
} from './fixtures.ts';

/** Both orgs publish and subscribe Account (Name, Phone, Industry, Rating): a two-way share. */
function twoWay(opts: Partial<ConnectedOptions> = {}): Connected {
  return connectedOrgs({
    publish: {
      acme: { Account: ['Name', 'Phone', 'Industry', 'Rating'] },
      globex: { Account: ['Name', 'Phone', 'Industry', 'Rating'] },
    },
    subscribe: { acme: { Account: {} }, globex: { Account: {} } },
    ...opts,
  });
}

const field = (c: Connected, org: string, id: string, name: string) =>
  c.s.record(org, id)!.record.fields[name];

describe('Sync', () => {
  it('SYNC-1: one-way share: the publisher is master and overwrites edits made in the copy at its next change', () => {
    const c = connectedOrgs();
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    update(s, GLOBEX, c.G, globexId, { Phone: 'globex edit' });
    // Globex does not publish Account: its edit is not sent anywhere.
    expect(sends(s, GLOBEX, 'RecordUpdated')).toEqual([]);
    s.runUntilIdle();
    expect(field(c, ACME, acmeId, 'Phone')).toBe('555-0100');
    update(s, ACME, c.A, acmeId, { Phone: 'master' });
    s.runUntilIdle();
    expect(field(c, GLOBEX, globexId, 'Phone')).toBe('master');
    // The checker names the lost local edit.
    const lost = s.check().findings.filter((x) => x.kind === 'lost update');
    expect(lost).toHaveLength(1);
    expect(lost[0]!.fields).toEqual(['Phone']);
    expect(lost[0]!.text).toMatch(/one-way share/);
    // A field the master does not change keeps the local edit.
    update(s, GLOBEX, c.G, globexId, { Industry: 'Media' });
    update(s, ACME, c.A, acmeId, { Phone: 'again' });
    s.runUntilIdle();
    expect(field(c, GLOBEX, globexId, 'Industry')).toBe('Media');
  });

  it('SYNC-1: direction is per field: a change flows only where one side publishes it and the other maps it', () => {
    const c = connectedOrgs({
      publish: { acme: { Account: ['Phone', 'Industry'] }, globex: { Account: ['Rating'] } },
      subscribe: {
        acme: { Account: {} },
        globex: { Account: { mapping: { Industry: null } } },
      },
    });
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    update(s, ACME, c.A, acmeId, { Phone: 'p', Industry: 'Energy', Rating: 'Cold' });
    update(s, GLOBEX, c.G, globexId, { Rating: 'Hot', Phone: 'g' });
    s.runUntilIdle();
    // Acme → Globex: Phone (published, mapped, overwriting Globex's edit); not Industry
    // (mapped to --None--); not Rating (Acme does not publish it).
    expect(field(c, GLOBEX, globexId, 'Phone')).toBe('p');
    expect(field(c, GLOBEX, globexId, 'Industry') ?? null).toBeNull();
    expect(field(c, GLOBEX, globexId, 'Rating')).toBe('Hot');
    // Globex → Acme: Rating only (Globex does not publish Phone).
    expect(field(c, ACME, acmeId, 'Rating')).toBe('Hot');
    expect(field(c, ACME, acmeId, 'Phone')).toBe('p');
    const back = s
      .log({ org: GLOBEX, kind: 'send' })
      .filter((e) => e.data?.body === 'RecordUpdated');
    expect(back).toHaveLength(1);
  });

  it('SYNC-2: two-way share: changes on either side flow to the other through each side’s mapping', () => {
    const c = twoWay();
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    update(s, ACME, c.A, acmeId, { Industry: 'Energy' });
    s.runUntilIdle();
    expect(field(c, GLOBEX, globexId, 'Industry')).toBe('Energy');
    update(s, GLOBEX, c.G, globexId, { Rating: 'Warm', Phone: '777' });
    s.runUntilIdle();
    expect(field(c, ACME, acmeId, 'Rating')).toBe('Warm');
    expect(field(c, ACME, acmeId, 'Phone')).toBe('777');
    const report = s.check();
    expect(report.findings).toEqual([]);
    expect(report.shares).toHaveLength(1);
    expect(report.shares[0]!.agree).toBe(true);
  });

  it('SYNC-3: asynchronous: the partner sees a change only after it crosses the network; meanwhile the checker reports a stale read', () => {
    const c = connectedOrgs();
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    const t0 = s.now;
    update(s, ACME, c.A, acmeId, { Phone: 'new' });
    expect(field(c, GLOBEX, globexId, 'Phone')).toBe('555-0100');
    const [m] = s.inFlight();
    expect(m!.dueAt - t0).toBeGreaterThanOrEqual(1000);
    expect(m!.dueAt - t0).toBeLessThan(1400);
    const stale = s.check();
    expect(stale.quiet).toBe(false);
    expect(stale.findings.map((x) => x.kind)).toEqual(['stale read']);
    s.advance(999);
    expect(field(c, GLOBEX, globexId, 'Phone')).toBe('555-0100');
    s.runUntilIdle();
    expect(field(c, GLOBEX, globexId, 'Phone')).toBe('new');
    expect(s.health(GLOBEX)[0]!.lastLagMs).toBe(m!.dueAt - t0);
    expect(s.check().findings).toEqual([]);
  });

  it('SYNC-3: crossing edits of the same field on a two-way share leave the copies different; the checker reports non-convergence for that field only', () => {
    const c = twoWay();
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    update(s, ACME, c.A, acmeId, { Phone: 'from acme', Industry: 'Energy' });
    s.advance(100);
    update(s, GLOBEX, c.G, globexId, { Phone: 'from globex' });
    s.runUntilIdle();
    // Each side applied the other's edit when it arrived: later arrival wins, per side.
    expect(field(c, ACME, acmeId, 'Phone')).toBe('from globex');
    expect(field(c, GLOBEX, globexId, 'Phone')).toBe('from acme');
    expect(field(c, GLOBEX, globexId, 'Industry')).toBe('Energy');
    const report = s.check();
    expect(report.quiet).toBe(true);
    const nc = report.findings.filter((x) => x.kind === 'non-convergence');
    expect(nc).toHaveLength(1);
    expect(nc[0]!.fields).toEqual(['Phone', 'Phone']);
    expect(nc[0]!.text).toMatch(/still differ/);
    expect(report.shares[0]!.differences.map((d) => d.to.field)).toEqual(['Phone', 'Phone']);
    expect(report.findings.filter((x) => x.kind === 'lost update')).toHaveLength(2);
  });

  // Engine bug: sendUpdates() (src/engine/rules/sync.ts) sends only on active shares, so an edit
  // made while the sender's PNRC is still Pending is never sent. The receiver keeps updates to a
  // pending record for its acceptance (applyUpdate), but none ever arrive: the copies stay
  // different for good although the network is reliable.
  it('SYNC-3: an edit made while the forwarded record waits for acceptance reaches the accepted copy', () => {
    const c = connectedOrgs({ autoAccept: false });
    const { s } = c;
    const acc = create(s, ACME, c.A, 'Account', { Name: 'Early', Phone: '1' });
    forward(c, [acc]);
    update(s, ACME, c.A, acc, { Phone: '2' });
    s.runUntilIdle();
    const id = ok(s, {
      type: 'inbox.accept',
      org: GLOBEX,
      as: c.G,
      pnrcId: s.inbox(GLOBEX)[0]!.Id,
    });
    s.runUntilIdle();
    expect(field(c, GLOBEX, id, 'Phone')).toBe('2');
    expect(s.check().findings.filter((x) => x.kind === 'non-convergence')).toEqual([]);
  });

  it('SYNC-3: an edit made after the partner accepted, before the sender hears of it, still reaches the copy', () => {
    const c = connectedOrgs({ autoAccept: false });
    const { s } = c;
    const acc = create(s, ACME, c.A, 'Account', { Name: 'Crossing', Phone: '1' });
    forward(c, [acc]);
    const id = ok(s, {
      type: 'inbox.accept',
      org: GLOBEX,
      as: c.G,
      pnrcId: s.inbox(GLOBEX)[0]!.Id,
    });
    // The acceptance is on the wire; Acme's share still reads Pending (sent).
    update(s, ACME, c.A, acc, { Phone: '2' });
    s.runUntilIdle();
    expect(field(c, GLOBEX, id, 'Phone')).toBe('2');
    expect(s.check().findings.filter((x) => x.kind === 'non-convergence')).toEqual([]);
  });

  it('SYNC-3: with lastWriterWins the later edit wins on both sides and the copies converge', () => {
    const c = twoWay();
    const { s } = c;
    ok(s, { type: 'settings.set', settings: { conflictResolution: 'lastWriterWins' } });
    const { acmeId, globexId } = sharedAccount(c);
    update(s, ACME, c.A, acmeId, { Phone: 'from acme' });
    s.advance(100);
    update(s, GLOBEX, c.G, globexId, { Phone: 'from globex' });
    s.runUntilIdle();
    expect(field(c, ACME, acmeId, 'Phone')).toBe('from globex');
    expect(field(c, GLOBEX, globexId, 'Phone')).toBe('from globex');
    const report = s.check();
    expect(report.findings.filter((x) => x.kind === 'non-convergence')).toEqual([]);
    expect(report.shares[0]!.agree).toBe(true);
    const skipped = s.log({ org: GLOBEX, kind: 'apply' }).at(-1)!;
    expect(skipped.data?.skipped).toEqual(['Phone']);
  });

  it('SYNC-3: an unknown conflict setting is refused', () => {
    const c = twoWay();
    refused(
      c.s,
      { type: 'settings.set', settings: { conflictResolution: 'merge' as 'arrival' } },
      'SYNC-3',
    );
    expect(c.s.settings().conflictResolution).toBe('arrival');
  });

  it('SYNC-4: while the connection is paused, updates queue in order and are all delivered on resume', () => {
    const c = connectedOrgs();
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    ok(s, { type: 'link.set', from: ACME, to: GLOBEX, both: true, link: { paused: true } });
    for (const p of ['1', '2', '3']) {
      update(s, ACME, c.A, acmeId, { Phone: p });
      s.advance(10_000);
    }
    s.runUntilIdle();
    expect(field(c, GLOBEX, globexId, 'Phone')).toBe('555-0100');
    expect(s.inFlight()).toHaveLength(3);
    expect(s.health(ACME)[0]!.messagesInFlight).toBe(3);
    expect(s.check().quiet).toBe(false);
    // Paused is not deactivated.
    expect(s.connections(ACME)[0]!.ConnectionStatus).toBe('Accepted');
    const resumedAt = s.now;
    ok(s, { type: 'link.set', from: ACME, to: GLOBEX, both: true, link: { paused: false } });
    s.runUntilIdle();
    expect(field(c, GLOBEX, globexId, 'Phone')).toBe('3');
    // Field history shows every value in order, applied after the gap.
    const hist = s
      .record(GLOBEX, globexId)!
      .history.filter((h) => h.field === 'Phone' && h.source.via);
    expect(hist.map((h) => h.newValue)).toEqual(['555-0100', '1', '2', '3']);
    expect(hist.slice(1).every((h) => h.at >= resumedAt)).toBe(true);
    expect(s.check().findings).toEqual([]);
  });

  it('SYNC-4: while the partner org is offline its users cannot work; updates wait and arrive when it is back', () => {
    const c = connectedOrgs();
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    ok(s, { type: 'org.setOffline', org: GLOBEX, offline: true });
    refused(
      s,
      { type: 'record.update', org: GLOBEX, as: c.G, id: globexId, values: { Phone: 'x' } },
      'SYNC-4',
      /offline for maintenance/,
    );
    update(s, ACME, c.A, acmeId, { Phone: 'while down', Industry: 'Energy' });
    update(s, ACME, c.A, acmeId, { Phone: 'still down' });
    s.runUntilIdle();
    expect(recordOf(s.sandbox.state.orgs[GLOBEX]!, globexId)!.fields.Phone).toBe('555-0100');
    expect(s.log({ kind: 'send', org: ACME }).at(-1)!.data?.queued).toBe(true);
    ok(s, { type: 'org.setOffline', org: GLOBEX, offline: false });
    s.runUntilIdle();
    expect(field(c, GLOBEX, globexId, 'Phone')).toBe('still down');
    expect(field(c, GLOBEX, globexId, 'Industry')).toBe('Energy');
    expect(s.check().findings).toEqual([]);
  });

  it('SYNC-4: a message already on the wire when the partner goes down is held and delivered later', () => {
    const c = connectedOrgs();
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    update(s, ACME, c.A, acmeId, { Phone: 'in flight' });
    ok(s, { type: 'org.setOffline', org: GLOBEX, offline: true });
    s.runUntilIdle();
    expect(s.log({ org: GLOBEX, kind: 'held' })).toHaveLength(1);
    ok(s, { type: 'org.setOffline', org: GLOBEX, offline: false });
    s.runUntilIdle();
    expect(field(c, GLOBEX, globexId, 'Phone')).toBe('in flight');
  });

  it('SYNC-5: an update refused by a validation rule fails for that record: Health, Connection History, a notification; the sender is unchanged', () => {
    const c = connectedOrgs({
      before: globexValidationRule({
        object: 'Account',
        field: 'Phone',
        operator: 'contains',
        value: 'x',
        message: 'No extensions',
      }),
    });
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    update(s, ACME, c.A, acmeId, { Phone: '555 x12', Industry: 'Energy' });
    s.runUntilIdle();
    expect(field(c, GLOBEX, globexId, 'Phone')).toBe('555-0100');
    expect(field(c, GLOBEX, globexId, 'Industry') ?? null).toBeNull();
    expect(field(c, ACME, acmeId, 'Phone')).toBe('555 x12');
    const h = s.health(GLOBEX)[0]!;
    expect(h.failed).toHaveLength(1);
    expect(h.failed[0]).toMatchObject({
      rule: 'SYNC-5',
      recordId: globexId,
      reason: 'Validation rule: No extensions',
    });
    expect(h.failedRecords).toEqual([
      { recordId: globexId, reason: 'Validation rule: No extensions' },
    ]);
    expect(s.connections(GLOBEX)[0]!.history.at(-1)!.text).toBe(
      `Record sync failed for Initech (${globexId}): Validation rule: No extensions`,
    );
    expect(s.connections(GLOBEX)[0]!.stats.failedUpdates).toBe(1);
    const note = s.notifications(GLOBEX).at(-1)!;
    expect(note).toMatchObject({ kind: 'syncFailure', to: c.G, connectionId: c.gConn });
    expect(note.text).toMatch(/failed: Validation rule: No extensions/);
    expect(s.check().findings.map((x) => x.kind)).toContain('failed apply');
    // A later valid update goes through.
    update(s, ACME, c.A, acmeId, { Phone: '555-0200' });
    s.runUntilIdle();
    expect(field(c, GLOBEX, globexId, 'Phone')).toBe('555-0200');
    expect(pnrcOf(s, GLOBEX, globexId).lastError).toBeNull();
  });

  it('SYNC-5: a required value missing or a type no longer compatible fails the update with its reason', () => {
    const c = connectedOrgs({
      publish: { acme: { Widget__c: ['Score__c', 'Tag__c'] } },
      subscribe: { globex: { Widget__c: { autoAccept: true } } },
      before: ({ s, A, G }) => {
        ok(s, {
          type: 'object.create',
          org: ACME,
          as: A,
          apiName: 'Widget__c',
          label: 'Widget',
          fields: [f.number('Score__c', 'Score', 5, 0), f.text('Tag__c', 'Tag', 20)],
        });
        ok(s, {
          type: 'object.create',
          org: GLOBEX,
          as: G,
          apiName: 'Widget__c',
          label: 'Widget',
          fields: [
            f.number('Score__c', 'Score', 5, 0),
            f.text('Tag__c', 'Tag', 20, { required: true }),
          ],
        });
      },
    });
    const { s } = c;
    const w = create(s, ACME, c.A, 'Widget__c', { Name: 'W', Score__c: 1, Tag__c: 't' });
    forward(c, [w]);
    const copy = copyOf(s, GLOBEX, w);
    update(s, ACME, c.A, w, { Tag__c: null });
    s.runUntilIdle();
    expect(s.failures(GLOBEX).at(-1)).toMatchObject({
      rule: 'SYNC-5',
      reason: 'Tag: a value is required.',
    });
    expect(field(c, GLOBEX, copy, 'Tag__c')).toBe('t');
    // Globex replaces Score__c with a text field of the same name: the type no longer matches.
    ok(s, { type: 'field.delete', org: GLOBEX, as: c.G, object: 'Widget__c', field: 'Score__c' });
    ok(s, {
      type: 'field.create',
      org: GLOBEX,
      as: c.G,
      object: 'Widget__c',
      field: f.text('Score__c', 'Score', 10),
    });
    update(s, ACME, c.A, w, { Score__c: 2, Tag__c: 'u' });
    s.runUntilIdle();
    expect(s.failures(GLOBEX).at(-1)).toMatchObject({ rule: 'SYNC-5' });
    expect(s.failures(GLOBEX).at(-1)!.reason).toMatch(/Number\(5, 0\) cannot map to Text\(10\)/);
    expect(field(c, ACME, w, 'Score__c')).toBe(2);
  });

  it('SYNC-6: no echo: a change applied by the Connection User is not sent back where it came from', () => {
    const c = twoWay();
    const { s } = c;
    const { acmeId } = sharedAccount(c);
    const since = s.now;
    update(s, ACME, c.A, acmeId, { Phone: 'once' });
    s.runUntilIdle();
    expect(sends(s, ACME, 'RecordUpdated', since)).toHaveLength(1);
    expect(sends(s, GLOBEX, 'RecordUpdated', since)).toEqual([]);
    expect(s.check().findings).toEqual([]);
  });

  it('SYNC-6: with suppressEcho off the change comes back and the checker reports an echo', () => {
    const c = twoWay({ settings: { suppressEcho: false } });
    const { s } = c;
    const { acmeId } = sharedAccount(c);
    const since = s.now;
    update(s, ACME, c.A, acmeId, { Phone: 'boomerang' });
    s.runUntilIdle();
    expect(sends(s, GLOBEX, 'RecordUpdated', since)).toHaveLength(1);
    const echoes = s.check().findings.filter((x) => x.kind === 'echo');
    expect(echoes).toHaveLength(1);
    expect(echoes[0]!.org).toBe(ACME);
    expect(field(c, ACME, acmeId, 'Phone')).toBe('boomerang');
  });

  it('SYNC-6: field updates made by automation after an inbound change are not sent back by default', () => {
    const setup = ({ s, G }: { s: Connected['s']; G: string }) =>
      ok(s, {
        type: 'automation.add',
        org: GLOBEX,
        as: G,
        automation: { object: 'Account', whenField: 'Phone', setField: 'Rating', value: 'Hot' },
      });
    const c = twoWay({ before: setup });
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    const since = s.now;
    update(s, ACME, c.A, acmeId, { Phone: 'ring' });
    s.runUntilIdle();
    expect(field(c, GLOBEX, globexId, 'Rating')).toBe('Hot');
    const auto = s.record(GLOBEX, globexId)!.history.filter((h) => h.field === 'Rating');
    expect(auto.at(-1)!.source.automation).toBe(true);
    expect(sends(s, GLOBEX, 'RecordUpdated', since)).toEqual([]);
    expect(field(c, ACME, acmeId, 'Rating') ?? null).toBeNull();
    // The configurable choice sends them back.
    const c2 = twoWay({ before: setup, settings: { sendAutomationChangesBack: true } });
    const two = sharedAccount(c2);
    update(c2.s, ACME, c2.A, two.acmeId, { Phone: 'ring' });
    c2.s.runUntilIdle();
    expect(field(c2, ACME, two.acmeId, 'Rating')).toBe('Hot');
  });

  it('SYNC-6: a local edit that triggers automation sends both changes', () => {
    const c = twoWay({
      before: ({ s, A }) =>
        ok(s, {
          type: 'automation.add',
          org: ACME,
          as: A,
          automation: { object: 'Account', whenField: 'Phone', setField: 'Rating', value: 'Warm' },
        }),
    });
    const { acmeId, globexId } = sharedAccount(c);
    update(c.s, ACME, c.A, acmeId, { Phone: 'local' });
    c.s.runUntilIdle();
    expect(field(c, GLOBEX, globexId, 'Rating')).toBe('Warm');
  });

  it('SYNC-7: field history on each copy records every change with its source', () => {
    const c = twoWay();
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c);
    update(s, ACME, c.A, acmeId, { Phone: 'a1' });
    s.runUntilIdle();
    update(s, GLOBEX, c.G, globexId, { Industry: 'Media' });
    s.runUntilIdle();
    const pnetG = s.users(GLOBEX).find((u) => u.system)!.Id;
    const pnetA = s.users(ACME).find((u) => u.system)!.Id;
    const g = s
      .record(GLOBEX, globexId)!
      .history.filter((h) => h.oldValue !== h.newValue)
      .map((h) => [h.field, h.newValue, h.source]);
    expect(g).toEqual([
      ['Name', 'Initech', { by: pnetG, via: c.gConn }],
      ['Phone', '555-0100', { by: pnetG, via: c.gConn }],
      ['Phone', 'a1', { by: pnetG, via: c.gConn }],
      ['Industry', 'Media', { by: c.G }],
    ]);
    const a = s.record(ACME, acmeId)!.history.map((h) => [h.field, h.newValue, h.source]);
    expect(a).toEqual([
      ['Phone', 'a1', { by: c.A }],
      ['Industry', 'Media', { by: pnetA, via: c.aConn }],
    ]);
  });

  it('SYNC-8: records loaded separately into both orgs are not linked', () => {
    const c = twoWay();
    const { s } = c;
    const a = create(s, ACME, c.A, 'Account', { Name: 'Same Co', Phone: '1' });
    const g = create(s, GLOBEX, c.G, 'Account', { Name: 'Same Co', Phone: '1' });
    update(s, ACME, c.A, a, { Phone: '2' });
    s.runUntilIdle();
    expect(field(c, GLOBEX, g, 'Phone')).toBe('1');
    expect(s.inFlight()).toEqual([]);
    expect(s.record(ACME, a)!.externalSharing).toEqual([]);
    expect(s.check().shares).toEqual([]);
  });

  it('SYNC-9: a publication change reaches the subscriber only after the publication delay', () => {
    const c = connectedOrgs({
      publish: {},
      subscribe: {},
      settings: { publicationDelayMs: 60_000 },
    });
    const { s } = c;
    const t0 = s.now;
    ok(s, {
      type: 'connection.publish',
      org: ACME,
      as: c.A,
      connectionId: c.aConn,
      object: 'Account',
    });
    const [m] = s.inFlight();
    expect(m!.dueAt - t0).toBeGreaterThanOrEqual(61_000);
    s.advance(59_000);
    expect(s.connections(GLOBEX)[0]!.partnerPublications).toEqual({});
    refused(
      s,
      {
        type: 'connection.subscribe',
        org: GLOBEX,
        as: c.G,
        connectionId: c.gConn,
        partnerObject: 'Account',
      },
      'SUB-1',
    );
    s.advance(3_000);
    expect(Object.keys(s.connections(GLOBEX)[0]!.partnerPublications)).toEqual(['Account']);
    expect(s.log({ org: GLOBEX }).some((e) => e.rule === 'SYNC-9')).toBe(true);
    ok(s, { type: 'settings.set', settings: { publicationDelayMs: 0 } });
    const t1 = s.now;
    ok(s, {
      type: 'connection.publish',
      org: ACME,
      as: c.A,
      connectionId: c.aConn,
      object: 'Lead',
    });
    const lead = s.inFlight().find((x) => x.body.kind === 'PublicationChanged')!;
    expect(lead.dueAt - t1).toBeLessThan(1400);
    refused(
      s,
      { type: 'settings.set', settings: { publicationDelayMs: -1 } },
      'SYNC-9',
      /cannot be negative/,
    );
  });
});
