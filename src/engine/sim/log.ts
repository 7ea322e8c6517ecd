import type { OrgId } from '../state/org.ts';

export type LogKind =
  | 'command'
  | 'refused'
  | 'send'
  | 'deliver'
  | 'held'
  | 'released'
  | 'attemptFailed'
  | 'duplicated'
  | 'duplicateDropped'
  | 'buffered'
  | 'apply'
  | 'applyFailed'
  | 'ignored'
  | 'state'
  | 'notify'
  | 'info';

/**
 * One line of the event log. Structured, so the checker and filters read fields, and the
 * human sentence is made on demand by `explain` (the hot path never formats strings).
 */
export interface LogEntry {
  i: number;
  t: number;
  kind: LogKind;
  org?: OrgId;
  wire?: string;
  conn?: string;
  record?: string;
  share?: string;
  msg?: number;
  rule?: string;
  text?: string;
  data?: Record<string, unknown>;
}

export type LogDraft = Omit<LogEntry, 'i' | 't'>;

export function formatTime(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s} s` : `${s.toFixed(3).replace(/0+$/, '')} s`;
}

/** A one-line explanation a person can read in the timeline. */
export function explain(e: LogEntry): string {
  const at = `t=${formatTime(e.t)}`;
  const d = e.data ?? {};
  switch (e.kind) {
    case 'send':
      return `${at} ${e.org} sent ${d.body} #${e.msg} to ${d.to}${d.queued ? ' (queued: link paused or partner offline)' : ''}`;
    case 'deliver':
      return `${at} ${e.org} received ${d.body} #${e.msg}${d.duplicate ? ' (duplicate)' : ''}`;
    case 'held':
      return `${at} #${e.msg} to ${e.org} held: ${d.reason}`;
    case 'released':
      return `${at} ${d.count} held message(s) to ${e.org} released`;
    case 'attemptFailed':
      return `${at} delivery attempt ${d.attempt} of #${e.msg} to ${e.org} failed; retry at t=${formatTime(Number(d.retryAt))}`;
    case 'duplicated':
      return `${at} the network duplicated #${e.msg}`;
    case 'duplicateDropped':
      return `${at} ${e.org} dropped duplicate #${e.msg}`;
    case 'buffered':
      return `${at} ${e.org} holds #${e.msg} until earlier messages of its channel arrive`;
    case 'apply':
      return `${at} ${e.org} applied ${(d.fields as string[] | undefined)?.join(', ') || 'no fields'} to ${e.record} from #${e.msg}`;
    case 'command':
      return `${at} ${e.org ? e.org + ': ' : ''}› ${describeCommand(d.command as { type: string } & Record<string, unknown>)}`;
    default:
      return `${at} ${e.org ? e.org + ': ' : ''}${e.text ?? e.kind}`;
  }
}

/** A command in a few words: its type and the ids or values a reader needs. */
function describeCommand(c: { type: string } & Record<string, unknown>): string {
  const parts: string[] = [];
  for (const k of ['object', 'id', 'connectionId', 'pnrcId', 'partnerObject', 'ms'] as const)
    if (c[k] !== undefined) parts.push(String(c[k]));
  if (c.values) parts.push(JSON.stringify(c.values).slice(0, 80));
  return parts.length ? `${c.type} ${parts.join(' ')}` : c.type;
}
