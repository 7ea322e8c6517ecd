import { S2S } from '../../../src/engine/api.ts';
import { connectedAccounts } from '../../../src/engine/presets/connectedOrgs.ts';

/** Two connected orgs and one Account of org a, forwarded to b and accepted there. */
export function sharedAccount(seed: number, fields: readonly string[]) {
  const s = S2S.create({ seed, settings: { publicationDelayMs: 0 } });
  const { A, B, aConn } = connectedAccounts(s, fields);
  const made = s.dispatch({
    type: 'record.create',
    org: 'a',
    as: A,
    object: 'Account',
    values: { Name: 'Acme' },
  });
  if (!made.ok) throw new Error(made.reason);
  const id = made.id!;
  s.dispatch({ type: 'record.forward', org: 'a', as: A, recordIds: [id], connectionIds: [aConn] });
  s.runUntilIdle();
  const copy = s.recordConnections('b')[0]!.LocalRecordId!;
  return { s, A, B, id, copy };
}
