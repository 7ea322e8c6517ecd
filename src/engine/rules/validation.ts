import { storedAsIs, validateValue, type FieldValue } from '../domain/index.ts';
import { conditionHolds } from '../org/condition.ts';
import { fieldOf } from '../org/fieldIndex.ts';
import type { OrgState } from '../state/org.ts';
import type { RecordTable } from '../state/recordTable.ts';
import { fieldsAt } from '../org/recordCopies.ts';

const READ_ONLY_KINDS = new Set(['Id', 'AuditDateTime', 'AuditUser', 'AutoNumber', 'FormulaText']);

/**
 * Checks and normalises values for an object; the first problem is the reason. When nothing
 * needs normalising the given object comes back as it is: callers that keep it must copy it.
 */
export function checkValues(
  org: OrgState,
  object: string,
  values: Record<string, FieldValue>,
  opts?: { allowReadOnly?: boolean },
): { ok: true; values: Record<string, FieldValue> } | { ok: false; reason: string } {
  const obj = org.schema[object];
  if (!obj) return { ok: false, reason: `${org.name} has no object ${object}.` };
  let out: Record<string, FieldValue> | null = null;
  for (const name in values) {
    const f = fieldOf(obj, name);
    if (!f) return { ok: false, reason: `${obj.label} has no field ${name}.` };
    if (!opts?.allowReadOnly && READ_ONLY_KINDS.has(f.type.kind))
      return { ok: false, reason: `${f.label} is read-only.` };
    const raw = values[name]!;
    if (storedAsIs(f, raw)) continue;
    const v = validateValue(f, raw);
    if (!v.ok) return v;
    if (v.value !== raw) (out ??= { ...values })[name] = v.value;
  }
  return { ok: true, values: out ?? values };
}

const PASSED = Object.freeze({ ok: true as const });

/**
 * Required fields and the org's validation rules, checked on the record as it would be saved.
 * With `changes`, only the changed fields' required-ness is checked: the rest was valid already.
 */
export function checkRecord(
  org: OrgState,
  object: string,
  fields: Record<string, FieldValue>,
  changes?: Record<string, FieldValue>,
): { ok: true } | { ok: false; reason: string } {
  const obj = org.schema[object];
  if (!obj) return { ok: false, reason: `${org.name} has no object ${object}.` };
  if (changes) {
    for (const name in changes) {
      const v = changes[name];
      if (v === null || v === undefined || v === '') {
        const f = fieldOf(obj, name);
        if (f?.required) return { ok: false, reason: `${f.label}: a value is required.` };
      }
    }
  } else {
    for (const f of obj.fields) {
      const v = fields[f.apiName];
      if (f.required && (v === null || v === undefined || v === ''))
        return { ok: false, reason: `${f.label}: a value is required.` };
    }
  }
  for (const r of org.validationRules) {
    if (r.object !== object) continue;
    const v = changes && r.field in changes ? changes[r.field] : fields[r.field];
    const hit = conditionHolds(r, v);
    if (hit) return { ok: false, reason: `Validation rule: ${r.message}` };
  }
  return PASSED;
}

/**
 * checkRecord for a record where it is held. Only the changed fields are checked for
 * required-ness; the rest of the record is read only when a validation rule of its object
 * needs it, which keeps the sync path off the record's other columns.
 */
export function checkRecordAt(
  org: OrgState,
  t: RecordTable,
  row: number,
  changes: Record<string, FieldValue>,
): { ok: true } | { ok: false; reason: string } {
  let rules = false;
  for (const r of org.validationRules) if (r.object === t.object) rules = true;
  return checkRecord(org, t.object, rules ? fieldsAt(t, row) : NO_FIELDS, changes);
}

const NO_FIELDS: Record<string, FieldValue> = Object.freeze({});
