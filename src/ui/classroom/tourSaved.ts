import { remember } from './classroom.svelte.ts';

// Apart from the tours themselves, so the classroom layer can resume a tour without loading them.
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
