// The field type model. Values are kept as JSON primitives so a record, a message on the
// simulated network and a Dexie row are the same plain data.

export type FieldType =
  | { kind: 'Text'; length: number } // Text(n), n 1..255
  | { kind: 'TextArea'; length: number } // Text Area is always 255 in Salesforce
  | { kind: 'LongTextArea'; length: number }
  | { kind: 'RichTextArea'; length: number }
  // precision = total digits, scale = digits after the point, as in Salesforce's describe.
  | { kind: 'Number'; precision: number; scale: number }
  | { kind: 'Currency'; precision: number; scale: number }
  | { kind: 'Percent'; precision: number; scale: number }
  | { kind: 'Checkbox' }
  | { kind: 'Date' }
  | { kind: 'DateTime' }
  | { kind: 'Email' }
  | { kind: 'Phone' }
  | { kind: 'Url' }
  | { kind: 'Picklist'; values: string[] }
  // referenceTo: one object, a comma-separated list for polymorphic lookups (Task.WhoId), or
  // ANY_OBJECT for lookups that may point anywhere (Task.WhatId, Attachment.ParentId).
  | { kind: 'Lookup'; referenceTo: string }
  | { kind: 'AutoNumber'; displayFormat: string }
  // Without a formula the value is never computed (a stand-in for formulas the sandbox does not model).
  | { kind: 'FormulaText'; formula?: string }
  | { kind: 'Geolocation' }
  | { kind: 'Id' }
  | { kind: 'AuditDateTime' } // CreatedDate, LastModifiedDate
  | { kind: 'AuditUser' }; // CreatedById, LastModifiedById

export type FieldKind = FieldType['kind'];
export type FieldValue = string | number | boolean | null;

export interface FieldDef {
  apiName: string;
  label: string;
  type: FieldType;
  required?: boolean;
  custom?: boolean;
}

export const ANY_OBJECT = '*';

// Salesforce's own limits; validation and the compatibility rules read them from here so the
// numbers cannot drift apart.
export const LIMITS = {
  textMax: 255,
  textAreaLength: 255,
  longTextMin: 256,
  longTextMax: 131072,
  numberPrecisionMax: 18,
  emailMax: 80,
  phoneMax: 40,
  urlMax: 255,
  picklistValueMax: 255,
  autoNumberMax: 30,
  // Longest text a formula can display after evaluation.
  formulaTextMax: 3900,
} as const;

// The label Salesforce shows in Setup's Fields & Relationships list. Number-like types show
// (length, decimal places) where length = digits before the point = precision - scale,
// so Opportunity.Amount (precision 18, scale 2) reads 'Currency(16, 2)' as in a real org.
export function describeType(t: FieldType): string {
  switch (t.kind) {
    case 'Text':
      return `Text(${t.length})`;
    case 'TextArea':
      return `Text Area(${t.length})`;
    case 'LongTextArea':
      return `Long Text Area(${t.length})`;
    case 'RichTextArea':
      return `Rich Text Area(${t.length})`;
    case 'Number':
    case 'Currency':
    case 'Percent':
      return `${t.kind}(${t.precision - t.scale}, ${t.scale})`;
    case 'Lookup':
      return `Lookup(${t.referenceTo === ANY_OBJECT ? 'Any' : t.referenceTo})`;
    case 'AuditUser':
      return 'Lookup(User)';
    default:
      return kindLabel(t.kind);
  }
}

// The type's name without its size, for sentences such as "cannot map to Long Text Area".
export function kindLabel(kind: FieldKind): string {
  return KIND_LABELS[kind];
}

const KIND_LABELS: Record<FieldKind, string> = {
  Text: 'Text',
  TextArea: 'Text Area',
  LongTextArea: 'Long Text Area',
  RichTextArea: 'Rich Text Area',
  Number: 'Number',
  Currency: 'Currency',
  Percent: 'Percent',
  Checkbox: 'Checkbox',
  Date: 'Date',
  DateTime: 'Date/Time',
  Email: 'Email',
  Phone: 'Phone',
  Url: 'URL',
  Picklist: 'Picklist',
  Lookup: 'Lookup',
  AutoNumber: 'Auto Number',
  FormulaText: 'Formula (Text)',
  Geolocation: 'Geolocation',
  Id: 'Id',
  AuditDateTime: 'Date/Time',
  AuditUser: 'Lookup(User)',
};

/** Every modelled field kind, in the order Setup lists them. */
export const FIELD_KINDS = Object.keys(KIND_LABELS) as FieldKind[];

export { validateValue } from './validateValue.ts';
