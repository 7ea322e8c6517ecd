import { describe, expect, it } from 'vitest';
import { ACME, GLOBEX, connectedOrgs, ok, partnerContact, twoOrgs } from '../rules/fixtures.ts';

// The screen offers what these queries offer; each test also asks the command whether it
// agrees, so the offer and the engine's verdict cannot drift apart.

function published() {
  return connectedOrgs({
    publish: { acme: { Account: ['Name', 'Phone'], Contact: ['LastName', 'Email'] } },
    subscribe: {},
  });
}

describe('Connections screen queries', () => {
  it('PUB-2: lists lookups as not publishable with the text-formula workaround, and the command agrees', () => {
    const c = published();
    const account = c.s.publishOptions(ACME, c.aConn, c.A).find((o) => o.object === 'Account')!;
    expect(account.published).toBe(true);
    const parent = account.fields.find((f) => f.apiName === 'ParentId')!;
    expect(parent.notPublishable?.rule).toBe('PUB-2');
    expect(parent.notPublishable?.reason).toMatch(/text formula/);
    const phone = account.fields.find((f) => f.apiName === 'Phone')!;
    expect(phone).toMatchObject({ published: true, always: false });
    expect(phone.notPublishable).toBeUndefined();
    expect(account.fields.find((f) => f.apiName === 'Name')).toMatchObject({ always: true });
    expect(account.fields.find((f) => f.apiName === 'CreatedDate')?.notPublishable?.rule).toBe(
      'PUB-2',
    );

    const publishable = account.fields.filter((f) => !f.notPublishable).map((f) => f.apiName);
    ok(c.s, {
      type: 'connection.publish',
      org: ACME,
      as: c.A,
      connectionId: c.aConn,
      object: 'Account',
      fields: publishable,
    });
    const r = c.s.dispatch({
      type: 'connection.publish',
      org: ACME,
      as: c.A,
      connectionId: c.aConn,
      object: 'Account',
      fields: ['ParentId'],
    });
    expect(r).toMatchObject({ ok: false, rule: 'PUB-2' });
  });

  it('PUB-1: offers only objects S2S supports, custom objects included', () => {
    const c = connectedOrgs({
      before: ({ s, A }) =>
        ok(s, { type: 'object.create', org: ACME, as: A, apiName: 'Invoice__c', label: 'Invoice' }),
      subscribe: {},
    });
    const objects = c.s.publishOptions(ACME, c.aConn, c.A).map((o) => o.object);
    expect(objects).toContain('Invoice__c');
    expect(objects).toContain('Account');
    expect(c.s.publishOptions(ACME, 'nope', c.A)).toEqual([]);
  });

  it('SUB-1: offers only what the partner publishes; standard objects map to themselves, custom to any custom', () => {
    const c = connectedOrgs({
      before: ({ s, A, G }) => {
        ok(s, { type: 'object.create', org: ACME, as: A, apiName: 'Invoice__c', label: 'Invoice' });
        ok(s, { type: 'object.create', org: GLOBEX, as: G, apiName: 'Bill__c', label: 'Bill' });
        ok(s, { type: 'object.create', org: GLOBEX, as: G, apiName: 'Memo__c', label: 'Memo' });
      },
      publish: { acme: { Account: ['Name', 'Phone'], Invoice__c: ['Name'] } },
      subscribe: {},
    });
    const offers = c.s.subscribeOptions(GLOBEX, c.gConn);
    expect(offers.map((o) => o.partnerObject).sort()).toEqual(['Account', 'Invoice__c']);
    const account = offers.find((o) => o.partnerObject === 'Account')!;
    expect(account.localObjects.map((o) => o.apiName)).toEqual(['Account']);
    expect(account.fields.map((f) => f.apiName)).toEqual(['Name', 'Phone']);
    expect(account.subscription).toBeNull();
    const invoice = offers.find((o) => o.partnerObject === 'Invoice__c')!;
    expect(invoice.localObjects.map((o) => o.apiName).sort()).toEqual(['Bill__c', 'Memo__c']);

    // The command accepts every offered local object and refuses a standard one for a custom.
    for (const local of invoice.localObjects)
      expect(
        c.s.preview({
          type: 'connection.subscribe',
          org: GLOBEX,
          as: c.G,
          connectionId: c.gConn,
          partnerObject: 'Invoice__c',
          localObject: local.apiName,
        }).ok,
      ).toBe(true);
    expect(
      c.s.preview({
        type: 'connection.subscribe',
        org: GLOBEX,
        as: c.G,
        connectionId: c.gConn,
        partnerObject: 'Invoice__c',
        localObject: 'Account',
      }),
    ).toMatchObject({ ok: false, rule: 'SUB-1' });
  });

  it('SUB-3: offers only compatible local fields and says why the others are not', () => {
    const c = published();
    const rows = c.s.mappingOptions(GLOBEX, c.gConn, 'Account', 'Account');
    const phone = rows.find((r) => r.partner.apiName === 'Phone')!;
    expect(phone.partner).toEqual({ apiName: 'Phone', label: 'Account Phone', type: 'Phone' });
    const offered = phone.offered.map((f) => f.apiName);
    expect(offered).toContain('Phone');
    expect(offered).toContain('Fax');
    expect(offered).not.toContain('AnnualRevenue');
    const revenue = phone.notOffered.find((f) => f.apiName === 'AnnualRevenue')!;
    expect(revenue.reason).toMatch(/SUB-3/);
    // Every local field is either offered or explained.
    const local = c.s.schema(GLOBEX).Account!.fields.length;
    expect(phone.offered.length + phone.notOffered.length).toBe(local);

    for (const target of phone.offered)
      expect(
        c.s.preview({
          type: 'connection.subscribe',
          org: GLOBEX,
          as: c.G,
          connectionId: c.gConn,
          partnerObject: 'Account',
          mapping: { Phone: target.apiName },
        }).ok,
      ).toBe(true);
    for (const target of phone.notOffered)
      expect(
        c.s.preview({
          type: 'connection.subscribe',
          org: GLOBEX,
          as: c.G,
          connectionId: c.gConn,
          partnerObject: 'Account',
          mapping: { Phone: target.apiName },
        }),
      ).toMatchObject({ ok: false, rule: 'SUB-3' });
  });

  it('SUB-2: Auto-Map fills the unset pickers by name and keeps choices made by hand', () => {
    const c = published();
    expect(c.s.autoMap(GLOBEX, c.gConn, 'Account', 'Account', {})).toEqual({
      Name: 'Name',
      Phone: 'Phone',
    });
    expect(c.s.autoMap(GLOBEX, c.gConn, 'Account', 'Account', { Phone: 'Fax' })).toEqual({
      Name: 'Name',
      Phone: 'Fax',
    });
    expect(c.s.autoMap(GLOBEX, c.gConn, 'Account', 'Account', { Name: null })).toEqual({
      Name: null,
      Phone: 'Phone',
    });
  });

  it('SUB-5: Auto-Accept is offered for Account, not for a child object, and the command agrees', () => {
    const c = published();
    const offers = c.s.subscribeOptions(GLOBEX, c.gConn);
    const account = offers.find((o) => o.partnerObject === 'Account')!.localObjects[0]!;
    expect(account.autoAccept).toEqual({ allowed: true });
    const contact = offers.find((o) => o.partnerObject === 'Contact')!.localObjects[0]!;
    expect(contact.autoAccept.allowed).toBe(false);
    expect(contact.autoAccept).toMatchObject({ reason: expect.stringMatching(/child.*SUB-5/) });
    const sub = (partnerObject: string) =>
      c.s.preview({
        type: 'connection.subscribe',
        org: GLOBEX,
        as: c.G,
        connectionId: c.gConn,
        partnerObject,
        autoAccept: true,
      });
    expect(sub('Account').ok).toBe(true);
    expect(sub('Contact')).toMatchObject({ ok: false, rule: 'SUB-5' });
  });

  it('CONN-1: the New Connection choices list Contacts with Account and email, and active owners only', () => {
    const { s, A } = twoOrgs();
    s.run([{ type: 's2s.enable', org: ACME, as: A }]);
    const { accountId, contactId } = partnerContact(s, ACME, A, 'globex.example.com');
    const sam = ok(s, {
      type: 'user.create',
      org: ACME,
      as: A,
      name: 'Sam Gone',
      profile: 'Standard User',
    });
    ok(s, { type: 'user.setActive', org: ACME, as: A, userId: sam, active: false });
    const choices = s.inviteChoices(ACME, A);
    expect(choices.contacts).toEqual([
      {
        Id: contactId,
        name: 'Lee',
        email: 'lee@globex.example.com',
        accountId,
        accountName: 'Globex Corp',
      },
    ]);
    expect(choices.owners.map((u) => u.Id)).toEqual([A]);
    expect(choices.accounts).toEqual([{ Id: accountId, Name: 'Globex Corp' }]);
  });
});
