import type { FieldDef, FieldType } from './fieldTypes.ts';

// Terse constructors so the standard object schemas read like Salesforce's field lists.
type Opts = { required?: boolean; custom?: boolean };

const field = (apiName: string, label: string, type: FieldType, opts: Opts = {}): FieldDef => ({
  apiName,
  label,
  type,
  ...(opts.required ? { required: true } : {}),
  ...(opts.custom ? { custom: true } : {}),
});

export const text = (api: string, label: string, length: number, o?: Opts) =>
  field(api, label, { kind: 'Text', length }, o);
export const textArea = (api: string, label: string, o?: Opts) =>
  field(api, label, { kind: 'TextArea', length: 255 }, o);
export const longText = (api: string, label: string, length: number, o?: Opts) =>
  field(api, label, { kind: 'LongTextArea', length }, o);
export const richText = (api: string, label: string, length: number, o?: Opts) =>
  field(api, label, { kind: 'RichTextArea', length }, o);
export const number = (api: string, label: string, precision: number, scale: number, o?: Opts) =>
  field(api, label, { kind: 'Number', precision, scale }, o);
export const currency = (api: string, label: string, precision: number, scale: number, o?: Opts) =>
  field(api, label, { kind: 'Currency', precision, scale }, o);
export const percent = (api: string, label: string, precision: number, scale: number, o?: Opts) =>
  field(api, label, { kind: 'Percent', precision, scale }, o);
export const checkbox = (api: string, label: string, o?: Opts) =>
  field(api, label, { kind: 'Checkbox' }, o);
export const date = (api: string, label: string, o?: Opts) =>
  field(api, label, { kind: 'Date' }, o);
export const dateTime = (api: string, label: string, o?: Opts) =>
  field(api, label, { kind: 'DateTime' }, o);
export const email = (api: string, label: string, o?: Opts) =>
  field(api, label, { kind: 'Email' }, o);
export const phone = (api: string, label: string, o?: Opts) =>
  field(api, label, { kind: 'Phone' }, o);
export const url = (api: string, label: string, o?: Opts) => field(api, label, { kind: 'Url' }, o);
export const picklist = (api: string, label: string, values: readonly string[], o?: Opts) =>
  field(api, label, { kind: 'Picklist', values: [...values] }, o);
export const lookup = (api: string, label: string, referenceTo: string, o?: Opts) =>
  field(api, label, { kind: 'Lookup', referenceTo }, o);
export const autoNumber = (api: string, label: string, displayFormat: string, o?: Opts) =>
  field(api, label, { kind: 'AutoNumber', displayFormat }, o);
export const formulaText = (api: string, label: string, o?: Opts & { formula?: string }) =>
  field(
    api,
    label,
    o?.formula ? { kind: 'FormulaText', formula: o.formula } : { kind: 'FormulaText' },
    o,
  );

// Every object, standard or custom, carries its Id and the four audit fields the platform sets.
export function systemFields(objectLabel: string): FieldDef[] {
  return [
    field('Id', `${objectLabel} ID`, { kind: 'Id' }),
    field('CreatedById', 'Created By', { kind: 'AuditUser' }),
    field('CreatedDate', 'Created Date', { kind: 'AuditDateTime' }),
    field('LastModifiedById', 'Last Modified By', { kind: 'AuditUser' }),
    field('LastModifiedDate', 'Last Modified Date', { kind: 'AuditDateTime' }),
  ];
}
