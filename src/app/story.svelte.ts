/**
 * A preset opens paused at its start, so a class sees the first message leave: `waiting` is
 * the sandbox whose story has not been played yet. Playing the clock in any way starts it.
 */
export const story = $state({ waiting: null as string | null });
