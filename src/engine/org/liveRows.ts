import type { RecordTable } from '../state/recordTable.ts';

/**
 * How many records a table holds, kept up to date by the only two writers of its Id column
 * (putRecord and clearRow in recordWrites.ts), so a list view counts its records without a
 * pass over all of them. Keyed by the Id column itself and kept outside the state: a table
 * restored, cloned or rewound is a new column and is counted once, on first use.
 */
const counts = new WeakMap<RecordTable['Id'], number>();

export function liveRows(t: RecordTable): number {
  let n = counts.get(t.Id);
  if (n === undefined) {
    n = 0;
    for (const id of t.Id) if (id) n++;
    counts.set(t.Id, n);
  }
  return n;
}

/** A row of `t` went from empty to holding a record (call after writing its Id). */
export function rowFilled(t: RecordTable) {
  const n = counts.get(t.Id);
  if (n !== undefined) counts.set(t.Id, n + 1);
}

/** A row of `t` that held a record is being emptied. */
export function rowEmptied(t: RecordTable) {
  const n = counts.get(t.Id);
  if (n !== undefined) counts.set(t.Id, n - 1);
}
