import { recordCounts } from './org/recordCopies.ts';
import type { Command, CommandResult } from './commands/command.ts';
import { check } from './checker/checker.ts';
import { explain, type LogEntry, type LogKind } from './sim/log.ts';
import {
  connectionsView,
  healthView,
  inboxView,
  pnrcView,
  recordDetail,
  recordsView,
} from './queries/orgViews.ts';
import { workspaceTabs } from './queries/workspaceTabs.ts';
import { connectionActions } from './queries/connectionActions.ts';
import { forwardTargets } from './queries/forwardTargets.ts';
import { setupView } from './queries/setupView.ts';
import { recordListPage, type RecordListOptions } from './queries/recordList.ts';
import { acceptChoices, objectLayout, recordView } from './queries/recordView.ts';
import { syncLine } from './queries/syncLine.ts';
import { SHARE_READS, type ShareReads } from './queries/shareReads.ts';

import {
  autoMapView,
  inviteChoices,
  mappingView,
  publishView,
  subscribeView,
} from './queries/connectionSetup.ts';
import { isRefusal, type Op } from './plan/plan.ts';
import { mappingProblems, mappingsToField, unmappedRequired } from './queries/mappingProblems.ts';
import type { FieldMapping } from './domain/index.ts';
import { Sandbox, type SandboxOptions } from './sandbox.ts';
import type { SandboxState } from './state/sandboxState.ts';
import { applyJournal, type JournalEntry, type Scenario } from './journal.ts';
import { copiesOf, messagesOfRecord, type RecordCopy } from './queries/follow.ts';
import { lagSeries, type LagSeries } from './queries/lagSeries.ts';
import { faultPeriods, type FaultPeriod } from './queries/faultPeriods.ts';

/** A command's plan as plain data, or why it would be refused. */
export type CommandPreview =
  { ok: true; ops: Op[]; log: string[] } | { ok: false; rule: string; reason: string };

export interface LogFilter {
  org?: string;
  kind?: LogKind | LogKind[];
  record?: string;
  share?: string;
  /** A PartnerNetworkConnection Id: the lines about that side of a connection. */
  conn?: string;
  since?: number;
  limit?: number;
}

/**
 * The scripting API: what scenario files, tests and the browser console (window.s2s) use.
 * Commands go in as plain JSON; every query returns plain data.
 */
export class S2S {
  constructor(readonly sandbox: Sandbox) {}
  /** The reads the canvas's record rows and message cards make (`OrgSharesIndex`, `messageFacts`). */
  shareReads(): ShareReads {
    return SHARE_READS;
  }

  static create(opts?: SandboxOptions): S2S {
    return new S2S(Sandbox.create(opts));
  }

  static restore(state: SandboxState): S2S {
    return new S2S(Sandbox.restore(state));
  }

  /** Rebuilds a sandbox from a seed and its commands (share links, scenario files). */
  static fromScenario(sc: Scenario): S2S {
    const s = S2S.create({ seed: sc.seed, settings: sc.settings });
    applyJournal(s.sandbox, sc.commands);
    if (sc.until !== undefined && sc.until > s.now) s.sandbox.advance(sc.until - s.now);
    return s;
  }

  /** The commands dispatched so far, with their virtual times: a scenario that rebuilds this sandbox. */
  scenario(): Scenario {
    const commands: JournalEntry[] = [];
    for (const e of this.sandbox.state.log)
      if (e.kind === 'command')
        commands.push({ index: commands.length, at: e.t, command: e.data!.command as Command });
    return {
      format: 1,
      seed: this.sandbox.state.seed,
      settings: this.sandbox.state.initialSettings,
      commands,
      until: this.now,
    };
  }

  dispatch(cmd: Command): CommandResult {
    return this.sandbox.dispatch(cmd);
  }

  /**
   * What a command would do, changing nothing: the plan's operations (records to write,
   * messages to send) and the log lines it would add, or the refusal `dispatch` would give.
   */
  preview(cmd: Command): CommandPreview {
    const plan = this.sandbox.preview(cmd);
    if (isRefusal(plan)) return { ok: false, rule: plan.rule, reason: plan.reason };
    const t = this.sandbox.now;
    return {
      ok: true,
      ops: structuredClone(plan.ops.filter((op) => op.op !== 'log' && op.op !== 'counters')),
      log: plan.ops.flatMap((op) =>
        op.op === 'log' ? [explain({ ...op.entry, i: -1, t } as LogEntry)] : [],
      ),
    };
  }

  /** Runs commands in order; stops at the first refusal and throws its reason. */
  run(cmds: Command[]): CommandResult[] {
    return cmds.map((c) => {
      const r = this.dispatch(c);
      if (!r.ok) throw new Error(`${c.type} refused (${r.rule}): ${r.reason}`);
      return r;
    });
  }

  advance(ms: number) {
    return this.dispatch({ type: 'clock.advance', ms });
  }
  step() {
    return this.dispatch({ type: 'clock.step' });
  }
  runUntilIdle() {
    return this.dispatch({ type: 'clock.runUntilIdle' });
  }

  /** Delivers one message in flight now, out of turn ("Deliver one now"). */
  deliver(messageId: number, duplicate?: boolean) {
    return this.dispatch({ type: 'clock.deliver', messageId, duplicate });
  }

  get now(): number {
    return this.sandbox.now;
  }

  private org(id: string) {
    const o = this.sandbox.state.orgs[id];
    if (!o) throw new Error(`There is no org "${id}".`);
    return o;
  }

  orgs() {
    return this.sandbox.state.orgOrder.map((id) => {
      const o = this.sandbox.state.orgs[id]!;
      const users = Object.values(o.users).filter((u) => !u.system);
      return {
        id,
        name: o.name,
        domain: o.domain,
        offline: o.offline,
        s2sEnabled: o.s2s.enabled,
        adminId: users[0]?.Id ?? '',
        users,
      };
    });
  }
  users(org: string) {
    return Object.values(this.org(org).users);
  }
  schema(org: string) {
    return this.org(org).schema;
  }
  /** Queues that can own records (REC-2). */
  queues(org: string) {
    return Object.values(this.org(org).queues);
  }
  /** The active Lead and Case assignment rules (REC-2). */
  assignmentRules(org: string) {
    return Object.values(this.org(org).assignmentRules);
  }
  /** Sharing rules: who besides owners and the role hierarchy sees which records (SHR-1). */
  sharingRules(org: string) {
    return [...this.org(org).sharingRules];
  }
  /** What a connection's page offers in its status, from the connection machine (CONN-3, CONN-6). */
  connectionActions(org: string, connectionId: string) {
    const c = this.org(org).connections[connectionId];
    return c ? connectionActions(c.ConnectionStatus) : [];
  }
  /** The tabs `userId` sees in the org's workspace (EN-2, PERM-1). */
  tabs(org: string, userId: string) {
    return workspaceTabs(this.org(org), userId);
  }
  /** What Setup lists and offers: roles, FLS, rules, template and queue choices (CONN-8, REC-2, SHR-2). */
  setup(org: string) {
    return setupView(this.org(org));
  }
  s2sSettings(org: string) {
    return this.org(org).s2s;
  }
  /** Records per object, without copying any record (for summaries drawn every frame). */
  recordCounts(org: string): Record<string, number> {
    return Object.fromEntries(recordCounts(this.org(org)));
  }
  records(org: string, opts?: { object?: string; as?: string }) {
    return recordsView(this.org(org), opts);
  }
  record(org: string, id: string) {
    return recordDetail(this.org(org), id);
  }
  connections(org: string) {
    return connectionsView(this.org(org));
  }
  /** FWD-2: the connections a forward may go on, and the others (see forwardTargets). */
  forwardTargets(org: string) {
    return forwardTargets(this.org(org));
  }
  recordConnections(org: string) {
    const o = this.org(org);
    return Object.keys(o.recordConnections).map((id) => pnrcView(o, id)!);
  }
  inbox(org: string, object?: string) {
    return inboxView(this.org(org), object);
  }
  health(org: string) {
    return healthView(
      this.org(org),
      this.inFlight().filter((m) => m.from === org),
    );
  }
  notifications(org: string) {
    return this.org(org).notifications;
  }
  failures(org: string) {
    return this.org(org).failures;
  }
  /** Messages in flight or held, each with sentAt and dueAt for drawing. */
  inFlight() {
    return this.sandbox.network.messages();
  }
  /** Every copy of a record across the orgs, itself first (following a record). */
  copiesOf(org: string, recordId: string): RecordCopy[] {
    return copiesOf(this.sandbox.state, org, recordId);
  }
  /** The messages in flight or held about any copy of a record (a record's follow mode). */
  inFlightOf(org: string, recordId: string) {
    return messagesOfRecord(this.sandbox.state, org, recordId, this.inFlight());
  }
  /** Sync lag over virtual time per connection direction, from the log (HLT-1). */
  lagSeries(): LagSeries[] {
    return lagSeries(this.sandbox.state.log);
  }
  /** When links were paused or had faults on and orgs were offline, from the log. */
  faultPeriods(): FaultPeriod[] {
    return faultPeriods(this.sandbox.state.log, this.sandbox.state.initialSettings.defaultLink);
  }
  /** One page of an object's list view for a user, newest first (SHR-1, SHR-2, REC-3). */
  recordPage(org: string, opts: RecordListOptions) {
    return recordListPage(this.org(org), opts);
  }
  /** A record's page for a user, or null when they cannot see it (SHR-1, SHR-2, REC-3). */
  recordView(org: string, id: string, as: string) {
    return recordView(this.org(org), id, as);
  }
  /** An object's fields for a user's form and record page, and its children to forward (FWD-1). */
  objectLayout(org: string, object: string, as: string) {
    return objectLayout(this.org(org), object, as);
  }
  /** What accepting a record from "from Connections" offers (REC-2). */
  acceptChoices(org: string, pnrcId: string) {
    return acceptChoices(this.org(org), pnrcId);
  }
  /** A shared record's sync state: messages about it on the wire, a failure, or in sync. */
  syncLine(org: string, recordId: string) {
    return syncLine(this.sandbox.state, org, recordId, this.inFlight());
  }
  links() {
    return this.sandbox.state.network.links;
  }
  settings() {
    return this.sandbox.state.settings;
  }
  log(filter: LogFilter = {}): (LogEntry & { text: string })[] {
    const kinds =
      filter.kind === undefined
        ? null
        : new Set(Array.isArray(filter.kind) ? filter.kind : [filter.kind]);
    const out: (LogEntry & { text: string })[] = [];
    const log = this.sandbox.state.log;
    // Walk back from the end so the last few lines of a long log cost little.
    for (let i = log.length - 1; i >= 0; i--) {
      const e = log[i]!;
      if (filter.since !== undefined && e.t < filter.since) break;
      if (filter.org && e.org !== filter.org) continue;
      if (kinds && !kinds.has(e.kind)) continue;
      if (filter.record && e.record !== filter.record) continue;
      if (filter.share && e.share !== filter.share) continue;
      if (filter.conn && e.conn !== filter.conn) continue;
      out.push({ ...e, text: explain(e) });
      if (filter.limit && out.length >= filter.limit) break;
    }
    return out.reverse();
  }
  /** One event's one-line explanation, by its index (a long list explains only the rows it shows). */
  explainEvent(i: number): string {
    const e = this.sandbox.state.log[i];
    return e ? explain(e) : '';
  }
  /** The Contacts, owners, templates and Accounts the New Connection and Accept dialogs offer (CONN-1). */
  inviteChoices(org: string, as: string) {
    return inviteChoices(this.org(org), as);
  }
  /** Each publishable object and field, and why the others cannot be published (PUB-1, PUB-2, PUB-3). */
  publishOptions(org: string, connectionId: string, as: string) {
    return publishView(this.org(org), connectionId, as);
  }
  /** What the partner publishes, with the local objects each may map to and Auto-Accept (SUB-1, SUB-5). */
  subscribeOptions(org: string, connectionId: string) {
    return subscribeView(this.org(org), connectionId);
  }
  /** Per partner field, the compatible local fields and why the others are not (SUB-3). */
  mappingOptions(org: string, connectionId: string, partnerObject: string, localObject: string) {
    return mappingView(this.org(org), connectionId, partnerObject, localObject);
  }
  /** Auto-Map Fields: fills the fields not in `chosen`, keeps the ones there (SUB-2). */
  autoMap(
    org: string,
    connectionId: string,
    partnerObject: string,
    localObject: string,
    chosen: Record<string, string | null>,
  ) {
    return autoMapView(this.org(org), connectionId, partnerObject, localObject, chosen);
  }
  /** SUB-4: subscriptions whose mapping names a local field that no longer exists. */
  brokenMappings(org: string) {
    const o = this.org(org);
    const out: {
      connectionId: string;
      partnerObject: string;
      partnerField: string;
      localObject: string;
      localField: string;
    }[] = [];
    for (const c of Object.values(o.connections))
      for (const [partnerObject, sub] of Object.entries(c.subscriptions))
        for (const [partnerField, localField] of Object.entries(sub.mapping))
          if (
            localField &&
            !o.schema[sub.localObject]?.fields.some((f) => f.apiName === localField)
          )
            out.push({
              connectionId: c.Id,
              partnerObject,
              partnerField,
              localObject: sub.localObject,
              localField,
            });
    return out;
  }
  /**
   * Subscriptions whose mapping is broken (SUB-4) or maps nothing to a required local field
   * (SYNC-5), optionally of one connection: what Subscribed Objects and Health warn about.
   */
  mappingProblems(org: string, connectionId?: string) {
    return mappingProblems(this.org(org), connectionId);
  }
  /** SYNC-5: the required fields of `localObject` a draft mapping leaves unmapped. */
  unmappedRequired(org: string, localObject: string, mapping: FieldMapping) {
    const local = this.org(org).schema[localObject];
    return local ? unmappedRequired(local, mapping) : [];
  }
  /** SUB-4: the subscriptions mapping a partner field into `object.field`. */
  mappingsToField(org: string, object: string, field: string) {
    return mappingsToField(this.org(org), object, field);
  }
  /** The org's automation rules that forward records when saved (FWD-4). */
  automationRules(org: string) {
    return [...(this.org(org).forwardRules ?? [])];
  }
  /**
   * Records this org shares on live connections (sent or received, accepted) and records
   * waiting in its "from Connections" lists; kept as shares change, so reading costs nothing.
   */
  shareCounts(org: string): { shared: number; waiting: number } {
    this.org(org);
    return this.sandbox.shareCounts(org);
  }
  check() {
    return check(this.sandbox.state, this.inFlight());
  }
  snapshot(): SandboxState {
    return this.sandbox.snapshot();
  }
}
