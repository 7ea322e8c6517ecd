/** Tells other tabs about a sandbox's writer: they show why they cannot save. */
export type TabMessage = { type: 'released' | 'claimed'; sandboxId: string };

export const CHANNEL_NAME = 's2s-sandbox';

export interface TabChannel {
  post(msg: TabMessage): void;
  close(): void;
}

export function openTabChannel(onMessage: (msg: TabMessage) => void): TabChannel {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, close() {} };
  const ch = new BroadcastChannel(CHANNEL_NAME);
  ch.onmessage = (e: MessageEvent<TabMessage>) => onMessage(e.data);
  return {
    post: (msg) => ch.postMessage(msg),
    close: () => ch.close(),
  };
}
