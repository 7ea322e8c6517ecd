// One shape for every yes/no answer in the domain layer, so callers (the mapping screen, Health,
// the sync engine) can show `reason` to the user without knowing which rule produced it.
export type Refusal = { ok: false; reason: string };
export type Check = { ok: true } | Refusal;
export type Outcome<T> = { ok: true; value: T } | Refusal;

export function refuse(reason: string): Refusal {
  return { ok: false, reason };
}

export function accept<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export const OK: { ok: true } = Object.freeze({ ok: true as const });
