import type { S2S } from '../api.ts';
import type { FieldValue } from '../domain/index.ts';

// The console's SOQL subset as a plain-data query over one org, for one user: what Apex's
// `[SELECT …]` would return. Comparisons follow SOQL: text compares without regard to case,
// LIKE takes % and _ as wildcards, and a field that is not set is null.
//
// It reads the sandbox only through the scripting API's own queries (records as a user sees
// them, connections, PNRC rows), so it decides nothing about visibility itself, and it loads
// with the console rather than with the first page (the bundle budget).

export type SoqlValue = FieldValue | FieldValue[];

export interface SoqlCondition {
  field: string;
  op: '=' | '!=' | 'IN' | 'LIKE';
  value: SoqlValue;
}

export interface SoqlQuery {
  object: string;
  fields: string[];
  where?: SoqlCondition[];
  orderBy?: { field: string; dir?: 'ASC' | 'DESC' }[];
  limit?: number | null;
}

export type SoqlResult =
  | { ok: true; object: string; fields: string[]; rows: Record<string, FieldValue>[] }
  | { ok: false; rule: string; reason: string };

export const PNC = 'PartnerNetworkConnection';
export const PNRC = 'PartnerNetworkRecordConnection';

const PNC_FIELDS = [
  'Id',
  'ConnectionName',
  'ConnectionStatus',
  'AccountId',
  'ContactId',
  'PrimaryContactId',
  'CreatedDate',
  'ResponseDate',
];
const PNRC_FIELDS = [
  'Id',
  'ConnectionId',
  'LocalRecordId',
  'ParentRecordId',
  'RelatedRecords',
  'SendClosedTasks',
  'SendOpenTasks',
  'SendEmails',
  'StartDate',
  'EndDate',
  'Status',
];
const RECORD_SYSTEM_FIELDS = [
  'Id',
  'OwnerId',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'ConnectionReceivedId',
];

/**
 * The objects a user may query and each one's fields: PartnerNetworkConnection and
 * PartnerNetworkRecordConnection exist only with S2S on (EN-2); hidden fields are left out
 * (SHR-2). The console checks names against this before running anything.
 */
export function soqlObjects(s: S2S, org: string, as: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (s.orgs().find((o) => o.id === org)?.s2sEnabled) {
    out[PNC] = PNC_FIELDS;
    out[PNRC] = PNRC_FIELDS;
  }
  for (const object of Object.keys(s.schema(org))) {
    const layout = s.objectLayout(org, object, as);
    if (!layout) continue;
    const fields = layout.fields.map((f) => f.apiName).filter((f) => f !== 'Id');
    out[object] = [...new Set([...RECORD_SYSTEM_FIELDS, ...fields])];
  }
  return out;
}

function pncRows(s: S2S, org: string): Record<string, FieldValue>[] {
  return s.connections(org).map((c) => ({
    Id: c.Id,
    ConnectionName: c.ConnectionName,
    ConnectionStatus: c.ConnectionStatus,
    AccountId: c.AccountId,
    ContactId: c.ContactId,
    PrimaryContactId: c.PrimaryContactId,
    CreatedDate: c.CreatedDate,
    ResponseDate: c.ResponseDate,
  }));
}

/** PNRC rows of records the user can see (a received one not yet accepted has no record yet). */
function pnrcRows(s: S2S, org: string, as: string): Record<string, FieldValue>[] {
  const seen = new Set(s.records(org, { as }).map((r) => r.Id));
  const all = new Set(s.records(org).map((r) => r.Id));
  const out: Record<string, FieldValue>[] = [];
  for (const p of s.recordConnections(org)) {
    if (p.LocalRecordId && all.has(p.LocalRecordId) && !seen.has(p.LocalRecordId)) continue;
    out.push({
      Id: p.Id,
      ConnectionId: p.ConnectionId,
      LocalRecordId: p.LocalRecordId,
      ParentRecordId: p.ParentRecordId,
      RelatedRecords: p.RelatedRecords,
      SendClosedTasks: p.SendClosedTasks,
      SendOpenTasks: p.SendOpenTasks,
      SendEmails: p.SendEmails,
      StartDate: p.StartDate,
      EndDate: p.EndDate,
      Status: p.Status,
    });
  }
  return out;
}

function recordRows(s: S2S, org: string, as: string, object: string) {
  return s.records(org, { object, as }).map((r) => ({
    ...r.fields,
    Id: r.Id,
    OwnerId: r.OwnerId,
    CreatedDate: r.CreatedDate,
    CreatedById: r.CreatedById,
    LastModifiedDate: r.LastModifiedDate,
    LastModifiedById: r.LastModifiedById,
    ConnectionReceivedId: r.ConnectionReceivedId,
  }));
}

const text = (v: FieldValue | undefined) => (v === null || v === undefined ? null : String(v));

/** SOQL's LIKE: % any run, _ one character, without regard to case. */
function like(v: FieldValue | undefined, pattern: FieldValue): boolean {
  const s = text(v);
  if (s === null || pattern === null) return false;
  const re = String(pattern)
    .split('')
    .map((ch) => (ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${re}$`, 'is').test(s);
}

function same(a: FieldValue | undefined, b: FieldValue): boolean {
  if (a === undefined || a === null || b === null) return (a ?? null) === b;
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

function holds(row: Record<string, FieldValue>, c: SoqlCondition): boolean {
  const v = row[c.field];
  switch (c.op) {
    case '=':
      return !Array.isArray(c.value) && same(v, c.value);
    case '!=':
      return !Array.isArray(c.value) && !same(v, c.value);
    case 'IN':
      return Array.isArray(c.value) && c.value.some((x) => same(v, x));
    case 'LIKE':
      return !Array.isArray(c.value) && like(v, c.value);
  }
}

function compare(a: FieldValue | undefined, b: FieldValue | undefined): number {
  // Nulls first, as SOQL sorts ascending by default.
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `soql(s, org, as, query)`: one query as user `as`, only what they may see (SHR-1, SHR-2). */
export function soql(s: S2S, org: string, as: string, q: SoqlQuery): SoqlResult {
  const o = s.orgs().find((x) => x.id === org);
  if (!o) return { ok: false, rule: 'API', reason: `There is no org "${org}".` };
  if (!s.users(org).some((u) => u.Id === as))
    return { ok: false, rule: 'API', reason: `There is no user ${as} in ${o.name}.` };
  if ((q.object === PNC || q.object === PNRC) && !o.s2sEnabled)
    return {
      ok: false,
      rule: 'EN-2',
      reason: `${q.object} does not exist in ${o.name}: Salesforce to Salesforce is not enabled.`,
    };
  const known = soqlObjects(s, org, as)[q.object];
  if (!known)
    return { ok: false, rule: 'API', reason: `sObject type '${q.object}' is not supported.` };
  const fields = q.fields.length ? q.fields : ['Id'];
  for (const f of [
    ...fields,
    ...(q.where ?? []).map((c) => c.field),
    ...(q.orderBy ?? []).map((o) => o.field),
  ])
    if (!known.includes(f))
      return { ok: false, rule: 'API', reason: `No such column '${f}' on entity '${q.object}'.` };
  let rows: Record<string, FieldValue>[] =
    q.object === PNC
      ? pncRows(s, org)
      : q.object === PNRC
        ? pnrcRows(s, org, as)
        : recordRows(s, org, as, q.object);
  if (q.where?.length) rows = rows.filter((r) => q.where!.every((c) => holds(r, c)));
  if (q.orderBy?.length) {
    const order = q.orderBy;
    rows.sort((a, b) => {
      for (const o of order) {
        const d = compare(a[o.field], b[o.field]);
        if (d) return o.dir === 'DESC' ? -d : d;
      }
      return 0;
    });
  }
  if (q.limit !== undefined && q.limit !== null) rows = rows.slice(0, Math.max(0, q.limit));
  return {
    ok: true,
    object: q.object,
    fields,
    rows: rows.map((r) => Object.fromEntries(fields.map((f) => [f, r[f] ?? null]))),
  };
}
