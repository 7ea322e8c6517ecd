import { describe, expect, it } from 'vitest';
import { advanceWithin, CHUNK } from '../../../src/app/frameBudget.ts';
import { S2S } from '../../../src/engine/api.ts';
import { connectedAccounts } from '../../../src/engine/presets/connectedOrgs.ts';

/** a has forwarded `n` Accounts to b: `n` messages are on the wire at once. */
function bulkForward(n: number) {
  const s = S2S.create({ seed: 21 });
  const { A, aConn } = connectedAccounts(s, ['Name']);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = s.dispatch({
      type: 'record.create',
      org: 'a',
      as: A,
      object: 'Account',
      values: { Name: `Bulk ${i}` },
    });
    if (r.ok) ids.push(r.id!);
  }
  s.run([{ type: 'record.forward', org: 'a', as: A, recordIds: ids, connectionIds: [aConn] }]);
  return s;
}

describe('Engine work bounded per frame', () => {
  it('a frame out of time stops after one chunk of deliveries and virtual time waits for the rest', () => {
    const s = bulkForward(300);
    const now = s.now;
    let steps = 0;
    const step = s.sandbox.step.bind(s.sandbox);
    s.sandbox.step = () => (steps++, step());
    // A clock that is always past the deadline: one chunk, then the frame ends.
    expect(advanceWithin(s.sandbox, 60_000, 0, () => 1)).toBe(false);
    expect(steps).toBe(CHUNK);
    expect(s.now).toBeLessThan(now + 60_000);
  });

  it('many bounded frames end exactly where one unbounded advance does', () => {
    const bounded = bulkForward(300);
    const whole = bulkForward(300);
    let frames = 0;
    for (let k = 0; k < 400; k++) {
      if (!advanceWithin(bounded.sandbox, 16 * 10, 0, () => 1)) frames++;
    }
    expect(frames).toBeGreaterThan(1);
    whole.sandbox.advance(bounded.now - whole.now);
    expect(bounded.snapshot()).toEqual(whole.snapshot());
    expect(bounded.records('b', { object: 'Account' }).length).toBe(300);
  });
});
