import type { RecordListRow } from '../../../engine/queries/recordList.ts';

function sameRow(a: RecordListRow, b: RecordListRow): boolean {
  if (a.Id !== b.Id || a.name !== b.name || a.sharing !== b.sharing) return false;
  let n = 0;
  for (const f in a.fields) {
    if (a.fields[f] !== b.fields[f]) return false;
    n++;
  }
  for (const _ in b.fields) n--;
  return n === 0;
}

/**
 * A page of rows where each row equal to the one shown before is that same object, so a list
 * re-renders only the rows that changed: an edit costs one row, not a page.
 */
export function keptRows(before: readonly RecordListRow[], now: RecordListRow[]): RecordListRow[] {
  if (!before.length) return now;
  const old = new Map(before.map((r) => [r.Id, r]));
  return now.map((r) => {
    const was = old.get(r.Id);
    return was && sameRow(was, r) ? was : r;
  });
}
