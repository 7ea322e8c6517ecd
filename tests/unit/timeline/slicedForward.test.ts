import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import { connectedAccounts } from '../../../src/engine/presets/connectedOrgs.ts';
import { dispatchSliced, FORWARD_SLICE, forwardSlices } from '../../../src/app/slicedForward.ts';

function accounts(n: number) {
  const s = S2S.create({ seed: 8 });
  const { A, aConn } = connectedAccounts(s, ['Name']);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = s.dispatch({
      type: 'record.create',
      org: 'a',
      as: A,
      object: 'Account',
      values: { Name: `N${i}` },
    });
    if (r.ok) ids.push(r.id!);
  }
  const cmd = {
    type: 'record.forward' as const,
    org: 'a',
    as: A,
    recordIds: ids,
    connectionIds: [aConn],
  };
  return { s, cmd };
}

describe('A bulk forward sent a slice a frame', () => {
  it('cuts the records into slices in order, each a list view forward (PERM-1)', () => {
    const { cmd } = accounts(FORWARD_SLICE * 2 + 3);
    const slices = forwardSlices(cmd);
    expect(slices.map((c) => c.recordIds.length)).toEqual([FORWARD_SLICE, FORWARD_SLICE, 3]);
    expect(slices.flatMap((c) => c.recordIds)).toEqual(cmd.recordIds);
    expect(slices.every((c) => c.from === 'listView')).toBe(true);
  });

  it('ends with the same copies in the partner org as one command would', async () => {
    const one = accounts(FORWARD_SLICE + 40);
    const sliced = accounts(FORWARD_SLICE + 40);
    let frames = 0;
    const r = await dispatchSliced(
      (c) => sliced.s.dispatch(c),
      sliced.cmd,
      async () => void frames++,
    );
    expect(r.ok && r.ids?.length).toBe(FORWARD_SLICE + 40);
    expect(frames).toBe(1);
    one.s.dispatch(one.cmd);
    one.s.runUntilIdle();
    sliced.s.runUntilIdle();
    const names = (s: S2S) =>
      s
        .records('b', { object: 'Account' })
        .map((x) => x.fields.Name)
        .sort();
    expect(names(sliced.s)).toEqual(names(one.s));
  });

  it('REC-6: stops at a refused slice and says how many records went before it', async () => {
    const { s, cmd } = accounts(FORWARD_SLICE + 5);
    // The last record is already shared, so the second slice is refused.
    s.dispatch({ ...cmd, recordIds: cmd.recordIds.slice(-1) });
    const r = await dispatchSliced(
      (c) => s.dispatch(c),
      cmd,
      async () => {},
    );
    expect(r).toMatchObject({ ok: false, rule: 'REC-6' });
    expect(!r.ok && r.reason).toContain(`${FORWARD_SLICE} records were forwarded before it`);
  });
});
