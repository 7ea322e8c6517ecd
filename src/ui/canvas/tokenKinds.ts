export type TokenShape = 'circle' | 'diamond' | 'square' | 'triangle';

/** A family of messages drawn alike: one colour and one shape, so colour is never the only cue. */
export interface TokenKind {
  id: 'share' | 'update' | 'accept' | 'stop' | 'connection' | 'settings';
  label: string;
  color: string;
  shape: TokenShape;
}

export const TOKEN_KINDS: readonly TokenKind[] = [
  { id: 'share', label: 'record shared', color: 'var(--st-received)', shape: 'circle' },
  { id: 'update', label: 'update', color: 'var(--tok-update)', shape: 'diamond' },
  { id: 'accept', label: 'accepted', color: 'var(--st-accepted)', shape: 'square' },
  { id: 'stop', label: 'stop, reject, delete', color: 'var(--st-rejected)', shape: 'square' },
  { id: 'connection', label: 'connection', color: 'var(--st-pending)', shape: 'triangle' },
  { id: 'settings', label: 'publish, subscribe', color: 'var(--st-sent)', shape: 'triangle' },
];
