import { sharesOf } from '../org/shareIndex.ts';
import { isActiveShare } from '../rules/sync.ts';
import type { Message, MessageBody } from '../state/network.ts';
import type { SandboxState } from '../state/sandboxState.ts';

/** One message on the wire about a record's shares, as its page's sync line tells it. */
export interface SyncTrip {
  /** What travels: "Update to Phone", "Stop Sharing", "Record". */
  what: string;
  /** 'out': from this org to the partner; 'in': from the partner to this org. */
  direction: 'out' | 'in';
  partnerName: string;
  sentAt: number;
  dueAt: number;
  /** Waiting at the sender: the link is paused or the receiver is offline (SYNC-4). */
  held: boolean;
}

export type SyncLine =
  | { state: 'travelling'; trips: SyncTrip[] }
  | { state: 'failed'; orgName: string; reason: string }
  | { state: 'waiting'; partnerName: string }
  | { state: 'inSync' };

type Body = MessageBody & { shareKey: string };

function hasShareKey(b: MessageBody): b is Body {
  return 'shareKey' in b;
}

/** Field labels of an update, from the sending org's schema. */
function whatOf(state: SandboxState, m: Message, body: Body, object: string): string {
  switch (body.kind) {
    case 'RecordUpdated': {
      const def = state.orgs[m.from]?.schema[object];
      const labels = Object.keys(body.changes).map(
        (f) => def?.fields.find((x) => x.apiName === f)?.label ?? f,
      );
      return `Update to ${labels.join(', ')}`;
    }
    case 'RecordForwarded':
      return 'Record';
    case 'RecordAccepted':
      return 'Acceptance';
    case 'RecordRejected':
      return 'Rejection';
    case 'SharingStopped':
      return 'Stop Sharing';
    case 'RecordDeleted':
      return 'Delete notice';
    case 'LeadConverted':
      return 'Conversion notice';
    default:
      return body.kind;
  }
}

/**
 * Where a record's copies stand (SYNC-3, SYNC-4, SYNC-5): the messages about its shares on
 * the wire either way, else a failed update at either end, else a forward waiting for the
 * partner to accept, else in sync. Null when the record has no live share. `messages` are the
 * network's (`S2S.inFlight()`); the sandbox-wide state lets the line name a failure at the
 * partner, which the partner alone records.
 */
export function syncLine(
  state: SandboxState,
  orgId: string,
  recordId: string,
  messages: readonly (Message & { held?: boolean })[],
): SyncLine | null {
  const org = state.orgs[orgId];
  if (!org) return null;
  const live = sharesOf(org, recordId).filter((p) => isActiveShare(p) || p.state === 'pending');
  if (!live.length) return null;
  const byKey = new Map(live.map((p) => [p.shareKey, p]));
  const trips: SyncTrip[] = [];
  for (const m of messages) {
    const body = m.body;
    if (!hasShareKey(body) || m.duplicate) continue;
    const p = byKey.get(body.shareKey);
    if (!p) continue;
    const out = m.from === orgId;
    if (!out && m.to !== orgId) continue;
    const partner = org.connections[p.ConnectionId];
    const object = out ? p.object : p.partnerObject;
    trips.push({
      what: whatOf(state, m, body, object),
      direction: out ? 'out' : 'in',
      partnerName: state.orgs[partner?.partnerOrg ?? '']?.name ?? partner?.ConnectionName ?? '',
      sentAt: m.sentAt,
      dueAt: m.dueAt,
      held: !!m.held,
    });
  }
  if (trips.length) return { state: 'travelling', trips: trips.sort((a, b) => a.dueAt - b.dueAt) };
  for (const p of live) {
    if (p.state === 'failed')
      return { state: 'failed', orgName: org.name, reason: p.lastError ?? '' };
    const partnerOrg = state.orgs[org.connections[p.ConnectionId]?.partnerOrg ?? ''];
    const there = partnerOrg?.shareIndex[p.shareKey];
    if (there?.state === 'failed')
      return { state: 'failed', orgName: partnerOrg!.name, reason: there.lastError ?? '' };
  }
  const waiting = live.find((p) => p.state === 'pending');
  if (waiting) {
    const pnc = org.connections[waiting.ConnectionId];
    return { state: 'waiting', partnerName: state.orgs[pnc?.partnerOrg ?? '']?.name ?? '' };
  }
  return { state: 'inSync' };
}
