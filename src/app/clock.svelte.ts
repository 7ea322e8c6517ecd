import type { S2S } from '../engine/api.ts';
import { advanceWithin, FRAME_BUDGET_MS } from './frameBudget.ts';

/**
 * What moves time: by default the open sandbox; the session's timeline instead replays a
 * rewound run. `advance` gets a deadline for its work; `step` returns true when it took the
 * step (else the clock dispatches `clock.step`).
 */
export interface ClockDriver {
  advance(ms: number, deadline: number): void;
  step(): boolean;
}

export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10] as const;

/** Longest real time one frame may cover, so a hidden tab does not jump minutes ahead. */
const MAX_FRAME_MS = 100;

/**
 * The play loop: moves the virtual clock in real time, `speed` virtual ms per real ms.
 * It calls `sandbox.advance` once per animation frame (never inside a dispatch), so time
 * spent playing is not journaled; step and run-until-idle are commands.
 */
export class Clock {
  playing = $state(false);
  speed = $state(1);
  private raf = 0;
  private last = 0;
  /** Fraction of a virtual millisecond carried to the next frame, so the clock stays in whole ms. */
  private carry = 0;

  constructor(
    private readonly current: () => S2S | undefined,
    /** Called after every frame's advance (the session refreshes its time and views). */
    private readonly onTick: () => void,
    private readonly driver: ClockDriver | null = null,
  ) {}

  play() {
    if (this.playing) return;
    this.playing = true;
    this.last = performance.now();
    this.raf = requestAnimationFrame(this.frame);
  }

  pause() {
    this.playing = false;
    cancelAnimationFrame(this.raf);
    this.raf = 0;
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: number) {
    this.speed = Math.min(10, Math.max(0.25, speed));
  }

  step() {
    if (!this.driver?.step()) this.current()?.dispatch({ type: 'clock.step' });
    this.onTick();
  }

  runUntilIdle() {
    this.current()?.dispatch({ type: 'clock.runUntilIdle' });
    this.onTick();
  }

  private frame = (t: number) => {
    if (!this.playing) return;
    const dt = Math.min(MAX_FRAME_MS, Math.max(0, t - this.last));
    this.last = t;
    const s2s = this.current();
    this.carry += dt * this.speed;
    const ms = Math.floor(this.carry);
    this.carry -= ms;
    // Engine work gets a budget per frame; what is left waits for the next (no freezing).
    const deadline = performance.now() + FRAME_BUDGET_MS;
    if (this.driver && ms > 0) this.driver.advance(ms, deadline);
    else if (s2s && ms > 0) advanceWithin(s2s.sandbox, ms, deadline);
    this.onTick();
    this.raf = requestAnimationFrame(this.frame);
  };

  dispose() {
    this.pause();
  }
}
