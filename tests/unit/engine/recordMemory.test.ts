import { recordOf } from '../../../src/engine/org/recordCopies.ts';
import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import { connectedAccounts } from '../../../src/engine/presets/connectedOrgs.ts';

function sharedAccount() {
  const s = S2S.create({ seed: 3, settings: { publicationDelayMs: 0 } });
  const { A, aConn } = connectedAccounts(s, ['Name', 'Phone']);
  const made = s.dispatch({
    type: 'record.create',
    org: 'a',
    as: A,
    object: 'Account',
    values: { Name: 'Acme' },
  });
  if (!made.ok) throw new Error(made.reason);
  const id = made.id!;
  s.run([{ type: 'record.forward', org: 'a', as: A, recordIds: [id], connectionIds: [aConn] }]);
  s.runUntilIdle();
  return { s, A, id };
}

describe('how records are held in memory', () => {
  it('updates made in one burst share their stamp; a later edit gets its own', () => {
    const { s, A, id } = sharedAccount();
    s.run([
      { type: 'record.update', org: 'a', as: A, id, values: { Name: 'One' } },
      { type: 'record.update', org: 'a', as: A, id, values: { Phone: '1' } },
    ]);
    const rec = () => recordOf(s.sandbox.state.orgs.a!, id)!;
    expect(rec().stamps.Name).toBe(rec().stamps.Phone);
    s.advance(500);
    s.run([{ type: 'record.update', org: 'a', as: A, id, values: { Phone: '2' } }]);
    expect(rec().stamps.Phone).toEqual({ editedAt: s.sandbox.now, origin: 'a' });
    expect(rec().stamps.Name).toEqual({ editedAt: s.sandbox.now - 500, origin: 'a' });
  });

  it('SYNC-7: history of a burst names the right old and new values for each change', () => {
    const { s, A, id } = sharedAccount();
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
