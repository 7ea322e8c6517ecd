import type { PresetFile, PresetInfo } from './presetFile.ts';

// The whole catalog is one lazily loaded chunk: the Presets menu and `#preset=` links import
// this module when first used, never the first paint.
const FILES = import.meta.glob<PresetFile>('./*.json', { eager: true, import: 'default' });

/** Menu order: the three stories first, then one preset per edge case. */
export const PRESET_ORDER = [
  'partner-leads',
  'regional-cases',
  'acquisition-accounts',
  'concurrent-edits',
  'paused-edits',
  'master-overwrites',
  'stop-in-flight',
  'renamed-field',
  'child-before-parent',
  'validation-refused',
  'no-guarantees',
] as const;

export function presetFile(name: string): PresetFile | null {
  return FILES[`./${name}.json`] ?? null;
}

export function presetList(): PresetInfo[] {
  return PRESET_ORDER.map((name) => {
    const { scenario: _scenario, ...info } = presetFile(name)!;
    return info;
  });
}
