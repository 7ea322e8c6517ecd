import { describe, expect, it } from 'vitest';
import { OrgSharesIndex } from '../../../src/engine/queries/orgShares.ts';
import { SHARE_READS } from '../../../src/engine/queries/shareReads.ts';
import type { S2S } from '../../../src/engine/api.ts';
import { sharedAccount } from '../engine/sharedAccount.ts';

// One index per sandbox, kept across the test's steps as the canvas keeps it.
const kept = new WeakMap<S2S, OrgSharesIndex>();
function rowsOf(s: S2S, org: string, limit = 10) {
  let index = kept.get(s);
  if (!index)
    kept.set(s, (index = new OrgSharesIndex(s.sandbox.state, s.sandbox.shareChanges, SHARE_READS)));
  const net = s.sandbox.network;
  return index.rows(org, limit, (v) => net.eachMessage(v));
}

/** The same rows from an index built afresh: what the kept one must agree with. */
function fresh(s: S2S, org: string, limit = 10) {
  const net = s.sandbox.network;
  return new OrgSharesIndex(s.sandbox.state, s.sandbox.shareChanges, SHARE_READS).rows(
    org,
    limit,
    (v) => net.eachMessage(v),
  );
}

function forwardNew(s: S2S, A: string, names: string[]) {
  const ids = names.map((Name) => {
    const r = s.dispatch({
      type: 'record.create',
      org: 'a',
      as: A,
      object: 'Account',
      values: { Name },
    });
    if (!r.ok) throw new Error(r.reason);
    return r.id!;
  });
  const conn = s.connections('a')[0]!.Id;
  s.dispatch({ type: 'record.forward', org: 'a', as: A, recordIds: ids, connectionIds: [conn] });
  return ids;
}

describe('records an org shares, by connection (the canvas rows)', () => {
  it('REC-1: each copy shows its name, published values and its state on both sides', () => {
    const { s, A, id } = sharedAccount(21, ['Name', 'Phone', 'Website']);
    s.run([{ type: 'record.update', org: 'a', as: A, id, values: { Phone: '555-0100' } }]);
    s.runUntilIdle();
    const [a] = rowsOf(s, 'a');
    expect(a).toMatchObject({ connectionName: 'Org B Inc', partnerOrg: 'b', total: 1 });
    expect(a!.rows[0]).toMatchObject({
      name: 'Acme',
      side: 'sender',
      recordId: id,
      // The sender's PNRC stays as accepted: only the receiver applies updates (UPDATE_APPLIED).
      state: 'Accepted',
      waiting: false,
      diffs: [],
    });
    expect(a!.rows[0]!.values).toEqual([
      { field: 'Phone', label: 'Account Phone', value: '555-0100' },
      { field: 'Website', label: 'Website', value: '' },
    ]);
    const [b] = rowsOf(s, 'b');
    expect(b!.rows[0]).toMatchObject({ name: 'Acme', side: 'receiver', state: 'Synced' });
    expect(b!.rows[0]!.values[0]).toMatchObject({ field: 'Phone', value: '555-0100' });
  });

  it('REC-2: a forward not yet accepted waits in the partner and is Pending at the sender', () => {
    const { s, A, B } = sharedAccount(22, ['Name', 'Phone']);
    const bConn = s.connections('b')[0]!.Id;
    s.run([
      {
        type: 'connection.subscribe',
        org: 'b',
        as: B,
        connectionId: bConn,
        partnerObject: 'Account',
        autoAccept: false,
      },
    ]);
    s.runUntilIdle();
    forwardNew(s, A, ['Initech']);
    s.runUntilIdle();
    const waiting = rowsOf(s, 'b')[0]!.rows.find((r) => r.name === 'Initech');
    expect(waiting).toMatchObject({ state: 'Pending', waiting: true, recordId: null });
    const sent = rowsOf(s, 'a')[0]!.rows.find((r) => r.name === 'Initech');
    expect(sent).toMatchObject({ state: 'Pending', waiting: false });
    // Accepting it makes it an ordinary received copy.
    s.run([{ type: 'inbox.accept', org: 'b', as: B, pnrcId: waiting!.pnrcId }]);
    s.runUntilIdle();
    const accepted = rowsOf(s, 'b')[0]!.rows.find((r) => r.name === 'Initech');
    expect(accepted?.waiting).toBe(false);
    expect(accepted?.state).not.toBe('Pending');
  });

  it('SYNC-3: while an update travels both copies read Updating, with each side’s value', () => {
    const { s, A } = sharedAccount(23, ['Name', 'Phone']);
    const id = s.recordConnections('a')[0]!.LocalRecordId!;
    s.run([{ type: 'link.set', from: 'a', to: 'b', link: { latencyMs: 3000, jitterMs: 0 } }]);
    s.run([{ type: 'record.update', org: 'a', as: A, id, values: { Phone: '555-0199' } }]);
    const a = rowsOf(s, 'a')[0]!.rows[0]!;
    expect(a.state).toBe('Updating');
    expect(a.diffs).toEqual([
      { field: 'Phone', label: 'Account Phone', here: '555-0199', there: '' },
    ]);
    const b = rowsOf(s, 'b')[0]!.rows[0]!;
    expect(b.state).toBe('Updating');
    expect(b.diffs).toEqual([
      { field: 'Phone', label: 'Account Phone', here: '', there: '555-0199' },
    ]);
    s.runUntilIdle();
    for (const [org, state] of [
      ['a', 'Accepted'],
      ['b', 'Synced'],
    ] as const) {
      const row = rowsOf(s, org)[0]!.rows[0]!;
      expect(row).toMatchObject({ state, diffs: [] });
      expect(row.values[0]!.value).toBe('555-0199');
    }
  });

  it('SYNC-4: an update held by a paused link keeps the copies Updating until it lands', () => {
    const { s, A } = sharedAccount(24, ['Name', 'Phone']);
    const id = s.recordConnections('a')[0]!.LocalRecordId!;
    s.run([{ type: 'link.set', from: 'a', to: 'b', link: { paused: true } }]);
    s.run([{ type: 'record.update', org: 'a', as: A, id, values: { Phone: '1' } }]);
    s.runUntilIdle();
    expect(rowsOf(s, 'b')[0]!.rows[0]).toMatchObject({
      state: 'Updating',
      diffs: [{ field: 'Phone', here: '', there: '1' }],
    });
    s.run([{ type: 'link.set', from: 'a', to: 'b', link: { paused: false } }]);
    s.runUntilIdle();
    expect(rowsOf(s, 'b')[0]!.rows[0]).toMatchObject({ state: 'Synced', diffs: [] });
  });

  it('REC-4: stopping sharing leaves both rows Stopped', () => {
    const { s, A } = sharedAccount(25, ['Name', 'Phone']);
    const p = s.recordConnections('a')[0]!;
    s.run([{ type: 'sharing.stop', org: 'a', as: A, pnrcId: p.Id }]);
    s.runUntilIdle();
    expect(rowsOf(s, 'a')[0]!.rows[0]!.state).toBe('Stopped');
    expect(rowsOf(s, 'b')[0]!.rows[0]!.state).toBe('Stopped');
  });

  it('shows the first rows with the total, kept current as shares are made and removed', () => {
    const { s, A, B } = sharedAccount(26, ['Name', 'Phone']);
    // Asked once before the forwards: the kept index must catch up, not start again.
    expect(rowsOf(s, 'a', 2)[0]!.total).toBe(1);
    const bConn = s.connections('b')[0]!.Id;
    s.run([
      {
        type: 'connection.subscribe',
        org: 'b',
        as: B,
        connectionId: bConn,
        partnerObject: 'Account',
        autoAccept: false,
      },
    ]);
    s.runUntilIdle();
    forwardNew(s, A, ['One', 'Two', 'Three', 'Four']);
    s.runUntilIdle();
    const a = rowsOf(s, 'a', 2)[0]!;
    expect(a.total).toBe(5);
    expect(a.rows.map((r) => r.name)).toEqual(['Acme', 'One']);
    const b = rowsOf(s, 'b', 3)[0]!;
    expect(b.total).toBe(5);
    expect(b.rows.filter((r) => r.waiting)).toHaveLength(2);
    // A rejected forward stays listed as Rejected on both sides.
    const two = b.rows.find((r) => r.name === 'Two')!;
    s.run([{ type: 'inbox.reject', org: 'b', as: B, pnrcId: two.pnrcId }]);
    s.runUntilIdle();
    expect(rowsOf(s, 'a', 10)[0]!.rows.find((r) => r.name === 'Two')?.state).toBe('Rejected');
    for (const org of ['a', 'b']) expect(rowsOf(s, org, 10)).toEqual(fresh(s, org, 10));
  });
});
