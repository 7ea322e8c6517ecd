import type { SandboxSession } from '../../app/session.svelte.ts';
import { openPreset } from '../../app/openPreset.ts';
import { classroom, remember, WELCOME_SEEN_KEY } from './classroom.svelte.ts';
import { presetOf } from './presetOrigin.ts';
import { tourNamed } from './tours/index.ts';

const KEY = 's2s-tour';

/** Where a walkthrough is: survives a reload, and belongs to the sandbox it runs on. */
export interface TourProgress {
  name: string;
  step: number;
  sandboxId: string;
}

export function readProgress(): TourProgress | null {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? 'null') as TourProgress | null;
  } catch {
    return null;
  }
}

export function saveProgress(p: TourProgress | null) {
  remember(KEY, p ? JSON.stringify(p) : null);
}

/**
 * Opens the sandbox the tour starts from (a preset, or a new empty one) and starts it; a tour
 * of the preset already open runs on it (use Reset first to see it from the start).
 */
export async function startTour(session: SandboxSession, name: string) {
  const tour = tourNamed(name);
  if (!tour) throw new Error(`There is no tour called “${name}”.`);
  remember(WELCOME_SEEN_KEY, '1');
  classroom.tour = null;
  if (tour.start === 'empty') await session.createNew(tour.title);
  else if (presetOf(session.meta?.id) !== tour.start.preset)
    await openPreset(session, tour.start.preset);
  saveProgress({ name, step: 0, sandboxId: session.meta!.id });
  classroom.tour = name;
}
