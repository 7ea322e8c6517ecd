import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseApex } from '../../../src/engine/apex/parse.ts';
import { generateApexParser } from '../../../tools/build-apex-parser.mjs';
import { WHOLE } from './seedSnippet.ts';

function errorOf(src: string) {
  const r = parseApex(src);
  if (r.ok) throw new Error(`parsed: ${JSON.stringify(r.program)}`);
  return r.error;
}

describe('The console parser', () => {
  it('is generated from the grammar as committed (run npm run apex:parser after editing it)', () => {
    const committed = readFileSync('src/engine/apex/parser.generated.js', 'utf8');
    expect(committed).toBe(generateApexParser());
  });

  it('reads the seed snippet with its SOQL lines into plain JSON with positions', () => {
    const r = parseApex(WHOLE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.program.map((s) => s.kind)).toEqual([
      'declare',
      'declare',
      'declare',
      'insert',
      'declare',
      'insert',
    ]);
    const decl = r.program[4]!;
    expect(decl).toMatchObject({ kind: 'declare', line: 5, column: 1 });
    if (decl.kind !== 'declare' || decl.init?.kind !== 'new') throw new Error('not a new');
    expect(decl.init.fields.map((f) => f.name.name)).toEqual([
      'ConnectionId',
      'LocalRecordId',
      'SendClosedTasks',
      'SendOpenTasks',
      'SendEmails',
      'ParentRecordId',
    ]);
    expect(decl.init.fields[0]!.name).toMatchObject({ line: 7, column: 5 });
    // Plain data: survives JSON unchanged.
    expect(JSON.parse(JSON.stringify(r.program))).toEqual(r.program);
  });

  it('reads SOQL with =, !=, IN, LIKE, binds, ORDER BY and LIMIT, keywords in any case', () => {
    const r = parseApex(
      "select Id, Name from Account where Name like 'Init%' AND Id != :x and Industry IN ('A', :y) order by Name desc, Id limit 5",
    );
    expect(r.ok).toBe(true);
    if (!r.ok || r.program[0]!.kind !== 'query') throw new Error('no query');
    const q = r.program[0]!.query;
    expect(q.object.name).toBe('Account');
    expect(q.where.map((c) => c.op)).toEqual(['LIKE', '!=', 'IN']);
    expect(q.orderBy).toMatchObject([{ field: { name: 'Name' }, dir: 'DESC' }, { dir: 'ASC' }]);
    expect(q.limit).toBe(5);
  });

  it('reads lists, add, System.debug, delete and field assignment', () => {
    const r =
      parseApex(`List<PartnerNetworkRecordConnection> shares = new List<PartnerNetworkRecordConnection>();
shares.add(p);
p.SendEmails = true;
System.debug(shares);
delete [SELECT Id FROM PartnerNetworkRecordConnection WHERE LocalRecordId = :a];`);
    expect(r.ok && r.program.map((s) => s.kind)).toEqual([
      'declare',
      'call',
      'assign',
      'call',
      'delete',
    ]);
  });

  it('a missing semicolon is reported at the line and column where it was due', () => {
    expect(errorOf("Id a = 'x';\ninsert a\n")).toMatchObject({
      line: 2,
      column: 9,
      message: expect.stringMatching(/^Missing ";"/),
    });
  });

  it('an unclosed text is reported where it starts', () => {
    expect(errorOf("Id a = 'abc;\n")).toMatchObject({
      line: 1,
      column: 8,
      message: expect.stringContaining('not closed'),
    });
  });

  it('an unexpected token names what was expected in words', () => {
    expect(errorOf('Id x = ;')).toMatchObject({
      line: 1,
      column: 8,
      message: expect.stringMatching(/^Expected .*a name.* but found ";"/),
    });
  });

  it('OR in a WHERE clause is refused with a way around it', () => {
    expect(errorOf("SELECT Id FROM Account WHERE Name = 'a' OR Name = 'b'")).toMatchObject({
      line: 1,
      column: 41,
      message: expect.stringContaining('use IN'),
    });
  });

  it('an unclosed comment is reported', () => {
    expect(errorOf('Id a; /* never closed')).toMatchObject({
      message: expect.stringContaining('*/'),
    });
  });

  describe('hostile input is rejected and nothing runs', () => {
    const witness = globalThis as { pwned?: boolean };
    const hostile: [string, string, number, number][] = [
      ['a loop', 'while(true) { pwned = true; }', 1, 1],
      ['a loop written later', "Id a = 'x';\n  for (;;) {}", 2, 3],
      ['a script tag', '<script>globalThis.pwned = true</script>', 1, 1],
      ['constructor.constructor', "constructor.constructor('globalThis.pwned = true')();", 1, 51],
      ['a JavaScript function', 'Id a = function() { return 1; };', 1, 16],
      ['a template string', 'Id a = `${globalThis.pwned = true}`;', 1, 8],
      ['__proto__ pollution', "__proto__.polluted = 'yes'", 1, 27],
    ];
    for (const [what, src, line, column] of hostile)
      it(`${what}`, () => {
        const e = errorOf(src);
        expect(e).toMatchObject({ line, column });
        expect(e.message.length).toBeGreaterThan(10);
        expect(witness.pwned).toBeUndefined();
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      });
  });
});
