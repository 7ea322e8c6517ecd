import { recordOf } from '../org/recordCopies.ts';
import { isActiveShare } from '../rules/sync.ts';
import { formatTime, type LogEntry } from '../sim/log.ts';
import type { Message } from '../state/network.ts';
import type { SandboxState } from '../state/sandboxState.ts';
import { directionDifferences } from './agreement.ts';
import type { CheckReport, Finding, ShareReport } from './findings.ts';

/**
 * The consistency checker. It is an observer with the god's-eye view the orgs never get:
 * it compares copies across orgs and reads the event log for the anomalies that caused them.
 */
export function check(state: SandboxState, inFlight: Message[]): CheckReport {
  const quiet = inFlight.length === 0;
  const shares = compareShares(state, inFlight);
  const findings: Finding[] = [
    ...logFindings(state.log, state),
    ...shareFindings(shares, quiet, state),
  ];
  return { quiet, shares, findings };
}

function compareShares(state: SandboxState, inFlight: Message[]): ShareReport[] {
  const flightByShare = new Map<string, number>();
  for (const m of inFlight) {
    const key = 'shareKey' in m.body ? m.body.shareKey : null;
    if (key) flightByShare.set(key, (flightByShare.get(key) ?? 0) + 1);
  }
  const out: ShareReport[] = [];
  for (const aId of state.orgOrder) {
    const a = state.orgs[aId]!;
    for (const pid in a.recordConnections) {
      const pa = a.recordConnections[pid]!;
      if (pa.side !== 'sender') continue;
      const pncA = a.connections[pa.ConnectionId];
      const b = pncA ? state.orgs[pncA.partnerOrg] : undefined;
      const pb = b?.shareIndex[pa.shareKey];
      const report: ShareReport = {
        share: pa.shareKey,
        object: pa.object,
        sender: { org: a.id, record: pa.LocalRecordId, state: pa.state },
        receiver: {
          org: b?.id ?? '',
          record: pb?.LocalRecordId ?? null,
          state: pb?.state ?? 'not received',
        },
        agree: true,
        differences: [],
        inFlight: flightByShare.get(pa.shareKey) ?? 0,
      };
      out.push(report);
      if (!b || !pb || !pncA || !isActiveShare(pa) || !isActiveShare(pb)) continue;
      const pncB = b.connections[pb.ConnectionId];
      const recA = pa.LocalRecordId ? recordOf(a, pa.LocalRecordId) : undefined;
      const recB = pb.LocalRecordId ? recordOf(b, pb.LocalRecordId) : undefined;
      if (!pncB || !recA || !recB) continue;
      report.differences = [
        ...directionDifferences(a, pncA, recA, b, pncB, recB, pb.partnerObject),
        ...directionDifferences(b, pncB, recB, a, pncA, recA, pa.partnerObject),
      ];
      report.agree = report.differences.length === 0;
    }
  }
  return out;
}

function shareFindings(shares: ShareReport[], quiet: boolean, state: SandboxState): Finding[] {
  const out: Finding[] = [];
  const differing = new Set(shares.filter((s) => !s.agree).map((s) => s.share));
  // One pass over the log for the last few events of every differing share.
  const recent = new Map<string, number[]>();
  if (differing.size)
    for (const e of state.log) {
      if (!e.share || !differing.has(e.share) || (e.kind !== 'apply' && e.kind !== 'send'))
        continue;
      const list = recent.get(e.share) ?? [];
      list.push(e.i);
      if (list.length > 4) list.shift();
      recent.set(e.share, list);
    }
  for (const s of shares) {
    if (s.agree) continue;
    const fields = s.differences.map((d) => `${d.to.field}`);
    const detail = s.differences
      .map(
        (d) =>
          `${d.from.org}.${d.from.field}=${JSON.stringify(d.from.value)} vs ${d.to.org}.${d.to.field}=${JSON.stringify(d.to.value)}`,
      )
      .join('; ');
    const lastEvents = recent.get(s.share) ?? [];
    if (!quiet && s.inFlight > 0) {
      out.push({
        kind: 'stale read',
        share: s.share,
        fields,
        events: lastEvents,
        text: `Copies of ${s.object} ${s.share} differ while ${s.inFlight} update(s) are still in flight: ${detail}.`,
      });
    } else if (quiet) {
      out.push({
        kind: 'non-convergence',
        share: s.share,
        fields,
        events: lastEvents,
        text: `The network is quiet at t=${formatTime(state.now)} yet the copies of ${s.object} ${s.share} still differ: ${detail}.`,
      });
    } else {
      out.push({
        kind: 'stale read',
        share: s.share,
        fields,
        events: lastEvents,
        text: `Copies of ${s.object} ${s.share} differ while other messages are still on the network: ${detail}.`,
      });
    }
  }
  return out;
}

function logFindings(log: LogEntry[], state: SandboxState): Finding[] {
  const out: Finding[] = [];
  const lastSeq = new Map<string, { seq: number; i: number; t: number; msg: number }>();
  const appliedMsgs = new Map<string, number>();
  const forwardedAt = new Map<string, Set<string>>();
  for (const e of log) {
    if (e.kind === 'deliver' && e.data?.body === 'RecordForwarded' && e.share) {
      const seen = forwardedAt.get(e.org!) ?? new Set<string>();
      forwardedAt.set(e.org!, seen);
      seen.add(e.share);
    }
    const parent =
      e.kind === 'state' ? (e.data?.parentShareKey as string | null | undefined) : null;
    if (parent && e.share) {
      if (!forwardedAt.get(e.org!)?.has(parent))
        out.push({
          kind: 'causal violation',
          org: e.org,
          share: e.share,
          events: [e.i],
          text: `${e.org} received child ${e.share} at t=${formatTime(e.t)} before its parent ${parent} had arrived.`,
        });
    }
    if (e.kind === 'applyFailed') {
      out.push({
        kind: 'failed apply',
        org: e.org,
        share: e.share,
        record: e.record,
        events: [e.i],
        text: `${e.org} could not apply an update at t=${formatTime(e.t)}: ${e.text}`,
      });
      continue;
    }
    if (e.kind !== 'apply') continue;
    const d = e.data ?? {};
    const key = `${e.org}|${e.share}`;
    const msgKey = `${e.org}|${e.msg}`;
    const prevApply = appliedMsgs.get(msgKey);
    if (prevApply !== undefined)
      out.push({
        kind: 'duplicate write',
        org: e.org,
        share: e.share,
        record: e.record,
        events: [prevApply, e.i],
        text: `${e.org} applied message #${e.msg} a second time at t=${formatTime(e.t)} (first at event ${prevApply}).`,
      });
    else appliedMsgs.set(msgKey, e.i);
    const seq = Number(d.chanSeq);
    const last = lastSeq.get(key);
    if (last && seq < last.seq && prevApply === undefined)
      out.push({
        kind: 'monotonic-writes violation',
        org: e.org,
        share: e.share,
        record: e.record,
        events: [last.i, e.i],
        text: `${e.org} applied #${e.msg} (sent earlier) at t=${formatTime(e.t)} after it had applied #${last.msg} at t=${formatTime(last.t)}: monotonic-writes violation.`,
      });
    if (!last || seq > last.seq) lastSeq.set(key, { seq, i: e.i, t: e.t, msg: e.msg ?? 0 });
    if (d.origin === e.org)
      out.push({
        kind: 'echo',
        org: e.org,
        share: e.share,
        record: e.record,
        events: [e.i],
        text: `${e.org} received back its own change in #${e.msg} at t=${formatTime(e.t)}: echo.`,
      });
    const overwrote = d.overwrote as { field: string; editedAt: number }[] | undefined;
    if (overwrote?.length) {
      const org = state.orgs[e.org!];
      const pnc = org && e.conn ? org.connections[e.conn] : undefined;
      const rec = org && e.record ? recordOf(org, e.record) : undefined;
      for (const o of overwrote) {
        const twoWay = !!(pnc && rec && pnc.publications[rec.object]?.includes(o.field));
        out.push({
          kind: 'lost update',
          org: e.org,
          share: e.share,
          record: e.record,
          fields: [o.field],
          events: [e.i],
          text: twoWay
            ? `${e.org}'s edit of ${o.field} at t=${formatTime(o.editedAt)} was overwritten at t=${formatTime(e.t)} by #${e.msg}, a concurrent edit made at t=${formatTime(Number(d.editedAt))} without seeing it: lost update.`
            : `${e.org}'s local edit of ${o.field} at t=${formatTime(o.editedAt)} was lost to the master's change in #${e.msg} at t=${formatTime(e.t)} (one-way share): lost update.`,
        });
      }
    }
  }
  return out;
}
