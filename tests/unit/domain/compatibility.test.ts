import { describe, expect, it } from 'vitest';
import {
  checkMapping,
  compatibleTargets,
  COMPATIBILITY_RULES,
  convertForTarget,
  findMappingRule,
  fieldBuilders as f,
  type FieldDef,
} from '../../../src/engine/domain/index.ts';

const ok = (s: FieldDef, t: FieldDef) => expect(checkMapping(s, t)).toEqual({ ok: true });
function refused(s: FieldDef, t: FieldDef): string {
  const r = checkMapping(s, t);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.reason;
}

const text = (n: number) => f.text('T__c', `Text ${n}`, n);
const textArea = f.textArea('TA__c', 'Text Area');
const longText = (n: number) => f.longText('L__c', `Long ${n}`, n);
const num = (p: number, s: number) => f.number('N__c', 'Num', p, s);
const cur = (p: number, s: number) => f.currency('C__c', 'Cur', p, s);
const pct = (p: number, s: number) => f.percent('P__c', 'Pct', p, s);
const lookup = f.lookup('AccountId', 'Account', 'Account');
const formula = f.formulaText('F__c', 'Formula');
const auto = f.autoNumber('A__c', 'Auto', 'A-{0000}');
const pick = f.picklist('PL__c', 'Pick', ['a', 'b']);
const email = f.email('E__c', 'Email');
const phone = f.phone('Ph__c', 'Phone');
const url = f.url('U__c', 'Url');
const checkbox = f.checkbox('B__c', 'Box');
const date = f.date('D__c', 'Date');
const dateTime = f.dateTime('DT__c', 'DateTime');
const rich = f.richText('R__c', 'Rich', 32768);
const geo: FieldDef = { apiName: 'G__c', label: 'Geo', type: { kind: 'Geolocation' } };
const idField: FieldDef = { apiName: 'Id', label: 'Account ID', type: { kind: 'Id' } };
const created: FieldDef = {
  apiName: 'CreatedDate',
  label: 'Created',
  type: { kind: 'AuditDateTime' },
};
const createdBy: FieldDef = {
  apiName: 'CreatedById',
  label: 'Created By',
  type: { kind: 'AuditUser' },
};

describe('SUB-3 compatibility rules table', () => {
  it('SUB-3: is one ordered table whose rows each have an id and a description', () => {
    const ids = COMPATIBILITY_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of COMPATIBILITY_RULES) expect(r.description.length).toBeGreaterThan(10);
    expect(ids.at(-1)).toBe('otherwise-refused');
  });

  it('SUB-3: Text(255) does not map to Long Text Area', () => {
    expect(refused(text(255), longText(32768))).toBe(
      'Text(255) cannot map to Long Text Area (SUB-3).',
    );
    expect(findMappingRule(text(255), longText(32768)).id).toBe('text-255-not-long-text-area');
  });

  it('SUB-3: shorter Text maps to Long Text Area', () => ok(text(254), longText(32768)));

  it('SUB-3: Text maps to Text of equal or greater length, not shorter', () => {
    ok(text(80), text(80));
    ok(text(80), text(255));
    expect(refused(text(80), text(79))).toBe(
      'Text(80) cannot map to Text(79): the target is shorter (SUB-3).',
    );
  });

  it('SUB-3: Text maps to Text Area, even Text(255)', () => {
    ok(text(40), textArea);
    ok(text(255), textArea);
  });

  it('SUB-3: Text does not map to non-text types', () => {
    expect(refused(text(80), num(18, 0))).toContain(
      'Text maps only to Text, Text Area or Long Text Area',
    );
    refused(text(80), pick);
    refused(text(80), email);
  });

  it('SUB-3: Text Area maps to Text Area or Long Text Area of at least its length', () => {
    ok(textArea, textArea);
    ok(textArea, longText(32000));
    refused(textArea, text(255));
  });

  it('SUB-3: Long Text Area maps to Long Text Area of equal or greater length only', () => {
    ok(longText(32000), longText(32000));
    ok(longText(4000), longText(32000));
    expect(refused(longText(32000), longText(4000))).toContain('the target is shorter');
    refused(longText(300), text(255));
    refused(longText(300), textArea);
  });

  it('SUB-3: lookup maps to Text of length 80 but not 79', () => {
    ok(lookup, text(80));
    ok(lookup, text(255));
    expect(refused(lookup, text(79))).toBe(
      'Lookup(Account) cannot map to Text(79): it needs a length of 80 or more (SUB-3).',
    );
    refused(lookup, longText(32000));
  });

  it('SUB-3: text formula maps to Text of length 80 but not 79', () => {
    ok(formula, text(80));
    expect(refused(formula, text(79))).toContain('80 or more');
    expect(findMappingRule(formula, text(80)).id).toBe('lookup-formula-to-text-80');
  });

  it('SUB-3: auto-number maps to Text of length 30 but not 29', () => {
    ok(auto, text(30));
    expect(refused(auto, text(29))).toBe(
      'Auto Number cannot map to Text(29): it needs a length of 30 or more (SUB-3).',
    );
    refused(auto, pick);
  });

  it('SUB-3: Number keeps precision and scale (target ≥ source)', () => {
    ok(num(18, 0), num(18, 0));
    ok(num(10, 2), num(12, 4));
    expect(refused(num(18, 0), num(17, 0))).toContain('fewer digits (precision 17 < 18)');
    expect(refused(num(12, 2), num(12, 1))).toContain('fewer decimal places (scale 1 < 2)');
  });

  it('SUB-3: Number also keeps the digits before the point [sandbox choice]', () => {
    expect(refused(num(18, 0), num(18, 2))).toContain('fewer digits before the decimal point');
  });

  it('SUB-3: Currency keeps precision and scale (target ≥ source)', () => {
    ok(cur(18, 2), cur(18, 2));
    expect(refused(cur(18, 2), cur(16, 2))).toContain('precision 16 < 18');
    expect(refused(cur(18, 2), cur(18, 0))).toContain('scale 0 < 2');
  });

  it('SUB-3: Percent maps only to Percent', () => {
    ok(pct(3, 0), pct(3, 0));
    refused(pct(3, 0), num(18, 0));
    refused(pct(5, 2), pct(3, 0));
  });

  it('SUB-3: number types map only to the same type', () => {
    expect(refused(num(18, 0), cur(18, 0))).toBe(
      'Number(18, 0) cannot map to Currency(18, 0): Number maps only to Number (SUB-3).',
    );
    refused(cur(18, 2), num(18, 2));
    refused(num(18, 0), text(255));
  });

  it('SUB-3: Date, Date/Time and Checkbox map only to the same type', () => {
    ok(date, date);
    ok(dateTime, dateTime);
    ok(checkbox, checkbox);
    refused(date, dateTime);
    refused(dateTime, date);
    refused(checkbox, text(80));
    refused(date, text(255));
  });

  it('SUB-3: Picklist maps to Picklist whatever its values', () => {
    ok(pick, f.picklist('Other__c', 'Other', ['x']));
    expect(refused(pick, text(255))).toContain('Picklist maps only to Picklist');
  });

  it('SUB-3: Email, Phone and URL map to the same type or to long enough Text', () => {
    ok(email, email);
    ok(phone, phone);
    ok(url, url);
    ok(email, text(80));
    refused(email, text(79));
    ok(phone, text(40));
    refused(phone, text(39));
    ok(url, text(255));
    refused(url, text(254));
    refused(email, phone);
  });

  it('SUB-3: nothing maps to fields a connection cannot write', () => {
    for (const target of [lookup, auto, formula, idField, created, createdBy, rich, geo]) {
      expect(refused(text(80), target)).toContain('cannot be written by a connection');
    }
  });

  it('SUB-3: unpublishable kinds never map (PUB-2)', () => {
    for (const source of [rich, geo, idField, created, createdBy]) {
      expect(refused(source, longText(131072))).toContain('(PUB-2)');
    }
  });

  it('SUB-3: every refusal is one sentence that cites the rule', () => {
    const all = [text(255), textArea, longText(300), num(5, 2), lookup, auto, pick, email, date];
    for (const s of all) {
      for (const t of all) {
        const r = checkMapping(s, t);
        if (!r.ok) expect(r.reason).toMatch(/\((SUB-3|PUB-2)\)\.$/);
      }
    }
  });

  it('SUB-3: the mapping screen gets every target with why the others are not offered', () => {
    const options = compatibleTargets(lookup, [text(80), text(40), pick]);
    expect(options.map((o) => o.ok)).toEqual([true, false, false]);
    expect(options[0]).toEqual({ field: text(80), ok: true });
    expect(options[1]?.reason).toContain('80 or more');
  });

  it('SUB-3: values are converted to text where a type maps to text', () => {
    expect(convertForTarget(lookup, text(80), '001A00000000001')).toBe('001A00000000001');
    expect(convertForTarget(num(5, 0), text(80), 42)).toBe('42');
    expect(convertForTarget(checkbox, text(80), true)).toBe('true');
    expect(convertForTarget(pick, pick, 'Unknown value')).toBe('Unknown value');
    expect(convertForTarget(checkbox, checkbox, null)).toBe(false);
    expect(convertForTarget(text(80), text(80), null)).toBeNull();
  });
});
