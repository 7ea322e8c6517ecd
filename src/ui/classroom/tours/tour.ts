import type { S2S } from '../../../engine/api.ts';
import type { Clock } from '../../../app/clock.svelte.ts';

/**
 * What a step points at, named as a person would name it: a control's role and visible name,
 * inside a region (an org's workspace). `tab` narrows it to while that tab is selected there,
 * so "New" on the Contacts tab is not taken for "New" on the Accounts tab.
 */
export interface Target {
  within?: string;
  tab?: string;
  role?: 'button' | 'tab' | 'combobox' | 'table' | 'region' | 'checkbox' | 'spinbutton';
  name?: string | RegExp;
}

/** What a step may do to the simulation on entering it (slow down, pause, inject a fault). */
export interface DriveContext {
  s2s: S2S;
  clock: Clock;
}

export interface TourStep {
  /** Tried in order; the first one on screen is highlighted. None: the popover is centred. */
  target?: Target[];
  title: string;
  /** The S2S concept in two or three sentences, and what to do. */
  text: string;
  /** An engine query that holds once the learner has done the step; Next waits for it. */
  check?: (s: S2S) => boolean;
  /** Shown under the text while the check does not hold. */
  waiting?: string;
  drive?: (ctx: DriveContext) => void;
}

export interface Tour {
  name: string;
  title: string;
  summary: string;
  /** Where it starts: a preset's name, or an empty sandbox (two orgs, nothing set up). */
  start: { preset: string } | 'empty';
  steps: TourStep[];
}
