import { describe, expect, it } from 'vitest';
import * as f from '../../../src/engine/domain/fieldBuilders.ts';
import { formatAutoNumber } from '../../../src/engine/rules/autoNumber.ts';
import { ACME, GLOBEX, connectedOrgs, create, forward, ok, refused, twoOrgs } from './fixtures.ts';

const NEW_CASE = { Subject: 'Broken', Status: 'New', Origin: 'Web' };

describe('Auto Number fields', () => {
  it('formats the number into the display format, keeping every digit of a wider number', () => {
    expect(formatAutoNumber('{00000000}', 7)).toBe('00000007');
    expect(formatAutoNumber('INV-{0000}', 42)).toBe('INV-0042');
    expect(formatAutoNumber('R{00}', 123)).toBe('R123');
  });

  it('numbers new records in order in each org; a refused create uses no number', () => {
    const { s, A } = twoOrgs();
    const first = create(s, ACME, A, 'Case', NEW_CASE);
    refused(
      s,
      { type: 'record.create', org: ACME, as: A, object: 'Case', values: { Nope: 1 } },
      'SUB-3',
    );
    const second = create(s, ACME, A, 'Case', NEW_CASE);
    expect(s.record(ACME, first)!.record.fields.CaseNumber).toBe('00000001');
    expect(s.record(ACME, second)!.record.fields.CaseNumber).toBe('00000002');
    // Users never write it.
    refused(
      s,
      { type: 'record.update', org: ACME, as: A, id: first, values: { CaseNumber: '9' } },
      'SUB-3',
      /read-only/,
    );
  });

  it('a custom Auto Number field counts on its own', () => {
    const { s, A } = twoOrgs();
    ok(s, {
      type: 'object.create',
      org: ACME,
      as: A,
      apiName: 'Invoice__c',
      label: 'Invoice',
      fields: [f.autoNumber('Number__c', 'Invoice Number', 'INV-{0000}')],
    });
    const ids = [1, 2, 3].map(() => create(s, ACME, A, 'Invoice__c', { Name: 'Invoice' }));
    expect(ids.map((id) => s.record(ACME, id)!.record.fields.Number__c)).toEqual([
      'INV-0001',
      'INV-0002',
      'INV-0003',
    ]);
  });

  it("SUB-3: a partner's Auto Number arrives in a Text(30) field; the copy numbers itself", () => {
    const c = connectedOrgs({
      autoAccept: false,
      before: ({ s, G }) =>
        ok(s, {
          type: 'field.create',
          org: GLOBEX,
          as: G,
          object: 'Case',
          field: f.text('PartnerCaseNumber__c', 'Partner Case Number', 30),
        }),
      publish: { acme: { Case: ['Subject', 'CaseNumber'] } },
      subscribe: {
        globex: {
          Case: { mapping: { Subject: 'Subject', CaseNumber: 'PartnerCaseNumber__c' } },
        },
      },
    });
    const { s } = c;
    create(s, ACME, c.A, 'Case', NEW_CASE);
    const theirs = create(s, ACME, c.A, 'Case', NEW_CASE);
    for (let i = 0; i < 3; i++) create(s, GLOBEX, c.G, 'Case', NEW_CASE);
    forward(c, [theirs]);
    const id = ok(s, {
      type: 'inbox.accept',
      org: GLOBEX,
      as: c.G,
      pnrcId: s.inbox(GLOBEX)[0]!.Id,
    });
    expect(s.record(GLOBEX, id)!.record.fields).toMatchObject({
      Subject: 'Broken',
      CaseNumber: '00000004',
      PartnerCaseNumber__c: '00000002',
    });
  });
});
