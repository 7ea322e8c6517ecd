import { checkCustomApiName } from './apiNames.ts';
import { describeType, kindLabel, LIMITS, type FieldDef, type FieldType } from './fieldTypes.ts';
import { parseFormula } from './formula.ts';
import { OK, refuse, type Check } from './result.ts';

// Checks a field type's own settings (the numbers a user types in the New Custom Field wizard),
// with the limits Salesforce enforces there.

const isInt = (n: number) => Number.isInteger(n);
export const LABEL_MAX = 40;

export function validateFieldType(t: FieldType): Check {
  switch (t.kind) {
    case 'Text':
      return isInt(t.length) && t.length >= 1 && t.length <= LIMITS.textMax
        ? OK
        : refuse(
            `Text length must be a whole number from 1 to ${LIMITS.textMax}, not ${t.length}.`,
          );
    case 'TextArea':
      return t.length === LIMITS.textAreaLength
        ? OK
        : refuse(`A Text Area always holds ${LIMITS.textAreaLength} characters, not ${t.length}.`);
    case 'LongTextArea':
    case 'RichTextArea':
      return isInt(t.length) && t.length >= LIMITS.longTextMin && t.length <= LIMITS.longTextMax
        ? OK
        : refuse(
            `${kindLabel(t.kind)} length must be a whole number from ${LIMITS.longTextMin} to ${LIMITS.longTextMax}, not ${t.length}.`,
          );
    case 'Number':
    case 'Currency':
    case 'Percent':
      if (!isInt(t.precision) || t.precision < 1 || t.precision > LIMITS.numberPrecisionMax) {
        return refuse(
          `${t.kind} precision (total digits) must be from 1 to ${LIMITS.numberPrecisionMax}, not ${t.precision}.`,
        );
      }
      return isInt(t.scale) && t.scale >= 0 && t.scale <= t.precision
        ? OK
        : refuse(
            `${t.kind} scale (decimal places) must be from 0 to ${t.precision}, not ${t.scale}.`,
          );
    case 'Picklist':
      return validatePicklistValues(t.values);
    case 'Lookup':
      return t.referenceTo.trim() !== ''
        ? OK
        : refuse('A lookup must name the object it points to.');
    case 'FormulaText':
      return t.formula === undefined ? OK : parseFormula(t.formula);
    case 'AutoNumber':
      if (!/\{0+\}/.test(t.displayFormat)) {
        return refuse(
          `Auto Number display format "${t.displayFormat}" needs a number part such as {0000}.`,
        );
      }
      return t.displayFormat.length <= LIMITS.autoNumberMax
        ? OK
        : refuse(`Auto Number display format holds at most ${LIMITS.autoNumberMax} characters.`);
    default:
      return OK;
  }
}

function validatePicklistValues(values: string[]): Check {
  if (values.length === 0) return refuse('A picklist needs at least one value.');
  const seen = new Set<string>();
  for (const v of values) {
    if (v.trim() === '') return refuse('Picklist values cannot be blank.');
    if (v.length > LIMITS.picklistValueMax) {
      return refuse(
        `Picklist value "${v.slice(0, 20)}…" is longer than ${LIMITS.picklistValueMax} characters.`,
      );
    }
    const key = v.toLowerCase();
    if (seen.has(key)) return refuse(`Picklist value "${v}" appears twice.`);
    seen.add(key);
  }
  return OK;
}

// Id and audit fields exist on every object already and are set by the platform alone.
const SYSTEM_KINDS: ReadonlySet<FieldType['kind']> = new Set(['Id', 'AuditDateTime', 'AuditUser']);

export function validateCustomField(field: FieldDef): Check {
  const name = checkCustomApiName(field.apiName, 'field');
  if (!name.ok) return name;
  const label = field.label.trim();
  if (label === '') return refuse(`Field ${field.apiName} needs a label.`);
  if (label.length > LABEL_MAX) {
    return refuse(`Field label "${label}" is longer than ${LABEL_MAX} characters.`);
  }
  if (SYSTEM_KINDS.has(field.type.kind)) {
    return refuse(`${describeType(field.type)} fields are created by Salesforce, not by hand.`);
  }
  return validateFieldType(field.type);
}
