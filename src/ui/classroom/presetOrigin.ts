import { remember } from './classroom.svelte.ts';

const KEY = 's2s-preset-of';

/** Which preset each saved sandbox was made from (sandbox id → preset name), for Reset. */
function all(): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

export function presetOf(sandboxId: string | undefined): string | null {
  return sandboxId ? (all()[sandboxId] ?? null) : null;
}

export function setPresetOf(sandboxId: string, preset: string | null) {
  const map = all();
  if (preset) map[sandboxId] = preset;
  else delete map[sandboxId];
  remember(KEY, JSON.stringify(map));
}
