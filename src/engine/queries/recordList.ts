import type { FieldValue } from '../domain/index.ts';
import type { ObjectDef } from '../domain/objectDef.ts';
import { fieldsAt, recordAt } from '../org/recordCopies.ts';
import { liveRows } from '../org/liveRows.ts';
import { valueAt } from '../org/recordTables.ts';
import { recordName } from '../org/recordName.ts';
import { canRead, fieldHidden, isAdmin } from '../rules/access.ts';
import { isActiveShare } from '../rules/sync.ts';
import type { OrgState, RecordId, User } from '../state/org.ts';
import type { RecordTable } from '../state/recordTable.ts';

export interface RecordListRow {
  Id: RecordId;
  /** The record's name as a list shows it (Contacts and Leads: first and last name). */
  name: string;
  /** The fields this user may see (SHR-2). */
  fields: Record<string, FieldValue>;
  /** REC-3: "Received from Globex", "Shared with Globex", "Pending at Globex", or null. */
  sharing: string | null;
}

export interface RecordListPage {
  /** Records of the object this user sees (matching `search` when given). */
  total: number;
  offset: number;
  rows: RecordListRow[];
}

export interface RecordListOptions {
  object: string;
  /** The viewing user: only what they may see (SHR-1). Without it, every record. */
  as?: string;
  offset?: number;
  limit?: number;
  /** Keeps records whose name contains this text (any case). */
  search?: string;
}

export { recordName };

function nameAt(def: ObjectDef | undefined, t: RecordTable, row: number): string {
  if (!def) return t.Id[row]!;
  const own = valueAt(t, row, def.nameField);
  const first =
    def.apiName === 'Contact' || def.apiName === 'Lead' ? valueAt(t, row, 'FirstName') : null;
  return recordName(def, t.Id[row]!, { [def.nameField]: own ?? null, FirstName: first ?? null });
}

/** REC-3 in a list: where a row came from or whom it is shared with. */
function sharingAt(org: OrgState, t: RecordTable, row: number): string | null {
  const received = t.ConnectionReceivedId[row];
  if (received) return `Received from ${org.connections[received]?.ConnectionName ?? received}`;
  const active: string[] = [];
  const pending: string[] = [];
  for (const p of t.shares[row] ?? []) {
    if (p.side !== 'sender') continue;
    const name = org.connections[p.ConnectionId]?.ConnectionName ?? p.ConnectionId;
    if (isActiveShare(p)) active.push(name);
    else if (p.state === 'pending') pending.push(name);
  }
  if (active.length) return `Shared with ${active.join(', ')}`;
  if (pending.length) return `Pending at ${pending.join(', ')}`;
  return null;
}

function visibleFields(
  org: OrgState,
  u: User | undefined,
  object: string,
  t: RecordTable,
  row: number,
) {
  const all = fieldsAt(t, row);
  if (!u) return all;
  for (const f in all) if (fieldHidden(org, u, object, f)) delete all[f];
  return all;
}

/**
 * One page of an object's list view, newest first, copying only the page's records. For an
 * administrator, or without `as`, every live row counts: the page starts `offset` live rows
 * from the end, so its cost follows the page, not the number of records (the count is kept
 * as records come and go: liveRows.ts). Anyone else is checked row by row (SHR-1), owners from the owner
 * column, the rest through `canRead` on a copy.
 */
export function recordListPage(org: OrgState, opts: RecordListOptions): RecordListPage {
  const offset = Math.max(0, Math.floor(opts.offset ?? 0));
  const limit = Math.max(0, Math.floor(opts.limit ?? 50));
  const def = org.schema[opts.object];
  const u = opts.as ? org.users[opts.as] : undefined;
  if (opts.as && !u) return { total: 0, offset, rows: [] };
  const t = def ? org.records[def.keyPrefix] : undefined;
  if (!def || !t || t.object !== opts.object) return { total: 0, offset, rows: [] };
  const everything = !u || isAdmin(u);
  const needle = opts.search?.trim().toLowerCase() ?? '';
  const sees = (row: number) =>
    !!t.Id[row] &&
    (everything || t.OwnerId[row] === u!.Id || canRead(org, u!, recordAt(t, row))) &&
    (!needle || nameAt(def, t, row).toLowerCase().includes(needle));

  const rows: RecordListRow[] = [];
  const take = (row: number) =>
    rows.push({
      Id: t.Id[row]!,
      name: nameAt(def, t, row),
      fields: visibleFields(org, u, def.apiName, t, row),
      sharing: sharingAt(org, t, row),
    });

  if (everything && !needle) {
    const total = liveRows(t);
    let skipped = 0;
    for (let row = t.Id.length - 1; row >= 0 && rows.length < limit; row--) {
      if (!t.Id[row]) continue;
      if (skipped < offset) skipped++;
      else take(row);
    }
    return { total, offset, rows };
  }
  let total = 0;
  for (let row = t.Id.length - 1; row >= 0; row--) {
    if (!sees(row)) continue;
    if (total >= offset && rows.length < limit) take(row);
    total++;
  }
  return { total, offset, rows };
}
