import { describe, expect, it } from 'vitest';
import { autoMapFields, fieldBuilders as f } from '../../../src/engine/domain/index.ts';

const partnerName = f.text('Name', 'Account Name', 255);
const partnerRegion = f.text('Region__c', 'Sales Region', 40);
const partnerCode = f.text('Code__c', 'Customer Code', 20);

describe('SUB-2 Auto-Map Fields', () => {
  it('SUB-2: matches by API name first', () => {
    const local = [f.text('Name', 'Account Name', 255), f.text('Region__c', 'Region', 40)];
    expect(autoMapFields([partnerName, partnerRegion], local, {})).toEqual({
      Name: 'Name',
      Region__c: 'Region__c',
    });
  });

  it('SUB-2: API names match whatever their case', () => {
    expect(autoMapFields([partnerRegion], [f.text('region__C', 'X', 40)], {})).toEqual({
      Region__c: 'region__C',
    });
  });

  it('SUB-2: then by label, case-insensitively', () => {
    const local = [f.text('Territory__c', 'sales region', 80)];
    expect(autoMapFields([partnerRegion], local, {})).toEqual({ Region__c: 'Territory__c' });
  });

  it('SUB-2: else --None-- (null)', () => {
    expect(autoMapFields([partnerCode], [f.text('Other__c', 'Other', 80)], {})).toEqual({
      Code__c: null,
    });
  });

  it('SUB-2: skips incompatible matches (SUB-3)', () => {
    const local = [f.text('Region__c', 'Sales Region', 10), f.text('Zone__c', 'sales region', 40)];
    expect(autoMapFields([partnerRegion], local, {})).toEqual({ Region__c: 'Zone__c' });
    expect(autoMapFields([partnerName], [f.longText('Name', 'Account Name', 32000)], {})).toEqual({
      Name: null,
    });
  });

  it('SUB-2: never overwrites a mapping made by hand, even --None--', () => {
    const local = [f.text('Name', 'Account Name', 255), f.text('Region__c', 'Sales Region', 40)];
    const existing = { Name: 'Region__c', Region__c: null };
    expect(autoMapFields([partnerName, partnerRegion], local, existing)).toEqual(existing);
  });

  it('SUB-2: never uses a target twice, including one taken by hand', () => {
    const local = [f.text('Name', 'Sales Region', 255)];
    // Name would match Name by API name, but the hand mapping already took it.
    expect(autoMapFields([partnerName, partnerRegion], local, { Region__c: 'Name' })).toEqual({
      Name: null,
      Region__c: 'Name',
    });
    // Region's label matches the local Name, but Name's API-name match wins the target.
    expect(autoMapFields([partnerRegion, partnerName], local, {})).toEqual({
      Region__c: null,
      Name: 'Name',
    });
  });

  it('SUB-2: keeps the partner field order and does not modify its inputs', () => {
    const existing = { Code__c: null };
    const out = autoMapFields(
      [partnerName, partnerCode],
      [f.text('Name', 'Account Name', 255)],
      existing,
    );
    expect(Object.keys(out)).toEqual(['Name', 'Code__c']);
    expect(existing).toEqual({ Code__c: null });
  });
});
