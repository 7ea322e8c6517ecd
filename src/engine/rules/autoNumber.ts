import type { FieldValue } from '../domain/index.ts';
import type { PlanBuilder } from '../plan/plan.ts';
import type { OrgState } from '../state/org.ts';

/** `INV-{0000}` with 7 → `INV-0007`; a number wider than its zeros keeps every digit. */
export function formatAutoNumber(displayFormat: string, n: number): string {
  return displayFormat.replace(/\{(0+)\}/, (_, zeros: string) =>
    String(n).padStart(zeros.length, '0'),
  );
}

/**
 * The values a new record's Auto Number fields get: each field counts on in this org, so a
 * received copy numbers itself and never takes the partner's number (SUB-3 lets that number
 * arrive in a text field instead). Existing records keep what they had.
 */
export function autoNumbers(
  b: PlanBuilder,
  org: OrgState,
  object: string,
): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f of org.schema[object]?.fields ?? [])
    if (f.type.kind === 'AutoNumber')
      out[f.apiName] = formatAutoNumber(
        f.type.displayFormat,
        b.next(org, `auto:${object}.${f.apiName}`),
      );
  return out;
}
