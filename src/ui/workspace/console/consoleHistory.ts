// The last scripts run in an org's console, newest first, kept in this browser per sandbox
// and org so they survive a reload. (What they changed is in the journal anyway: every DML
// statement ran as a command.)

export const HISTORY_LENGTH = 10;

const key = (sandboxId: string, orgId: string) => `s2s-console:${sandboxId}:${orgId}`;

export function readHistory(sandboxId: string, orgId: string): string[] {
  try {
    const raw = localStorage.getItem(key(sandboxId, orgId));
    const list: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Puts a script first (once), keeps the last few, and returns the new list. */
export function remember(sandboxId: string, orgId: string, script: string): string[] {
  const list = [script, ...readHistory(sandboxId, orgId).filter((s) => s !== script)].slice(
    0,
    HISTORY_LENGTH,
  );
  try {
    localStorage.setItem(key(sandboxId, orgId), JSON.stringify(list));
  } catch {
    // Storage may be off (private browsing): history then lasts until reload.
  }
  return list;
}
