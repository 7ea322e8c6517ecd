import { CONCURRENT_EDITS } from './concurrentEdits.ts';
import { EDGE_TOURS } from './edgeTours.ts';
import { FULL_SETUP } from './fullSetup.ts';
import type { Tour } from './tour.ts';

export const TOURS: Tour[] = [FULL_SETUP, CONCURRENT_EDITS, ...EDGE_TOURS];

export const tourNamed = (name: string | null) => TOURS.find((t) => t.name === name) ?? null;
