import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import { validateCustomField } from '../../../src/engine/domain/index.ts';

function acme() {
  const s = S2S.create({ seed: 1 });
  s.run([{ type: 'org.create', org: 'acme', name: 'Acme' }]);
  return { s, A: s.orgs()[0]!.adminId };
}

describe('setup view', () => {
  it('PUB-2: template choices leave out lookups, Ids and audit fields', () => {
    const { s } = acme();
    const contact = s.setup('acme').templateObjects.find((o) => o.object === 'Contact')!;
    const names = contact.fields.map((f) => f.apiName);
    expect(names).toContain('LastName');
    expect(names).not.toContain('AccountId');
    expect(names).not.toContain('Id');
    expect(names).not.toContain('CreatedDate');
    expect(contact.defaults).toEqual(['LastName']);
  });

  it('PUB-1: custom objects can be put in a template once deployed', () => {
    const { s, A } = acme();
    s.run([{ type: 'object.create', org: 'acme', as: A, apiName: 'Invoice__c', label: 'Invoice' }]);
    const inv = s.setup('acme').templateObjects.find((o) => o.object === 'Invoice__c')!;
    expect(inv.defaults).toEqual(['Name']);
  });

  it('REC-2: queues are offered Leads, Cases and custom objects only', () => {
    const { s, A } = acme();
    s.run([{ type: 'object.create', org: 'acme', as: A, apiName: 'Invoice__c', label: 'Invoice' }]);
    expect(s.setup('acme').queueObjects.map((o) => o.apiName)).toEqual([
      'Lead',
      'Case',
      'Invoice__c',
    ]);
  });

  it('offers only field types a user may create', () => {
    const { s } = acme();
    for (const { kind } of s.setup('acme').fieldKinds) {
      const type =
        kind === 'Picklist'
          ? { kind, values: ['A'] }
          : kind === 'Lookup'
            ? { kind, referenceTo: 'Account' }
            : kind === 'AutoNumber'
              ? { kind, displayFormat: 'A-{0000}' }
              : kind === 'Text' || kind === 'TextArea'
                ? { kind, length: 255 }
                : kind === 'LongTextArea' || kind === 'RichTextArea'
                  ? { kind, length: 32768 }
                  : kind === 'Number' || kind === 'Currency' || kind === 'Percent'
                    ? { kind, precision: 18, scale: 0 }
                    : { kind };
      const ok = validateCustomField({ apiName: 'X__c', label: 'X', type } as never);
      expect(ok, kind).toEqual({ ok: true });
    }
  });

  it('SHR-2: reports the profiles a field is hidden from, and roles and rules made in Setup', () => {
    const { s, A } = acme();
    const ceo = s.run([{ type: 'role.create', org: 'acme', as: A, name: 'CEO' }])[0] as {
      id: string;
    };
    s.run([
      { type: 'role.create', org: 'acme', as: A, name: 'Sales', parentRoleId: ceo.id },
      {
        type: 'field.setHidden',
        org: 'acme',
        as: A,
        object: 'Account',
        field: 'Phone',
        hiddenFrom: ['Standard User'],
      },
      {
        type: 'validationRule.add',
        org: 'acme',
        as: A,
        rule: { object: 'Account', field: 'Phone', operator: 'isBlank', message: 'Phone!' },
      },
    ]);
    const v = s.setup('acme');
    expect(v.roles.map((r) => r.Name)).toEqual(['CEO', 'Sales']);
    expect(v.hiddenFields['Account.Phone']).toEqual(['Standard User']);
    expect(v.validationRules).toHaveLength(1);
  });
});
