import { keptPnrc } from './keptPnrc.ts';
import type { OrgState, RecordId } from '../state/org.ts';
import type { PartnerNetworkRecordConnection as PNRC } from '../state/recordConnection.ts';
import { rowOf, setAt, tableOf } from './recordTables.ts';

// Two indexes over an org's PartnerNetworkRecordConnections, both derived and rebuilt on
// reload: shareKey → PNRC, for an inbound message, and a record's row → its PNRCs, for an
// edit going out. They hold the PNRC objects themselves: sync looks a share up twice per
// update, and a second lookup by PNRC id cost as much as the first.

const NONE: readonly PNRC[] = Object.freeze([]);

/** The PNRCs of a record, oldest first. */
export function sharesOf(org: OrgState, id: RecordId): readonly PNRC[] {
  const t = tableOf(org, id);
  const row = rowOf(id);
  return (t && t.Id[row] === id && t.shares[row]) || NONE;
}

/** Indexes a PNRC put by a plan, replacing the object it succeeds. */
export function indexShare(org: OrgState, p: PNRC) {
  org.shareIndex[p.shareKey] = p;
  const id = p.LocalRecordId;
  if (!id) return;
  const t = tableOf(org, id);
  const row = rowOf(id);
  // A share of a deleted record stays a row of the PNRC table, but no record lists it.
  if (!t || t.Id[row] !== id) return;
  const list = t.shares[row];
  if (!list) return setAt(t.shares, row, [p]);
  let i = 0;
  while (i < list.length && list[i]!.Id < p.Id) i++;
  if (list[i]?.Id === p.Id) list[i] = p;
  else list.splice(i, 0, p);
}

export function unindexShare(org: OrgState, p: PNRC) {
  delete org.shareIndex[p.shareKey];
  const id = p.LocalRecordId;
  const t = id ? tableOf(org, id) : undefined;
  if (!t || !id) return;
  const row = rowOf(id);
  const list = t.shares[row];
  if (!list) return;
  const rest = list.filter((x) => x.Id !== p.Id);
  t.shares[row] = rest.length ? rest : undefined;
  while (t.shares.length && t.shares[t.shares.length - 1] === undefined) t.shares.pop();
}

/** Rebuilds both indexes from the PNRCs, in the order they were made. */
export function indexShares(org: OrgState) {
  // Formats up to 3 kept PNRC ids per record id here instead.
  delete (org as { recordShares?: unknown }).recordShares;
  org.shareIndex = {};
  for (const k in org.records) org.records[k]!.shares = [];
  for (const id in org.recordConnections) {
    // Restored from saved data, each PNRC takes the one class the engine's own have.
    const p = (org.recordConnections[id] = keptPnrc(org.recordConnections[id]!));
    indexShare(org, p);
  }
}
