import { S2S } from '../../src/engine/api.ts';
import type { Command } from '../../src/engine/commands/command.ts';
import { ACCOUNT_FIELDS, connectedAccounts } from '../../src/engine/presets/connectedOrgs.ts';
import type { SandboxState } from '../../src/engine/state/sandboxState.ts';

export const FIELDS = ACCOUNT_FIELDS;
export const RUNS = Number(process.env.S2S_PROPERTY_RUNS ?? 1000);

export interface World {
  state: SandboxState;
  A: string;
  B: string;
  /** Shared Accounts: [id in a, id in b]. */
  pairs: [string, string][];
}

let cached: World | null = null;

/**
 * Two orgs with an accepted connection and three Accounts shared two-way with six mapped
 * fields, built once and cloned per run so a thousand runs stay fast.
 */
export function world(): World {
  if (!cached) cached = build();
  return { ...cached, state: structuredClone(cached.state) };
}

function build(): World {
  const s = S2S.create({ seed: 1, settings: { publicationDelayMs: 0 } });
  const { A, B, aConn } = connectedAccounts(s, FIELDS);
  const ids = [0, 1, 2].map((i) => {
    const r = s.run([
      {
        type: 'record.create',
        org: 'a',
        as: A,
        object: 'Account',
        values: { Name: `Shared ${i}` },
      },
    ])[0]!;
    return r.ok ? r.id! : '';
  });
  s.run([{ type: 'record.forward', org: 'a', as: A, recordIds: ids, connectionIds: [aConn] }]);
  s.runUntilIdle();
  const copies = new Map(s.recordConnections('b').map((p) => [p.shareKey, p.LocalRecordId!]));
  const pairs = s
    .recordConnections('a')
    .map((p) => [p.LocalRecordId!, copies.get(p.shareKey)!] as [string, string]);
  return { state: s.snapshot(), A, B, pairs };
}

export function restore(w: World): S2S {
  return S2S.restore(structuredClone(w.state));
}

export type Step =
  | { kind: 'edit'; side: 0 | 1; record: number; field: number; value: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'pause'; paused: boolean }
  | { kind: 'offline'; side: 0 | 1; offline: boolean }
  | { kind: 'faults'; failRate: number; duplicateRate: number; jitterMs: number; reorder: boolean };

/** Turns a generated step into the command a user would dispatch. */
export function toCommand(w: World, step: Step): Command {
  switch (step.kind) {
    case 'edit': {
      const org = step.side === 0 ? 'a' : 'b';
      const id = w.pairs[step.record]![step.side];
      const field = FIELDS[step.field]!;
      const value =
        field === 'Website' ? `https://v${step.value}.example.com` : `${field}-${step.value}`;
      return {
        type: 'record.update',
        org,
        as: step.side === 0 ? w.A : w.B,
        id,
        values: { [field]: value },
      };
    }
    case 'advance':
      return { type: 'clock.advance', ms: step.ms };
    case 'pause':
      return { type: 'link.set', from: 'a', to: 'b', both: true, link: { paused: step.paused } };
    case 'offline':
      return { type: 'org.setOffline', org: step.side === 0 ? 'a' : 'b', offline: step.offline };
    case 'faults':
      return {
        type: 'link.set',
        from: 'a',
        to: 'b',
        both: true,
        link: {
          failRate: step.failRate,
          duplicateRate: step.duplicateRate,
          jitterMs: step.jitterMs,
          reorder: step.reorder,
        },
      };
  }
}

/** Ends every fault that would stop the network from going quiet, then runs it to quiet. */
export function settle(s: S2S) {
  s.dispatch({ type: 'link.set', from: 'a', to: 'b', both: true, link: { paused: false } });
  s.dispatch({ type: 'org.setOffline', org: 'a', offline: false });
  s.dispatch({ type: 'org.setOffline', org: 'b', offline: false });
  s.runUntilIdle();
}
