import { describe, expect, it } from 'vitest';
import type { ConnectionShares, ShareRow } from '../../../src/engine/queries/orgShares.ts';
import { shownRows } from '../../../src/ui/canvas/records/shownRows.ts';

const row = (n: number): ShareRow => ({
  shareKey: `S${n}`,
  pnrcId: `P${n}`,
  side: 'sender',
  object: 'Account',
  recordId: `R${n}`,
  name: `Record ${n}`,
  values: [],
  state: 'Synced',
  waiting: false,
  diffs: [],
});

const group = (id: string, total: number, shown: number): ConnectionShares => ({
  connectionId: id,
  connectionName: id,
  partnerOrg: id,
  total,
  rows: Array.from({ length: shown }, (_, i) => row(i)),
});

describe('record rows that fit an org node', () => {
  it('fills the rows in connection order and counts what is left out', () => {
    const out = shownRows([group('b', 3, 3), group('c', 10_000, 4)], 4);
    expect(out.map((g) => [g.rows.length, g.more])).toEqual([
      [3, 0],
      [1, 9_999],
    ]);
  });

  it('a connection past the budget shows only its count', () => {
    const out = shownRows([group('b', 5, 4), group('c', 2, 2)], 4);
    expect(out[1]).toMatchObject({ rows: [], more: 2 });
  });
});
