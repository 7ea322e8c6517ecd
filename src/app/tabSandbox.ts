/**
 * The sandbox this browser tab shows, kept in sessionStorage (one per tab, kept over a reload).
 * The store's "last opened" is shared by every tab: a share link opened in another tab would
 * otherwise become this tab's sandbox on its next reload.
 */
const KEY = 's2s-tab-sandbox';

export function tabSandboxId(
  storage: Pick<Storage, 'getItem'> | undefined = session(),
): string | null {
  try {
    return storage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

export function rememberTabSandbox(
  id: string,
  storage: Pick<Storage, 'setItem'> | undefined = session(),
): void {
  try {
    storage?.setItem(KEY, id);
  } catch {
    // Storage may be off (private browsing, file://): the shared "last opened" is used then.
  }
}

function session(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}
