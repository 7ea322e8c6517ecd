// What the canvas loads the first time something is inspected or followed.
export { default as Inspector } from './Inspector.svelte';
export { default as FollowBanner } from './FollowBanner.svelte';
