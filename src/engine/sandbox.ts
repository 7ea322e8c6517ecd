import { LiveContext } from './liveContext.ts';
import { recordIds } from './org/recordCopies.ts';
import { indexShares } from './org/shareIndex.ts';
import type { Command, CommandResult } from './commands/command.ts';
import type { JournalEntry } from './journal.ts';
import { applyOp } from './plan/applyOp.ts';
import { isRefusal, type Plan, type Refusal, type RuleContext } from './plan/plan.ts';
import { handleOrgCommand } from './rules/orgCommands.ts';
import { handleInbound } from './rules/inbound.ts';
import { explain, type LogDraft, type LogEntry } from './sim/log.ts';
import { emptyNetwork, Network } from './sim/network.ts';
import { Rng } from './sim/rng.ts';
import { newOrg } from './org/newOrg.ts';
import type { Message } from './state/network.ts';
import type { OrgState } from './state/org.ts';
import { STATE_FORMAT, type SandboxState } from './state/sandboxState.ts';
import { DEFAULT_SETTINGS, type SandboxSettings } from './state/settings.ts';
import { systemCommand } from './rules/systemCommands.ts';
import { DirectSends } from './kernel/directSends.ts';
import { inboundUpdate } from './kernel/inboundUpdate.ts';
import { localEdit } from './kernel/localEdit.ts';
import { ShareCounts, type ShareCount } from './queries/shareCounts.ts';
import type { PartnerNetworkRecordConnection } from './state/recordConnection.ts';

/** A PNRC made or removed in an org. */
export interface ShareChange {
  org: string;
  id: string;
  removed: boolean;
}

export interface SandboxOptions {
  seed?: number;
  settings?: Partial<SandboxSettings>;
}

const ORG_TAGS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** What `takeDirty` hands over: ids by org, and orgs whose other parts changed. */
export interface EngineDirty {
  records: Map<string, Set<string>>;
  pnrcs: Map<string, Set<string>>;
  orgs: Set<string>;
}

const newDirty = (): EngineDirty => ({ records: new Map(), pnrcs: new Map(), orgs: new Set() });

/**
 * The engine's shell: takes commands, asks the rules for plans, applies them, and runs the
 * virtual clock that delivers messages. Deterministic: same seed and commands, same log.
 */
export class Sandbox {
  readonly state: SandboxState;
  private rng: Rng;
  readonly network: Network;
  /** Bumped on every change, so views know when to read again. */
  version = 0;
  /** Whether to record changed records for `takeDirty`; the first call turns it on. */
  private trackChanges = false;
  /**
   * What changed since persistence last asked: records and PartnerNetworkRecordConnections by
   * org, and orgs whose other parts changed.
   */
  private dirty = newDirty();
  /**
   * Whether the sync kernel (src/engine/kernel) applies plain edits and updates at once
   * instead of through plans. Both give the same state and log, which a property test
   * checks by running schedules with it on and off.
   */
  syncKernel = true;
  /** How many edits and arrivals the sync kernel took (the rest went to the general rules). */
  readonly kernelTook = { edits: 0, updates: 0 };
  private readonly sends = new DirectSends(this);
  private listeners = new Set<() => void>();
  private commandListeners = new Set<(entry: JournalEntry, result: CommandResult) => void>();

  constructor(state: SandboxState) {
    this.state = state;
    // Derived indexes are rebuilt rather than trusted: saved rows leave them out, and a state
    // that went through JSON holds copies of the PNRCs instead of the PNRCs themselves.
    for (const id of state.orgOrder) indexShares(state.orgs[id]!);
    this.rng = Rng.fromState(state.rng);
    this.network = new Network(state.network, this.rng, state);
  }

  static create(opts: SandboxOptions = {}): Sandbox {
    const seed = opts.seed ?? 1;
    const settings: SandboxSettings = {
      ...DEFAULT_SETTINGS,
      ...opts.settings,
      defaultLink: { ...DEFAULT_SETTINGS.defaultLink, ...opts.settings?.defaultLink },
    };
    const state: SandboxState = {
      format: STATE_FORMAT,
      seed,
      rng: Rng.fromSeed(seed).state(),
      now: 0,
      settings,
      initialSettings: structuredClone(settings),
      orgOrder: [],
      orgs: {},
      network: emptyNetwork(),
      log: [],
      commandCount: 0,
      nextWire: 1,
      nextShare: 1,
    };
    return new Sandbox(state);
  }

  /** Rebuilds a sandbox from saved plain data (it takes ownership of the object). */
  static restore(state: SandboxState): Sandbox {
    return new Sandbox(state);
  }

  get now(): number {
    return this.state.now;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Called after every dispatched command with its journal entry (persistence appends it). */
  onCommand(fn: (entry: JournalEntry, result: CommandResult) => void): () => void {
    this.commandListeners.add(fn);
    return () => this.commandListeners.delete(fn);
  }

  private changed() {
    this.version++;
    if (this.listeners.size) for (const fn of this.listeners) fn();
  }

  /** The seeded generator's current state (the copy in `state.rng` is refreshed on snapshot). */
  rngState(): number[] {
    return this.rng.state();
  }

  /**
   * Hands over what changed since the last call, so a saver rewrites only those rows:
   * record ids per org (put, edited or deleted) and orgs whose other parts changed. Tracking
   * starts with the first call, which reports every org and record.
   */
  takeDirty(): EngineDirty {
    const d = this.dirty;
    this.dirty = newDirty();
    if (!this.trackChanges) {
      // Nothing was tracked before the first call: report everything once.
      this.trackChanges = true;
      for (const id of this.state.orgOrder) {
        d.orgs.add(id);
        d.records.set(id, new Set(recordIds(this.state.orgs[id]!)));
        d.pnrcs.set(id, new Set(Object.keys(this.state.orgs[id]!.recordConnections)));
      }
    }
    return d;
  }

  /** An org changed beyond its records: by a plan, or by a sandbox command (online/offline). */
  markOrgChanged(org: string) {
    this.dirty.orgs.add(org);
  }

  /**
   * PNRCs made or removed, in order: a view of an org's shares (`OrgSharesIndex`) reads on
   * from where it stopped instead of walking every PNRC each frame. One entry per PNRC made,
   * so it grows no faster than the PNRCs themselves.
   */
  readonly shareChanges: ShareChange[] = [];

  noteShare(org: string, id: string, removed: boolean) {
    this.shareChanges.push({ org, id, removed });
  }

  /** Made on the first read, from every PNRC; kept from then on as PNRCs change. */
  private counts: ShareCounts | null = null;

  shareCountsChanged(
    org: string,
    before: PartnerNetworkRecordConnection | undefined,
    after: PartnerNetworkRecordConnection | undefined,
  ) {
    this.counts?.changed(org, before, after);
  }

  /** How many records an org shares and has waiting (see ShareCounts). */
  shareCounts(org: string): ShareCount {
    return (this.counts ??= new ShareCounts(this.state)).of(org);
  }

  /** Notes a PartnerNetworkRecordConnection a plan put or deleted, for the next `takeDirty`. */
  touchPnrc(org: string, id: string) {
    if (!this.trackChanges) return;
    let set = this.dirty.pnrcs.get(org);
    if (!set) this.dirty.pnrcs.set(org, (set = new Set()));
    set.add(id);
  }

  /** Notes a record a plan put, edited or deleted, for the next `takeDirty`. */
  touchRecord(org: string, id: string) {
    if (!this.trackChanges) return;
    let set = this.dirty.records.get(org);
    if (!set) this.dirty.records.set(org, (set = new Set()));
    set.add(id);
  }

  /** A copy of the whole state as plain data, consistent at this instant. */
  snapshot(): SandboxState {
    return structuredClone(this.currentState());
  }

  /**
   * The live state (not a copy) with the parts kept elsewhere while running written back:
   * the generator's position and the messages in flight. For a saver that copies it at once.
   */
  currentState(): SandboxState {
    this.state.rng = this.rng.state();
    this.network.saveQueue();
    return this.state;
  }

  // ---- commands -------------------------------------------------------------------------

  dispatch(cmd: Command): CommandResult {
    const index = this.state.commandCount;
    const at = this.state.now;
    this.state.commandCount++;
    const org =
      typeof cmd === 'object' && cmd && 'org' in cmd && cmd.type !== 'org.create'
        ? cmd.org
        : undefined;
    // Pushed whole, as the send and apply lines every update writes are (see `log`).
    const log = this.state.log;
    log.push({ i: log.length, t: at, kind: 'command', org, data: { command: cmd } });
    if (this.syncKernel && org !== undefined && localEdit(this, this.sends, cmd)) {
      this.kernelTook.edits++;
      return this.done(index, at, cmd, { ok: true, id: (cmd as { id: string }).id });
    }
    const plan = this.runSafely(cmd);
    let result: CommandResult;
    if (isRefusal(plan)) {
      this.log({
        kind: 'refused',
        org,
        rule: plan.rule,
        text: `refused ${cmd?.type}: ${plan.reason}`,
      });
      if (plan.record) this.apply({ ops: plan.record });
      result = { ok: false, rule: plan.rule, reason: plan.reason };
    } else {
      this.apply(plan);
      // Whole literals: a property added later costs the result a second allocation.
      result = plan.ids
        ? { ok: true, id: plan.id, ids: plan.ids }
        : plan.id
          ? { ok: true, id: plan.id }
          : { ok: true };
    }
    return this.done(index, at, cmd, result);
  }

  private done(index: number, at: number, cmd: Command, result: CommandResult): CommandResult {
    this.changed();
    if (this.commandListeners.size) {
      const entry: JournalEntry = { index, at, command: cmd };
      for (const fn of this.commandListeners) fn(entry, result);
    }
    return result;
  }

  /**
   * A malformed command (typed by hand in the console, say) must not throw out of dispatch:
   * rules only read state, so refusing it here leaves the sandbox exactly as it was.
   */
  private runSafely(cmd: Command): Plan | Refusal {
    if (
      typeof cmd !== 'object' ||
      cmd === null ||
      typeof (cmd as { type?: unknown }).type !== 'string'
    )
      return { refused: true, rule: 'API', reason: 'A command is an object with a "type".' };
    return this.planFor(cmd, false);
  }

  /** A rule that throws on a malformed command refuses it instead; rules only read state. */
  private planFor(cmd: Command, orgOnly: boolean): Plan | Refusal {
    try {
      return orgOnly ? this.orgPlan(cmd) : this.run(cmd);
    } catch (e) {
      return {
        refused: true,
        rule: 'API',
        reason: `Malformed ${cmd.type} command: ${(e as Error).message}`,
      };
    }
  }

  private run(cmd: Command): Plan | Refusal {
    const sys = systemCommand(this, cmd);
    if (sys) return sys;
    return this.orgPlan(cmd);
  }

  /**
   * What a user's command would do, without doing it. Rules only read state, so their plan
   * is the answer; sandbox commands (clock, settings, links) act directly and are not
   * previewed.
   */
  preview(cmd: Command): Plan | Refusal {
    if (typeof cmd !== 'object' || cmd === null || !('as' in cmd))
      return {
        refused: true,
        rule: 'API',
        reason: "Only a user's command inside an org can be previewed.",
      };
    return this.planFor(cmd, true);
  }

  private orgPlan(cmd: Command): Plan | Refusal {
    if (!('org' in cmd))
      return { refused: true, rule: 'API', reason: `Unknown command ${(cmd as Command).type}` };
    const org = this.state.orgs[cmd.org];
    if (!org)
      return {
        refused: true,
        rule: 'API',
        reason: `There is no org "${cmd.org}" in this sandbox.`,
      };
    if (org.offline)
      return {
        refused: true,
        rule: 'SYNC-4',
        reason: `${org.name} is offline for maintenance; its users cannot work until it is back.`,
      };
    return handleOrgCommand(this.context(), org, cmd);
  }

  private ctx: RuleContext | null = null;

  /** The rules' view of the sandbox; made once, reads the live clock and settings. */
  context(): RuleContext {
    return (this.ctx ??= new LiveContext(this.state));
  }

  addOrg(id: string, name: string, domain: string): OrgState {
    const tag = ORG_TAGS[this.state.orgOrder.length % ORG_TAGS.length]!;
    return newOrg(id, name, domain, tag);
  }

  // ---- applying plans ---------------------------------------------------------------------

  /**
   * Each line is built whole, all its fields in one order: adding `i` and `t` to a rule's
   * draft cost each entry a second allocation. The three lines every update writes skip this:
   * its reads see drafts of every kind of line, so each went through a megamorphic lookup.
   * Its command line (`dispatch`) and send line (`sendMessage`) hold only the fields they use;
   * every other line, the kernel's apply line included, has one shape with all of them.
   */
  log(d: LogDraft) {
    const log = this.state.log;
    const i = log.length;
    const t = this.state.now;
    log.push({
      i,
      t,
      kind: d.kind,
      org: d.org,
      wire: d.wire,
      conn: d.conn,
      record: d.record,
      share: d.share,
      msg: d.msg,
      rule: d.rule,
      text: d.text,
      data: d.data,
    });
  }

  apply(plan: Plan) {
    for (const op of plan.ops) applyOp(this, op);
  }

  // ---- the virtual clock -------------------------------------------------------------------

  /** Delivers the next message in flight, if any. Returns false when nothing was due. */
  step(): boolean {
    const m = this.network.pop();
    if (!m) return false;
    if (m.dueAt > this.state.now) this.state.now = m.dueAt;
    this.deliver(m);
    this.changed();
    return true;
  }

  /** Runs every event due up to now + ms (at most maxEvents), then sets the clock there. */
  advance(ms: number, maxEvents = Infinity): boolean {
    return this.advanceTo(this.state.now + Math.max(0, ms), maxEvents);
  }

  /**
   * Runs the events due up to `target`, at most `maxEvents` of them, and sets the clock to
   * `target` once none is left before it. Returns false when it stopped early: the clock then
   * stands at the last delivery, and calling again goes on exactly where it stopped, so a run
   * cut into bounded slices (the play loop's frames) ends as one unbounded advance would.
   */
  advanceTo(target: number, maxEvents = Infinity): boolean {
    let n = 0;
    while (n < maxEvents) {
      const next = this.network.peek();
      if (!next || next.dueAt > target) break;
      this.step();
      n++;
    }
    const done = n < maxEvents || !this.network.peek() || this.network.peek()!.dueAt > target;
    if (done && this.state.now !== target) {
      this.state.now = target;
      this.changed();
    }
    return done;
  }

  /**
   * Delivers one message now, out of turn ("Deliver one now"): it reaches its receiver as any
   * arrival does, through the link's faults and the receiver's transport, so with the
   * in-order guarantee on a message that overtook earlier ones waits there for them (SYNC-4).
   * The clock does not move.
   */
  deliverNow(m: Message) {
    m.dueAt = this.state.now;
    this.deliver(m);
  }

  /** Runs until nothing is in flight (held messages wait for their link or org). */
  runUntilIdle(maxEvents = 10_000_000): number {
    let n = 0;
    while (n < maxEvents && this.step()) n++;
    return n;
  }

  private deliver(m: Message) {
    const net = this.network;
    const link = net.link(m.from, m.to);
    const to = this.state.orgs[m.to];
    if (!to) return;
    if (link.paused || to.offline) {
      net.hold(m);
      this.log({
        kind: 'held',
        org: m.to,
        wire: m.wire,
        msg: m.id,
        data: { reason: link.paused ? 'the connection is paused' : `${to.name} is offline` },
      });
      return;
    }
    if (net.chance(link.failRate)) {
      const retryAt = net.retry(m, this.state.now);
      this.log({
        kind: 'attemptFailed',
        org: m.to,
        wire: m.wire,
        msg: m.id,
        data: { attempt: m.attempts, retryAt },
      });
      return;
    }
    if (!m.duplicate && net.chance(link.duplicateRate)) {
      const copy = net.duplicate(m, this.state.now);
      this.log({ kind: 'duplicated', org: m.to, wire: m.wire, msg: copy.id });
    }
    const arrival = net.arrive(m);
    if (arrival === 'duplicateDropped') {
      this.log({ kind: 'duplicateDropped', org: m.to, wire: m.wire, msg: m.id });
      return;
    }
    if (arrival === 'buffered') {
      this.log({
        kind: 'buffered',
        org: m.to,
        wire: m.wire,
        msg: m.id,
        data: { chanSeq: m.chanSeq },
      });
      return;
    }
    // Handling a message never delivers another, so the transport's reused array stays put.
    for (const msg of arrival) {
      // An update's apply (or failure) line already names the message: no separate delivery line.
      if (msg.body.kind !== 'RecordUpdated' || msg.duplicate)
        this.log({
          kind: 'deliver',
          org: msg.to,
          wire: msg.wire,
          msg: msg.id,
          share: 'shareKey' in msg.body ? msg.body.shareKey : undefined,
          data: {
            body: msg.body.kind,
            duplicate: msg.duplicate || undefined,
            chanSeq: msg.chanSeq,
            sentAt: msg.sentAt,
          },
        });
      if (this.syncKernel && inboundUpdate(this, this.sends, this.context(), to, msg))
        this.kernelTook.updates++;
      else this.apply(handleInbound(this.context(), to, msg));
    }
  }

  /** Puts held messages back on the wire once their link and receiver are up. */
  releaseHeld() {
    for (const key in this.state.network.channels) {
      const ch = this.state.network.channels[key]!;
      if (!ch.held.length) continue;
      const to = this.state.orgs[ch.to];
      if (this.network.link(ch.from, ch.to).paused || !to || to.offline) continue;
      const count = this.network.release(ch, this.state.now);
      this.log({ kind: 'released', org: ch.to, wire: ch.wire, data: { count } });
    }
  }

  explain(e: LogEntry): string {
    return explain(e);
  }
}
