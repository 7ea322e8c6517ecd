import { describe, expect, it } from 'vitest';
import { apexHost, executeApex } from '../../../src/engine/apex/execute.ts';
import { ACME, connectedOrgs, create } from '../rules/fixtures.ts';

// Every kind of error the console reports, each at its line and column with a plain reason.
// Compile errors stop the script before anything runs; runtime errors stop it where they happen.

const c = connectedOrgs();
create(c.s, ACME, c.A, 'Account', { Name: 'One' });
create(c.s, ACME, c.A, 'Account', { Name: 'Two' });
const run = (src: string) => executeApex(src, apexHost(c.s, ACME, c.A));

const cases: [string, string, number, number, RegExp][] = [
  ['unknown type', 'Strin s;', 1, 1, /^Strin: did you mean String\?/],
  [
    'unknown object in new',
    "Id a;\nAccount x = new Acount(Name = 'x');",
    2,
    17,
    /^Acount: did you mean Account\?/,
  ],
  [
    'unknown field in new',
    "Account x = new Account(Nme = 'x');",
    1,
    25,
    /^Nme: did you mean Name\? No field on Account/,
  ],
  ['unknown field read', 'Account x;\nId y = x.Nam;', 2, 10, /^Nam: did you mean Name\?/],
  ['unknown variable', 'Id a;\nId b = c;', 2, 8, /^Variable does not exist: c\./],
  ['misspelt variable', 'Id account;\nId b = acount;', 2, 8, /^acount: did you mean account\?/],
  ['duplicate variable', 'Id a;\nId A;', 2, 4, /^Duplicate variable: A\./],
  [
    'field not writeable on a PNRC',
    "PartnerNetworkRecordConnection p;\np.Status = 'Sent';",
    2,
    3,
    /^Field is not writeable: PartnerNetworkRecordConnection\.Status\./,
  ],
  [
    'system field not writeable',
    "Account x = new Account(Id = 'x');",
    1,
    25,
    /^Field is not writeable: Account\.Id\./,
  ],
  [
    'unknown method',
    'List<Account> l;\nl.push(null);',
    2,
    3,
    /^Method does not exist: l\.push\(\)/,
  ],
  ['unknown System method', 'System.exit(1);', 1, 8, /^Method does not exist: System\.exit/],
  ['a field of a plain value', "Id a = 'x';\nId b = a.Name;", 2, 10, /^Name: a Id has no fields\./],
  ['a list with = in SOQL', "SELECT Id FROM Account WHERE Name = ('a')", 1, 37, /goes with IN/],
  ['updating a PNRC', 'PartnerNetworkRecordConnection p;\nupdate p;', 2, 1, /never updated/],
  ['making a connection', 'insert new PartnerNetworkConnection();', 1, 12, /inviting/],
  [
    'a query result with no row',
    "Account a = [SELECT Id FROM Account WHERE Name = 'None'];",
    1,
    14,
    /^List has no rows for assignment to SObject\.$/,
  ],
  [
    'a query result with two rows',
    "Account a = [SELECT Id FROM Account WHERE Name IN ('One', 'Two')];",
    1,
    14,
    /^List has more than 1 row/,
  ],
  [
    'an index past the end',
    "List<Account> l = [SELECT Id FROM Account WHERE Name = 'One'];\nId x = l[3].Id;",
    2,
    8,
    /^List index out of bounds: 3/,
  ],
  ['a null record', "Account a;\na.Name = 'x';", 2, 1, /^Attempt to de-reference a null object/],
  ['delete without an Id', "delete new Account(Name = 'x');", 1, 8, /^Id not specified/],
  ['a refused command', "insert new Account(Phone = '1');", 1, 1, /Account Name/],
];

describe('Console errors', () => {
  for (const [what, src, line, column, message] of cases)
    it(`${what}: line ${line}, column ${column}`, () => {
      const r = run(src);
      expect(r.ok).toBe(false);
      expect(r.errors[0]).toMatchObject({ line, column, message: expect.stringMatching(message) });
    });

  it('a refused command carries the rule id', () => {
    const r = run("insert new Account(Phone = '1');");
    expect(r.errors[0]?.rule).toBe('SYNC-5');
  });
});

describe('Console errors without S2S', () => {
  it('EN-2: a PNRC variable in an org without S2S names the rule, not a misspelling', async () => {
    const { S2S } = await import('../../../src/engine/api.ts');
    const s = S2S.create({ seed: 5 });
    s.run([{ type: 'org.create', org: 'solo', name: 'Solo' }]);
    const r = executeApex(
      'PartnerNetworkRecordConnection p;',
      apexHost(s, 'solo', s.orgs()[0]!.adminId),
    );
    expect(r.errors).toEqual([
      {
        line: 1,
        column: 1,
        rule: 'EN-2',
        message:
          'PartnerNetworkRecordConnection does not exist in this org until Salesforce to Salesforce is enabled in Setup.',
      },
    ]);
  });
});
