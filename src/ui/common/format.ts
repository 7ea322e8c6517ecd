// Virtual time as people read it on the screens: seconds since the sandbox started.
export function atTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return `t = ${(ms / 1000).toFixed(1)} s`;
}

export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
