import { describe, expect, it } from 'vitest';
import * as f from '../../../src/engine/domain/fieldBuilders.ts';
import {
  ACME,
  GLOBEX,
  connectedOrgs,
  create,
  forward,
  ok,
  refused,
  twoOrgs,
  update,
} from './fixtures.ts';

/** Acme's Project__c points at an Account and carries that Id as text through a formula. */
function projects() {
  return connectedOrgs({
    before: ({ s, A, G }) => {
      ok(s, {
        type: 'object.create',
        org: ACME,
        as: A,
        apiName: 'Project__c',
        label: 'Project',
        fields: [
          f.lookup('Account__c', 'Account', 'Account'),
          f.formulaText('AccountRef__c', 'Account Ref', { formula: 'Account__c' }),
        ],
      });
      ok(s, {
        type: 'object.create',
        org: GLOBEX,
        as: G,
        apiName: 'Project__c',
        label: 'Project',
        fields: [f.text('PartnerAccount__c', 'Partner Account', 80)],
      });
    },
    publish: { acme: { Project__c: ['Name', 'AccountRef__c'] } },
    subscribe: {
      globex: {
        Project__c: {
          mapping: { Name: 'Name', AccountRef__c: 'PartnerAccount__c' },
          autoAccept: true,
        },
      },
    },
  });
}

describe('text formula fields', () => {
  it('PUB-2: the lookup workaround: a text formula of the Id travels to a Text(80) field and follows the lookup', () => {
    const c = projects();
    const { s } = c;
    const first = create(s, ACME, c.A, 'Account', { Name: 'First' });
    const second = create(s, ACME, c.A, 'Account', { Name: 'Second' });
    const project = create(s, ACME, c.A, 'Project__c', { Name: 'P1', Account__c: first });
    expect(s.record(ACME, project)!.record.fields.AccountRef__c).toBe(first);
    forward(c, [project]);
    const [copy] = s.records(GLOBEX, { object: 'Project__c' });
    expect(copy!.fields.PartnerAccount__c).toBe(first);
    // Re-pointing the lookup changes the formula, and the change is sent like any edit.
    update(s, ACME, c.A, project, { Account__c: second });
    s.runUntilIdle();
    expect(s.record(GLOBEX, copy!.Id)!.record.fields.PartnerAccount__c).toBe(second);
    expect(s.check().findings).toEqual([]);
  });

  it('SYNC-7: a formula changes with its inputs but has no field history, and nobody writes it', () => {
    const { s, A } = twoOrgs();
    ok(s, {
      type: 'field.create',
      org: ACME,
      as: A,
      object: 'Contact',
      field: f.formulaText('FullName__c', 'Full Name', { formula: 'FirstName & " " & LastName' }),
    });
    const id = create(s, ACME, A, 'Contact', { FirstName: 'Ada', LastName: 'Byron' });
    update(s, ACME, A, id, { LastName: 'Lovelace' });
    const view = s.record(ACME, id)!;
    expect(view.record.fields.FullName__c).toBe('Ada Lovelace');
    expect(view.history.map((h) => h.field)).toEqual(['LastName']);
    refused(
      s,
      { type: 'record.update', org: ACME, as: A, id, values: { FullName__c: 'x' } },
      'SUB-3',
      /read-only/,
    );
  });

  it('a new formula has values on existing records at once, without editing them', () => {
    const { s, A } = twoOrgs();
    const id = create(s, ACME, A, 'Account', { Name: 'Acme', Phone: '555' });
    const before = s.record(ACME, id)!.record.LastModifiedDate;
    s.advance(1000);
    ok(s, {
      type: 'field.create',
      org: ACME,
      as: A,
      object: 'Account',
      field: f.formulaText('Label__c', 'Label', { formula: 'Name & " (" & Phone & ")"' }),
    });
    const rec = s.record(ACME, id)!;
    expect(rec.record.fields.Label__c).toBe('Acme (555)');
    expect(rec.record.LastModifiedDate).toBe(before);
    expect(rec.history).toEqual([]);
  });

  it('SUB-4: a field a formula reads cannot be deleted or renamed; a formula must read fields that exist', () => {
    const { s, A } = twoOrgs();
    ok(s, {
      type: 'field.create',
      org: ACME,
      as: A,
      object: 'Account',
      field: f.text('Code__c', 'Code', 10),
    });
    ok(s, {
      type: 'field.create',
      org: ACME,
      as: A,
      object: 'Account',
      field: f.formulaText('Tag__c', 'Tag', { formula: '"#" & Code__c' }),
    });
    refused(
      s,
      { type: 'field.delete', org: ACME, as: A, object: 'Account', field: 'Code__c' },
      'SUB-4',
      /formula Tag__c reads it/,
    );
    refused(
      s,
      {
        type: 'field.rename',
        org: ACME,
        as: A,
        object: 'Account',
        field: 'Code__c',
        newApiName: 'Key__c',
      },
      'SUB-4',
      /formula Tag__c reads it/,
    );
    refused(
      s,
      {
        type: 'field.create',
        org: ACME,
        as: A,
        object: 'Account',
        field: f.formulaText('Bad__c', 'Bad', { formula: 'Nope__c' }),
      },
      'SUB-4',
      /reads Nope__c, which Account does not have/,
    );
    refused(
      s,
      {
        type: 'field.create',
        org: ACME,
        as: A,
        object: 'Account',
        field: f.formulaText('Bad__c', 'Bad', { formula: 'Name Phone' }),
      },
      'SUB-4',
      /syntax error/,
    );
    // Once the formula is gone, the field can go.
    ok(s, { type: 'field.delete', org: ACME, as: A, object: 'Account', field: 'Tag__c' });
    ok(s, { type: 'field.delete', org: ACME, as: A, object: 'Account', field: 'Code__c' });
  });
});
