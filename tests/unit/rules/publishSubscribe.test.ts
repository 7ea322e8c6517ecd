import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/engine/commands/command.ts';
import {
  compatibleTargets,
  DEFAULT_PUBLISHED_FIELDS,
  fieldBuilders as f,
  getField,
} from '../../../src/engine/domain/index.ts';
import {
  ACME,
  addUser,
  connectedOrgs,
  copyOf,
  create,
  forward,
  GLOBEX,
  ok,
  pnrcOf,
  refused,
  sharedAccount,
  update,
  type Connected,
  type Orgs,
  insertPnrc,
} from './fixtures.ts';

const conn = (c: Connected, org: string) => c.s.connections(org)[0]!;

/** Acme's custom object Widget__c and Globex's Gadget__c, fields chosen for mapping tests. */
function customObjects({ s, A, G }: Orgs) {
  ok(s, {
    type: 'object.create',
    org: ACME,
    as: A,
    apiName: 'Widget__c',
    label: 'Widget',
    fields: [
      f.text('Colour__c', 'Colour', 40),
      f.number('Size__c', 'Size', 5, 2),
      f.text('Code__c', 'Code', 255),
      f.picklist('Grade__c', 'Grade', ['A', 'B', 'C']),
      f.text('Note__c', 'Note', 40),
    ],
  });
  ok(s, {
    type: 'object.create',
    org: GLOBEX,
    as: G,
    apiName: 'Gadget__c',
    label: 'Gadget',
    fields: [
      f.text('Color__c', 'Colour', 80),
      f.number('Size__c', 'Size', 4, 2),
      f.number('Dimension__c', 'Dimension', 8, 2),
      f.longText('Code__c', 'Code', 1000),
      f.text('CodeText__c', 'Code text', 255),
      f.picklist('Grade__c', 'Grade', ['A', 'B']),
      f.text('Note__c', 'Note', 40),
      f.text('Remark__c', 'Remark', 40),
    ],
  });
}

describe('Publishing', () => {
  it('PUB-1: each side publishes per connection, per object, chosen fields; unpublished fields are never sent', () => {
    const c = connectedOrgs({
      publish: { acme: { Account: ['Name', 'Phone'] } },
      subscribe: { globex: { Account: {} } },
    });
    const { s } = c;
    const acc = create(s, ACME, c.A, 'Account', {
      Name: 'Initech',
      Phone: '555',
      Industry: 'Energy',
      Website: 'https://initech.example.com',
    });
    ok(s, {
      type: 'record.forward',
      org: ACME,
      as: c.A,
      recordIds: [acc],
      connectionIds: [c.aConn],
    });
    const [fwd] = s.inFlight();
    expect(fwd!.body).toMatchObject({
      kind: 'RecordForwarded',
      values: { Name: 'Initech', Phone: '555' },
    });
    expect(Object.keys((fwd!.body as { values: object }).values)).toEqual(['Name', 'Phone']);
    s.runUntilIdle();
    const copy = s.record(GLOBEX, copyOf(s, GLOBEX, acc))!.record;
    expect(copy.fields).toEqual({ Name: 'Initech', Phone: '555' });
    update(s, ACME, c.A, acc, { Industry: 'Banking', Website: 'https://x.example.com' });
    expect(s.inFlight()).toEqual([]);
    update(s, ACME, c.A, acc, { Phone: '556', Industry: 'Media' });
    const [m] = s.inFlight();
    expect(m!.body).toMatchObject({ kind: 'RecordUpdated', changes: { Phone: '556' } });
    expect(Object.keys((m!.body as { changes: object }).changes)).toEqual(['Phone']);
  });

  it('PUB-1: Account, Contact, Lead, Opportunity, Opportunity Product, Product, Case, Case Comment, Task, Attachment and custom objects can be published', () => {
    const c = connectedOrgs({
      publish: {},
      subscribe: {},
      before: (o) => customObjects(o),
    });
    const objects = [
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
      'Widget__c',
    ];
    for (const object of objects)
      ok(c.s, { type: 'connection.publish', org: ACME, as: c.A, connectionId: c.aConn, object });
    expect(Object.keys(conn(c, ACME).publications)).toEqual(objects);
    refused(
      c.s,
      { type: 'connection.publish', org: ACME, as: c.A, connectionId: c.aConn, object: 'Nope__c' },
      'PUB-1',
      /has no object Nope__c/,
    );
  });

  it('PUB-1: a user cannot publish a field they cannot edit', () => {
    const c = connectedOrgs({ publish: {}, subscribe: {} });
    const { s } = c;
    const mgr = addUser(s, ACME, c.A, 'Molly Manager', { manageConnections: true });
    ok(s, {
      type: 'field.setHidden',
      org: ACME,
      as: c.A,
      object: 'Account',
      field: 'AnnualRevenue',
      hiddenFrom: ['Standard User'],
    });
    refused(
      s,
      {
        type: 'connection.publish',
        org: ACME,
        as: mgr,
        connectionId: c.aConn,
        object: 'Account',
        fields: ['AnnualRevenue'],
      },
      'PUB-1',
      /cannot edit Account\.Annual Revenue, so cannot publish it/,
    );
    ok(s, {
      type: 'connection.publish',
      org: ACME,
      as: mgr,
      connectionId: c.aConn,
      object: 'Account',
      fields: ['Phone'],
    });
    ok(s, {
      type: 'connection.publish',
      org: ACME,
      as: c.A,
      connectionId: c.aConn,
      object: 'Account',
      fields: ['Phone', 'AnnualRevenue'],
    });
    expect(conn(c, ACME).publications.Account).toEqual(['Name', 'Phone', 'AnnualRevenue']);
  });

  it('PUB-2: lookup Ids, rich text, geolocation and system audit fields cannot be published', () => {
    const c = connectedOrgs({
      publish: {},
      subscribe: {},
      before: ({ s, A }) => {
        ok(s, {
          type: 'field.create',
          org: ACME,
          as: A,
          object: 'Account',
          field: f.richText('Profile__c', 'Profile', 32000),
        });
        ok(s, {
          type: 'field.create',
          org: ACME,
          as: A,
          object: 'Account',
          field: { apiName: 'Location__c', label: 'Location', type: { kind: 'Geolocation' } },
        });
        ok(s, {
          type: 'field.create',
          org: ACME,
          as: A,
          object: 'Contact',
          field: f.formulaText('AccountRef__c', 'Account Ref'),
        });
      },
    });
    const pub = (object: string, field: string): Command => ({
      type: 'connection.publish',
      org: ACME,
      as: c.A,
      connectionId: c.aConn,
      object,
      fields: [field],
    });
    refused(
      c.s,
      pub('Contact', 'AccountId'),
      'PUB-2',
      /lookup Ids differ between orgs.*text formula/,
    );
    refused(c.s, pub('Account', 'Profile__c'), 'PUB-2', /rich text areas cannot be published/);
    refused(c.s, pub('Account', 'Location__c'), 'PUB-2', /geolocation fields cannot be published/);
    refused(c.s, pub('Account', 'CreatedDate'), 'PUB-2', /system audit fields/);
    refused(c.s, pub('Account', 'LastModifiedById'), 'PUB-2', /system audit fields/);
    // The workaround: a text formula holding the id is publishable.
    ok(c.s, pub('Contact', 'AccountRef__c'));
    expect(conn(c, ACME).publications.Contact).toEqual(['LastName', 'AccountRef__c']);
  });

  it('PUB-3: each object starts with its default published fields', () => {
    const c = connectedOrgs({ publish: {}, subscribe: {}, before: (o) => customObjects(o) });
    const expected: Record<string, string[]> = {
      Account: ['Name'],
      Contact: ['LastName'],
      Lead: ['LastName', 'Company'],
      Opportunity: ['Name', 'CloseDate', 'StageName'],
      Case: ['Subject'],
      Task: ['Subject'],
      Product2: ['Name'],
      OpportunityLineItem: ['Quantity', 'UnitPrice'],
      CaseComment: ['CommentBody', 'IsPublished'],
      Widget__c: ['Name'],
    };
    for (const object of Object.keys(expected))
      ok(c.s, { type: 'connection.publish', org: ACME, as: c.A, connectionId: c.aConn, object });
    expect(conn(c, ACME).publications).toEqual(expected);
    for (const [object, fields] of Object.entries(DEFAULT_PUBLISHED_FIELDS))
      for (const name of fields) expect(getField(c.s.schema(ACME), object, name)).toBeDefined();
    // Published fields are added to the defaults, never replace them.
    ok(c.s, {
      type: 'connection.publish',
      org: ACME,
      as: c.A,
      connectionId: c.aConn,
      object: 'Opportunity',
      fields: ['Amount'],
    });
    expect(conn(c, ACME).publications.Opportunity).toEqual([
      'Name',
      'CloseDate',
      'StageName',
      'Amount',
    ]);
  });

  it('PUB-4: unpublishing an object unsubscribes the partner and sends the Update Connection notice', () => {
    const c = connectedOrgs();
    const { s } = c;
    const { acmeId } = sharedAccount(c);
    ok(s, {
      type: 'connection.unpublish',
      org: ACME,
      as: c.A,
      connectionId: c.aConn,
      object: 'Account',
    });
    s.runUntilIdle();
    const g = conn(c, GLOBEX);
    expect(g.subscriptions.Account).toBeUndefined();
    expect(g.partnerPublications.Account).toBeUndefined();
    expect(conn(c, ACME).partnerSubscriptions).toEqual(['Contact']);
    const note = s.notifications(GLOBEX).at(-1)!;
    expect(note.kind).toBe('publicationChanged');
    expect(note.to).toBe(g.PrimaryContactId);
    expect(note.text).toBe(
      'Acme has changed what it publishes to you. Account unpublished: subscription removed',
    );
    // Nothing flows for that object any more, and it can no longer be forwarded.
    update(s, ACME, c.A, acmeId, { Name: 'Renamed' });
    expect(s.inFlight()).toEqual([]);
    const other = create(s, ACME, c.A, 'Account', { Name: 'Later' });
    refused(
      s,
      { type: 'record.forward', org: ACME, as: c.A, recordIds: [other], connectionIds: [c.aConn] },
      'FWD-2',
      /not published on this connection/,
    );
    refused(
      s,
      {
        type: 'connection.unpublish',
        org: ACME,
        as: c.A,
        connectionId: c.aConn,
        object: 'Account',
      },
      'PUB-4',
    );
  });

  it('PUB-4: removing a field from publication stops its flow; values already copied stay', () => {
    const c = connectedOrgs();
    const { s } = c;
    const { acmeId, globexId } = sharedAccount(c, {
      Name: 'Initech',
      Phone: '555-0100',
      Industry: 'Energy',
    });
    ok(s, {
      type: 'connection.publish',
      org: ACME,
      as: c.A,
      connectionId: c.aConn,
      object: 'Account',
      fields: ['Name', 'Industry'],
    });
    expect(conn(c, ACME).history.at(-1)!.text).toBe(
      'Published Account: Name, Industry (unpublished Phone)',
    );
    s.runUntilIdle();
    update(s, ACME, c.A, acmeId, { Phone: '555-0199', Industry: 'Banking' });
    s.runUntilIdle();
    const copy = s.record(GLOBEX, globexId)!.record.fields;
    expect(copy.Phone).toBe('555-0100');
    expect(copy.Industry).toBe('Banking');
    expect(conn(c, GLOBEX).subscriptions.Account!.mapping).toEqual({
      Name: 'Name',
      Industry: 'Industry',
    });
  });
});

describe('Subscribing', () => {
  it('SUB-1: the partner receives nothing until it subscribes, and can subscribe only to what is published', () => {
    const c = connectedOrgs({ subscribe: {} });
    const { s } = c;
    expect(Object.keys(conn(c, GLOBEX).partnerPublications).sort()).toEqual(['Account', 'Contact']);
    const acc = create(s, ACME, c.A, 'Account', { Name: 'Early' });
    refused(
      s,
      { type: 'record.forward', org: ACME, as: c.A, recordIds: [acc], connectionIds: [c.aConn] },
      'FWD-2',
      /Invalid Partner Network Status: Account is not subscribed by Globex Corp/,
    );
    refused(
      s,
      {
        type: 'connection.subscribe',
        org: GLOBEX,
        as: c.G,
        connectionId: c.gConn,
        partnerObject: 'Lead',
      },
      'SUB-1',
      /does not publish Lead/,
    );
    ok(s, {
      type: 'connection.subscribe',
      org: GLOBEX,
      as: c.G,
      connectionId: c.gConn,
      partnerObject: 'Account',
      autoAccept: true,
    });
    s.runUntilIdle();
    forward(c, [acc]);
    expect(s.records(GLOBEX, { object: 'Account' }).map((r) => r.fields.Name)).toEqual(['Early']);
  });

  it('SUB-1: a standard object maps to the same standard object, a custom object to any custom object', () => {
    const c = connectedOrgs({
      publish: { acme: { Account: [], Widget__c: ['Colour__c'] } },
      subscribe: {},
      before: (o) => customObjects(o),
    });
    const sub = (partnerObject: string, localObject: string): Command => ({
      type: 'connection.subscribe',
      org: GLOBEX,
      as: c.G,
      connectionId: c.gConn,
      partnerObject,
      localObject,
    });
    refused(c.s, sub('Account', 'Lead'), 'SUB-1', /standard object maps to the same/);
    refused(c.s, sub('Widget__c', 'Account'), 'SUB-1', /custom object maps to a custom object/);
    ok(c.s, sub('Widget__c', 'Gadget__c'));
    const w = create(c.s, ACME, c.A, 'Widget__c', { Name: 'W-1', Colour__c: 'Teal' });
    // Not subscribed with auto-accept: accept it by hand.
    c.s.runUntilIdle();
    forward(c, [w]);
    const [pending] = c.s.inbox(GLOBEX);
    expect(pending!.object).toBe('Gadget__c');
    const id = ok(c.s, { type: 'inbox.accept', org: GLOBEX, as: c.G, pnrcId: pending!.Id });
    expect(c.s.record(GLOBEX, id)!.record).toMatchObject({
      object: 'Gadget__c',
      fields: { Name: 'W-1', Color__c: 'Teal' },
    });
  });

  it('SUB-1: a field mapped to --None-- is dropped', () => {
    const c = connectedOrgs({
      subscribe: { globex: { Account: { mapping: { Phone: null } } } },
    });
    const { acmeId, globexId } = sharedAccount(c);
    expect(conn(c, GLOBEX).subscriptions.Account!.mapping.Phone).toBeNull();
    expect(c.s.record(GLOBEX, globexId)!.record.fields.Phone).toBeUndefined();
    update(c.s, ACME, c.A, acmeId, { Phone: '1' });
    c.s.runUntilIdle();
    expect(c.s.record(GLOBEX, globexId)!.record.fields.Phone).toBeUndefined();
  });

  it('SUB-2: Auto-Map matches by API name, then by label, else --None--', () => {
    const c = connectedOrgs({
      publish: {
        acme: {
          Widget__c: ['Colour__c', 'Size__c', 'Note__c', 'Grade__c', 'Code__c', 'Orphan__c'],
        },
      },
      subscribe: { globex: { Widget__c: { localObject: 'Gadget__c' } } },
      before: (o) => {
        customObjects(o);
        ok(o.s, {
          type: 'field.create',
          org: ACME,
          as: o.A,
          object: 'Widget__c',
          field: f.text('Orphan__c', 'Orphan', 10),
        });
      },
    });
    expect(conn(c, GLOBEX).subscriptions.Widget__c!.mapping).toEqual({
      Name: 'Name',
      // Same label, different API name:
      Colour__c: 'Color__c',
      // Same API name but Number(4,2) cannot hold Number(5,2), and no label match fits:
      Size__c: null,
      Note__c: 'Note__c',
      Grade__c: 'Grade__c',
      // Same API name on a Long Text Area: Text(255) does not map there; no other match.
      Code__c: null,
      // Nothing with that name or label:
      Orphan__c: null,
    });
  });

  it('SUB-2: Auto-Map never overwrites a mapping made by hand', () => {
    const c = connectedOrgs({
      publish: { acme: { Widget__c: ['Colour__c', 'Note__c'] } },
      subscribe: {
        globex: { Widget__c: { localObject: 'Gadget__c', mapping: { Note__c: 'Remark__c' } } },
      },
      before: (o) => customObjects(o),
    });
    expect(conn(c, GLOBEX).subscriptions.Widget__c!.mapping).toMatchObject({
      Note__c: 'Remark__c',
      Colour__c: 'Color__c',
    });
    // Subscribing again (auto-map runs) keeps the hand mapping and a hand --None--.
    ok(c.s, {
      type: 'connection.subscribe',
      org: GLOBEX,
      as: c.G,
      connectionId: c.gConn,
      partnerObject: 'Widget__c',
      localObject: 'Gadget__c',
      mapping: { Colour__c: null },
    });
    ok(c.s, {
      type: 'connection.subscribe',
      org: GLOBEX,
      as: c.G,
      connectionId: c.gConn,
      partnerObject: 'Widget__c',
      localObject: 'Gadget__c',
    });
    expect(conn(c, GLOBEX).subscriptions.Widget__c!.mapping).toEqual({
      Name: 'Name',
      Colour__c: null,
      Note__c: 'Remark__c',
    });
  });

  it('SUB-3: incompatible mappings are refused with the reason and change nothing', () => {
    const c = connectedOrgs({
      publish: { acme: { Widget__c: ['Colour__c', 'Size__c', 'Code__c', 'Grade__c'] } },
      subscribe: {},
      before: (o) => customObjects(o),
    });
    const sub = (mapping: Record<string, string | null>): Command => ({
      type: 'connection.subscribe',
      org: GLOBEX,
      as: c.G,
      connectionId: c.gConn,
      partnerObject: 'Widget__c',
      localObject: 'Gadget__c',
      mapping,
    });
    refused(c.s, sub({ Code__c: 'Code__c' }), 'SUB-3', /Text\(255\) cannot map to Long Text Area/);
    refused(
      c.s,
      sub({ Size__c: 'Size__c' }),
      'SUB-3',
      /Number\(3, 2\) cannot map to Number\(2, 2\).*fewer digits/,
    );
    refused(c.s, sub({ Size__c: 'Color__c' }), 'SUB-3', /Number maps only to Number/);
    refused(c.s, sub({ Grade__c: 'Note__c' }), 'SUB-3', /Picklist maps only to Picklist/);
    refused(c.s, sub({ Colour__c: 'Nope__c' }), 'SUB-3', /has no field Nope__c/);
    // Compatible ones are accepted: a wider number, text to equal or longer text.
    ok(c.s, sub({ Size__c: 'Dimension__c', Code__c: 'CodeText__c', Colour__c: 'Remark__c' }));
    expect(conn(c, GLOBEX).subscriptions.Widget__c!.mapping).toMatchObject({
      Size__c: 'Dimension__c',
      Code__c: 'CodeText__c',
      Colour__c: 'Remark__c',
    });
  });

  it('SUB-3: the mapping screen offers only compatible fields and says why the others are not', () => {
    const c = connectedOrgs({
      publish: { acme: { Widget__c: ['Code__c'] } },
      subscribe: {},
      before: (o) => customObjects(o),
    });
    const source = conn(c, GLOBEX).partnerPublications.Widget__c!.find(
      (x) => x.apiName === 'Code__c',
    )!;
    const options = compatibleTargets(source, c.s.schema(GLOBEX).Gadget__c!.fields);
    const by = (name: string) => options.find((o) => o.field.apiName === name)!;
    expect(by('CodeText__c')).toMatchObject({ ok: true });
    expect(by('Code__c').ok).toBe(false);
    expect(by('Code__c').reason).toMatch(/Text\(255\) cannot map to Long Text Area/);
    expect(by('Color__c').reason).toMatch(/the target is shorter/);
    expect(by('Size__c').reason).toMatch(/Text maps only to Text, Text Area or Long Text Area/);
    expect(by('OwnerId').reason).toMatch(/cannot be written by a connection/);
  });

  it('SUB-3: a picklist value with no local match is written as it is', () => {
    const c = connectedOrgs({
      publish: { acme: { Widget__c: ['Grade__c'] } },
      subscribe: { globex: { Widget__c: { localObject: 'Gadget__c', autoAccept: true } } },
      before: (o) => customObjects(o),
    });
    const w = create(c.s, ACME, c.A, 'Widget__c', { Name: 'W', Grade__c: 'C' });
    forward(c, [w]);
    const copy = c.s.records(GLOBEX, { object: 'Gadget__c' })[0]!;
    expect(copy.fields.Grade__c).toBe('C');
    const local = c.s.schema(GLOBEX).Gadget__c!.fields.find((x) => x.apiName === 'Grade__c')!;
    expect((local.type as { values: string[] }).values).toEqual(['A', 'B']);
  });

  it('SUB-4: renaming a mapped field on the receiver breaks the mapping; updates fail with a reason in Health', () => {
    const c = connectedOrgs({
      publish: { acme: { Widget__c: ['Note__c'] } },
      subscribe: { globex: { Widget__c: { localObject: 'Gadget__c', autoAccept: true } } },
      before: (o) => customObjects(o),
    });
    const { s } = c;
    const w = create(s, ACME, c.A, 'Widget__c', { Name: 'W', Note__c: 'first' });
    forward(c, [w]);
    const copy = copyOf(s, GLOBEX, w);
    expect(s.record(GLOBEX, copy)!.record.fields.Note__c).toBe('first');
    ok(s, {
      type: 'field.rename',
      org: GLOBEX,
      as: c.G,
      object: 'Gadget__c',
      field: 'Note__c',
      newApiName: 'Notes__c',
    });
    // Salesforce keeps a renamed field's data under its new name.
    expect(s.record(GLOBEX, copy)!.record.fields.Notes__c).toBe('first');
    const before = JSON.stringify(s.record(GLOBEX, copy)!.record);
    // What the mapping screen reads: the mapping still names a field the object no longer has.
    expect(conn(c, GLOBEX).subscriptions.Widget__c!.mapping.Note__c).toBe('Note__c');
    expect(getField(s.schema(GLOBEX), 'Gadget__c', 'Note__c')).toBeUndefined();
    update(s, ACME, c.A, w, { Note__c: 'second' });
    s.runUntilIdle();
    const [h] = s.health(GLOBEX);
    expect(h!.failed).toHaveLength(1);
    expect(h!.failed[0]).toMatchObject({ rule: 'SUB-4', recordId: copy });
    expect(h!.failed[0]!.reason).toBe(
      'Field mapping broken: Widget__c.Note__c maps to Gadget__c.Note__c, which no longer exists.',
    );
    expect(h!.failedRecords).toEqual([{ recordId: copy, reason: h!.failed[0]!.reason }]);
    expect(pnrcOf(s, GLOBEX, copy).state).toBe('failed');
    // The sender's copy is unchanged.
    expect(s.record(ACME, w)!.record.fields.Note__c).toBe('second');
    expect(JSON.stringify(s.record(GLOBEX, copy)!.record)).toBe(before);
  });

  it('SUB-4: deleting a mapped field on the receiver breaks the mapping the same way', () => {
    const c = connectedOrgs({
      publish: { acme: { Widget__c: ['Note__c', 'Colour__c'] } },
      subscribe: { globex: { Widget__c: { localObject: 'Gadget__c', autoAccept: true } } },
      before: (o) => customObjects(o),
    });
    const { s } = c;
    const w = create(s, ACME, c.A, 'Widget__c', { Name: 'W', Note__c: 'n' });
    forward(c, [w]);
    const copy = copyOf(s, GLOBEX, w);
    ok(s, { type: 'field.delete', org: GLOBEX, as: c.G, object: 'Gadget__c', field: 'Note__c' });
    update(s, ACME, c.A, w, { Note__c: 'n2', Colour__c: 'Blue' });
    s.runUntilIdle();
    const failed = s.health(GLOBEX)[0]!.failed;
    expect(failed.map((x) => x.rule)).toEqual(['SUB-4']);
    expect(failed[0]!.reason).toMatch(/Gadget__c\.Note__c, which no longer exists/);
    // The whole update failed for that record: the other field did not change either.
    expect(s.record(GLOBEX, copy)!.record.fields.Color__c ?? null).toBeNull();
    // An update that does not touch the broken field goes through and clears the failure state.
    update(s, ACME, c.A, w, { Colour__c: 'Red' });
    s.runUntilIdle();
    expect(s.record(GLOBEX, copy)!.record.fields.Color__c).toBe('Red');
    expect(pnrcOf(s, GLOBEX, copy).state).toBe('synced');
  });

  it('SUB-5: Auto-Accept is per subscribed object and refused for child and junction objects', () => {
    const c = connectedOrgs({
      publish: {
        acme: { Account: [], Contact: [], Opportunity: [], OpportunityLineItem: [], Lead: [] },
      },
      subscribe: {},
    });
    const sub = (partnerObject: string, autoAccept: boolean): Command => ({
      type: 'connection.subscribe',
      org: GLOBEX,
      as: c.G,
      connectionId: c.gConn,
      partnerObject,
      autoAccept,
    });
    refused(c.s, sub('Contact', true), 'SUB-5', /not offered for Contact: child/);
    refused(c.s, sub('Opportunity', true), 'SUB-5', /not offered for Opportunity/);
    refused(c.s, sub('OpportunityLineItem', true), 'SUB-5', /junction/);
    ok(c.s, sub('Account', true));
    ok(c.s, sub('Lead', false));
    ok(c.s, sub('Contact', false));
    const subs = conn(c, GLOBEX).subscriptions;
    expect(subs.Account!.autoAccept).toBe(true);
    expect(subs.Lead!.autoAccept).toBe(false);
    expect(subs.Contact!.autoAccept).toBe(false);
    c.s.runUntilIdle();
    const acc = create(c.s, ACME, c.A, 'Account', { Name: 'Auto' });
    const lead = create(c.s, ACME, c.A, 'Lead', { LastName: 'Hand', Company: 'Co' });
    forward(c, [acc, lead]);
    expect(c.s.records(GLOBEX, { object: 'Account' }).map((r) => r.fields.Name)).toEqual(['Auto']);
    // With auto-accept the record is owned by the connection owner (REC-2).
    expect(c.s.records(GLOBEX, { object: 'Account' })[0]!.OwnerId).toBe(
      conn(c, GLOBEX).PrimaryContactId,
    );
    expect(c.s.inbox(GLOBEX).map((p) => p.partnerObject)).toEqual(['Lead']);
  });

  it('SUB-5: children sent with an auto-accepted parent are accepted with it, related to the local parent', () => {
    const c = connectedOrgs();
    const { s } = c;
    const acc = create(s, ACME, c.A, 'Account', { Name: 'Parent' });
    create(s, ACME, c.A, 'Contact', {
      LastName: 'Kid',
      Email: 'kid@x.example.com',
      AccountId: acc,
    });
    forward(c, [acc], { relatedObjects: ['Contact'] });
    const parent = copyOf(s, GLOBEX, acc);
    const [kid] = s.records(GLOBEX, { object: 'Contact' });
    expect(kid!.fields).toMatchObject({ LastName: 'Kid', AccountId: parent });
    expect(kid!.OwnerId).toBe(s.record(GLOBEX, parent)!.record.OwnerId);
    expect(s.inbox(GLOBEX)).toEqual([]);
  });

  it('SUB-5: children wait while their parent waits, and are accepted when it is accepted by hand', () => {
    const c = connectedOrgs({ autoAccept: false });
    const { s } = c;
    const owner = addUser(s, GLOBEX, c.G, 'Otto Owner');
    const acc = create(s, ACME, c.A, 'Account', { Name: 'Parent' });
    create(s, ACME, c.A, 'Contact', { LastName: 'Kid1', AccountId: acc });
    create(s, ACME, c.A, 'Contact', { LastName: 'Kid2', AccountId: acc });
    forward(c, [acc], { relatedObjects: ['Contact'] });
    expect(s.inbox(GLOBEX).map((p) => p.partnerObject)).toEqual(['Account', 'Contact', 'Contact']);
    const parentRow = s.inbox(GLOBEX, 'Account')[0]!;
    const parent = ok(s, {
      type: 'inbox.accept',
      org: GLOBEX,
      as: c.G,
      pnrcId: parentRow.Id,
      ownerId: owner,
    });
    expect(s.inbox(GLOBEX)).toEqual([]);
    const kids = s.records(GLOBEX, { object: 'Contact' });
    expect(kids.map((k) => k.fields.LastName).sort()).toEqual(['Kid1', 'Kid2']);
    expect(kids.every((k) => k.fields.AccountId === parent && k.OwnerId === owner)).toBe(true);
    s.runUntilIdle();
    expect(s.recordConnections(ACME).map((p) => p.Status)).toEqual(['Sent', 'Sent', 'Sent']);
  });

  it("SUB-5: a child waits to be accepted by hand when the parent's owner is inactive", () => {
    const c = connectedOrgs({ autoAccept: false });
    const { s } = c;
    const owner = addUser(s, GLOBEX, c.G, 'Otto Owner');
    const acc = create(s, ACME, c.A, 'Account', { Name: 'Parent' });
    forward(c, [acc]);
    ok(s, {
      type: 'inbox.accept',
      org: GLOBEX,
      as: c.G,
      pnrcId: s.inbox(GLOBEX)[0]!.Id,
      ownerId: owner,
    });
    s.runUntilIdle();
    ok(s, { type: 'user.setActive', org: GLOBEX, as: c.G, userId: owner, active: false });
    const kid = create(s, ACME, c.A, 'Contact', { LastName: 'Late', AccountId: acc });
    ok(s, insertPnrc(c, { LocalRecordId: kid, ParentRecordId: acc }));
    s.runUntilIdle();
    expect(s.inbox(GLOBEX).map((p) => p.partnerObject)).toEqual(['Contact']);
    expect(
      s
        .log({ org: GLOBEX, kind: 'info' })
        .some((e) => e.rule === 'SUB-5' && /parent's owner is inactive/.test(e.text ?? '')),
    ).toBe(true);
    // Accepted by hand it is related to the local parent.
    const id = ok(s, {
      type: 'inbox.accept',
      org: GLOBEX,
      as: c.G,
      pnrcId: s.inbox(GLOBEX)[0]!.Id,
    });
    expect(s.record(GLOBEX, id)!.record.fields.AccountId).toBe(copyOf(s, GLOBEX, acc));
  });

  it('SUB-5: a child waits when the connection owner is inactive', () => {
    const c = connectedOrgs();
    const { s } = c;
    const acc = create(s, ACME, c.A, 'Account', { Name: 'Parent' });
    forward(c, [acc]);
    const backup = addUser(s, GLOBEX, c.G, 'Backup Admin', { profile: 'System Administrator' });
    // Deactivate the connection owner (Globex's first admin) using another admin.
    ok(s, { type: 'user.setActive', org: GLOBEX, as: backup, userId: c.G, active: false });
    const kid = create(s, ACME, c.A, 'Contact', { LastName: 'Waits', AccountId: acc });
    ok(s, insertPnrc(c, { LocalRecordId: kid, ParentRecordId: acc }));
    s.runUntilIdle();
    expect(s.inbox(GLOBEX).map((p) => p.partnerObject)).toEqual(['Contact']);
    expect(
      s
        .log({ org: GLOBEX })
        .some((e) => e.rule === 'SUB-5' && /connection owner is inactive/.test(e.text ?? '')),
    ).toBe(true);
  });
});
