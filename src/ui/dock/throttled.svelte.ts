/**
 * A value recomputed from the sandbox at most every `ms` while it keeps changing, so a query
 * that walks the whole log (the checker, the lag series) does not run every frame at 100×.
 * The first read computes at once.
 */
export function throttled<T>(version: () => number, compute: () => T, ms = 400) {
  let value = $state.raw<T>(compute());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = performance.now();
  $effect(() => {
    void version();
    if (timer) return;
    const wait = Math.max(0, ms - (performance.now() - last));
    timer = setTimeout(() => {
      timer = undefined;
      last = performance.now();
      value = compute();
    }, wait);
  });
  $effect(() => () => clearTimeout(timer));
  return {
    get value() {
      return value;
    },
  };
}
