import { tablesOf } from '../engine/org/recordWrites.ts';
import type { OrgState, SObjectRecord } from '../engine/state/org.ts';
import { indexShares } from '../engine/org/shareIndex.ts';
import { modifiedFor } from '../engine/org/interned.ts';
import { STATE_FORMAT, type SandboxState } from '../engine/state/sandboxState.ts';

/**
 * Upgrades a saved SandboxState written by an older engine, one format at a time. Each step
 * takes format n and returns format n + 1; add one here whenever STATE_FORMAT is bumped.
 */
export const STATE_MIGRATIONS: Record<
  number,
  (state: Record<string, unknown>) => Record<string, unknown>
> = {
  // Format 2 added the starting settings (for scenarios) and the pending-children index.
  1: (state) => {
    const orgs = (state.orgs ?? {}) as Record<string, Record<string, unknown>>;
    for (const org of Object.values(orgs)) {
      const index: Record<string, string[]> = {};
      const pnrcs = (org.recordConnections ?? {}) as Record<
        string,
        { Id: string; pending?: { parentShareKey?: string | null } | null }
      >;
      for (const p of Object.values(pnrcs)) {
        const key = p.pending?.parentShareKey;
        if (key) (index[key] ??= []).push(p.Id);
      }
      org.pendingChildren ??= index;
    }
    return { ...state, initialSettings: state.initialSettings ?? structuredClone(state.settings) };
  },
  // Format 3 added queues, assignment rules and sharing rules; an older org has none.
  2: (state) => {
    const orgs = (state.orgs ?? {}) as Record<string, Record<string, unknown>>;
    for (const org of Object.values(orgs)) {
      org.queues ??= {};
      org.assignmentRules ??= {};
      org.sharingRules ??= [];
    }
    return state;
  },
  // Format 4 holds records by column. Checkpoint rows keep whole records, so a state put
  // together from them has its tables already; a whole saved state has a record map.
  3: (state) => {
    const orgs = (state.orgs ?? {}) as Record<string, { records?: unknown }>;
    for (const org of Object.values(orgs)) {
      if (isRecordMap(org.records)) org.records = tablesOf(Object.values(org.records));
      indexShares(org as unknown as OrgState);
    }
    return state;
  },
  // Format 5 keeps a record's last-modified date and user in one column, and each field's
  // values and stamps interleaved in one. Tables built from checkpoint rows by this engine
  // have both already.
  4: (state) => {
    const orgs = (state.orgs ?? {}) as Record<string, { records?: Record<string, unknown> }>;
    for (const org of Object.values(orgs))
      for (const t of Object.values(org.records ?? {})) {
        mergeLastModified(t as V4Table);
        interleaveStamps(t as V4Table);
      }
    return state;
  },
  // Format 6 holds a stamp's parts (`editedAt`, `origin`, `via`) beside its value, four slots a
  // row, where format 5 held a stamp object at 2 × row + 1. Tables rebuilt from checkpoint
  // rows by this engine have the new layout already.
  5: (state) => {
    const orgs = (state.orgs ?? {}) as Record<string, { records?: Record<string, unknown> }>;
    for (const org of Object.values(orgs))
      for (const t of Object.values(org.records ?? {}) as V5Table[])
        if (Object.values(t.fields).some(isFormat5Column))
          for (const f in t.fields) t.fields[f] = stampsBySlot(t.fields[f]!);
    return state;
  },
};

interface V5Table {
  fields: Record<string, unknown[]>;
}

type V5Stamp = { editedAt: number; origin: string; via?: string } | null | undefined;

/**
 * Whether a column is laid out as in format 5. Its stamps are objects, and a format 6 column
 * holds none; a format 5 column without any stamp still shows, as a value where format 6
 * holds a stamp's `origin` with no `editedAt` before it.
 */
function isFormat5Column(col: unknown[]): boolean {
  for (let i = 0; i < col.length; i++) {
    const x = col[i];
    if (x !== null && typeof x === 'object') return true;
    if (i % 4 === 2 && x != null && (typeof x !== 'string' || col[i - 1] == null)) return true;
  }
  return false;
}

function stampsBySlot(col: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (let row = 0; 2 * row < col.length; row++) {
    const s = (col[2 * row + 1] ?? undefined) as V5Stamp;
    // A JSON copy writes a hole as null; a blank saved on purpose has a stamp.
    const value = col[2 * row] === null && !s ? undefined : col[2 * row];
    out.push(value, s?.editedAt, s?.origin, s?.via);
  }
  // Trimmed as the engine keeps its columns: nothing after the last slot in use.
  while (out.length && out[out.length - 1] === undefined) out.pop();
  return out;
}

interface V4Table {
  LastModified?: unknown[];
  LastModifiedDate?: (number | null | undefined)[];
  LastModifiedById?: (string | null | undefined)[];
  fields: Record<string, unknown[]>;
  stamps?: Record<string, unknown[]>;
}

function interleaveStamps(t: V4Table) {
  if (!t.stamps) return;
  const fields: Record<string, unknown[]> = {};
  for (const f of new Set([...Object.keys(t.fields), ...Object.keys(t.stamps)])) {
    const values = t.fields[f] ?? [];
    const stamps = t.stamps[f] ?? [];
    const col: unknown[] = [];
    for (let row = 0; row < Math.max(values.length, stamps.length); row++)
      // A null value is a blank field; a null stamp is a hole a JSON copy filled.
      col.push(values[row], stamps[row] ?? undefined);
    // Trimmed as the engine keeps its columns: nothing after the last slot in use.
    while (col.length && col[col.length - 1] === undefined) col.pop();
    if (col.length) fields[f] = col;
  }
  t.fields = fields;
  delete t.stamps;
}

function mergeLastModified(t: V4Table) {
  if (!t.LastModifiedDate) return;
  const by = t.LastModifiedById ?? [];
  // Holes stay holes: a deleted record's row has no last-modified pair either.
  t.LastModified = t.LastModifiedDate.map((at, row) =>
    at == null ? undefined : modifiedFor(at, by[row]!),
  );
  delete t.LastModifiedDate;
  delete t.LastModifiedById;
}

/** Whether `records` is the id → record map of formats 1–3 rather than tables. */
export function isRecordMap(records: unknown): records is Record<string, SObjectRecord> {
  if (!records || typeof records !== 'object') return false;
  // A record's Id is a string; a table's is a column.
  for (const k in records)
    return typeof (records as Record<string, { Id?: unknown }>)[k]!.Id === 'string';
  return false;
}

export class StateFormatError extends Error {}

export function migrateState(
  input: unknown,
  migrations: Record<
    number,
    (s: Record<string, unknown>) => Record<string, unknown>
  > = STATE_MIGRATIONS,
  target = STATE_FORMAT,
): SandboxState {
  let state = input as Record<string, unknown>;
  let format = typeof state?.format === 'number' ? state.format : NaN;
  if (!Number.isInteger(format) || format < 1)
    throw new StateFormatError('The saved sandbox has no valid format number.');
  if (format > target)
    throw new StateFormatError(
      `The saved sandbox was written by a newer version (format ${format}); this app reads up to ${target}. Reload to update the app.`,
    );
  while (format < target) {
    const step = migrations[format];
    if (!step) throw new StateFormatError(`No migration from sandbox format ${format}.`);
    state = step(state);
    format++;
    state.format = format;
  }
  return state as unknown as SandboxState;
}
