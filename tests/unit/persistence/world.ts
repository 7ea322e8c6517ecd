import { S2S } from '../../../src/engine/api.ts';
import type { Command } from '../../../src/engine/commands/command.ts';
import { DexieStore } from '../../../src/persistence/dexieStore.ts';

let dbCount = 0;
/** A store on a database no other test uses. */
export function freshStore(): DexieStore {
  return new DexieStore(`s2s-test-${process.pid}-${++dbCount}-${Math.random()}`);
}

/** Runs commands, failing loudly on a refusal; returns the created ids. */
export function run(s: S2S, cmds: Command[]): (string | undefined)[] {
  return s.run(cmds).map((r) => (r.ok ? r.id : undefined));
}

/**
 * Two orgs connected, Account published and auto-accepted, `accounts` Accounts forwarded and
 * then edited, with a long latency so the updates are still in flight when it returns.
 */
export function connectedWorld(s: S2S, accounts = 5) {
  run(s, [
    { type: 'org.create', org: 'acme', name: 'Acme' },
    { type: 'org.create', org: 'globex', name: 'Globex' },
  ]);
  const [acme, globex] = s.orgs();
  const A = acme!.adminId;
  const G = globex!.adminId;
  const [, , accId] = run(s, [
    { type: 's2s.enable', org: 'acme', as: A },
    { type: 's2s.enable', org: 'globex', as: G },
    { type: 'record.create', org: 'acme', as: A, object: 'Account', values: { Name: 'Globex' } },
  ]);
  const [contactId] = run(s, [
    {
      type: 'record.create',
      org: 'acme',
      as: A,
      object: 'Contact',
      values: { LastName: 'Lee', Email: 'lee@globex.example.com', AccountId: accId! },
    },
  ]);
  run(s, [{ type: 'connection.invite', org: 'acme', as: A, contactId: contactId! }]);
  s.runUntilIdle();
  const gConn = s.connections('globex')[0]!.Id;
  run(s, [{ type: 'connection.accept', org: 'globex', as: G, connectionId: gConn }]);
  s.runUntilIdle();
  const aConn = s.connections('acme')[0]!.Id;
  const pub = (org: string, as: string, connectionId: string): Command => ({
    type: 'connection.publish',
    org,
    as,
    connectionId,
    object: 'Account',
    fields: ['Name', 'Phone'],
  });
  run(s, [pub('acme', A, aConn), pub('globex', G, gConn)]);
  s.runUntilIdle();
  const sub = (org: string, as: string, connectionId: string): Command => ({
    type: 'connection.subscribe',
    org,
    as,
    connectionId,
    partnerObject: 'Account',
    autoAccept: true,
  });
  run(s, [sub('globex', G, gConn), sub('acme', A, aConn)]);
  s.runUntilIdle();
  const ids: string[] = [];
  for (let i = 0; i < accounts; i++) {
    const [id] = run(s, [
      { type: 'record.create', org: 'acme', as: A, object: 'Account', values: { Name: `Co ${i}` } },
    ]);
    ids.push(id!);
  }
  run(s, [{ type: 'record.forward', org: 'acme', as: A, recordIds: ids, connectionIds: [aConn] }]);
  s.runUntilIdle();
  run(s, [
    { type: 'link.set', from: 'acme', to: 'globex', both: true, link: { latencyMs: 60_000 } },
  ]);
  for (const id of ids)
    run(s, [{ type: 'record.update', org: 'acme', as: A, id, values: { Phone: `555-${id}` } }]);
  return { A, G, aConn, gConn, ids };
}

/** Records and connections of every org, for comparing two runs. */
export function outcome(s: S2S) {
  return s.orgs().map((o) => ({
    org: o.id,
    records: s.records(o.id),
    connections: s.connections(o.id),
    shares: s.recordConnections(o.id),
  }));
}
