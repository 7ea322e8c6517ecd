import { sameApiName } from './apiNames.ts';
import { checkMapping } from './compatibility.ts';
import type { FieldDef } from './fieldTypes.ts';

// A field mapping: partner's published field API name → local field API name, or null for
// --None-- (the value is dropped, SUB-1).
export type FieldMapping = Record<string, string | null>;

// SUB-2 Auto-Map Fields. A key already present in `existing` was set by hand (null included:
// choosing --None-- is a choice) and is kept as it is. Name matches run over all fields
// before label matches, so a label match cannot take a target another field matches exactly.
export function autoMapFields(
  published: FieldDef[],
  local: FieldDef[],
  existing: FieldMapping,
): FieldMapping {
  const result: FieldMapping = {};
  const used = new Set<string>();
  for (const target of Object.values(existing)) {
    if (target !== null) used.add(target.toLowerCase());
  }

  const pending = published.filter((p) => !Object.hasOwn(existing, p.apiName));
  const take = (source: FieldDef, matches: (target: FieldDef) => boolean): boolean => {
    const target = local.find(
      (t) => !used.has(t.apiName.toLowerCase()) && matches(t) && checkMapping(source, t).ok,
    );
    if (!target) return false;
    used.add(target.apiName.toLowerCase());
    result[source.apiName] = target.apiName;
    return true;
  };

  const unmatched = pending.filter((p) => !take(p, (t) => sameApiName(t.apiName, p.apiName)));
  for (const p of unmatched) {
    const label = p.label.trim().toLowerCase();
    if (!take(p, (t) => t.label.trim().toLowerCase() === label)) result[p.apiName] = null;
  }

  // Keep the partner's field order, hand mappings included, for a stable mapping screen.
  const ordered: FieldMapping = {};
  for (const p of published) {
    ordered[p.apiName] = Object.hasOwn(existing, p.apiName)
      ? (existing[p.apiName] ?? null)
      : (result[p.apiName] ?? null);
  }
  // Hand mappings for fields the partner no longer publishes are the caller's to prune.
  for (const [k, v] of Object.entries(existing)) if (!Object.hasOwn(ordered, k)) ordered[k] = v;
  return ordered;
}
