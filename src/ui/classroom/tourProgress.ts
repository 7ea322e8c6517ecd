import type { SandboxSession } from '../../app/session.svelte.ts';
import { openPreset } from '../../app/openPreset.ts';
import { classroom, remember, WELCOME_SEEN_KEY } from './classroom.svelte.ts';
import { presetOf } from './presetOrigin.ts';
import { tourNamed } from './tours/index.ts';

export { readProgress, saveProgress, type TourProgress } from './tourSaved.ts';
import { saveProgress } from './tourSaved.ts';

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
