/**
 * The same string, flat and interned. A string built by concatenation is a chain of pieces
 * to V8: every character read or property lookup with it walks the chain first. Ids and
 * share keys are read on every update, so they are made flat once, when they are made. A
 * property name is interned, so reading one back gives the interned string.
 */
export function flatKey(s: string): string {
  for (const k in { [s]: true }) return k;
  return s;
}
