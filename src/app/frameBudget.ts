import type { Sandbox } from '../engine/sandbox.ts';

/** Main-thread time one frame may give the engine, well inside the 50 ms a page may block. */
export const FRAME_BUDGET_MS = 8;
/** Deliveries between two looks at the time: small enough to stop near the budget. */
export const CHUNK = 64;

/**
 * Advances a sandbox by `ms` of virtual time within a frame's budget. Deliveries go in chunks
 * until the deadline; work left over waits for the next frame and virtual time waits with it
 * (the clock stands at the last delivery). Where the frames cut changes nothing: the engine
 * delivers the same messages in the same order however its time is sliced. Returns whether
 * it reached `now + ms`.
 */
export function advanceWithin(
  sb: Sandbox,
  ms: number,
  deadline: number,
  clock: () => number = () => performance.now(),
): boolean {
  const target = sb.now + Math.max(0, ms);
  while (!sb.advanceTo(target, CHUNK)) if (clock() >= deadline) return false;
  return true;
}
