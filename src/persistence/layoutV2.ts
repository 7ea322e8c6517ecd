import type { OrgState } from '../engine/state/org.ts';
import type { SandboxState } from '../engine/state/sandboxState.ts';

/**
 * The checkpoint layout of database version 2, frozen: the v1→v2 upgrade writes it and the
 * v2→v3 upgrade reads it, so neither may change with today's layout (checkpoint.ts).
 *
 * v2 kept 'core' (the state without orgs and log, plus `logLength`), one `org:<id>` row per
 * org holding the whole OrgState (records and history included), and the log in `log:<n>`
 * chunks of 5,000 entries.
 */
export const LOG_CHUNK_V2 = 5000;

export type CoreStateV2 = Omit<SandboxState, 'orgs' | 'log'> & { logLength: number };

export interface PartV2 {
  part: string;
  data: unknown;
}

export interface SplitV2 {
  parts: PartV2[];
  commandCount: number;
  now: number;
  orgCount: number;
}

/** Cuts a state into v2 rows exactly as version 2 did (sharing the state's objects). */
export function splitStateV2(s: SandboxState): SplitV2 {
  const { orgs, log, ...rest } = s;
  const core: CoreStateV2 = { ...rest, logLength: log.length };
  const parts: PartV2[] = [{ part: 'core', data: core }];
  for (const id of s.orgOrder) parts.push({ part: `org:${id}`, data: orgs[id] as OrgState });
  for (let c = 0; c * LOG_CHUNK_V2 < log.length; c++)
    parts.push({ part: `log:${c}`, data: log.slice(c * LOG_CHUNK_V2, (c + 1) * LOG_CHUNK_V2) });
  return { parts, commandCount: s.commandCount, now: s.now, orgCount: s.orgOrder.length };
}
