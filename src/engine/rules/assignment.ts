import type { FieldValue } from '../domain/index.ts';
import type { AssignmentRule, AssignmentRuleEntry } from '../state/org.ts';

function holds(e: AssignmentRuleEntry, v: FieldValue | undefined): boolean {
  const text = v === null || v === undefined ? '' : String(v);
  if (e.operator === 'isBlank') return text === '';
  if (e.operator === 'equals') return text === (e.value ?? '');
  return text.includes(e.value ?? '');
}

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
    if (holds(entry, fields[entry.field])) return { entry, index: i };
  }
  return null;
}
