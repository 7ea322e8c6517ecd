import type { S2S } from '../../engine/api.ts';
import type { SandboxSession } from '../../app/session.svelte.ts';
import type { FaultPeriod } from '../timeline/timelineRows.ts';

/** The session's rewindable timeline, as the panels use it. */
export interface TimelineApi {
  readonly position: number;
  readonly total: number;
  seek(i: number): void;
  stepBack(): void;
  reset(): void;
  readonly forks: readonly { id: string; label?: string; name?: string }[];
  compare(forkId: string): unknown;
}

/** The timeline, when this build's session has one. */
export function timelineOf(session: SandboxSession): TimelineApi | undefined {
  return (session as unknown as { timeline?: TimelineApi }).timeline;
}

export function faultPeriods(s2s: S2S): FaultPeriod[] {
  const q = (s2s as unknown as { faultPeriods?: () => FaultPeriod[] }).faultPeriods;
  return q ? q.call(s2s) : [];
}
