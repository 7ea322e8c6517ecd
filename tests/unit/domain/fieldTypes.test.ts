import { describe, expect, it } from 'vitest';
import {
  describeType,
  digitsOf,
  fieldBuilders as f,
  validateFieldType,
  validateValue,
  type FieldDef,
  type FieldValue,
} from '../../../src/engine/domain/index.ts';

function reason(field: FieldDef, value: FieldValue): string {
  const r = validateValue(field, value);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.reason;
}
const accepted = (field: FieldDef, value: FieldValue) =>
  expect(validateValue(field, value)).toEqual({ ok: true, value });

describe('describeType gives Salesforce labels', () => {
  it.each([
    [{ kind: 'Text', length: 80 }, 'Text(80)'],
    [{ kind: 'TextArea', length: 255 }, 'Text Area(255)'],
    [{ kind: 'LongTextArea', length: 32768 }, 'Long Text Area(32768)'],
    [{ kind: 'RichTextArea', length: 32768 }, 'Rich Text Area(32768)'],
    [{ kind: 'Number', precision: 18, scale: 0 }, 'Number(18, 0)'],
    [{ kind: 'Currency', precision: 18, scale: 2 }, 'Currency(16, 2)'],
    [{ kind: 'Percent', precision: 3, scale: 0 }, 'Percent(3, 0)'],
    [{ kind: 'Picklist', values: ['a'] }, 'Picklist'],
    [{ kind: 'Lookup', referenceTo: 'Account' }, 'Lookup(Account)'],
    [{ kind: 'Lookup', referenceTo: '*' }, 'Lookup(Any)'],
    [{ kind: 'AutoNumber', displayFormat: 'A-{0000}' }, 'Auto Number'],
    [{ kind: 'FormulaText' }, 'Formula (Text)'],
    [{ kind: 'DateTime' }, 'Date/Time'],
    [{ kind: 'Url' }, 'URL'],
    [{ kind: 'Checkbox' }, 'Checkbox'],
    [{ kind: 'AuditUser' }, 'Lookup(User)'],
  ] as const)('%o is %s', (t, label) => {
    expect(describeType(structuredClone(t) as Parameters<typeof describeType>[0])).toBe(label);
  });
});

describe('validateValue', () => {
  const name = f.text('Name', 'Account Name', 255, { required: true });

  it('refuses text longer than the field, naming label and limit', () => {
    expect(reason(name, 'x'.repeat(300))).toBe(
      'Account Name: value is 300 characters, the field holds at most 255.',
    );
    accepted(name, 'x'.repeat(255));
  });

  it('refuses a missing required value, null or empty', () => {
    expect(reason(name, null)).toBe('Account Name: a value is required.');
    expect(reason(name, '')).toBe('Account Name: a value is required.');
  });

  it('stores an empty optional text as null', () => {
    expect(validateValue(f.text('Site', 'Account Site', 80), '')).toEqual({
      ok: true,
      value: null,
    });
  });

  it('refuses the wrong JS type', () => {
    expect(reason(name, 12)).toBe('Account Name: expected text, got a number.');
    expect(reason(f.number('N', 'Employees', 8, 0), '12')).toContain('expected a number');
  });

  it('checks email shape and length', () => {
    const email = f.email('Email', 'Email');
    accepted(email, 'ada@example.com');
    expect(reason(email, 'not-an-email')).toBe(
      'Email: "not-an-email" is not a valid email address.',
    );
    reason(email, 'a@b');
    reason(email, 'a b@example.com');
    expect(reason(email, `${'a'.repeat(75)}@example.com`)).toContain('at most 80');
  });

  it('checks number precision (digits before the point) and scale (decimals) without rounding', () => {
    const amount = f.currency('Amount', 'Amount', 18, 2);
    accepted(amount, 1234.5);
    accepted(amount, -99.99);
    accepted(amount, 999999999999999);
    expect(reason(amount, 1.234)).toBe(
      'Amount: value has 3 decimal places, the field allows at most 2.',
    );
    const employees = f.number('NumberOfEmployees', 'Employees', 8, 0);
    accepted(employees, 99999999);
    expect(reason(employees, 100000000)).toBe(
      'Employees: value has 9 digits before the decimal point, the field allows at most 8.',
    );
    expect(reason(employees, 0.5)).toContain('1 decimal places');
    expect(reason(employees, Number.NaN)).toContain('not a number');
    expect(reason(employees, 1e21)).toContain('22 digits');
    expect(reason(amount, 1e-7)).toContain('7 decimal places');
  });

  it('checks date format and calendar', () => {
    const close = f.date('CloseDate', 'Close Date', { required: true });
    accepted(close, '2024-02-29');
    expect(reason(close, '2023-02-29')).toBe(
      'Close Date: "2023-02-29" is not a date in the form YYYY-MM-DD.',
    );
    reason(close, '2024-1-5');
    reason(close, '05/01/2024');
    expect(reason(close, '1600-01-01')).toContain('between 1700 and 4000');
  });

  it('checks date/time as ISO 8601 with a zone', () => {
    const dt = f.dateTime('Due__c', 'Due');
    accepted(dt, '2024-05-01T12:30:00.000Z');
    accepted(dt, '2024-05-01T12:30:00+02:00');
    expect(reason(dt, '2024-05-01 12:30')).toContain('not a date/time');
    reason(dt, '2024-05-01T25:00:00Z');
  });

  it('stores checkboxes as booleans, never null', () => {
    const box = f.checkbox('IsActive', 'Active');
    expect(validateValue(box, null)).toEqual({ ok: true, value: false });
    accepted(box, true);
    expect(reason(box, 'yes')).toBe('Active: expected true or false, got text.');
  });

  it('SUB-3: accepts any picklist value, matched or not', () => {
    accepted(f.picklist('Industry', 'Industry', ['Banking']), 'Space Mining');
  });

  it('checks lookups hold a Salesforce Id', () => {
    const lookup = f.lookup('AccountId', 'Account Name', 'Account');
    accepted(lookup, '001A00000000001');
    accepted(lookup, '001A00000000001AAA');
    expect(reason(lookup, 'acct-1')).toContain('not a Salesforce record Id');
  });

  it('checks phone and URL lengths', () => {
    expect(reason(f.phone('Phone', 'Phone'), '1'.repeat(41))).toContain('at most 40');
    accepted(f.url('Website', 'Website'), 'https://example.com');
  });

  it('checks geolocation as "latitude,longitude"', () => {
    const geo: FieldDef = { apiName: 'Loc__c', label: 'Location', type: { kind: 'Geolocation' } };
    accepted(geo, '48.85,2.35');
    reason(geo, '91,0');
    reason(geo, 'Paris');
  });
});

describe('digitsOf', () => {
  it.each([
    [0, 0, 0],
    [0.5, 0, 1],
    [123.45, 3, 2],
    [-7, 1, 0],
    [1e21, 22, 0],
    [1.5e-7, 0, 8],
  ])('%d has %d integer and %d fraction digits', (n, integer, fraction) => {
    expect(digitsOf(n)).toEqual({ integer, fraction });
  });
});

describe('validateFieldType', () => {
  it('enforces Salesforce limits on field settings', () => {
    expect(validateFieldType({ kind: 'Text', length: 255 }).ok).toBe(true);
    expect(validateFieldType({ kind: 'Text', length: 256 }).ok).toBe(false);
    expect(validateFieldType({ kind: 'Text', length: 0 }).ok).toBe(false);
    expect(validateFieldType({ kind: 'LongTextArea', length: 255 }).ok).toBe(false);
    expect(validateFieldType({ kind: 'Number', precision: 19, scale: 0 }).ok).toBe(false);
    expect(validateFieldType({ kind: 'Number', precision: 4, scale: 5 }).ok).toBe(false);
    expect(validateFieldType({ kind: 'Picklist', values: [] }).ok).toBe(false);
    expect(validateFieldType({ kind: 'Picklist', values: ['A', 'a'] }).ok).toBe(false);
    expect(validateFieldType({ kind: 'AutoNumber', displayFormat: 'A-' }).ok).toBe(false);
  });
});
