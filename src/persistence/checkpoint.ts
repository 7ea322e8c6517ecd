import type { Sandbox } from '../engine/sandbox.ts';
import type { LogEntry } from '../engine/sim/log.ts';
import type { OrgState } from '../engine/state/org.ts';
import type { SandboxState } from '../engine/state/sandboxState.ts';

/**
 * A checkpoint is a handful of rows, because IndexedDB's cost is per row and per transaction,
 * not per byte: 'core' (clock, rng, network with the messages in flight, counters), one row
 * per org holding the whole OrgState, and the event log in fixed chunks so only the chunks
 * that grew are rewritten.
 */
export const LOG_CHUNK = 5000;

export type CoreState = Omit<SandboxState, 'orgs' | 'log'> & { logLength: number };

export interface CheckpointPart {
  part: string;
  data: unknown;
}

export interface CheckpointData {
  parts: CheckpointPart[];
  commandCount: number;
  now: number;
  orgCount: number;
}

export const CORE = 'core';
export const orgPart = (id: string) => `org:${id}`;
export const logPart = (chunk: number) => `log:${chunk}`;

/**
 * The engine keeps its RNG outside `state` and copies it in only inside `snapshot()`, which
 * clones everything, log included. Reading it directly lets a checkpoint clone only the parts
 * it writes. (Asked of the engine: a public way to read the RNG state.)
 */
function rngState(sb: Sandbox): number[] {
  const rng = (sb as unknown as { rng?: { state(): number[] } }).rng;
  return rng ? rng.state() : sb.snapshot().rng;
}

/**
 * The parts of a checkpoint of the sandbox as it is now. Without `copy` they share the live
 * objects: a store must clone them synchronously, before anything else can run (IndexedDB's
 * put does exactly that), which keeps them consistent at one instant without paying for a
 * second clone. `savedLogLength` is how much of the log an earlier checkpoint holds (0 = all).
 */
export function takeCheckpoint(sb: Sandbox, savedLogLength: number, copy = false): CheckpointData {
  return splitState(
    { ...sb.state, rng: rngState(sb) },
    savedLogLength,
    copy ? structuredClone : undefined,
  );
}

/** Cuts a state into checkpoint parts; `copy` decides whether the parts share its objects. */
export function splitState(
  s: SandboxState,
  savedLogLength = 0,
  copy: <T>(v: T) => T = (v) => v,
): CheckpointData {
  const { orgs, log, ...rest } = s;
  const core: CoreState = { ...copy(rest), logLength: log.length };
  const parts: CheckpointPart[] = [{ part: CORE, data: core }];
  for (const id of s.orgOrder) parts.push({ part: orgPart(id), data: copy(orgs[id]) });
  const from = Math.floor(Math.min(savedLogLength, log.length) / LOG_CHUNK);
  for (let c = from; c * LOG_CHUNK < log.length; c++)
    parts.push({ part: logPart(c), data: copy(log.slice(c * LOG_CHUNK, (c + 1) * LOG_CHUNK)) });
  return { parts, commandCount: s.commandCount, now: s.now, orgCount: s.orgOrder.length };
}

/** Every part a checkpoint of this state consists of (to delete stale ones on a full write). */
export function partNames(data: CheckpointData): Set<string> {
  const core = data.parts.find((p) => p.part === CORE)!.data as CoreState;
  const names = new Set([CORE, ...core.orgOrder.map(orgPart)]);
  for (let c = 0; c * LOG_CHUNK < core.logLength; c++) names.add(logPart(c));
  return names;
}

export class CorruptCheckpointError extends Error {}

/** Puts the rows back together; throws when a part is missing rather than load half a state. */
export function assembleCheckpoint(rows: readonly CheckpointPart[]): SandboxState | null {
  const byPart = new Map(rows.map((r) => [r.part, r.data]));
  const core = byPart.get(CORE) as CoreState | undefined;
  if (!core) return null;
  const { logLength, ...rest } = core;
  const orgs: Record<string, OrgState> = {};
  for (const id of core.orgOrder) {
    const org = byPart.get(orgPart(id)) as OrgState | undefined;
    if (!org) throw new CorruptCheckpointError(`The saved sandbox lacks org "${id}".`);
    orgs[id] = org;
  }
  const log: LogEntry[] = [];
  for (let c = 0; c * LOG_CHUNK < logLength; c++) {
    const chunk = byPart.get(logPart(c)) as LogEntry[] | undefined;
    if (!chunk) throw new CorruptCheckpointError(`The saved sandbox lacks log chunk ${c}.`);
    for (const e of chunk) log.push(e);
  }
  if (log.length < logLength) throw new CorruptCheckpointError('The saved event log is cut short.');
  log.length = logLength;
  return { ...rest, orgs, log };
}
