/** What the inspector shows: an org, one direction of a connection, messages, or a shared record. */
export type InspectorTarget =
  | { kind: 'org'; org: string }
  | { kind: 'link'; wire: string; from: string; to: string }
  | { kind: 'message'; id: number }
  | { kind: 'messages'; ids: number[] }
  | { kind: 'share'; org: string; pnrcId: string };
