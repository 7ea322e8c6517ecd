import {
  evaluateFormula,
  parseFormula,
  type FieldValue,
  type FormulaTerm,
  type ObjectDef,
} from '../domain/index.ts';

export interface Formula {
  field: string;
  terms: FormulaTerm[];
  inputs: ReadonlySet<string>;
}

const cache = new WeakMap<ObjectDef, Formula[]>();

/** An object's text formulas, parsed once per schema version (definitions are immutable). */
export function formulasOf(obj: ObjectDef | undefined): Formula[] {
  if (!obj) return [];
  let list = cache.get(obj);
  if (!list) {
    list = [];
    for (const f of obj.fields) {
      if (f.type.kind !== 'FormulaText' || f.type.formula === undefined) continue;
      const parsed = parseFormula(f.type.formula);
      if (!parsed.ok) continue;
      const inputs = new Set(parsed.value.flatMap((t) => ('field' in t ? [t.field] : [])));
      list.push({ field: f.apiName, terms: parsed.value, inputs });
    }
    cache.set(obj, list);
  }
  return list;
}

/** Every formula of the object evaluated on a new record's fields (blank ones left out). */
export function formulaValues(
  obj: ObjectDef | undefined,
  fields: Record<string, FieldValue>,
): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const fx of formulasOf(obj)) {
    const v = evaluateFormula(fx.terms, fields);
    if (v !== null) out[fx.field] = v;
  }
  return out;
}
