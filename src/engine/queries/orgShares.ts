import type { FieldValue } from '../domain/index.ts';
import type { RecordShareState } from '../machines/index.ts';
import type { ShareChange } from '../sandbox.ts';
import type { Message } from '../state/network.ts';
import type { OrgState } from '../state/org.ts';
import type { PartnerNetworkRecordConnection as PNRC } from '../state/recordConnection.ts';
import type { SandboxState } from '../state/sandboxState.ts';
import type { ShareReads } from './shareReads.ts';

/** A copy's state as the canvas names it: the record-share machine's states (REC-1). */
export type ShareRowState =
  | 'Pending'
  | 'Accepted'
  | 'Synced'
  | 'Updating'
  | 'Failed'
  | 'Stopped'
  | 'Deleted'
  | 'Converted'
  | 'Rejected';

const STATE_NAMES: Record<RecordShareState, ShareRowState> = {
  pending: 'Pending',
  accepted: 'Accepted',
  synced: 'Synced',
  updating: 'Updating',
  failed: 'Failed',
  stopped: 'Stopped',
  deleted: 'Deleted',
  converted: 'Converted',
  rejected: 'Rejected',
};

export interface ShareFieldValue {
  field: string;
  label: string;
  value: string;
}

/** A field an update in flight will change: what this copy holds and what the other one does. */
export interface ShareDiff {
  field: string;
  label: string;
  here: string;
  there: string;
}

/** One org's copy of one shared record, as its row on the canvas shows it. */
export interface ShareRow {
  shareKey: string;
  pnrcId: string;
  side: 'sender' | 'receiver';
  /** The local object (a waiting record: the object it will be accepted as). */
  object: string;
  /** The local record; null while it waits to be accepted. */
  recordId: string | null;
  name: string;
  /** The first published (sender) or mapped (receiver) fields, the name left out. */
  values: ShareFieldValue[];
  state: ShareRowState;
  /** REC-2: a record forwarded to this org, waiting in "<Object>s from Connections". */
  waiting: boolean;
  /** SYNC-3/SYNC-4: fields an update on the wire (or held) changes, while they differ. */
  diffs: ShareDiff[];
}

export interface ConnectionShares {
  connectionId: string;
  connectionName: string;
  partnerOrg: string;
  /** Every share on this connection; `rows` holds the first `limit` of them. */
  total: number;
  rows: ShareRow[];
}

/** Visits every message on the wire or held at its sender (`Network.eachMessage`). */
export type EachMessage = (visit: (m: Readonly<Message>, held: boolean) => void) => void;

const VALUES_SHOWN = 3;

export function text(v: FieldValue | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

function labelOf(org: OrgState | undefined, object: string, field: string): string {
  return org?.schema[object]?.fields.find((f) => f.apiName === field)?.label ?? field;
}

/**
 * The records each org shares or has received, by connection: an observer's view across
 * orgs for the canvas (like the checker's and `copiesOf`); no org reads another's state
 * through it. Which PNRCs belong to which connection is kept from the sandbox's list of PNRCs
 * made and removed, so a frame costs the rows it shows and the messages in flight, never a
 * walk over every share.
 */
export class OrgSharesIndex {
  /** org → connection → PNRC ids, oldest first. */
  private lists = new Map<string, Map<string, string[]>>();
  private seen = 0;

  constructor(
    private readonly state: SandboxState,
    private readonly changes: readonly ShareChange[],
    private readonly reads: ShareReads,
  ) {
    for (const org of state.orgOrder)
      for (const id in state.orgs[org]!.recordConnections) this.add(org, id);
    this.seen = changes.length;
  }

  private listOf(org: string, connectionId: string): string[] {
    let byConn = this.lists.get(org);
    if (!byConn) this.lists.set(org, (byConn = new Map()));
    let list = byConn.get(connectionId);
    if (!list) byConn.set(connectionId, (list = []));
    return list;
  }

  private add(org: string, id: string) {
    const p = this.state.orgs[org]?.recordConnections[id];
    if (p) this.listOf(org, p.ConnectionId).push(id);
  }

  private catchUp() {
    const changes = this.changes;
    for (; this.seen < changes.length; this.seen++) {
      const c = changes[this.seen]!;
      if (!c.removed) {
        this.add(c.org, c.id);
        continue;
      }
      for (const list of this.lists.get(c.org)?.values() ?? []) {
        const i = list.indexOf(c.id);
        if (i >= 0) list.splice(i, 1);
      }
    }
  }

  /** How many shares an org has on each of its connections. */
  counts(orgId: string): Map<string, number> {
    this.catchUp();
    const out = new Map<string, number>();
    for (const [conn, list] of this.lists.get(orgId) ?? []) out.set(conn, list.length);
    return out;
  }

  /** The first `limit` shares per connection of an org, each with its state and differences. */
  rows(orgId: string, limit: number, eachMessage: EachMessage): ConnectionShares[] {
    this.catchUp();
    const org = this.state.orgs[orgId];
    const byConn = this.lists.get(orgId);
    if (!org || !byConn) return [];
    const out: ConnectionShares[] = [];
    const shown = new Map<string, PNRC>();
    for (const [connectionId, list] of byConn) {
      if (!list.length) continue;
      const pnc = org.connections[connectionId];
      out.push({
        connectionId,
        connectionName: pnc?.ConnectionName ?? connectionId,
        partnerOrg: pnc?.partnerOrg ?? '',
        total: list.length,
        rows: [],
      });
      for (const id of list.slice(0, limit)) {
        const p = org.recordConnections[id];
        if (p) shown.set(p.shareKey, p);
      }
    }
    // Updates about the rows shown: on the wire or held at the sender.
    const updates = new Map<string, Readonly<Message>[]>();
    if (shown.size)
      eachMessage((m) => {
        const b = m.body;
        if (b.kind !== 'RecordUpdated' || m.duplicate || !shown.has(b.shareKey)) return;
        const at = updates.get(b.shareKey);
        if (at) at.push(m);
        else updates.set(b.shareKey, [m]);
      });
    for (const group of out)
      for (const id of byConn.get(group.connectionId)!.slice(0, limit)) {
        const p = org.recordConnections[id];
        if (p) group.rows.push(this.row(org, p, updates.get(p.shareKey) ?? []));
      }
    return out;
  }

  private row(org: OrgState, p: PNRC, updates: readonly Readonly<Message>[]): ShareRow {
    const travelling = updates.length > 0 && this.reads.active(p);
    return {
      shareKey: p.shareKey,
      pnrcId: p.Id,
      side: p.side,
      object: p.object,
      recordId: p.LocalRecordId,
      name: this.reads.name(org, p),
      values: this.valuesOf(org, p),
      state: travelling ? 'Updating' : STATE_NAMES[p.state],
      waiting: p.side === 'receiver' && p.state === 'pending' && !!p.pending,
      diffs: travelling ? this.diffsOf(org, p, updates) : [],
    };
  }

  /** Sender: the fields it publishes; receiver: the fields its subscription maps; pending: as sent. */
  private valuesOf(org: OrgState, p: PNRC): ShareFieldValue[] {
    const pnc = org.connections[p.ConnectionId];
    if (!pnc) return [];
    if (!p.LocalRecordId) {
      const defs = pnc.partnerPublications[p.partnerObject] ?? [];
      return Object.entries(p.pending?.values ?? {})
        .filter(([f]) => f !== 'Name' && f !== 'FirstName' && f !== 'LastName')
        .slice(0, VALUES_SHOWN)
        .map(([field, v]) => ({
          field,
          label: defs.find((d) => d.apiName === field)?.label ?? field,
          value: text(v),
        }));
    }
    const object = p.object;
    const nameField = org.schema[object]?.nameField;
    const fields =
      p.side === 'sender'
        ? (pnc.publications[object] ?? [])
        : Object.values(pnc.subscriptions[p.partnerObject]?.mapping ?? {}).filter(
            (f): f is string => !!f,
          );
    return fields
      .filter((f) => f !== nameField && f !== 'FirstName' && f !== 'LastName')
      .slice(0, VALUES_SHOWN)
      .map((field) => ({
        field,
        label: labelOf(org, object, field),
        value: text(this.reads.value(org, p.LocalRecordId, field)),
      }));
  }

  /**
   * For each field an update in flight carries, the value at the sender and at the receiver
   * (through the receiver's mapping), while the two differ; told from this org's side.
   */
  private diffsOf(org: OrgState, p: PNRC, updates: readonly Readonly<Message>[]): ShareDiff[] {
    const out: ShareDiff[] = [];
    for (const m of updates) {
      if (m.body.kind !== 'RecordUpdated') continue;
      const from = this.state.orgs[m.from];
      const to = this.state.orgs[m.to];
      const atFrom = from?.shareIndex[p.shareKey];
      const atTo = to?.shareIndex[p.shareKey];
      if (!from || !to || !atFrom || !atTo) continue;
      const mapping = this.reads.mapping(to, m.wire, atTo.partnerObject);
      for (const f of Object.keys(m.body.changes)) {
        const local = mapping?.[f];
        if (!local) continue;
        const sent = text(this.reads.value(from, atFrom.LocalRecordId, f));
        const held = text(this.reads.value(to, atTo.LocalRecordId, local));
        if (sent === held) continue;
        const mine = org.id === from.id;
        const field = mine ? f : local;
        if (out.some((d) => d.field === field)) continue;
        out.push({
          field,
          label: labelOf(org, p.object, field),
          here: mine ? sent : held,
          there: mine ? held : sent,
        });
      }
    }
    return out;
  }
}
