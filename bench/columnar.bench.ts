import { FIELDS, mapsBaselineMs, sharedWorld } from './engine.bench.ts';
import { driveQueued, referenceResult, type Due } from './referenceRun.ts';
import type { BenchResult } from './result.ts';

/** One org's Accounts by column: a row per record, an array per field. */
class Columns {
  rowOf = new Map<string, number>();
  rowOfShare = new Map<string, number>();
  shareOfRow: string[];
  values: (string | null)[][];
  stampAt: Float64Array[];
  stampOrigin: Uint8Array[];
  history = { at: [] as number[], row: [] as number[], field: [] as number[] };
  historyValues = { old: [] as (string | null)[], new: [] as string[] };

  constructor(rows: number) {
    this.shareOfRow = new Array<string>(rows);
    this.values = FIELDS.map(() => new Array<string | null>(rows).fill(null));
    this.stampAt = FIELDS.map(() => new Float64Array(rows));
    this.stampOrigin = FIELDS.map(() => new Uint8Array(rows));
  }

  write(row: number, field: number, v: string, at: number, origin: number, now: number) {
    this.history.at.push(now);
    this.history.row.push(row);
    this.history.field.push(field);
    this.historyValues.old.push(this.values[field]![row]!);
    this.historyValues.new.push(v);
    this.values[field]![row] = v;
    this.stampAt[field]![row] = at;
    this.stampOrigin[field]![row] = origin;
  }
}

interface Wire extends Due {
  to: number;
  shareKey: string;
  field: number;
  v: string;
  at: number;
  origin: number;
}

/**
 * A probe, not a product path: the reference run again on a leaner layout than the engine's
 * tables: stamps as numbers in typed arrays instead of shared stamp objects, and history
 * pushed as columns. It shows how far the data path alone could still come down.
 */
export function columnarFloor(records = 10_000, updates = 100_000): BenchResult[] {
  const { pairs, plan } = sharedWorld(records, updates);
  const baselineMs = mapsBaselineMs(pairs, plan);
  const sides = [new Columns(pairs.length), new Columns(pairs.length)] as const;
  pairs.forEach((ids, row) => {
    for (const side of [0, 1] as const) {
      sides[side].rowOf.set(ids[side], row);
      sides[side].rowOfShare.set(`S-${row}`, row);
      sides[side].shareOfRow[row] = `S-${row}`;
    }
  });
  const fieldIndex = new Map(FIELDS.map((f, i) => [f as string, i]));
  const ids = plan.map((u) => pairs[u.i]![u.side]);
  const ms = driveQueued<Wire>(
    plan.length,
    (n, now, dueAt) => {
      const u = plan[n]!;
      const side = sides[u.side];
      const row = side.rowOf.get(ids[n]!)!;
      const field = fieldIndex.get(u.field)!;
      side.write(row, field, u.v, now, u.side, now);
      const shareKey = side.shareOfRow[row]!;
      return {
        dueAt,
        seq: n,
        to: 1 - u.side,
        shareKey,
        field,
        v: u.v,
        at: now,
        origin: u.side,
      };
    },
    (m, now) => {
      const to = sides[m.to as 0 | 1];
      to.write(to.rowOfShare.get(m.shareKey)!, m.field, m.v, m.at, m.origin, now);
    },
  );
  return referenceResult(
    'probe: the same writes with stamps as numbers and history by column (no rules, log or checks)',
    updates,
    ms,
    baselineMs,
  );
}
