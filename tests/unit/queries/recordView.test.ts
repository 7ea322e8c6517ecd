import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import { sharedAccount } from '../engine/sharedAccount.ts';

function oneOrg() {
  const s = S2S.create({ seed: 5 });
  s.run([{ type: 'org.create', org: 'acme', name: 'Acme' }]);
  const A = s.orgs()[0]!.adminId;
  const made = s.dispatch({
    type: 'user.create',
    org: 'acme',
    as: A,
    name: 'Sam Std',
    profile: 'Standard User',
  });
  return { s, A, std: made.ok ? made.id! : '' };
}

describe('record page and form queries', () => {
  it('lists the fields a user types into, leaving out system, auto-number fields and the owner', () => {
    const { s, A } = oneOrg();
    const layout = s.objectLayout('acme', 'Case', A)!;
    const editable = layout.fields.filter((f) => f.editable).map((f) => f.apiName);
    expect(editable).toContain('Subject');
    expect(editable).not.toContain('CaseNumber');
    expect(editable).not.toContain('CreatedDate');
    expect(layout.fields.map((f) => f.apiName)).not.toContain('OwnerId');
    expect(layout.fields.find((f) => f.apiName === 'CaseNumber')?.editable).toBe(false);
  });

  it('EN-2: a record tab offers Forward to Connection only once S2S is enabled', () => {
    const { s, A } = oneOrg();
    expect(s.objectLayout('acme', 'Account', A)!.s2sActions).toBe(false);
    s.run([{ type: 's2s.enable', org: 'acme', as: A }]);
    expect(s.objectLayout('acme', 'Account', A)!.s2sActions).toBe(true);
  });

  it('keeps required fields editable (Opportunity Close Date)', () => {
    const { s, A } = oneOrg();
    const f = s
      .objectLayout('acme', 'Opportunity', A)!
      .fields.find((x) => x.apiName === 'CloseDate');
    expect(f?.editable).toBe(true);
  });

  it('FWD-1: an Account forwards with its Contacts, Opportunities, Cases and Tasks', () => {
    const { s, A } = oneOrg();
    const children = s.objectLayout('acme', 'Account', A)!.children.map((c) => c.apiName);
    expect(children).toEqual(expect.arrayContaining(['Contact', 'Opportunity', 'Case', 'Task']));
    expect(children).not.toContain('Account');
  });

  it('SHR-1: a record the user cannot see has no page for them', () => {
    const { s, A, std } = oneOrg();
    const r = s.dispatch({
      type: 'record.create',
      org: 'acme',
      as: A,
      object: 'Account',
      values: { Name: 'Hidden' },
    });
    const id = r.ok ? r.id! : '';
    expect(s.recordView('acme', id, std)).toBeNull();
    expect(s.recordView('acme', id, A)).toMatchObject({ name: 'Hidden', canEdit: true });
  });

  it('SHR-2: hidden fields are left out of the form, the page and its history', () => {
    const { s, A, std } = oneOrg();
    const r = s.dispatch({
      type: 'record.create',
      org: 'acme',
      as: std,
      object: 'Account',
      values: { Name: 'Mine', Phone: '1' },
    });
    const id = r.ok ? r.id! : '';
    s.run([
      { type: 'record.update', org: 'acme', as: std, id, values: { Phone: '2' } },
      {
        type: 'field.setHidden',
        org: 'acme',
        as: A,
        object: 'Account',
        field: 'Phone',
        hiddenFrom: ['Standard User'],
      },
    ]);
    const v = s.recordView('acme', id, std)!;
    expect(v.record.fields.Phone).toBeUndefined();
    expect(v.history.some((h) => h.field === 'Phone')).toBe(false);
    expect(s.objectLayout('acme', 'Account', std)!.fields.map((f) => f.apiName)).not.toContain(
      'Phone',
    );
  });

  it('REC-2: accepting offers owners, assignment rules for Leads and Cases, matching for Accounts', () => {
    const { s, B } = sharedAccount(21, ['Name']);
    // Org B subscribed with auto-accept; turn it off so the next forward waits.
    const bConn = s.connections('b')[0]!.Id;
    s.run([
      {
        type: 'connection.subscribe',
        org: 'b',
        as: B,
        connectionId: bConn,
        partnerObject: 'Account',
        autoAccept: false,
      },
      {
        type: 'queue.create',
        org: 'b',
        as: B,
        name: 'Lead Queue',
        objects: ['Lead'],
      },
    ]);
    s.runUntilIdle();
    const A = s.orgs()[0]!.adminId;
    const made = s.dispatch({
      type: 'record.create',
      org: 'a',
      as: A,
      object: 'Account',
      values: { Name: 'Waits' },
    });
    s.run([
      {
        type: 'record.forward',
        org: 'a',
        as: A,
        recordIds: [made.ok ? made.id! : ''],
        connectionIds: [s.connections('a')[0]!.Id],
      },
    ]);
    s.runUntilIdle();
    const waiting = s.inbox('b', 'Account')[0]!;
    const choices = s.acceptChoices('b', waiting.Id)!;
    expect(choices.object).toBe('Account');
    expect(choices.canMatch).toBe(true);
    expect(choices.assignmentRule).toBeUndefined();
    expect(choices.owners.map((o) => o.id)).toContain(B);
    // A queue of Leads cannot own an Account; the Connection User owns nothing.
    expect(choices.owners.some((o) => o.queue)).toBe(false);
    expect(choices.owners.some((o) => o.name === 'Connection User')).toBe(false);
  });
});
