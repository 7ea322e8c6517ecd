import { sharesOf } from '../../../src/engine/org/shareIndex.ts';
import { expect } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import type { Command, CommandResult } from '../../../src/engine/commands/command.ts';
import type { FieldValue } from '../../../src/engine/domain/index.ts';
import type { Profile, ValidationRule } from '../../../src/engine/state/org.ts';
import type { SandboxSettings } from '../../../src/engine/state/settings.ts';

/** Two orgs of every test: the inviter (Acme) and the invitee (Globex). */
export const ACME = 'acme';
export const GLOBEX = 'globex';

export interface Orgs {
  s: S2S;
  /** Acme's System Administrator. */
  A: string;
  /** Globex's System Administrator. */
  G: string;
}

/** A sandbox with Acme and Globex, S2S off in both (EN-1). */
export function twoOrgs(seed = 1, settings?: Partial<Omit<SandboxSettings, 'defaultLink'>>): Orgs {
  const s = S2S.create({ seed, settings });
  s.run([
    { type: 'org.create', org: ACME, name: 'Acme', domain: 'acme.example.com' },
    { type: 'org.create', org: GLOBEX, name: 'Globex', domain: 'globex.example.com' },
  ]);
  const [acme, globex] = s.orgs();
  return { s, A: acme!.adminId, G: globex!.adminId };
}

/** Runs one command that must succeed and returns the id it reports. */
export function ok(s: S2S, cmd: Command): string {
  const r = s.dispatch(cmd);
  if (!r.ok) throw new Error(`${cmd.type} refused (${r.rule}): ${r.reason}`);
  return r.id ?? '';
}

export function create(
  s: S2S,
  org: string,
  as: string,
  object: string,
  values: Record<string, FieldValue>,
  ownerId?: string,
): string {
  return ok(s, { type: 'record.create', org, as, object, values, ownerId });
}

export function update(
  s: S2S,
  org: string,
  as: string,
  id: string,
  values: Record<string, FieldValue>,
) {
  return ok(s, { type: 'record.update', org, as, id, values });
}

export function addUser(
  s: S2S,
  org: string,
  as: string,
  name: string,
  opts: { profile?: Profile; manageConnections?: boolean; roleId?: string | null } = {},
): string {
  return ok(s, {
    type: 'user.create',
    org,
    as,
    name,
    profile: opts.profile ?? 'Standard User',
    manageConnections: opts.manageConnections,
    roleId: opts.roleId,
  });
}

/** Acme's partner Account "Globex Corp" and a Contact with an email at Globex's domain (CONN-1). */
export function partnerContact(s: S2S, org: string, as: string, partnerDomain: string) {
  const company = partnerDomain.split('.')[0]!;
  const name = `${company[0]!.toUpperCase()}${company.slice(1)} Corp`;
  const accountId = create(s, org, as, 'Account', { Name: name });
  const contactId = create(s, org, as, 'Contact', {
    LastName: 'Lee',
    Email: `lee@${partnerDomain}`,
    AccountId: accountId,
  });
  return { accountId, contactId };
}

/** The whole state that a command could change, without the log (for refusals). */
export function stateOf(s: S2S): string {
  const snap = s.snapshot();
  return JSON.stringify({ orgs: snap.orgs, network: snap.network, settings: snap.settings });
}

/**
 * Dispatches a command that must be refused under `rule`, with a reason matching `reason`,
 * and checks that it changed nothing.
 */
export function refused(
  s: S2S,
  cmd: Command,
  rule: string,
  reason?: string | RegExp,
): Extract<CommandResult, { ok: false }> {
  const before = stateOf(s);
  const r = s.dispatch(cmd);
  expect(r.ok, `${cmd.type} should be refused`).toBe(false);
  const f = r as Extract<CommandResult, { ok: false }>;
  expect(f.rule).toBe(rule);
  if (reason !== undefined) expect(f.reason).toMatch(reason);
  expect(stateOf(s)).toBe(before);
  expect(s.log({ kind: 'refused' }).at(-1)?.rule).toBe(rule);
  return f;
}

export interface SubscribeSpec {
  localObject?: string;
  mapping?: Record<string, string | null>;
  autoAccept?: boolean;
}

export interface ConnectedOptions {
  seed?: number;
  settings?: Partial<Omit<SandboxSettings, 'defaultLink'>>;
  /** What each org publishes: object → fields (the engine adds the default fields, PUB-3). */
  publish?: { acme?: Record<string, string[]>; globex?: Record<string, string[]> };
  /** What each org subscribes to, by the partner's object API name. */
  subscribe?: {
    acme?: Record<string, SubscribeSpec>;
    globex?: Record<string, SubscribeSpec>;
  };
  /** Auto-Accept on every subscription to an object that offers it (no child, no junction). */
  autoAccept?: boolean;
  /** Runs before the connection is made (custom objects, fields…). */
  before?: (o: Orgs) => void;
}

export interface Connected extends Orgs {
  /** Acme's PNC (the inviter's side) and Globex's PNC. */
  aConn: string;
  gConn: string;
  partnerAccountId: string;
  partnerContactId: string;
}

export const DEFAULT_PUBLISH = {
  acme: { Account: ['Name', 'Phone', 'Industry'], Contact: ['LastName', 'Email'] },
};
export const DEFAULT_SUBSCRIBE = { globex: { Account: {}, Contact: {} } };

/**
 * Two orgs with S2S enabled and an Accepted connection (Acme invited Globex), each side's
 * publications and subscriptions made, everything delivered. By default Acme publishes
 * Account (Name, Phone, Industry) and Contact (LastName, Email) and Globex subscribes to both,
 * with Auto-Accept on Account.
 */
export function connectedOrgs(opts: ConnectedOptions = {}): Connected {
  const o = twoOrgs(opts.seed ?? 1, opts.settings);
  const { s, A, G } = o;
  s.run([
    { type: 's2s.enable', org: ACME, as: A },
    { type: 's2s.enable', org: GLOBEX, as: G },
  ]);
  opts.before?.(o);
  const { accountId, contactId } = partnerContact(s, ACME, A, 'globex.example.com');
  const aConn = ok(s, { type: 'connection.invite', org: ACME, as: A, contactId });
  s.runUntilIdle();
  const gConn = s.connections(GLOBEX)[0]!.Id;
  ok(s, { type: 'connection.accept', org: GLOBEX, as: G, connectionId: gConn });
  s.runUntilIdle();
  const publish: NonNullable<ConnectedOptions['publish']> = opts.publish ?? DEFAULT_PUBLISH;
  const subscribe: NonNullable<ConnectedOptions['subscribe']> = opts.subscribe ?? DEFAULT_SUBSCRIBE;
  const autoAccept = opts.autoAccept ?? true;
  for (const [org, as, conn] of [
    [ACME, A, aConn],
    [GLOBEX, G, gConn],
  ] as const) {
    for (const [object, fields] of Object.entries(publish[org] ?? {}))
      ok(s, { type: 'connection.publish', org, as, connectionId: conn, object, fields });
  }
  s.runUntilIdle();
  for (const [org, as, conn] of [
    [ACME, A, aConn],
    [GLOBEX, G, gConn],
  ] as const) {
    for (const [partnerObject, spec] of Object.entries(subscribe[org] ?? {})) {
      const local = s.schema(org)[spec.localObject ?? partnerObject];
      const offersAutoAccept = !!local && !local.parent && !local.junction;
      ok(s, {
        type: 'connection.subscribe',
        org,
        as,
        connectionId: conn,
        partnerObject,
        localObject: spec.localObject,
        mapping: spec.mapping,
        autoAccept: spec.autoAccept ?? (autoAccept && offersAutoAccept),
      });
    }
  }
  s.runUntilIdle();
  return { ...o, aConn, gConn, partnerAccountId: accountId, partnerContactId: contactId };
}

/** FWD-4: Acme inserts a PartnerNetworkRecordConnection on its connection to Globex. */
export function insertPnrc(
  c: Connected,
  fields: Omit<Extract<Command, { type: 'pnrc.insert' }>, 'type' | 'org' | 'as' | 'ConnectionId'>,
): Command {
  return { type: 'pnrc.insert', org: ACME, as: c.A, ConnectionId: c.aConn, ...fields };
}

/** Forwards records from Acme on the connection and delivers everything. */
export function forward(
  c: Connected,
  recordIds: string[],
  extra: Partial<Extract<Command, { type: 'record.forward' }>> = {},
): string[] {
  const r = c.s.dispatch({
    type: 'record.forward',
    org: ACME,
    as: c.A,
    recordIds,
    connectionIds: [c.aConn],
    ...extra,
  });
  if (!r.ok) throw new Error(`record.forward refused (${r.rule}): ${r.reason}`);
  c.s.runUntilIdle();
  return r.ids ?? [];
}

/** An Account created in Acme, forwarded to Globex and auto-accepted: [acme id, globex id]. */
export function sharedAccount(
  c: Connected,
  values: Record<string, FieldValue> = { Name: 'Initech', Phone: '555-0100' },
): { acmeId: string; globexId: string } {
  const acmeId = create(c.s, ACME, c.A, 'Account', values);
  forward(c, [acmeId]);
  return { acmeId, globexId: copyOf(c.s, GLOBEX, acmeId) };
}

/** The local record in `org` that shares a record with the partner (via the same shareKey). */
export function copyOf(s: S2S, org: string, partnerRecordId: string): string {
  const snap = s.sandbox.state;
  for (const id of snap.orgOrder) {
    const o = snap.orgs[id]!;
    for (const p of sharesOf(o, partnerRecordId)) {
      const key = p.shareKey;
      const mine = s.recordConnections(org).find((p) => p.shareKey === key);
      if (mine?.LocalRecordId) return mine.LocalRecordId;
    }
  }
  throw new Error(`${org} has no copy of ${partnerRecordId}`);
}

/** The PNRC of a local record (the first one, or the one on a given connection). */
export function pnrcOf(s: S2S, org: string, recordId: string, connectionId?: string) {
  const p = s
    .recordConnections(org)
    .find(
      (x) => x.LocalRecordId === recordId && (!connectionId || x.ConnectionId === connectionId),
    );
  if (!p) throw new Error(`${org} has no PNRC for ${recordId}`);
  return p;
}

/** Messages sent by an org whose body has the given kind. */
export function sends(s: S2S, org: string, body: string, since?: number) {
  return s.log({ org, kind: 'send', since }).filter((e) => e.data?.body === body);
}

export function fieldOf(s: S2S, org: string, id: string, field: string): FieldValue | undefined {
  return s.record(org, id)?.record.fields[field];
}

/**
 * Adds a third org, connects Acme to it (Acme invites) and makes it subscribe, with
 * Auto-Accept, to Acme's Account published with the given fields.
 */
export function connectThird(
  c: Connected,
  org = 'initech',
  name = 'Initech',
): { T: string; aConn3: string; tConn: string } {
  const { s, A } = c;
  const domain = `${org}.example.com`;
  ok(s, { type: 'org.create', org, name, domain });
  const T = s.orgs().find((o) => o.id === org)!.adminId;
  ok(s, { type: 's2s.enable', org, as: T });
  const { contactId } = partnerContact(s, ACME, A, domain);
  const aConn3 = ok(s, { type: 'connection.invite', org: ACME, as: A, contactId });
  s.runUntilIdle();
  const tConn = s.connections(org)[0]!.Id;
  ok(s, { type: 'connection.accept', org, as: T, connectionId: tConn });
  s.runUntilIdle();
  ok(s, {
    type: 'connection.publish',
    org: ACME,
    as: A,
    connectionId: aConn3,
    object: 'Account',
    fields: ['Phone'],
  });
  s.runUntilIdle();
  ok(s, {
    type: 'connection.subscribe',
    org,
    as: T,
    connectionId: tConn,
    partnerObject: 'Account',
    autoAccept: true,
  });
  s.runUntilIdle();
  return { T, aConn3, tConn };
}

/** A `before` for connectedOrgs: Globex's admin adds a validation rule before the connection is made. */
export function globexValidationRule(rule: Omit<ValidationRule, 'Id'>): ConnectedOptions['before'] {
  return ({ s, G }) => {
    ok(s, { type: 'validationRule.add', org: GLOBEX, as: G, rule });
  };
}
