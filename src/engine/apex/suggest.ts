/** Edit distance (Levenshtein) between two names, without regard to case. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(
        prev[j]! + 1,
        cur[j - 1]! + 1,
        prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    prev = cur;
  }
  return prev[y.length]!;
}

/**
 * The known name closest to a misspelt one, if it is close enough to be what was meant: at
 * most a third of its letters wrong (at most four; none for names shorter than three).
 */
export function closest(name: string, known: Iterable<string>): string | null {
  const limit = Math.min(4, Math.floor(name.length / 3));
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(name, k);
    if (d < bestD || (d === bestD && best !== null && k < best)) {
      best = k;
      bestD = d;
    }
  }
  return bestD <= limit ? best : null;
}

/** The known name with this spelling in any case (Apex and SOQL names ignore case). */
export function canonical(name: string, known: Iterable<string>): string | null {
  const key = name.toLowerCase();
  for (const k of known) if (k.toLowerCase() === key) return k;
  return null;
}

/** "Fo: did you mean Foo? No field on Account has that name." or, with nothing close, "There is no …". */
export function unknownName(name: string, known: Iterable<string>, what: string): string {
  const near = closest(name, known);
  return near
    ? `${name}: did you mean ${near}? No ${what} has that name.`
    : `There is no ${what} named ${name}.`;
}
