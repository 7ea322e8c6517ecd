/** A virtual time as the event log writes it: "12.345 s". */
export function at(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s} s` : `${s.toFixed(3).replace(/0+$/, '')} s`;
}
