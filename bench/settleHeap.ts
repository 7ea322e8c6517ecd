/**
 * A full collection before a timed window, where the runtime allows one (Node with
 * --expose-gc, Chromium with --js-flags=--expose-gc): the window then pays for collecting
 * what its own updates leave behind, not for the garbage of building the world before it.
 */
export function settleHeap() {
  (globalThis as { gc?: () => void }).gc?.();
}
