import { describe, expect, it } from 'vitest';
import {
  API_NAME_MAX,
  apiNameFromLabel,
  isCustomApiName,
} from '../../../src/engine/domain/apiNames.ts';

describe('the API name suggested from a label', () => {
  it('turns spaces and other characters into single underscores and adds __c', () => {
    expect(apiNameFromLabel('Region')).toBe('Region__c');
    expect(apiNameFromLabel('Sales Region')).toBe('Sales_Region__c');
    expect(apiNameFromLabel('  Net  Revenue (EUR) ')).toBe('Net_Revenue_EUR__c');
    expect(apiNameFromLabel('Café Owner')).toBe('Cafe_Owner__c');
  });

  it('starts with a letter and stays within the length Salesforce allows', () => {
    expect(apiNameFromLabel('2nd Contact')).toBe('X2nd_Contact__c');
    const long = apiNameFromLabel('A very long label '.repeat(5));
    expect(long.length).toBeLessThanOrEqual(API_NAME_MAX + 3);
    expect(isCustomApiName(long)).toBe(true);
  });

  it('suggests nothing for a label with no letter or digit', () => {
    expect(apiNameFromLabel('')).toBe('');
    expect(apiNameFromLabel(' -- ')).toBe('');
  });

  it('every suggestion is a valid custom API name', () => {
    for (const l of ['a', 'A b', 'x__y', '9', 'Ünïcödé field', 'ends with _'])
      expect(isCustomApiName(apiNameFromLabel(l)), l).toBe(true);
  });
});
