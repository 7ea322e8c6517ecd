import { presetFile } from '../presets/catalog.ts';
import { remember, WELCOME_SEEN_KEY } from '../ui/classroom/classroom.svelte.ts';
import { presetOf, setPresetOf } from '../ui/classroom/presetOrigin.ts';
import type { SandboxSession } from './session.svelte.ts';
import { story } from './story.svelte.ts';

/**
 * A preset becomes a new saved sandbox built from its scenario, named by its title, with each
 * org's workspace opened on the tab the preset says to look at. Returns its id, or null with a
 * notice when there is no such preset.
 */
export async function createFromPreset(
  session: SandboxSession,
  name: string,
): Promise<string | null> {
  const preset = presetFile(name);
  if (!preset) {
    session.notice = `There is no preset called “${name}”.`;
    return null;
  }
  const meta = await session.store.create(preset.title, { scenario: preset.scenario });
  setPresetOf(meta.id, name);
  for (const [org, tab] of Object.entries(preset.tabs ?? {}))
    remember(`s2s-workspace:${meta.id}:${org}`, JSON.stringify({ tab }));
  remember(WELCOME_SEEN_KEY, '1');
  story.waiting = meta.id;
  return meta.id;
}

/** Opens a preset paused at its start: "Play the story" sets it going. */
export async function openPreset(session: SandboxSession, name: string): Promise<void> {
  const id = await createFromPreset(session, name);
  if (!id) return;
  session.clock.pause();
  await session.open(id);
}

/**
 * Reset: the preset's start as a fresh saved sandbox under the same name, which replaces the
 * one played so far (that one is deleted, so the Sandbox menu does not fill with copies).
 */
export async function resetToPresetStart(session: SandboxSession): Promise<void> {
  const old = session.meta;
  const name = presetOf(old?.id);
  if (!old || !name) return;
  const id = await createFromPreset(session, name);
  if (!id) return;
  session.clock.pause();
  await session.open(id);
  if (old.name !== presetFile(name)!.title) await session.rename(old.name);
  await session.remove(old.id);
  setPresetOf(old.id, null);
}
