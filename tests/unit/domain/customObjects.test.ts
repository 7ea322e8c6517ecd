import { describe, expect, it } from 'vitest';
import {
  createCustomObject,
  defaultPublishedFields,
  fieldBuilders as f,
  findField,
  isS2sSupported,
  nextCustomKeyPrefix,
} from '../../../src/engine/domain/index.ts';

const reason = (r: { ok: boolean; reason?: string }) => {
  expect(r.ok).toBe(false);
  return r.reason ?? '';
};

describe('createCustomObject', () => {
  it('PUB-1: builds a deployed, S2S-supported custom object with Name, Id and audit fields', () => {
    const r = createCustomObject(
      { apiName: 'Invoice__c', label: 'Invoice', fields: [f.currency('Total__c', 'Total', 18, 2)] },
      ['001', '003'],
    );
    if (!r.ok) throw new Error(r.reason);
    const obj = r.value;
    expect(obj).toMatchObject({
      apiName: 'Invoice__c',
      label: 'Invoice',
      pluralLabel: 'Invoices',
      keyPrefix: 'a00',
      nameField: 'Name',
      custom: true,
      s2sSupported: true,
    });
    expect(isS2sSupported(obj)).toBe(true);
    expect(findField(obj, 'Name')).toMatchObject({
      type: { kind: 'Text', length: 80 },
      required: true,
    });
    expect(findField(obj, 'Total__c')?.custom).toBe(true);
    for (const sys of [
      'Id',
      'CreatedDate',
      'CreatedById',
      'LastModifiedDate',
      'LastModifiedById',
    ]) {
      expect(findField(obj, sys)).toBeDefined();
    }
    expect(defaultPublishedFields(obj)).toEqual(['Name']);
  });

  it('picks the first free key prefix, deterministically', () => {
    expect(nextCustomKeyPrefix([])).toBe('a00');
    expect(nextCustomKeyPrefix(['a00', 'a01'])).toBe('a02');
    expect(
      nextCustomKeyPrefix(['a00', 'a01', 'a02', 'a03', 'a04', 'a05', 'a06', 'a07', 'a08', 'a09']),
    ).toBe('a0A');
    const r = createCustomObject({ apiName: 'B__c', label: 'B' }, ['a00']);
    expect(r.ok && r.value.keyPrefix).toBe('a01');
  });

  it('refuses bad API names', () => {
    expect(reason(createCustomObject({ apiName: 'Invoice', label: 'Invoice' }, []))).toContain(
      'must end with __c',
    );
    expect(reason(createCustomObject({ apiName: '1Invoice__c', label: 'Invoice' }, []))).toContain(
      'not a valid API name',
    );
    reason(createCustomObject({ apiName: 'My__Invoice__c', label: 'Invoice' }, []));
    reason(createCustomObject({ apiName: 'Invoice___c', label: 'Invoice' }, []));
    reason(createCustomObject({ apiName: `${'A'.repeat(41)}__c`, label: 'Invoice' }, []));
  });

  it('refuses a blank label, non-custom fields, system kinds and duplicate fields', () => {
    reason(createCustomObject({ apiName: 'Invoice__c', label: ' ' }, []));
    expect(
      reason(
        createCustomObject(
          { apiName: 'Invoice__c', label: 'Invoice', fields: [f.text('Code', 'Code', 10)] },
          [],
        ),
      ),
    ).toContain('must end with __c');
    reason(
      createCustomObject(
        {
          apiName: 'Invoice__c',
          label: 'Invoice',
          fields: [{ apiName: 'X__c', label: 'X', type: { kind: 'Id' } }],
        },
        [],
      ),
    );
    expect(
      reason(
        createCustomObject(
          {
            apiName: 'Invoice__c',
            label: 'Invoice',
            fields: [f.text('A__c', 'A', 10), f.text('a__c', 'A2', 10)],
          },
          [],
        ),
      ),
    ).toContain('already has a field');
    expect(
      reason(
        createCustomObject(
          { apiName: 'Invoice__c', label: 'Invoice', fields: [f.text('A__c', 'A', 300)] },
          [],
        ),
      ),
    ).toContain('from 1 to 255');
  });
});
