import type { LogEntry } from '../sim/log.ts';

export interface LagSeries {
  from: string;
  to: string;
  /** [virtual time of the apply, lag in ms], in time order. */
  points: [number, number][];
}

/**
 * Sync lag over virtual time per connection direction, read from the log: for each applied
 * update, the time from the change it carries to its application (HLT-1, as `health` counts
 * it). A change relayed by a hub counts from the original edit: an update sent while applying
 * another carries that one's edit time on.
 */
export function lagSeries(log: readonly LogEntry[]): LagSeries[] {
  /** Message id → sender and the time of the change it carries. */
  const sent = new Map<number, { from: string; changedAt: number }>();
  const series = new Map<string, LagSeries>();
  /** While a delivery's lines are read: the change time of the update just applied. */
  let relayOf: number | null = null;
  for (const e of log) {
    switch (e.kind) {
      case 'send':
        if (e.msg !== undefined && e.data?.body === 'RecordUpdated')
          sent.set(e.msg, { from: e.org!, changedAt: relayOf ?? e.t });
        break;
      case 'apply': {
        const s = e.msg === undefined ? undefined : sent.get(e.msg);
        relayOf = s ? s.changedAt : null;
        if (!s || e.data?.duplicate) break;
        const key = `${s.from}>${e.org}`;
        let line = series.get(key);
        if (!line) series.set(key, (line = { from: s.from, to: e.org!, points: [] }));
        line.points.push([e.t, e.t - s.changedAt]);
        break;
      }
      default:
        relayOf = null;
    }
  }
  return [...series.values()];
}
