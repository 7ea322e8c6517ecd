export { Timeline, type ForkPoint, type TimelineOptions } from './timeline.ts';
export { compareRuns, type FieldDifference, type RunDifference } from './compareRuns.ts';
