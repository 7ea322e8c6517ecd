import type { LogEntry } from '../sim/log.ts';
import type { NetworkState } from './network.ts';
import type { OrgId, OrgState } from './org.ts';
import type { SandboxSettings } from './settings.ts';

/**
 * 2: `initialSettings` and each org's `pendingChildren` index.
 * 3: each org's `queues` and `assignmentRules` (REC-2) and `sharingRules` (SHR-1).
 * 4: each org's `records` held by column, one RecordTable per key prefix.
 * 5: a table's LastModifiedDate and LastModifiedById columns merged into `LastModified`.
 * 6: a field's stamps held as their parts beside its values, four slots a row.
 */
export const STATE_FORMAT = 6;

/** The whole sandbox as plain data: what persistence stores and a reload restores. */
export interface SandboxState {
  format: number;
  seed: number;
  rng: number[];
  now: number;
  settings: SandboxSettings;
  /** The settings the sandbox was created with: a scenario starts from them. */
  initialSettings: SandboxSettings;
  orgOrder: OrgId[];
  orgs: Record<OrgId, OrgState>;
  network: NetworkState;
  log: LogEntry[];
  /** Commands applied so far, refused ones included; persistence replays from here. */
  commandCount: number;
  nextWire: number;
  nextShare: number;
}
