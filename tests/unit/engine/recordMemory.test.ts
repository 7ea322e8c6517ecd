import { recordOf } from '../../../src/engine/org/recordCopies.ts';
import { rowOf, STRIDE, tableOf } from '../../../src/engine/org/recordTables.ts';
import { describe, expect, it } from 'vitest';
import { sharedAccount } from './sharedAccount.ts';

const account = () => sharedAccount(3, ['Name', 'Phone']);

describe('how records are held in memory', () => {
  it('a stamp is held as plain slots beside its value: a burst carries one stamp, a later edit its own', () => {
    const { s, A, id } = account();
    s.run([
      { type: 'record.update', org: 'a', as: A, id, values: { Name: 'One' } },
      { type: 'record.update', org: 'a', as: A, id, values: { Phone: '1' } },
    ]);
    const rec = () => recordOf(s.sandbox.state.orgs.a!, id)!;
    expect(rec().stamps.Name).toEqual({ editedAt: s.sandbox.now, origin: 'a' });
    expect(rec().stamps.Phone).toEqual(rec().stamps.Name);
    const t = tableOf(s.sandbox.state.orgs.a!, id)!;
    // No object is kept per stamp: the column holds the value and the stamp's parts.
    const at = STRIDE * rowOf(id);
    expect([0, 1, 2, 3].map((i) => t.fields.Phone![at + i])).toEqual([
      '1',
      s.sandbox.now,
      'a',
      undefined,
    ]);
    s.advance(500);
    s.run([{ type: 'record.update', org: 'a', as: A, id, values: { Phone: '2' } }]);
    expect(rec().stamps.Phone).toEqual({ editedAt: s.sandbox.now, origin: 'a' });
    expect(rec().stamps.Name).toEqual({ editedAt: s.sandbox.now - 500, origin: 'a' });
  });

  it('SYNC-7: history of a burst names the right old and new values for each change', () => {
    const { s, A, id } = account();
    s.run([
      { type: 'record.update', org: 'a', as: A, id, values: { Name: 'One' } },
      { type: 'record.update', org: 'a', as: A, id, values: { Name: 'Two' } },
    ]);
    s.runUntilIdle();
    const hist = s.sandbox.state.orgs.b!.history.filter((h) => h.field === 'Name').slice(-2);
    expect(hist.map((h) => [h.oldValue, h.newValue])).toEqual([
      ['Acme', 'One'],
      ['One', 'Two'],
    ]);
    expect(hist[0]!.source).toMatchObject({ via: expect.any(String) });
  });
});
