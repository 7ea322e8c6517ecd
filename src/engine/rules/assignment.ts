import type { FieldValue } from '../domain/index.ts';
import { conditionHolds } from '../org/condition.ts';
import type { AssignmentRule, AssignmentRuleEntry } from '../state/org.ts';

/**
 * REC-2: the entry of an assignment rule that decides a record's owner: the first, in order,
 * whose condition holds on the values the record is created with; null when none does.
 */
export function matchingEntry(
  rule: AssignmentRule,
  fields: Record<string, FieldValue>,
): { entry: AssignmentRuleEntry; index: number } | null {
  for (let i = 0; i < rule.entries.length; i++) {
    const entry = rule.entries[i]!;
    if (conditionHolds(entry, fields[entry.field])) return { entry, index: i };
  }
  return null;
}
