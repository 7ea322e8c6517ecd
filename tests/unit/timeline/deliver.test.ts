import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import { connectedAccounts } from '../../../src/engine/presets/connectedOrgs.ts';

/** a and b share an Account; two edits of its Phone in a are on the wire, oldest first. */
function twoUpdatesInFlight(inOrder: boolean) {
  const s = S2S.create({ seed: 11 });
  const { A, aConn } = connectedAccounts(s, ['Name', 'Phone']);
  const acc = s.dispatch({
    type: 'record.create',
    org: 'a',
    as: A,
    object: 'Account',
    values: { Name: 'Initech', Phone: '0' },
  });
  if (!acc.ok) throw new Error(acc.reason);
  s.run([
    { type: 'record.forward', org: 'a', as: A, recordIds: [acc.id!], connectionIds: [aConn] },
  ]);
  s.runUntilIdle();
  const copy = s.copiesOf('a', acc.id!)[1]!.recordId;
  s.run([
    {
      type: 'link.set',
      from: 'a',
      to: 'b',
      link: { latencyMs: 4000, jitterMs: 0, inOrder },
    },
    { type: 'record.update', org: 'a', as: A, id: acc.id!, values: { Phone: '1' } },
    { type: 'record.update', org: 'a', as: A, id: acc.id!, values: { Phone: '2' } },
  ]);
  const [first, second] = s.inFlight();
  return { s, A, acc: acc.id!, copy, first: first!, second: second! };
}

const phoneIn = (s: S2S, id: string) => s.record('b', id)?.record.fields.Phone;

describe('Deliver one now (clock.deliver)', () => {
  it('delivers the chosen message at once, out of turn, without moving the clock', () => {
    const { s, copy, second } = twoUpdatesInFlight(false);
    const now = s.now;
    expect(s.deliver(second.id)).toEqual({ ok: true });
    expect(s.now).toBe(now);
    expect(phoneIn(s, copy)).toBe('2');
    expect(s.inFlight().map((m) => m.id)).not.toContain(second.id);
  });

  it('SYNC-4: with the in-order guarantee on, a message delivered ahead of an earlier one waits at the receiver until it arrives', () => {
    const { s, copy, first, second } = twoUpdatesInFlight(true);
    expect(s.deliver(second.id).ok).toBe(true);
    expect(phoneIn(s, copy)).toBe('0');
    expect(s.log({ kind: 'buffered' }).map((e) => e.msg)).toEqual([second.id]);
    s.step(); // the earlier one lands: both are applied, in the order they were sent
    expect(
      s
        .log({ kind: 'apply' })
        .slice(-2)
        .map((e) => e.msg),
    ).toEqual([first.id, second.id]);
    expect(phoneIn(s, copy)).toBe('2');
  });

  it('with the in-order guarantee off, the overtaken message lands last and the copies differ', () => {
    const { s, copy, second } = twoUpdatesInFlight(false);
    s.deliver(second.id);
    s.runUntilIdle();
    expect(phoneIn(s, copy)).toBe('1');
    expect(s.check().findings.map((f) => f.kind)).toContain('monotonic-writes violation');
  });

  it('SYNC-4: a message held at its sender while the connection is paused cannot be delivered', () => {
    const { s, A, acc } = twoUpdatesInFlight(true);
    s.run([
      { type: 'link.set', from: 'a', to: 'b', link: { paused: true } },
      { type: 'record.update', org: 'a', as: A, id: acc, values: { Phone: '3' } },
    ]);
    const held = s.inFlight().find((m) => m.held)!;
    const r = s.deliver(held.id);
    expect(r).toMatchObject({ ok: false, rule: 'SYNC-4' });
  });

  it('refuses a message that is not on the wire', () => {
    const { s } = twoUpdatesInFlight(true);
    expect(s.deliver(9999)).toMatchObject({ ok: false, rule: 'API' });
  });

  it('is journaled: replaying the scenario delivers the same message out of turn again', () => {
    const { s, second } = twoUpdatesInFlight(false);
    s.deliver(second.id);
    s.runUntilIdle();
    const again = S2S.fromScenario(s.scenario());
    expect(again.snapshot()).toEqual(s.snapshot());
    expect(again.scenario().commands.some((c) => c.command.type === 'clock.deliver')).toBe(true);
  });

  it('every message in flight has an id, unique but for a duplicate, which says it is one', () => {
    const { s } = twoUpdatesInFlight(true);
    const keys = s.inFlight().map((m) => `${m.id}${m.duplicate ? 'd' : ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(s.inFlight().every((m) => typeof m.id === 'number' && m.shareKey)).toBe(true);
  });
});
