import type { FieldValue } from '../domain/index.ts';
import type { ObjectDef } from '../domain/objectDef.ts';
import type { SObjectRecord } from '../state/org.ts';

export interface FieldDifference {
  field: string;
  /** Null when the field is blank (or the record is missing) in that run. */
  a: FieldValue;
  b: FieldValue;
}

/** A record that ended different in two runs, or exists in only one of them. */
export interface RunDifference {
  org: string;
  recordId: string;
  name: string;
  object: string;
  /** Set when the record exists in one run only. */
  only?: 'a' | 'b';
  /** The fields that differ; for a record in one run only, its non-blank fields. */
  fields: FieldDifference[];
}

/**
 * A run's end, read through the scripting API's queries (an `S2S`). Only those: this module
 * loads when a comparison is first asked for, and reaching into the engine's modules from
 * here would split them out of the page's first chunk.
 */
export interface RunView {
  orgs(): { id: string }[];
  records(org: string): SObjectRecord[];
  schema(org: string): Record<string, ObjectDef>;
}

function recordsOf(s: RunView): Map<string, SObjectRecord> {
  const out = new Map<string, SObjectRecord>();
  for (const { id } of s.orgs()) for (const r of s.records(id)) out.set(`${id}\u0000${r.Id}`, r);
  return out;
}

/**
 * Which records two runs (two forks of one sandbox, say) ended with different values, and on
 * which fields; and the records only one of them has. Records are matched by org and Id, which
 * a seeded run hands out in the same order until the runs part.
 */
export function compareRuns(a: RunView, b: RunView): RunDifference[] {
  const sa = a;
  const sb = b;
  const ra = recordsOf(sa);
  const rb = recordsOf(sb);
  const out: RunDifference[] = [];
  const describe = (s: RunView, key: string, r: SObjectRecord) => {
    const org = key.slice(0, key.indexOf('\u0000'));
    return {
      org,
      recordId: r.Id,
      object: r.object,
      name: nameOf(s, org, r),
    };
  };
  for (const [key, x] of ra) {
    const y = rb.get(key);
    if (!y) {
      out.push({ ...describe(sa, key, x), only: 'a', fields: present(x, 'a') });
      continue;
    }
    const fields: FieldDifference[] = [];
    for (const f of new Set([...Object.keys(x.fields), ...Object.keys(y.fields)])) {
      const va = x.fields[f] ?? null;
      const vb = y.fields[f] ?? null;
      if (va !== vb) fields.push({ field: f, a: va, b: vb });
    }
    if (x.OwnerId !== y.OwnerId) fields.push({ field: 'OwnerId', a: x.OwnerId, b: y.OwnerId });
    if (fields.length) out.push({ ...describe(sa, key, x), fields });
  }
  for (const [key, y] of rb)
    if (!ra.has(key)) out.push({ ...describe(sb, key, y), only: 'b', fields: present(y, 'b') });
  return out;
}

/** The record's name field (with a Contact's or Lead's first name), else its Id. */
function nameOf(s: RunView, org: string, r: SObjectRecord): string {
  const def = s.schema(org)[r.object];
  const own = def ? r.fields[def.nameField] : null;
  const first = r.object === 'Contact' || r.object === 'Lead' ? r.fields.FirstName : null;
  return [first, own].filter((v) => v !== null && v !== undefined && v !== '').join(' ') || r.Id;
}

function present(r: SObjectRecord, side: 'a' | 'b'): FieldDifference[] {
  const out: FieldDifference[] = [];
  for (const [field, v] of Object.entries(r.fields))
    if (v !== null && v !== '')
      out.push(side === 'a' ? { field, a: v, b: null } : { field, a: null, b: v });
  return out;
}
