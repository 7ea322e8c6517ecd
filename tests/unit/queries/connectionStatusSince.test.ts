import { describe, expect, it } from 'vitest';
import { ACME, GLOBEX, connectedOrgs, ok } from '../rules/fixtures.ts';

describe('since when a connection holds its status', () => {
  it('CONN-6, CONN-3: an Active connection dates from its decision, an Inactive one from its deactivation, a declined one from its decision', () => {
    const c = connectedOrgs();
    const decided = c.s.connections(ACME)[0]!;
    expect(decided.StatusSince).toBe(decided.ResponseDate);
    c.s.advance(5000);
    const at = c.s.now;
    ok(c.s, { type: 'connection.deactivate', org: ACME, as: c.A, connectionId: c.aConn });
    c.s.runUntilIdle();
    expect(c.s.connections(ACME)[0]!).toMatchObject({
      ConnectionStatus: 'Inactive',
      StatusSince: at,
    });
    const partnerSide = c.s.connections(GLOBEX)[0]!;
    expect(partnerSide.ConnectionStatus).toBe('Inactive');
    expect(partnerSide.StatusSince).toBeGreaterThan(at);

    c.s.advance(5000);
    ok(c.s, {
      type: 'connection.invite',
      org: ACME,
      as: c.A,
      contactId: c.partnerContactId,
    });
    c.s.runUntilIdle();
    const invite = c.s.connections(GLOBEX).find((x) => x.ConnectionStatus === 'Received')!;
    const declinedAt = c.s.now;
    ok(c.s, { type: 'connection.decline', org: GLOBEX, as: c.G, connectionId: invite.Id });
    expect(c.s.connections(GLOBEX).find((x) => x.Id === invite.Id)!).toMatchObject({
      ConnectionStatus: 'Rejected',
      StatusSince: declinedAt,
    });
    // Health dates each connection the same way.
    expect(c.s.health(GLOBEX).map((h) => h.statusSince)).toEqual(
      c.s.connections(GLOBEX).map((x) => x.StatusSince),
    );
  });
});
