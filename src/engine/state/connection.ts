import type { FieldDef } from '../domain/index.ts';
import type { ConnectionStatus } from '../machines/states.ts';
import type { OrgId, UserId } from './org.ts';

export interface Subscription {
  /** Partner object API name → local object API name. */
  localObject: string;
  /** Partner field API name → local field API name, or null for --None--. */
  mapping: Record<string, string | null>;
  autoAccept: boolean;
}

export interface ConnectionHistoryEntry {
  at: number;
  text: string;
}

export interface ConnectionStats {
  lastActivity: number | null;
  lastLagMs: number | null;
  totalLagMs: number;
  appliedUpdates: number;
  failedUpdates: number;
}

/** One org's side of a connection (PartnerNetworkConnection). */
export interface PartnerNetworkConnection {
  Id: string;
  ConnectionName: string;
  ConnectionStatus: ConnectionStatus;
  AccountId: string | null;
  ContactId: string | null;
  /** The Connection Owner (a local user). */
  PrimaryContactId: UserId;
  CreatedDate: number;
  ResponseDate: number | null;
  /** Shared id of the connection on the wire; both sides' PNCs carry it. */
  wire: string;
  partnerOrg: OrgId;
  inviter: boolean;
  /** Connection template to apply once the invitation is accepted (CONN-8). */
  templateId: string | null;
  /** What this org publishes: object → field API names (PUB-1). */
  publications: Record<string, string[]>;
  /** What the partner publishes, as last told by the partner (SUB-1). */
  partnerPublications: Record<string, FieldDef[]>;
  /** This org's subscriptions, keyed by partner object. */
  subscriptions: Record<string, Subscription>;
  /** Objects of ours the partner subscribes to, as last told by the partner (FWD-2). */
  partnerSubscriptions: string[];
  history: ConnectionHistoryEntry[];
  stats: ConnectionStats;
}
