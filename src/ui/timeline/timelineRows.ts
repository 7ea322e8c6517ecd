import type { LogEntry } from '../../engine/sim/log.ts';
import type { FaultPeriod } from '../../engine/queries/faultPeriods.ts';
import type { TimelineFilters } from '../dock/dockState.svelte.ts';

export function matches(e: LogEntry, f: TimelineFilters): boolean {
  if (f.org && e.org !== f.org && e.data?.to !== f.org) return false;
  if (f.wire && e.wire !== f.wire) return false;
  if (f.kind && e.kind !== f.kind) return false;
  if (f.record) {
    const r = f.record.trim();
    if (r && e.record !== r && e.share !== r) return false;
  }
  return true;
}

/**
 * The log entries the filters keep, as indices into the log. Kept between calls: when the
 * log only grew, the new entries are filtered and appended to the same array (the log grows
 * every frame while playing, and a copy of tens of thousands of indices a frame is garbage
 * the page pays for in collection pauses); when it shrank or was replaced (a rewind, another
 * sandbox) or the filters changed, it is filtered again into a new array.
 */
export class FilteredLog {
  private log: readonly LogEntry[] | null = null;
  private seen = 0;
  private key = '';
  rows: number[] = [];

  update(log: readonly LogEntry[], f: TimelineFilters): number[] {
    const key = JSON.stringify(f);
    if (log !== this.log || log.length < this.seen || key !== this.key) {
      this.log = log;
      this.seen = 0;
      this.key = key;
      this.rows = [];
    }
    const rows = this.rows;
    for (let i = this.seen; i < log.length; i++) if (matches(log[i]!, f)) rows.push(i);
    this.seen = log.length;
    return rows;
  }
}

/**
 * The periods covering event `i` at virtual time `t`: from the command that began one (events
 * earlier at the same time are not in it) until its end (an open period runs to now).
 */
export function faultsAt(periods: readonly FaultPeriod[], i: number, t: number): FaultPeriod[] {
  return periods.filter((p) => i >= p.startEvent && (p.end === null || t < p.end));
}

export function describeFault(p: FaultPeriod, name: (id: string) => string): string {
  const where = p.org ? name(p.org) : p.from && p.to ? `${name(p.from)} → ${name(p.to)}` : '';
  return `${p.kind}${where ? ` (${where})` : ''}`;
}

/** First index in `times` (ascending) at or after `t`. */
export function firstAtOrAfter(times: (i: number) => number, n: number, t: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times(mid) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
