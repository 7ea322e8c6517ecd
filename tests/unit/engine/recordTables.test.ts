import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import { recordIds, recordOf } from '../../../src/engine/org/recordCopies.ts';
import { rowOf, STRIDE, tableOf, valueAt } from '../../../src/engine/org/recordTables.ts';
import { tablesOf } from '../../../src/engine/org/recordWrites.ts';

function orgWithAccounts(n: number) {
  const s = S2S.create({ seed: 1 });
  s.dispatch({ type: 'org.create', org: 'a', name: 'Acme' });
  const admin = s.orgs()[0]!.adminId;
  const ids = [];
  const create = (values: Record<string, string>) => {
    const r = s.dispatch({ type: 'record.create', org: 'a', as: admin, object: 'Account', values });
    if (!r.ok) throw new Error(r.reason);
    return r.id!;
  };
  for (let i = 0; i < n; i++)
    ids.push(create(i % 2 ? { Name: `A${i}`, Phone: `${i}` } : { Name: `A${i}` }));
  return { s, admin, ids, create, org: () => s.sandbox.state.orgs.a! };
}

describe('records held by column', () => {
  it("a record's row is its id's counter less one, in its object's table", () => {
    const { ids, org } = orgWithAccounts(3);
    expect(ids.map(rowOf)).toEqual([0, 1, 2]);
    const t = tableOf(org(), ids[1]!)!;
    expect(t.object).toBe('Account');
    expect(t.Id[1]).toBe(ids[1]);
    expect(valueAt(t, 1, 'Phone')).toBe('1');
    expect(t.fields.Phone![STRIDE * 1]).toBe('1');
  });

  it("ids that are not the engine's find no record", () => {
    const { org } = orgWithAccounts(1);
    for (const id of ['', 'nope', '001A0000000000x', '999A00000000001', '001A00000000009'])
      expect(recordOf(org(), id)).toBeUndefined();
    expect(rowOf('001A0000000000x')).toBe(-1);
  });

  it('a copy of a record changes nothing in the org', () => {
    const { ids, org } = orgWithAccounts(1);
    const copy = recordOf(org(), ids[0]!)!;
    copy.fields.Name = 'changed';
    expect(recordOf(org(), ids[0]!)!.fields.Name).toBe('A0');
  });

  it('deleting the last records trims the columns to what the live records hold', () => {
    const { s, admin, ids, org } = orgWithAccounts(4);
    for (const id of ids.slice(2)) s.dispatch({ type: 'record.delete', org: 'a', as: admin, id });
    const t = tableOf(org(), ids[0]!)!;
    expect(t.Id).toEqual(ids.slice(0, 2));
    // Row 1's value and stamp are the column's last slots. A local edit's stamp has no `via`,
    // and a trimmed column ends at its last slot in use.
    expect(t.fields.Phone).toHaveLength(STRIDE * 2 - 1);
    expect(t.fields.Phone![STRIDE * 2 - 2]).toBe('a');
    expect(tablesOf(recordIds(org()).map((id) => recordOf(org(), id)!))).toEqual(org().records);
  });

  it('the first report of what changed names every record, for a saver that starts then', () => {
    const { s, ids } = orgWithAccounts(3);
    expect([...s.sandbox.takeDirty().records.get('a')!]).toEqual(ids);
  });

  it('a deleted record in the middle leaves its row empty and later rows in place', () => {
    const { s, admin, ids, create, org } = orgWithAccounts(3);
    s.dispatch({ type: 'record.delete', org: 'a', as: admin, id: ids[1]! });
    expect(recordIds(org())).toEqual([ids[0], ids[2]]);
    expect(recordOf(org(), ids[2]!)!.fields.Name).toBe('A2');
    expect(rowOf(create({ Name: 'new' }))).toBe(3);
    expect(tablesOf(recordIds(org()).map((id) => recordOf(org(), id)!))).toEqual(org().records);
  });
});
