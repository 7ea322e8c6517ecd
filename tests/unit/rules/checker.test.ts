import { describe, expect, it } from 'vitest';
import type { LinkSettings } from '../../../src/engine/state/settings.ts';
import {
  ACME,
  connectedOrgs,
  GLOBEX,
  ok,
  sharedAccount,
  update,
  type Connected,
} from './fixtures.ts';

/** A shared Account, then `n` quick edits of Phone in Acme over a link with the given faults. */
function burst(seed: number, link: Partial<LinkSettings>, n = 20) {
  const c: Connected = connectedOrgs({ seed });
  const { s } = c;
  const { acmeId, globexId } = sharedAccount(c);
  ok(s, { type: 'link.set', from: ACME, to: GLOBEX, link });
  for (let i = 1; i <= n; i++) {
    update(s, ACME, c.A, acmeId, { Phone: `555-${String(i).padStart(4, '0')}` });
    s.advance(50);
  }
  s.runUntilIdle();
  const report = s.check();
  const kinds = report.findings.map((f) => f.kind);
  return { c, s, acmeId, globexId, report, kinds };
}

const phone = (x: ReturnType<typeof burst>, org: string, id: string) =>
  x.s.record(org, id)!.record.fields.Phone;

describe('The checker with network guarantees turned off', () => {
  it('SYNC-3: with the guarantees on (the default), a burst of edits arrives in order, once, and converges', () => {
    const x = burst(3, {});
    expect(x.kinds).toEqual([]);
    expect(x.report.quiet).toBe(true);
    expect(phone(x, GLOBEX, x.globexId)).toBe('555-0020');
    const applied = x.s.log({ org: GLOBEX, kind: 'apply' }).map((e) => Number(e.data?.chanSeq));
    expect(applied).toEqual([...applied].sort((a, b) => a - b));
  });

  it('SYNC-3: reordering without in-order delivery is reported as a monotonic-writes violation', () => {
    const x = burst(3, { reorder: true, inOrder: false, jitterMs: 5000 });
    expect(x.kinds).toContain('monotonic-writes violation');
    const v = x.report.findings.find((f) => f.kind === 'monotonic-writes violation')!;
    expect(v.org).toBe(GLOBEX);
    expect(v.events).toHaveLength(2);
    expect(v.text).toMatch(/monotonic-writes violation/);
    // An older write applied last leaves the copy behind, and the checker says so.
    expect(phone(x, GLOBEX, x.globexId)).not.toBe('555-0020');
    expect(phone(x, ACME, x.acmeId)).toBe('555-0020');
    expect(x.kinds).toContain('non-convergence');
  });

  it('SYNC-3: reorder alone is harmless while the receiver keeps in-order delivery', () => {
    const x = burst(3, { reorder: true, inOrder: true, jitterMs: 5000 });
    expect(x.kinds).not.toContain('monotonic-writes violation');
    expect(x.s.log({ org: GLOBEX, kind: 'buffered' }).length).toBeGreaterThan(0);
    expect(phone(x, GLOBEX, x.globexId)).toBe('555-0020');
    expect(x.report.shares[0]!.agree).toBe(true);
  });

  it('SYNC-4: duplicated messages without de-duplication are reported as duplicate writes', () => {
    const x = burst(4, { duplicateRate: 0.9, dedupe: false });
    expect(x.s.log({ kind: 'duplicated' }).length).toBeGreaterThan(0);
    const dups = x.report.findings.filter((f) => f.kind === 'duplicate write');
    expect(dups.length).toBeGreaterThan(0);
    expect(dups[0]!.org).toBe(GLOBEX);
    expect(dups[0]!.text).toMatch(/a second time/);
  });

  it('SYNC-4: duplicates are dropped when de-duplication is on', () => {
    const x = burst(4, { duplicateRate: 0.9, dedupe: true });
    expect(x.s.log({ kind: 'duplicated' }).length).toBeGreaterThan(0);
    expect(x.s.log({ kind: 'duplicateDropped' }).length).toBeGreaterThan(0);
    expect(x.kinds).not.toContain('duplicate write');
    expect(phone(x, GLOBEX, x.globexId)).toBe('555-0020');
  });

  it('SYNC-4: failed delivery attempts are retried and the copies still converge, nothing lost', () => {
    const x = burst(5, { failRate: 0.5 });
    const failedAttempts = x.s.log({ kind: 'attemptFailed' });
    expect(failedAttempts.length).toBeGreaterThan(0);
    expect(x.report.quiet).toBe(true);
    expect(phone(x, GLOBEX, x.globexId)).toBe('555-0020');
    expect(x.report.shares[0]!.agree).toBe(true);
    expect(x.kinds).not.toContain('non-convergence');
    expect(x.kinds).not.toContain('monotonic-writes violation');
    // Every one of the 20 edits was applied, in order.
    const phones = x.s
      .record(GLOBEX, x.globexId)!
      .history.filter((h) => h.field === 'Phone')
      .map((h) => h.newValue);
    expect(phones.slice(1)).toEqual(
      Array.from({ length: 20 }, (_, i) => `555-${String(i + 1).padStart(4, '0')}`),
    );
  });

  it('SYNC-3: checks are deterministic: the same seed gives the same findings', () => {
    const a = burst(9, { reorder: true, inOrder: false, jitterMs: 5000, duplicateRate: 0.5 });
    const b = burst(9, { reorder: true, inOrder: false, jitterMs: 5000, duplicateRate: 0.5 });
    expect(JSON.stringify(a.report)).toBe(JSON.stringify(b.report));
  });
});

describe('the checker on parents and children', () => {
  it('SYNC-4: reports a causal violation exactly when a child arrives before its parent', () => {
    let violations = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const c = connectedOrgs({ seed });
      const { s } = c;
      s.dispatch({
        type: 'link.set',
        from: ACME,
        to: GLOBEX,
        link: { reorder: true, inOrder: false, jitterMs: 5000 },
      });
      const account = ok(s, {
        type: 'record.create',
        org: ACME,
        as: c.A,
        object: 'Account',
        values: { Name: `Parent ${seed}` },
      });
      ok(s, {
        type: 'record.create',
        org: ACME,
        as: c.A,
        object: 'Contact',
        values: { LastName: 'Child', AccountId: account },
      });
      ok(s, {
        type: 'record.forward',
        org: ACME,
        as: c.A,
        recordIds: [account],
        connectionIds: [c.aConn],
        relatedObjects: ['Contact'],
      });
      s.runUntilIdle();
      const arrivals = s
        .log({ org: GLOBEX, kind: 'deliver' })
        .filter((e) => e.data?.body === 'RecordForwarded');
      const childFirst =
        arrivals[0]?.share !==
        s.recordConnections(ACME).find((p) => p.LocalRecordId === account)?.shareKey;
      const reported = s.check().findings.some((f) => f.kind === 'causal violation');
      expect(reported).toBe(childFirst);
      if (reported) violations++;
    }
    expect(violations).toBeGreaterThan(0);
  });
});
