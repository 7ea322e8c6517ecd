import type { FieldDef, ObjectDef } from '../domain/index.ts';

const cache = new WeakMap<ObjectDef, Map<string, FieldDef>>();

/** Exact-name field lookup for the hot path; schemas are replaced, never mutated, so caching by object is safe. */
export function fieldOf(obj: ObjectDef | undefined, apiName: string): FieldDef | undefined {
  if (!obj) return undefined;
  let m = cache.get(obj);
  if (!m) {
    m = new Map(obj.fields.map((f) => [f.apiName, f]));
    cache.set(obj, m);
  }
  return m.get(apiName);
}
