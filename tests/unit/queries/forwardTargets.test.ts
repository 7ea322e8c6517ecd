import { describe, expect, it } from 'vitest';
import { ACME, connectedOrgs, ok } from '../rules/fixtures.ts';

describe('the connections a forward is offered on', () => {
  it('FWD-2: offers Accepted connections only, and names the others with their status', () => {
    const c = connectedOrgs();
    const before = c.s.forwardTargets(ACME);
    expect(before.offered.map((x) => x.Id)).toEqual([c.aConn]);
    expect(before.notOffered).toEqual([]);

    ok(c.s, { type: 'connection.deactivate', org: ACME, as: c.A, connectionId: c.aConn });
    c.s.runUntilIdle();
    const after = c.s.forwardTargets(ACME);
    expect(after.offered).toEqual([]);
    expect(after.notOffered.map((x) => [x.Id, x.ConnectionStatus])).toEqual([
      [c.aConn, 'Inactive'],
    ]);
    // The forward rule agrees: a forward on a connection not offered is refused under FWD-2.
    const refused = c.s.preview({
      type: 'record.forward',
      org: ACME,
      as: c.A,
      recordIds: [c.partnerAccountId],
      connectionIds: [c.aConn],
    });
    expect(refused).toMatchObject({ ok: false, rule: 'FWD-2' });
  });
});
