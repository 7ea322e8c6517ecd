import { LIMITS, type FieldValue } from './fieldTypes.ts';
import { accept, refuse, type Outcome } from './result.ts';

// Text formulas as the sandbox models them: field references and quoted text joined with `&`,
// Salesforce's concatenation operator (`FirstName & " " & LastName`, or just `AccountId`, the
// PUB-2 workaround that carries a lookup's Id as text). Enough to show how a computed field
// travels over S2S; functions and cross-object references are not modelled.

export type FormulaTerm = { field: string } | { text: string };

const TERM = /\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z][A-Za-z0-9_]*))\s*/y;

export function parseFormula(source: string): Outcome<FormulaTerm[]> {
  if (source.trim() === '') return refuse('A formula cannot be empty.');
  if (source.length > LIMITS.formulaTextMax)
    return refuse(`A formula holds at most ${LIMITS.formulaTextMax} characters.`);
  const terms: FormulaTerm[] = [];
  let at = 0;
  for (;;) {
    TERM.lastIndex = at;
    const m = TERM.exec(source);
    if (!m)
      return refuse(
        `Formula syntax error at character ${at + 1}: expected a field name or "quoted text".`,
      );
    terms.push(m[3] !== undefined ? { field: m[3] } : { text: m[1] ?? m[2] ?? '' });
    at = TERM.lastIndex;
    if (at === source.length) return accept(terms);
    if (source[at] !== '&')
      return refuse(`Formula syntax error at character ${at + 1}: expected & between terms.`);
    at++;
  }
}

/** The field names a formula reads; empty when it does not parse. */
export function formulaInputs(source: string): string[] {
  const parsed = parseFormula(source);
  if (!parsed.ok) return [];
  return parsed.value.flatMap((t) => ('field' in t ? [t.field] : []));
}

/** The formula's value on a record's fields; blank text is stored as null, as Salesforce does. */
export function evaluateFormula(
  terms: FormulaTerm[],
  fields: Record<string, FieldValue | undefined>,
): FieldValue {
  let out = '';
  for (const t of terms) {
    if ('text' in t) out += t.text;
    else {
      const v = fields[t.field];
      if (v !== null && v !== undefined) out += String(v);
    }
  }
  return out === '' ? null : out.slice(0, LIMITS.formulaTextMax);
}
