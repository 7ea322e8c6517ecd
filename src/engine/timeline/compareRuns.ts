import type { FieldValue } from '../domain/index.ts';
import { eachRecord } from '../org/recordCopies.ts';
import { recordName } from '../queries/recordList.ts';
import type { SandboxState } from '../state/sandboxState.ts';
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

type Runnable = SandboxState | { sandbox: { state: SandboxState } };

const stateOf = (r: Runnable): SandboxState => ('sandbox' in r ? r.sandbox.state : r);

function recordsOf(s: SandboxState): Map<string, SObjectRecord> {
  const out = new Map<string, SObjectRecord>();
  for (const org of s.orgOrder)
    for (const r of eachRecord(s.orgs[org]!)) out.set(`${org}\u0000${r.Id}`, r);
  return out;
}

/**
 * Which records two runs (two forks of one sandbox, say) ended with different values, and on
 * which fields; and the records only one of them has. Records are matched by org and Id, which
 * a seeded run hands out in the same order until the runs part.
 */
export function compareRuns(a: Runnable, b: Runnable): RunDifference[] {
  const sa = stateOf(a);
  const sb = stateOf(b);
  const ra = recordsOf(sa);
  const rb = recordsOf(sb);
  const out: RunDifference[] = [];
  const describe = (s: SandboxState, key: string, r: SObjectRecord) => {
    const org = key.slice(0, key.indexOf('\u0000'));
    return {
      org,
      recordId: r.Id,
      object: r.object,
      name: recordName(s.orgs[org]!.schema[r.object], r.Id, r.fields),
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

function present(r: SObjectRecord, side: 'a' | 'b'): FieldDifference[] {
  const out: FieldDifference[] = [];
  for (const [field, v] of Object.entries(r.fields))
    if (v !== null && v !== '')
      out.push(side === 'a' ? { field, a: v, b: null } : { field, a: null, b: v });
  return out;
}
