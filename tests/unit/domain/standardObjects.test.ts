import { describe, expect, it } from 'vitest';
import {
  canPublish,
  DEFAULT_PUBLISHED_FIELDS,
  defaultPublishedFields,
  describeType,
  findField,
  isParentObject,
  isS2sSupported,
  S2S_SUPPORTED_STANDARD_OBJECTS,
  STANDARD_OBJECTS,
  validateFieldType,
  type ObjectDef,
} from '../../../src/engine/domain/index.ts';

const byName = (api: string): ObjectDef => {
  const obj = STANDARD_OBJECTS.find((o) => o.apiName === api);
  if (!obj) throw new Error(`no ${api}`);
  return obj;
};
const typeOf = (obj: string, field: string) => {
  const def = findField(byName(obj), field);
  if (!def) throw new Error(`no ${obj}.${field}`);
  return describeType(def.type);
};

describe('standard objects', () => {
  it('PUB-1: lists exactly the standard objects S2S supports', () => {
    expect([...S2S_SUPPORTED_STANDARD_OBJECTS].sort()).toEqual(
      [
        'Account',
        'Contact',
        'Lead',
        'Opportunity',
        'OpportunityLineItem',
        'Product2',
        'Case',
        'CaseComment',
        'Task',
        'Attachment',
      ].sort(),
    );
    expect(STANDARD_OBJECTS.every((o) => isS2sSupported(o) && !o.custom)).toBe(true);
  });

  it('PUB-1: uses Salesforce labels and key prefixes', () => {
    const prefixes = Object.fromEntries(STANDARD_OBJECTS.map((o) => [o.apiName, o.keyPrefix]));
    expect(prefixes).toEqual({
      Account: '001',
      Contact: '003',
      Lead: '00Q',
      Opportunity: '006',
      Case: '500',
      Task: '00T',
      Product2: '01t',
      OpportunityLineItem: '00k',
      CaseComment: '00a',
      Attachment: '00P',
    });
    expect(byName('OpportunityLineItem').label).toBe('Opportunity Product');
    expect(byName('Product2').label).toBe('Product');
    expect(byName('Opportunity').pluralLabel).toBe('Opportunities');
  });

  it('has realistic field types', () => {
    expect(typeOf('Account', 'Name')).toBe('Text(255)');
    expect(typeOf('Account', 'AnnualRevenue')).toBe('Currency(18, 0)');
    expect(typeOf('Account', 'NumberOfEmployees')).toBe('Number(8, 0)');
    expect(typeOf('Account', 'Description')).toBe('Long Text Area(32000)');
    expect(typeOf('Account', 'ParentId')).toBe('Lookup(Account)');
    expect(typeOf('Contact', 'LastName')).toBe('Text(80)');
    expect(typeOf('Opportunity', 'Name')).toBe('Text(120)');
    expect(typeOf('Opportunity', 'Amount')).toBe('Currency(16, 2)');
    expect(typeOf('Opportunity', 'Probability')).toBe('Percent(3, 0)');
    expect(typeOf('OpportunityLineItem', 'Quantity')).toBe('Number(10, 2)');
    expect(typeOf('OpportunityLineItem', 'UnitPrice')).toBe('Currency(16, 2)');
    expect(typeOf('CaseComment', 'CommentBody')).toBe('Long Text Area(4000)');
    expect(typeOf('Attachment', 'Body')).toBe('Long Text Area(131072)');
    expect(findField(byName('Account'), 'Industry')?.type).toMatchObject({
      kind: 'Picklist',
      values: expect.arrayContaining(['Banking', 'Technology']),
    });
  });

  it('every object has Id, audit fields, its name field, and valid unique fields', () => {
    for (const obj of STANDARD_OBJECTS) {
      const names = obj.fields.map((x) => x.apiName.toLowerCase());
      expect(new Set(names).size, obj.apiName).toBe(names.length);
      for (const sys of [
        'Id',
        'CreatedDate',
        'CreatedById',
        'LastModifiedDate',
        'LastModifiedById',
      ]) {
        expect(findField(obj, sys), `${obj.apiName}.${sys}`).toBeDefined();
      }
      expect(findField(obj, obj.nameField), obj.apiName).toBeDefined();
      for (const field of obj.fields) {
        const kind = field.type.kind;
        if (
          kind === 'Text' ||
          kind === 'LongTextArea' ||
          kind === 'Number' ||
          kind === 'Picklist'
        ) {
          expect(validateFieldType(field.type), `${obj.apiName}.${field.apiName}`).toEqual({
            ok: true,
          });
        }
      }
    }
  });

  it('SUB-5: child objects name their parent lookup, and Opportunity Product is a junction', () => {
    const parents = Object.fromEntries(
      STANDARD_OBJECTS.filter((o) => o.parent).map((o) => [o.apiName, o.parent]),
    );
    expect(parents).toEqual({
      Contact: { field: 'AccountId', objects: ['Account'] },
      Opportunity: { field: 'AccountId', objects: ['Account'] },
      Case: { field: 'AccountId', objects: ['Account'] },
      CaseComment: { field: 'ParentId', objects: ['Case'] },
      Task: { field: 'WhatId', objects: ['*'] },
      OpportunityLineItem: { field: 'OpportunityId', objects: ['Opportunity'] },
      Attachment: { field: 'ParentId', objects: ['*'] },
    });
    for (const o of STANDARD_OBJECTS) {
      if (o.parent) expect(findField(o, o.parent.field)?.type.kind).toBe('Lookup');
    }
    expect(STANDARD_OBJECTS.filter((o) => o.junction).map((o) => o.apiName)).toEqual([
      'OpportunityLineItem',
    ]);
    expect(isParentObject(byName('Task'), 'Opportunity')).toBe(true);
    expect(isParentObject(byName('Contact'), 'Account')).toBe(true);
    expect(isParentObject(byName('Contact'), 'Case')).toBe(false);
  });

  it('marks the required fields Salesforce requires', () => {
    const required = (api: string) =>
      byName(api)
        .fields.filter((x) => x.required)
        .map((x) => x.apiName);
    expect(required('Account')).toEqual(['Name']);
    expect(required('Contact')).toEqual(['LastName']);
    expect(required('Opportunity')).toEqual(['Name', 'CloseDate', 'StageName']);
    // FWD-2 needs a Lead without Company to exist so forwarding it can be refused.
    expect(required('Lead')).toEqual(['LastName']);
  });

  it('is frozen so one org cannot change another org’s starting schema', () => {
    expect(Object.isFrozen(byName('Account').fields[0])).toBe(true);
  });
});

describe('PUB-3 default published fields', () => {
  it.each([
    ['Account', ['Name']],
    ['Contact', ['LastName']],
    ['Lead', ['LastName', 'Company']],
    ['Opportunity', ['Name', 'CloseDate', 'StageName']],
    ['Case', ['Subject']],
    ['Task', ['Subject']],
    ['Product2', ['Name']],
    ['OpportunityLineItem', ['Quantity', 'UnitPrice']],
    ['CaseComment', ['CommentBody', 'IsPublished']],
  ])('PUB-3: %s publishes %j by default', (api, fields) => {
    expect(defaultPublishedFields(byName(api))).toEqual(fields);
    expect(DEFAULT_PUBLISHED_FIELDS[api]).toEqual(fields);
  });

  it('PUB-3: default published fields exist and are publishable (PUB-2)', () => {
    for (const obj of STANDARD_OBJECTS) {
      for (const api of defaultPublishedFields(obj)) {
        const field = findField(obj, api);
        expect(field, `${obj.apiName}.${api}`).toBeDefined();
        expect(canPublish(field!).ok).toBe(true);
      }
    }
  });

  it('PUB-3: a custom object publishes Name by default', () => {
    const custom: ObjectDef = { ...byName('Account'), apiName: 'Invoice__c', custom: true };
    expect(defaultPublishedFields(custom)).toEqual(['Name']);
  });

  it('PUB-3: returns a copy the caller may change', () => {
    defaultPublishedFields(byName('Account')).push('Phone');
    expect(DEFAULT_PUBLISHED_FIELDS.Account).toEqual(['Name']);
  });
});
