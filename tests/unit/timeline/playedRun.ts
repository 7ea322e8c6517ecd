import { S2S } from '../../../src/engine/api.ts';
import {
  connectedAccounts,
  type ConnectedOrgs,
} from '../../../src/engine/presets/connectedOrgs.ts';

export interface PlayedRun extends ConnectedOrgs {
  s: S2S;
  /** The forwarded Account in a and its copy in b. */
  acc: string;
  copy: string;
}

/**
 * Two connected orgs sharing an Account, then edits on both sides while time passes the way
 * the play loop moves it (plain `advance`, not journaled), so the log holds deliveries
 * between commands as a person's session does.
 */
export function playedRun(seed = 7, edits = 6): PlayedRun {
  const s = S2S.create({ seed });
  const orgs = connectedAccounts(s, ['Name', 'Phone', 'Website']);
  const { A, B, aConn } = orgs;
  const acc = s.dispatch({
    type: 'record.create',
    org: 'a',
    as: A,
    object: 'Account',
    values: { Name: 'Initech' },
  }).ok
    ? s.records('a', { object: 'Account' }).find((r) => r.fields.Name === 'Initech')!.Id
    : '';
  s.run([{ type: 'record.forward', org: 'a', as: A, recordIds: [acc], connectionIds: [aConn] }]);
  s.sandbox.advance(3000);
  const copy = s.records('b', { object: 'Account' }).find((r) => r.fields.Name === 'Initech')!.Id;
  for (let k = 0; k < edits; k++) {
    s.dispatch({
      type: 'record.update',
      org: 'a',
      as: A,
      id: acc,
      values: { Phone: `555-01${k}` },
    });
    s.sandbox.advance(300 + 170 * k);
    s.dispatch({
      type: 'record.update',
      org: 'b',
      as: B,
      id: copy,
      values: { Website: `w${k}.example` },
    });
    s.sandbox.advance(900);
  }
  s.sandbox.advance(5000);
  return { ...orgs, s, acc, copy };
}

/** The parts of a sandbox two equal runs share, as JSON text. */
export function stateText(s: S2S): string {
  const st = s.snapshot();
  return JSON.stringify({ st, check: s.check() });
}
