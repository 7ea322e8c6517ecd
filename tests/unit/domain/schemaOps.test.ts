import { describe, expect, it } from 'vitest';
import {
  addCustomField,
  addCustomObject,
  defaultSchema,
  deleteField,
  fieldBuilders as f,
  getField,
  renameField,
  STANDARD_OBJECTS,
  type OrgSchema,
} from '../../../src/engine/domain/index.ts';

function must(r: { ok: true; value: OrgSchema } | { ok: false; reason: string }): OrgSchema {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}
const reason = (r: { ok: boolean; reason?: string }) => {
  expect(r.ok).toBe(false);
  return r.reason ?? '';
};

describe('org schema operations', () => {
  it('defaultSchema holds every standard object as an independent copy', () => {
    const a = defaultSchema();
    const b = defaultSchema();
    expect(Object.keys(a)).toEqual(STANDARD_OBJECTS.map((o) => o.apiName));
    expect(a.Account).toEqual(STANDARD_OBJECTS[0]);
    expect(a.Account).not.toBe(b.Account);
    expect(Object.isFrozen(a.Account)).toBe(false);
  });

  it('getField finds a field case-insensitively, or undefined', () => {
    const s = defaultSchema();
    expect(getField(s, 'Account', 'name')?.apiName).toBe('Name');
    expect(getField(s, 'Account', 'Nope')).toBeUndefined();
    expect(getField(s, 'Nope', 'Name')).toBeUndefined();
    expect(getField(s, 'toString', 'Name')).toBeUndefined();
  });

  it('addCustomField returns a new schema and leaves the old one alone', () => {
    const s = defaultSchema();
    const next = must(addCustomField(s, 'Account', f.text('Region__c', 'Region', 40)));
    expect(getField(next, 'Account', 'Region__c')).toMatchObject({ custom: true, label: 'Region' });
    expect(getField(s, 'Account', 'Region__c')).toBeUndefined();
    expect(next.Contact).toBe(s.Contact);
  });

  it('addCustomField refuses duplicates, bad names, unknown objects and dangling lookups', () => {
    const s = defaultSchema();
    const next = must(addCustomField(s, 'Account', f.text('Region__c', 'Region', 40)));
    expect(reason(addCustomField(next, 'Account', f.text('region__c', 'Region', 40)))).toContain(
      'already has a field',
    );
    reason(addCustomField(s, 'Account', f.text('Region', 'Region', 40)));
    expect(reason(addCustomField(s, 'Nope__c', f.text('Region__c', 'Region', 40)))).toContain(
      'no object named Nope__c',
    );
    expect(reason(addCustomField(s, 'Account', f.lookup('Inv__c', 'Inv', 'Invoice__c')))).toContain(
      'does not have',
    );
    expect(addCustomField(s, 'Account', f.lookup('Mgr__c', 'Manager', 'User')).ok).toBe(true);
  });

  it('addCustomObject adds a custom object with the next free prefix', () => {
    const s = must(addCustomObject(defaultSchema(), { apiName: 'Invoice__c', label: 'Invoice' }));
    const t = must(addCustomObject(s, { apiName: 'Shipment__c', label: 'Shipment' }));
    expect(t['Invoice__c']?.keyPrefix).toBe('a00');
    expect(t['Shipment__c']?.keyPrefix).toBe('a01');
    expect(reason(addCustomObject(t, { apiName: 'invoice__c', label: 'Again' }))).toContain(
      'already has an object',
    );
  });

  it('SUB-4: renaming a custom field changes its API name and label', () => {
    const s = must(addCustomField(defaultSchema(), 'Account', f.text('Region__c', 'Region', 40)));
    const next = must(renameField(s, 'Account', 'Region__c', 'Territory__c', 'Territory'));
    expect(getField(next, 'Account', 'Region__c')).toBeUndefined();
    expect(getField(next, 'Account', 'Territory__c')).toMatchObject({
      label: 'Territory',
      custom: true,
      type: { kind: 'Text', length: 40 },
    });
    expect(getField(s, 'Account', 'Region__c')).toBeDefined();
  });

  it('SUB-4: renaming keeps the label when none is given and refuses a taken name', () => {
    let s = must(addCustomField(defaultSchema(), 'Account', f.text('A__c', 'A', 40)));
    s = must(addCustomField(s, 'Account', f.text('B__c', 'B', 40)));
    expect(
      getField(must(renameField(s, 'Account', 'A__c', 'C__c')), 'Account', 'C__c')?.label,
    ).toBe('A');
    expect(reason(renameField(s, 'Account', 'A__c', 'B__c'))).toContain('already has a field');
    reason(renameField(s, 'Account', 'A__c', 'C'));
  });

  it('SUB-4: deleting a custom field removes it', () => {
    const s = must(addCustomField(defaultSchema(), 'Contact', f.text('Nick__c', 'Nickname', 40)));
    const next = must(deleteField(s, 'Contact', 'Nick__c'));
    expect(getField(next, 'Contact', 'Nick__c')).toBeUndefined();
    expect(reason(deleteField(next, 'Contact', 'Nick__c'))).toContain('no field named Nick__c');
  });

  it('SUB-4: standard fields cannot be renamed or deleted', () => {
    const s = defaultSchema();
    expect(reason(deleteField(s, 'Account', 'Name'))).toBe(
      'Account Name (Name) is a standard field and cannot be deleted.',
    );
    expect(reason(renameField(s, 'Account', 'Industry', 'Sector__c'))).toBe(
      'Industry (Industry) is a standard field and cannot be renamed.',
    );
    const withObj = must(addCustomObject(s, { apiName: 'Invoice__c', label: 'Invoice' }));
    reason(deleteField(withObj, 'Invoice__c', 'Name'));
  });
});
