import type { FieldKind, FieldType } from '../../../../engine/domain/fieldTypes.ts';

/** What the New Field form holds while the user types: every type's settings as text. */
export interface FieldTypeInput {
  kind: FieldKind;
  length: string | number;
  longLength: string | number;
  /** Digits before the decimal point, as Salesforce's wizard asks for them. */
  digits: string | number;
  decimals: string | number;
  picklistValues: string;
  referenceTo: string;
  displayFormat: string;
  formula: string;
}

export const blankTypeInput = (): FieldTypeInput => ({
  kind: 'Text',
  length: '80',
  longLength: '32768',
  digits: '16',
  decimals: '2',
  picklistValues: '',
  referenceTo: 'Account',
  displayFormat: 'A-{0000}',
  formula: '',
});

// Left unchecked on purpose: the engine says what is wrong with a length or a format.
// Number inputs hand back numbers, text inputs strings; blank means no number at all.
const num = (s: string | number | null) =>
  s === null || String(s).trim() === '' ? NaN : Number(s);

/** The field type the form describes; Salesforce's precision is digits plus decimal places. */
export function toFieldType(t: FieldTypeInput): FieldType {
  switch (t.kind) {
    case 'Text':
      return { kind: 'Text', length: num(t.length) };
    case 'TextArea':
      return { kind: 'TextArea', length: 255 };
    case 'LongTextArea':
    case 'RichTextArea':
      return { kind: t.kind, length: num(t.longLength) };
    case 'Number':
    case 'Currency':
    case 'Percent':
      return {
        kind: t.kind,
        precision: num(t.digits) + num(t.decimals),
        scale: num(t.decimals),
      };
    case 'Picklist':
      return {
        kind: 'Picklist',
        values: t.picklistValues
          .split('\n')
          .map((v) => v.trim())
          .filter((v) => v !== ''),
      };
    case 'Lookup':
      return { kind: 'Lookup', referenceTo: t.referenceTo };
    case 'AutoNumber':
      return { kind: 'AutoNumber', displayFormat: t.displayFormat };
    case 'FormulaText':
      return { kind: 'FormulaText', formula: t.formula };
    default:
      return { kind: t.kind } as FieldType;
  }
}
