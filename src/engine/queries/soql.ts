import { eachRecord } from '../org/recordCopies.ts';
import { recordShareStatus } from '../machines/index.ts';
import type { FieldValue } from '../domain/index.ts';
import { canRead, fieldHidden } from '../rules/access.ts';
import { recordOf } from '../org/recordCopies.ts';
import type { OrgState, SObjectRecord, User } from '../state/org.ts';

// The console's SOQL subset as a plain-data query over one org, for one user: what Apex's
// `[SELECT …]` would return. Comparisons follow SOQL: text compares without regard to case,
// LIKE takes % and _ as wildcards, and a field that is not set is null.

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
export function soqlObjects(org: OrgState, as: string): Record<string, string[]> {
  const u = org.users[as];
  const out: Record<string, string[]> = {};
  if (org.s2s.enabled) {
    out[PNC] = PNC_FIELDS;
    out[PNRC] = PNRC_FIELDS;
  }
  for (const def of Object.values(org.schema)) {
    const fields = def.fields
      .map((f) => f.apiName)
      .filter((f) => !u || !fieldHidden(org, u, def.apiName, f));
    out[def.apiName] = [...RECORD_SYSTEM_FIELDS, ...fields.filter((f) => f !== 'Id')];
  }
  return out;
}

function pncRows(org: OrgState): Record<string, FieldValue>[] {
  return Object.values(org.connections).map((c) => ({
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
function pnrcRows(org: OrgState, u: User | undefined): Record<string, FieldValue>[] {
  const out: Record<string, FieldValue>[] = [];
  for (const p of Object.values(org.recordConnections)) {
    const rec = p.LocalRecordId ? recordOf(org, p.LocalRecordId) : null;
    if (u && rec && !canRead(org, u, rec)) continue;
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
      Status: recordShareStatus(p.state, p.side).api,
    });
  }
  return out;
}

function recordRow(r: SObjectRecord): Record<string, FieldValue> {
  return {
    ...r.fields,
    Id: r.Id,
    OwnerId: r.OwnerId,
    CreatedDate: r.CreatedDate,
    CreatedById: r.CreatedById,
    LastModifiedDate: r.LastModifiedDate,
    LastModifiedById: r.LastModifiedById,
    ConnectionReceivedId: r.ConnectionReceivedId,
  };
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

/** Runs one query as user `as`: only records they can see, only fields they can see. */
export function soql(org: OrgState, as: string, q: SoqlQuery): SoqlResult {
  const u = org.users[as];
  if (!u) return { ok: false, rule: 'API', reason: `There is no user ${as} in ${org.name}.` };
  if ((q.object === PNC || q.object === PNRC) && !org.s2s.enabled)
    return {
      ok: false,
      rule: 'EN-2',
      reason: `${q.object} does not exist in ${org.name}: Salesforce to Salesforce is not enabled.`,
    };
  const known = soqlObjects(org, as)[q.object];
  if (!known) return { ok: false, rule: 'API', reason: `sObject type '${q.object}' is not supported.` };
  const fields = q.fields.length ? q.fields : ['Id'];
  for (const f of [
    ...fields,
    ...(q.where ?? []).map((c) => c.field),
    ...(q.orderBy ?? []).map((o) => o.field),
  ])
    if (!known.includes(f))
      return { ok: false, rule: 'API', reason: `No such column '${f}' on entity '${q.object}'.` };
  let rows: Record<string, FieldValue>[];
  if (q.object === PNC) rows = pncRows(org);
  else if (q.object === PNRC) rows = pnrcRows(org, u);
  else {
    rows = [];
    for (const r of eachRecord(org, q.object)) if (canRead(org, u, r)) rows.push(recordRow(r));
  }
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
