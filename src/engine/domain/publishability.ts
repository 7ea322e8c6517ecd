import { describeType, type FieldDef, type FieldKind } from './fieldTypes.ts';
import { OK, refuse, type Check } from './result.ts';

// PUB-2: fields S2S will not publish. Auto-numbers and text formulas are publishable: they
// arrive as text (SUB-3).

// Audit fields by name too, in case a schema models them with ordinary kinds.
export const SYSTEM_AUDIT_FIELDS: ReadonlySet<string> = new Set([
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
]);

const UNPUBLISHABLE_KINDS: Partial<Record<FieldKind, string>> = {
  Id: 'the record Id differs in every org and is never published (PUB-2).',
  RichTextArea: 'rich text areas cannot be published (PUB-2).',
  Geolocation: 'geolocation fields cannot be published (PUB-2).',
  AuditDateTime: 'system audit fields are set by each org itself and cannot be published (PUB-2).',
  AuditUser: 'system audit fields are set by each org itself and cannot be published (PUB-2).',
};

export function canPublish(field: FieldDef): Check {
  const who = `${field.label} (${describeType(field.type)})`;
  if (field.type.kind === 'Lookup') {
    return refuse(
      `${who}: lookup Ids differ between orgs, so they cannot be published (PUB-2); publish a text formula field or a text copy of the Id instead and re-link the record on the other side.`,
    );
  }
  const kindReason = UNPUBLISHABLE_KINDS[field.type.kind];
  if (kindReason !== undefined) return refuse(`${who}: ${kindReason}`);
  if (SYSTEM_AUDIT_FIELDS.has(field.apiName)) {
    return refuse(`${who}: ${UNPUBLISHABLE_KINDS.AuditDateTime}`);
  }
  return OK;
}

export function publishableFields(fields: FieldDef[]): FieldDef[] {
  return fields.filter((f) => canPublish(f).ok);
}
