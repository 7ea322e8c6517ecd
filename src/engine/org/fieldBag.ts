import type { SObjectRecord } from '../state/org.ts';

/**
 * A record's fields and stamps as a null-prototype object. V8 keeps such objects as hash
 * tables, so records whose fields were first set in different orders do not each get their
 * own hidden class: with thousands of records, those shapes made every field access
 * megamorphic and two to three times slower. Same plain data for cloning and JSON.
 */
export function fieldBag<T>(o: Record<string, T>): Record<string, T> {
  if (Object.getPrototypeOf(o) === null) return o;
  return Object.assign(Object.create(null) as Record<string, T>, o);
}

/** Puts a record's field maps in the form above; records arrive from rules or from storage. */
export function settleRecord(r: SObjectRecord): SObjectRecord {
  r.fields = fieldBag(r.fields);
  r.stamps = fieldBag(r.stamps);
  return r;
}
