import { openStore } from '../persistence/openStore.ts';
import { MemoryStore } from '../persistence/memoryStore.ts';
import type { SandboxStore } from '../persistence/store.ts';
import { exposeGlobals } from './globals.ts';
import { SandboxSession } from './session.svelte.ts';
import { tabSandboxId } from './tabSandbox.ts';
import { story } from './story.svelte.ts';

export const FORCED_MEMORY_REASON = 'Storage was switched off with ?storage=memory.';

/** `?storage=memory` runs the app on the in-memory store, as when IndexedDB is unavailable. */
async function chooseStore(search: string): Promise<SandboxStore> {
  if (new URLSearchParams(search).get('storage') === 'memory')
    return new MemoryStore(FORCED_MEMORY_REASON);
  return openStore();
}

/**
 * A share link (`#s=…`) becomes a new saved sandbox; the hash is removed afterwards so a reload
 * does not make another copy. Returns its id, or null (with a notice) when the link is damaged.
 */
async function fromShareLink(session: SandboxSession, loc: Location): Promise<string | null> {
  if (!loc.hash.startsWith('#s=')) return null;
  // The decompressor and validator load only when a link is opened.
  const { decodeScenario } = await import('../persistence/shareLink.ts');
  const r = decodeScenario(loc.hash);
  history.replaceState(history.state, '', loc.pathname + loc.search);
  if (r.ok) return (await session.store.create('Shared sandbox', { scenario: r.scenario })).id;
  session.notice = `This share link could not be opened: ${r.error}`;
  return null;
}

/** A preset link (`#preset=<name>`) becomes a new saved sandbox built from that preset. */
async function fromPresetLink(session: SandboxSession, loc: Location): Promise<string | null> {
  const name = /^#preset=([\w-]+)$/.exec(loc.hash)?.[1];
  if (!name) return null;
  history.replaceState(history.state, '', loc.pathname + loc.search);
  // The presets and their loader load only when a preset is opened.
  return (await import('./openPreset.ts')).createFromPreset(session, name);
}

/**
 * Opens the store, then the sandbox to show: one rebuilt from a share link in the URL hash,
 * else the one this tab showed before a reload, else the last opened in any tab, else the newest, else a new one with the default preset. A share link
 * pasted later into the same tab (only the hash changes) opens the same way.
 */
export async function startSession(loc: Location = window.location): Promise<SandboxSession> {
  const store = await chooseStore(loc.search);
  const session = new SandboxSession(store);
  let id = (await fromShareLink(session, loc)) ?? (await fromPresetLink(session, loc));
  const list = await store.list();
  const own = tabSandboxId();
  if (own && list.some((m) => m.id === own)) id ??= own;
  id ??= await store.lastOpenedId();
  id ??= list[0]?.id ?? null;
  try {
    if (id) await session.open(id);
  } catch (e) {
    session.notice = `The saved sandbox could not be opened: ${(e as Error).message}`;
    id = null;
  }
  if (!id) await session.createNew('My first sandbox');
  exposeGlobals(session);
  const onHash = () => {
    void fromShareLink(session, loc)
      .then(async (shared) => shared ?? (await fromPresetLink(session, loc)))
      .then(async (shared) => {
        if (!shared) return;
        // A preset's story waits at its start for "Play the story".
        if (story.waiting === shared) session.clock.pause();
        await session.open(shared);
      });
  };
  window.addEventListener('hashchange', onHash);
  session.onDispose(() => window.removeEventListener('hashchange', onHash));
  return session;
}
