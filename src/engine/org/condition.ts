import type { FieldValue } from '../domain/index.ts';

/** A field condition as Setup writes them: validation rules, assignment rules, sharing rules. */
export interface Condition {
  operator: 'equals' | 'contains' | 'isBlank';
  value?: string;
}

export const CONDITION_OPERATORS: ReadonlySet<string> = new Set(['equals', 'contains', 'isBlank']);

/** Compares as text, the way those rules read a field: an empty value is blank. */
export function conditionHolds(c: Condition, v: FieldValue | undefined): boolean {
  const text = v === null || v === undefined ? '' : String(v);
  if (c.operator === 'isBlank') return text === '';
  if (c.operator === 'equals') return text === (c.value ?? '');
  return text.includes(c.value ?? '');
}
