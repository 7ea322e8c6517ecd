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
  return col === undefined ? undefined : (col[2 * row] as FieldValue | undefined);
}

export function stampIn(col: FieldColumn | undefined, row: number): FieldStamp | undefined {
  return col === undefined ? undefined : (col[2 * row + 1] as FieldStamp | undefined);
}

/** Writes a row's value and its stamp into a field's column. */
export function writeIn(col: FieldColumn, row: number, v: FieldValue, s: FieldStamp) {
  setAt(col, 2 * row, v);
  col[2 * row + 1] = s;
}
