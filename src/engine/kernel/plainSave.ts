import { formulasOf } from '../org/formulas.ts';
import { readsAny, type Written } from '../rules/sync.ts';
import type { OrgState } from '../state/org.ts';

/**
 * Whether a save is one the kernel may apply: nothing else runs after it. A text formula
 * that reads a changed field, or an automation on the object (SYNC-6), is left to the rules.
 */
export function isPlainSave(org: OrgState, w: Written): boolean {
  if (!w.count) return true;
  for (const a of org.automations) if (a.object === w.object) return false;
  if (org.forwardRules) for (const r of org.forwardRules) if (r.object === w.object) return false;
  for (const fx of formulasOf(org.schema[w.object])) if (readsAny(fx, w.basedOn)) return false;
  return true;
}
