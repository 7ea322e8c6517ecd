/** The standard vocabulary of consistency checking, as the checker names anomalies. */
export type AnomalyKind =
  | 'stale read'
  | 'lost update'
  | 'monotonic-writes violation'
  | 'causal violation'
  | 'duplicate write'
  | 'echo'
  | 'failed apply'
  | 'non-convergence';

export interface Finding {
  kind: AnomalyKind;
  /** One sentence that proves it, citing the events behind it. */
  text: string;
  org?: string;
  share?: string;
  record?: string;
  fields?: string[];
  /** Indices into the event log of the events that caused it. */
  events: number[];
}

export interface FieldDifference {
  /** Field in the org that publishes it, and its mapped field in the subscriber. */
  from: { org: string; record: string; field: string; value: unknown };
  to: { org: string; record: string; field: string; value: unknown };
}

export interface ShareReport {
  share: string;
  object: string;
  sender: { org: string; record: string | null; state: string };
  receiver: { org: string; record: string | null; state: string };
  agree: boolean;
  differences: FieldDifference[];
  inFlight: number;
}

export interface CheckReport {
  /** No message in flight or held anywhere. */
  quiet: boolean;
  shares: ShareReport[];
  findings: Finding[];
}
