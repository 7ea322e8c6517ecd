import { S2S } from '../engine/api.ts';
import type { Scenario } from '../engine/journal.ts';
import type { SandboxSession } from './session.svelte.ts';

/** `window.s2sApp`: session helpers for the console and the end-to-end tests. */
export interface S2SAppHandle {
  readonly session: SandboxSession;
  /** Id of the open sandbox in the store. */
  readonly sessionId: string | null;
  readonly storeKind: 'indexeddb' | 'memory';
  /** Saves now and resolves when the write is done. */
  flush(): Promise<void>;
  /** A fresh, unsaved sandbox rebuilt from a scenario (for comparing runs). */
  replayScenario(sc: Scenario): S2S;
  readonly S2S: typeof S2S;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
}

declare global {
  interface Window {
    /** The open sandbox's scripting API. */
    s2s?: S2S;
    s2sApp?: S2SAppHandle;
  }
}

export function exposeGlobals(session: SandboxSession) {
  const handle: S2SAppHandle = {
    session,
    get sessionId() {
      return session.meta?.id ?? null;
    },
    get storeKind() {
      return session.storeKind;
    },
    flush: () => session.flush(),
    replayScenario: (sc) => S2S.fromScenario(sc),
    S2S,
    play: () => session.clock.play(),
    pause: () => session.clock.pause(),
    setSpeed: (speed) => session.clock.setSpeed(speed),
  };
  window.s2sApp = handle;
}
