import type { FieldValue } from '../domain/index.ts';
import type { FieldStamp, OrgState } from '../state/org.ts';
import type { FieldColumn, RecordTable } from '../state/recordTable.ts';

// Engine ids are `<3-char key prefix><org tag><11-digit counter>`; the counter is the row + 1.
export const PREFIX = 3;
const COUNTER_AT = 4;
const ID_LENGTH = 15;

/** The row of an engine id, or -1 when the id is not one of the engine's. */
export function rowOf(id: string): number {
  if (typeof id !== 'string' || id.length !== ID_LENGTH) return -1;
  let n = 0;
  for (let i = COUNTER_AT; i < ID_LENGTH; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n - 1;
}

/** The table holding a record id's object, if the org has one for its key prefix. */
export function tableOf(org: OrgState, id: string): RecordTable | undefined {
  if (typeof id !== 'string' || id.length !== ID_LENGTH) return undefined;
  const tables = org.records;
  // Most orgs hold a handful of tables: comparing prefixes beats building a key per lookup.
  for (const k in tables) {
    const t = tables[k]!;
    const p = t.keyPrefix;
    if (
      id.charCodeAt(0) === p.charCodeAt(0) &&
      id.charCodeAt(1) === p.charCodeAt(1) &&
      id.charCodeAt(2) === p.charCodeAt(2)
    )
      return t;
  }
  return undefined;
}

export function emptyTable(object: string, keyPrefix: string): RecordTable {
  return {
    object,
    keyPrefix,
    Id: [],
    OwnerId: [],
    CreatedDate: [],
    CreatedById: [],
    LastModified: [],
    ConnectionReceivedId: [],
    IsConverted: [],
    fields: {},
    shares: [],
  };
}

/**
 * Writes one slot. A column written far past its end would turn into a slow sparse array,
 * so the gap is filled first.
 */
export function setAt<T>(col: (T | undefined)[], row: number, v: T) {
  while (col.length < row) col.push(undefined);
  col[row] = v;
}

/** A field's column of values and stamps, made on first write. */
export function fieldColumn(t: RecordTable, field: string): FieldColumn {
  let col = t.fields[field];
  if (!col) t.fields[field] = col = [];
  return col;
}

/**
 * Slots per row in a field's column: the value, then its stamp's `editedAt`, `origin` and
 * `via`. Held as plain slots rather than a stamp object, a sync step reads where a value came
 * from without following a pointer to a cold object, and an arrival keeps no stamp object.
 */
export const STRIDE = 4;

/** A field's value on a row (undefined when never set). */
export function valueAt(t: RecordTable, row: number, field: string): FieldValue | undefined {
  return valueIn(t.fields[field], row);
}

export function stampAt(t: RecordTable, row: number, field: string): FieldStamp | undefined {
  return stampIn(t.fields[field], row);
}

// By column, for a caller that reads or writes one field more than once: each lookup of a
// column by the field's name is a megamorphic one.

export function valueIn(col: FieldColumn | undefined, row: number): FieldValue | undefined {
  return col === undefined ? undefined : col[STRIDE * row];
}

/** When the value on a row was edited at its origin (its stamp's `editedAt`). */
export function editedAtIn(col: FieldColumn | undefined, row: number): number | undefined {
  // A JSON copy turns an empty slot into null.
  return col === undefined
    ? undefined
    : ((col[STRIDE * row + 1] ?? undefined) as number | undefined);
}

/** The org where the value on a row was edited (its stamp's `origin`). */
export function originIn(col: FieldColumn | undefined, row: number): string | undefined {
  return col === undefined
    ? undefined
    : ((col[STRIDE * row + 2] ?? undefined) as string | undefined);
}

/** The value's stamp, as a new object: for callers off the sync path. */
export function stampIn(col: FieldColumn | undefined, row: number): FieldStamp | undefined {
  const editedAt = editedAtIn(col, row);
  if (editedAt === undefined) return undefined;
  const origin = col![STRIDE * row + 2] as string;
  const via = col![STRIDE * row + 3] as string | null | undefined;
  return via == null ? { editedAt, origin } : { editedAt, origin, via };
}

/** Writes a row's value and its stamp into a field's column. */
export function writeIn(col: FieldColumn, row: number, v: FieldValue, s: FieldStamp) {
  setAt(col, STRIDE * row, v);
  putStampIn(col, row, s);
}

/** Writes a row's stamp alone (a record put whole may hold a value without one). */
export function putStampIn(col: FieldColumn, row: number, s: FieldStamp) {
  setAt(col, STRIDE * row + 1, s.editedAt);
  col[STRIDE * row + 2] = s.origin;
  // A column ends at its last slot in use, as a trimmed one does: an empty `via` at the end is
  // not written.
  if (s.via !== undefined || col.length > STRIDE * row + 3) col[STRIDE * row + 3] = s.via;
}
