import { eachRecord } from '../org/recordCopies.ts';
import { evaluateFormula, type ObjectDef } from '../domain/index.ts';
import { formulasOf } from '../org/formulas.ts';
import { stampFor } from '../org/interned.ts';
import type { PlanBuilder } from '../plan/plan.ts';
import type { OrgState, User } from '../state/org.ts';

/** A new text formula has a value on existing records at once, as Salesforce computes it on read. */
export function fillFormula(
  b: PlanBuilder,
  org: OrgState,
  u: User,
  obj: ObjectDef | undefined,
  field: string,
) {
  const fx = formulasOf(obj).find((f) => f.field === field);
  if (!fx || !obj) return;
  const stamp = stampFor(b.ctx.now, org.id);
  for (const rec of eachRecord(org, obj.apiName)) {
    const id = rec.Id;
    const value = evaluateFormula(fx.terms, rec.fields);
    if (value === null) continue;
    b.push({
      op: 'setFields',
      org: org.id,
      id,
      values: { [field]: value },
      stamp,
      source: { by: u.Id },
      computed: [field],
    });
  }
}
