import type { SandboxStore } from './store.ts';

/**
 * Only one tab may write a given sandbox; two writers would interleave journals and
 * overwrite each other's checkpoints. Web Locks give that for free and are released when a
 * tab dies; where they are missing, a heartbeat row in the database stands in.
 */
export interface WriterLock {
  release(): void;
}

/** Resolves to the lock, or null when another tab holds it. `onLost` fires if it is taken away. */
export type LockRequest = (sandboxId: string, onLost: () => void) => Promise<WriterLock | null>;

export const lockName = (sandboxId: string) => `s2s-sandbox:${sandboxId}`;

/** The part of navigator.locks used here, so tests can pass a fake. */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable: boolean },
    callback: (lock: unknown) => Promise<void> | void,
  ): Promise<unknown>;
}

export function webLocks(locks: LockManagerLike): LockRequest {
  return (sandboxId) =>
    new Promise((resolve, reject) => {
      locks
        .request(lockName(sandboxId), { ifAvailable: true }, (lock) => {
          if (!lock) return resolve(null);
          // The lock is held until this promise settles, i.e. until release() or the tab dies.
          return new Promise<void>((release) => resolve({ release: () => release() }));
        })
        .catch(reject);
    });
}

export interface HeartbeatOptions {
  ttlMs?: number;
  owner?: string;
}

/** A row claimed in a transaction and refreshed every ttl/3; a dead tab's claim expires. */
export function heartbeatLocks(
  store: Pick<SandboxStore, 'claimLock' | 'releaseLock'>,
  { ttlMs = 6000, owner = `${Date.now()}-${Math.random()}` }: HeartbeatOptions = {},
): LockRequest {
  return async (sandboxId, onLost) => {
    if (!(await store.claimLock(sandboxId, owner, ttlMs))) return null;
    let held = true;
    const timer = setInterval(() => {
      store.claimLock(sandboxId, owner, ttlMs).then(
        (ok) => {
          if (ok || !held) return;
          held = false;
          clearInterval(timer);
          onLost();
        },
        () => {}, // a failed refresh is retried on the next beat
      );
    }, ttlMs / 3);
    return {
      release() {
        if (!held) return;
        held = false;
        clearInterval(timer);
        void store.releaseLock(sandboxId, owner).catch(() => {});
      },
    };
  };
}

export function defaultLocks(store: Pick<SandboxStore, 'claimLock' | 'releaseLock'>): LockRequest {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  return locks ? webLocks(locks) : heartbeatLocks(store);
}
