import { describe, expect, it } from 'vitest';
import {
  canPublish,
  fieldBuilders as f,
  publishableFields,
  STANDARD_OBJECTS,
  type FieldDef,
} from '../../../src/engine/domain/index.ts';

function reason(field: FieldDef): string {
  const r = canPublish(field);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.reason;
}

describe('PUB-2 unpublishable fields', () => {
  it('PUB-2: lookup Ids are not publishable, and the reason gives the workaround', () => {
    const r = reason(f.lookup('AccountId', 'Account Name', 'Account'));
    expect(r).toContain('lookup Ids differ between orgs');
    expect(r).toContain('text formula field');
    expect(r).toContain('text copy of the Id');
    expect(r).toContain('re-link');
  });

  it('PUB-2: rich text areas are not publishable', () => {
    expect(reason(f.richText('Notes__c', 'Notes', 32768))).toContain('rich text');
  });

  it('PUB-2: geolocation fields are not publishable', () => {
    expect(
      reason({ apiName: 'Loc__c', label: 'Location', type: { kind: 'Geolocation' } }),
    ).toContain('geolocation');
  });

  it('PUB-2: the record Id is not publishable', () => {
    expect(reason({ apiName: 'Id', label: 'Account ID', type: { kind: 'Id' } })).toContain('Id');
  });

  it('PUB-2: system audit fields are not publishable, by kind or by name', () => {
    const account = STANDARD_OBJECTS.find((o) => o.apiName === 'Account')!;
    for (const api of ['CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById']) {
      const field = account.fields.find((x) => x.apiName === api)!;
      expect(reason(field)).toContain('system audit');
    }
    expect(reason(f.dateTime('CreatedDate', 'Created Date'))).toContain('system audit');
  });

  it('PUB-2: auto-numbers, text formulas and ordinary fields are publishable', () => {
    expect(canPublish(f.autoNumber('CaseNumber', 'Case Number', '{00000000}')).ok).toBe(true);
    expect(canPublish(f.formulaText('ParentId__c', 'Parent Id Text')).ok).toBe(true);
    expect(canPublish(f.text('Name', 'Account Name', 255)).ok).toBe(true);
    expect(canPublish(f.picklist('Industry', 'Industry', ['Banking'])).ok).toBe(true);
  });

  it('PUB-2: publishableFields drops Id, lookups and audit fields of a standard object', () => {
    const contact = STANDARD_OBJECTS.find((o) => o.apiName === 'Contact')!;
    const names = publishableFields(contact.fields).map((x) => x.apiName);
    expect(names).toContain('LastName');
    for (const gone of ['Id', 'AccountId', 'OwnerId', 'CreatedDate', 'LastModifiedById']) {
      expect(names).not.toContain(gone);
    }
  });
});
