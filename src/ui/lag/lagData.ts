/** One direction's sync lag over virtual time, as the engine's `lagSeries()` reports it. */
export interface LagSeries {
  from: string;
  to: string;
  points: [number, number][];
}

/**
 * uPlot wants one shared x array: the union of every series' times (in seconds), each series
 * null where it has no point (uPlot leaves a gap there, or joins with spanGaps).
 */
export function alignLag(series: readonly LagSeries[]): (number | null)[][] {
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort(
    (a, b) => a - b,
  );
  const index = new Map(times.map((t, k) => [t, k]));
  const ys = series.map((s) => {
    const y: (number | null)[] = new Array<number | null>(times.length).fill(null);
    for (const [t, lag] of s.points) y[index.get(t)!] = lag;
    return y;
  });
  return [times.map((t) => t / 1000), ...ys];
}
