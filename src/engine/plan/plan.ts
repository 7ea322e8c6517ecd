import type { PartnerNetworkConnection } from '../state/connection.ts';
import type { MessageBody } from '../state/network.ts';
import type { FieldValue } from '../domain/index.ts';
import type {
  ChangeSource,
  FieldStamp,
  FieldHistoryEntry,
  Notification,
  OrgState,
  SObjectRecord,
  SyncFailure,
} from '../state/org.ts';
import type { PartnerNetworkRecordConnection } from '../state/recordConnection.ts';
import type { SandboxSettings } from '../state/settings.ts';
import type { LogDraft } from '../sim/log.ts';
import { flatKey } from '../sim/flatKey.ts';

/**
 * What a rule decided, as data: the sandbox applies it in one place. Rules never write
 * state, so the same rule previews ("what would this forward do?") by not applying.
 */
export type Op =
  | { op: 'putRecord'; org: string; record: SObjectRecord }
  | { op: 'deleteRecord'; org: string; id: string }
  | { op: 'renameFieldData'; org: string; object: string; from: string; to: string }
  | { op: 'syncStats'; org: string; connectionId: string; lagMs: number }
  | {
      op: 'setFields';
      org: string;
      id: string;
      values: Record<string, FieldValue>;
      stamp: FieldStamp;
      source: ChangeSource;
      /** The record becomes a converted Lead (REC-5). */
      converted?: true;
      /** Formula values among `values`: computed, so not in field history and no edit of their own. */
      computed?: string[];
    }
  | { op: 'history'; org: string; entry: FieldHistoryEntry }
  | { op: 'putConnection'; org: string; pnc: PartnerNetworkConnection }
  | { op: 'putRecordConnection'; org: string; pnrc: PartnerNetworkRecordConnection }
  | { op: 'deleteRecordConnection'; org: string; id: string }
  | { op: 'patchOrg'; org: string; patch: Partial<OrgState> }
  | { op: 'send'; from: string; to: string; wire: string; body: MessageBody; extraDelayMs: number }
  | { op: 'notify'; org: string; notification: Notification }
  | { op: 'failure'; org: string; failure: SyncFailure }
  | { op: 'log'; entry: LogDraft }
  | { op: 'counters'; org: string; counters: Record<string, number> }
  | { op: 'createOrg'; org: OrgState };

export interface Plan {
  ops: Op[];
  id?: string;
  ids?: string[];
}

export interface Refusal {
  refused: true;
  rule: string;
  reason: string;
  /**
   * What a refused attempt still leaves behind (SYNC-5: a record that cannot be accepted is a
   * failure in Health). Applied by dispatch, never by preview.
   */
  record?: Op[];
}

export function refuse(rule: string, reason: string): Refusal {
  return { refused: true, rule, reason };
}

export function isRefusal(x: Plan | Refusal): x is Refusal {
  return (x as Refusal).refused === true;
}

/** What a rule may know besides its own org: the clock, the settings, the mail routing. */
export interface RuleContext {
  now: number;
  settings: SandboxSettings;
  /** Mail routing: which org receives mail for a domain (the network's knowledge). */
  orgForDomain(domain: string): string | null;
}

/** Collects a rule's ops; allocates ids from a draft so a refused command uses none. */
export class PlanBuilder {
  readonly ops: Op[] = [];
  private drafts: Map<string, Record<string, number>> | null = null;

  constructor(readonly ctx: RuleContext) {}

  newId(org: OrgState, prefix: string): string {
    return flatKey(`${prefix}${org.idTag}${String(this.next(org, prefix)).padStart(11, '0')}`);
  }

  /** The next number of one of the org's sequences (record ids, auto-number fields). */
  next(org: OrgState, counter: string): number {
    this.drafts ??= new Map();
    let draft = this.drafts.get(org.id);
    if (!draft) this.drafts.set(org.id, (draft = {}));
    const n = (draft[counter] ?? org.counters[counter] ?? 0) + 1;
    draft[counter] = n;
    return n;
  }

  push(op: Op): this {
    this.ops.push(op);
    return this;
  }

  log(entry: LogDraft): this {
    this.ops.push({ op: 'log', entry });
    return this;
  }

  send(org: OrgState, pnc: PartnerNetworkConnection, body: MessageBody, extraDelayMs = 0): this {
    this.ops.push({
      op: 'send',
      from: org.id,
      to: pnc.partnerOrg,
      wire: pnc.wire,
      body,
      extraDelayMs,
    });
    return this;
  }

  notify(org: OrgState, notification: Omit<Notification, 'at'>): this {
    this.ops.push({
      op: 'notify',
      org: org.id,
      notification: { at: this.ctx.now, ...notification },
    });
    return this;
  }

  build(result: { id?: string; ids?: string[] } = {}): Plan {
    const ops = this.ops;
    if (this.drafts)
      for (const [org, counters] of this.drafts) ops.unshift({ op: 'counters', org, counters });
    return { ops, id: result.id, ids: result.ids };
  }
}
