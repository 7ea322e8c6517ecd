import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/engine/commands/command.ts';
import { ACME, GLOBEX, connectedOrgs, create, stateOf } from '../rules/fixtures.ts';

describe('previewing a command', () => {
  it('says what a forward would send and write, and changes nothing', () => {
    const c = connectedOrgs({ autoAccept: false });
    const { s } = c;
    const acc = create(s, ACME, c.A, 'Account', { Name: 'Preview me' });
    const before = stateOf(s);
    const logLength = s.sandbox.state.log.length;
    const fwd: Command = {
      type: 'record.forward',
      org: ACME,
      as: c.A,
      recordIds: [acc],
      connectionIds: [c.aConn],
    };
    const p = s.preview(fwd);
    if (!p.ok) throw new Error(p.reason);
    const sends = p.ops.filter((op) => op.op === 'send');
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({ from: ACME, to: GLOBEX, body: { kind: 'RecordForwarded' } });
    expect(p.ops.some((op) => op.op === 'putRecordConnection')).toBe(true);
    expect(p.log).toEqual([
      expect.stringMatching(
        new RegExp(`Account ${acc} forwarded to Globex Corp: Pending \\(sent\\)$`),
      ),
    ]);
    expect(stateOf(s)).toBe(before);
    expect(s.sandbox.state.log.length).toBe(logLength);
    // Dispatching it then does what the preview said.
    const r = s.dispatch(fwd);
    expect(r.ok).toBe(true);
    expect(s.inFlight().map((m) => m.body.kind)).toEqual(['RecordForwarded']);
  });

  it('gives the refusal dispatch would give, and previews no sandbox command', () => {
    const c = connectedOrgs();
    const { s } = c;
    const p = s.preview({ type: 'record.update', org: ACME, as: c.A, id: 'nope', values: {} });
    expect(p).toMatchObject({ ok: false, rule: 'PERM-2' });
    expect(
      s.dispatch({ type: 'record.update', org: ACME, as: c.A, id: 'nope', values: {} }),
    ).toMatchObject({
      ok: false,
      rule: 'PERM-2',
      reason: p.ok ? '' : p.reason,
    });
    expect(s.preview({ type: 'clock.advance', ms: 5 })).toMatchObject({ ok: false, rule: 'API' });
  });
});
