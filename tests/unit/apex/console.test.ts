import { describe, expect, it } from 'vitest';
import { soql } from '../../../src/engine/queries/soql.ts';
import { apexHost, executeApex } from '../../../src/engine/apex/execute.ts';
import { S2S } from '../../../src/engine/api.ts';
import { ACME, GLOBEX, connectedOrgs, create, type Connected } from '../rules/fixtures.ts';
import { BIND_IDS, SHARE_PARENT, SNIPPET, WHOLE } from './seedSnippet.ts';

/** Acme with an Account Initech and its Contact Bolton; Contact published and subscribed. */
function world(): Connected & { initech: string; bolton: string } {
  const c = connectedOrgs();
  const initech = create(c.s, ACME, c.A, 'Account', { Name: 'Initech' });
  const bolton = create(c.s, ACME, c.A, 'Contact', { LastName: 'Bolton', AccountId: initech });
  return { ...c, initech, bolton };
}

const run = (c: Connected, src: string, org = ACME, as = c.A) =>
  executeApex(src, apexHost(c.s, org, as));

describe('The Developer Console', () => {
  it('FWD-4, FWD-2: the seed snippet shares the Contact under its Account once the Account is shared; both arrive', () => {
    const c = world();
    const r = run(c, WHOLE);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.commands).toBe(2);
    const tables = r.outputs.filter((o) => o.kind === 'rows');
    expect(tables.map((t) => t.rows.length)).toEqual([1, 1, 1]);
    c.s.runUntilIdle();
    const account = c.s
      .records(GLOBEX, { object: 'Account' })
      .find((x) => x.fields.Name === 'Initech');
    expect(account).toBeDefined();
    // The Contact waits in Contacts from Connections and is accepted with its parent (SUB-5).
    const contact = c.s
      .records(GLOBEX, { object: 'Contact' })
      .find((x) => x.fields.LastName === 'Bolton');
    expect(contact?.fields.AccountId).toBe(account!.Id);
    // Replay needs no parser: the journal holds pnrc.insert commands with the bound ids.
    const journal = c.s.scenario().commands.map((e) => e.command);
    const inserts = journal.filter((x) => x.type === 'pnrc.insert');
    expect(inserts).toMatchObject([
      { LocalRecordId: c.initech, ConnectionId: c.aConn },
      { LocalRecordId: c.bolton, ParentRecordId: c.initech, SendEmails: false },
    ]);
    const again = S2S.fromScenario(c.s.scenario());
    expect(again.log().map((e) => e.text)).toEqual(c.s.log().map((e) => e.text));
  });

  it('FWD-2: the snippet without sharing the parent first is refused with the rule id, at the insert line', () => {
    const c = world();
    const r = run(c, `${BIND_IDS}\n${SNIPPET}`);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      {
        line: 12,
        column: 1,
        rule: 'FWD-2',
        message: expect.stringContaining('a child cannot be forwarded before its parent is shared'),
      },
    ]);
    expect(c.s.recordConnections(ACME)).toEqual([]);
  });

  it('a misspelt object, field and variable each get a suggestion at their line and column; nothing runs', () => {
    const c = world();
    const typos = `${BIND_IDS}
PartnerNetworkRecordConnectio x = new PartnerNetworkRecordConnection(ConectionId = connectionId, LocalRecordId = contctId);
insert x;`;
    const r = run(c, typos);
    expect(r.ok).toBe(false);
    expect(r.commands).toBe(0);
    expect(r.outputs).toEqual([]);
    expect(r.errors.map((e) => [e.line, e.column, e.message.split('?')[0]])).toEqual([
      [4, 1, 'PartnerNetworkRecordConnectio: did you mean PartnerNetworkRecordConnection'],
      [4, 70, 'ConectionId: did you mean ConnectionId'],
      [4, 114, 'contctId: did you mean contactId'],
    ]);
  });

  it('a misspelt SOQL object and field are suggested too; an unknown name far from any is just unknown', () => {
    const c = world();
    const r = run(
      c,
      'SELECT Id, ConnectionStatu FROM PartnerNetworkConection;\nSELECT Zzzzzz FROM Account;\nId x = [SELECT Id FROM Acount].Id;',
    );
    expect(r.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [
        1,
        33,
        'PartnerNetworkConection: did you mean PartnerNetworkConnection? No object has that name.',
      ],
      [2, 8, 'There is no field on Account named Zzzzzz.'],
      // One error per mistake: the field read of an unknown object is not reported again.
      [3, 24, 'Acount: did you mean Account? No object has that name.'],
    ]);
  });

  it('names ignore case, as in Apex and SOQL', () => {
    const c = world();
    const r = run(
      c,
      "id X = [select id from contact where lastname = 'BOLTON'].ID;\nSystem.debug(x);",
    );
    expect(r.errors).toEqual([]);
    expect(r.outputs.at(-1)).toMatchObject({ kind: 'debug', text: JSON.stringify(c.bolton) });
  });

  it("a query with no row where one record is wanted stops with Apex's message at its line", () => {
    const c = world();
    const r = run(
      c,
      "Id a = 'x';\nContact k = [SELECT Id FROM Contact WHERE LastName = 'Nobody'];",
    );
    expect(r.errors).toEqual([
      { line: 2, column: 14, message: 'List has no rows for assignment to SObject.' },
    ]);
  });

  it('insert list shares a parent and its child in one all-or-nothing command (FWD-4)', () => {
    const c = world();
    const r = run(
      c,
      `${BIND_IDS}
List<PartnerNetworkRecordConnection> shares = new List<PartnerNetworkRecordConnection>();
shares.add(new PartnerNetworkRecordConnection(ConnectionId = connectionId, LocalRecordId = accountId));
shares.add(new PartnerNetworkRecordConnection(ConnectionId = connectionId, LocalRecordId = contactId, ParentRecordId = accountId));
insert shares;
System.debug(shares);`,
    );
    expect(r.errors).toEqual([]);
    const lists = c.s.scenario().commands.filter((e) => e.command.type === 'pnrc.insertList');
    expect(lists).toHaveLength(1);
    const debug = r.outputs.at(-1);
    expect(debug?.kind === 'rows' && debug.rows.map((x) => typeof x.Id)).toEqual([
      'string',
      'string',
    ]);
  });

  it('FWD-4: insert list with a bad row inserts nothing', () => {
    const c = world();
    const before = c.s.recordConnections(ACME).length;
    const r = run(
      c,
      `${BIND_IDS}
insert new List<PartnerNetworkRecordConnection>{
  new PartnerNetworkRecordConnection(ConnectionId = connectionId, LocalRecordId = accountId),
  new PartnerNetworkRecordConnection(ConnectionId = connectionId, LocalRecordId = connectionId)
};`,
    );
    expect(r.errors[0]).toMatchObject({
      line: 4,
      rule: 'FWD-4',
      message: expect.stringContaining('Row 2 of 2'),
    });
    expect(c.s.recordConnections(ACME).length).toBe(before);
  });

  it('FWD-4, REC-4: deleting a PNRC stops sharing; PNRC rows are never updated', () => {
    const c = world();
    expect(run(c, `${BIND_IDS}\n${SHARE_PARENT}`).ok).toBe(true);
    const upd = run(
      c,
      'PartnerNetworkRecordConnection p = [SELECT Id FROM PartnerNetworkRecordConnection LIMIT 1];\nupdate p;',
    );
    expect(upd.errors[0]?.message).toContain('never updated');
    const del = run(
      c,
      "delete [SELECT Id FROM PartnerNetworkRecordConnection WHERE Status = 'Pending'];",
    );
    expect(del.errors).toEqual([]);
    expect(del.outputs.at(-1)).toMatchObject({ kind: 'dml', rule: 'REC-4' });
    expect(c.s.recordConnections(ACME)[0]?.Status).toBe('Inactive');
  });

  it('EN-2: with S2S off the PNC and PNRC objects do not exist for the console', () => {
    const s = S2S.create({ seed: 3 });
    s.run([{ type: 'org.create', org: 'solo', name: 'Solo' }]);
    const as = s.orgs()[0]!.adminId;
    const r = executeApex('SELECT Id FROM PartnerNetworkConnection', apexHost(s, 'solo', as));
    expect(r.errors[0]).toMatchObject({
      rule: 'EN-2',
      message: expect.stringContaining('until Salesforce to Salesforce is enabled'),
    });
    expect(
      soql(s, 'solo', as, { object: 'PartnerNetworkConnection', fields: ['Id'] }),
    ).toMatchObject({
      ok: false,
      rule: 'EN-2',
    });
  });

  it('hostile names are names like any other: nothing is evaluated', () => {
    const c = world();
    const witness = globalThis as { pwned?: boolean };
    const r = run(
      c,
      "constructor.constructor('globalThis.pwned = true');\nId __proto__ = 'x';\n__proto__.polluted = 'y';",
    );
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatchObject({
      line: 1,
      column: 1,
      message: expect.stringContaining('Variable does not exist: constructor'),
    });
    expect(witness.pwned).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a script longer than the limit is refused before parsing', () => {
    const c = world();
    const r = run(c, `// ${'x'.repeat(20_001)}`);
    expect(r.errors[0]?.message).toContain('longer than');
  });
});
