import type { Command } from '../commands/command.ts';
import type { LogEntry } from '../sim/log.ts';
import type { LinkSettings } from '../state/settings.ts';

export type FaultKind = 'paused' | 'offline' | 'faults';

/** A stretch of virtual time with something wrong on the network, for shading the timeline. */
export interface FaultPeriod {
  kind: FaultKind;
  start: number;
  /** Null while it lasts. */
  end: number | null;
  /** The link's direction, for `paused` and `faults`. */
  from?: string;
  to?: string;
  /** The org, for `offline`. */
  org?: string;
  /** Log index of the command that began it. */
  startEvent: number;
}

/** Whether a link has a fault turned on or a guarantee turned off. */
export function hasFaults(l: LinkSettings): boolean {
  return l.failRate > 0 || l.duplicateRate > 0 || l.reorder || !l.inOrder || !l.dedupe;
}

/**
 * Periods a link was paused or had faults on, and an org was offline, from the history of
 * `link.set` and `org.setOffline` commands in the log (refused ones left out). Links start
 * from the sandbox's starting default link.
 */
export function faultPeriods(log: readonly LogEntry[], defaultLink: LinkSettings): FaultPeriod[] {
  const links = new Map<string, LinkSettings>();
  const open = new Map<string, FaultPeriod>();
  const out: FaultPeriod[] = [];
  const toggle = (
    key: string,
    on: boolean,
    t: number,
    i: number,
    p: Omit<FaultPeriod, 'start' | 'end' | 'startEvent'>,
  ) => {
    const cur = open.get(key);
    if (on && !cur) {
      const period: FaultPeriod = { ...p, start: t, end: null, startEvent: i };
      open.set(key, period);
      out.push(period);
    } else if (!on && cur) {
      cur.end = t;
      open.delete(key);
    }
  };
  const setLink = (
    from: string,
    to: string,
    patch: Partial<LinkSettings>,
    t: number,
    i: number,
  ) => {
    const l = { ...(links.get(`${from}>${to}`) ?? defaultLink), ...patch };
    links.set(`${from}>${to}`, l);
    toggle(`paused|${from}>${to}`, l.paused, t, i, { kind: 'paused', from, to });
    toggle(`faults|${from}>${to}`, hasFaults(l), t, i, { kind: 'faults', from, to });
  };
  for (let i = 0; i < log.length; i++) {
    const e = log[i]!;
    if (e.kind !== 'command') continue;
    const c = e.data?.command as Command | undefined;
    if (!c || (c.type !== 'link.set' && c.type !== 'org.setOffline')) continue;
    if (log[i + 1]?.kind === 'refused') continue;
    if (c.type === 'org.setOffline') {
      toggle(`offline|${c.org}`, c.offline, e.t, i, { kind: 'offline', org: c.org });
      continue;
    }
    setLink(c.from, c.to, c.link, e.t, i);
    if (c.both) setLink(c.to, c.from, c.link, e.t, i);
  }
  return out;
}
