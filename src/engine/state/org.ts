import type { FieldValue, OrgSchema } from '../domain/index.ts';
import type { PartnerNetworkConnection } from './connection.ts';
import type { PartnerNetworkRecordConnection } from './recordConnection.ts';
import type { RecordTable } from './recordTable.ts';
import type { ForwardRule } from './forwardRule.ts';

export type OrgId = string;
export type UserId = string;
export type RecordId = string;

export type Profile = 'System Administrator' | 'Standard User';

export interface User {
  Id: UserId;
  Name: string;
  Alias: string;
  Email: string;
  Profile: Profile;
  /** PERM-1 */
  ManageConnections: boolean;
  UserRoleId: string | null;
  IsActive: boolean;
  /** The Connection User (alias pnet) that makes inbound changes (PERM-3). */
  system?: boolean;
}

export interface UserRole {
  Id: string;
  Name: string;
  ParentRoleId: string | null;
}

/** Who made a change: a local user, automation, or the Connection User via a connection. */
export interface ChangeSource {
  by: UserId;
  /** Local PNC id when the Connection User applied it. */
  via?: string;
  automation?: boolean;
}

export interface FieldHistoryEntry {
  at: number;
  recordId: RecordId;
  field: string;
  oldValue: FieldValue;
  newValue: FieldValue;
  source: ChangeSource;
}

/** Where a field's current value came from; the checker and last-writer-wins read it. */
export interface FieldStamp {
  /** Virtual time of the original edit. */
  editedAt: number;
  /** Org where the original edit was made. */
  origin: OrgId;
  /** Local PNC id it arrived through, absent for a local edit. */
  via?: string;
}

export interface SObjectRecord {
  Id: RecordId;
  object: string;
  OwnerId: UserId;
  fields: Record<string, FieldValue>;
  CreatedDate: number;
  CreatedById: UserId;
  LastModifiedDate: number;
  LastModifiedById: UserId;
  /** REC-3: the local connection the record was received through. */
  ConnectionReceivedId: string | null;
  stamps: Record<string, FieldStamp>;
  IsConverted?: boolean;
}

export interface Notification {
  at: number;
  to: UserId;
  connectionId: string | null;
  kind:
    | 'invitationReceived'
    | 'invitationDecision'
    | 'recordsForwarded'
    | 'publicationChanged'
    | 'syncFailure'
    | 'connectionDeactivated';
  text: string;
  /** Marked read in the Health tab; a new notification is unread. */
  read?: boolean;
}

export interface SyncFailure {
  at: number;
  connectionId: string;
  recordId: RecordId | null;
  shareKey: string;
  reason: string;
  rule: string;
}

export interface ConnectionTemplate {
  Id: string;
  Name: string;
  /** object API name → published field API names */
  objects: Record<string, string[]>;
}

export interface S2SSettings {
  enabled: boolean;
  enabledAt: number | null;
  fromAddress: string;
  displayName: string;
  invitationTemplate: string;
  decisionTemplate: string;
  updateConnectionTemplate: string;
  templates: Record<string, ConnectionTemplate>;
}

/** Invitations that reached this org while S2S was off wait here (EN-2). */
export interface WaitingInvitation {
  wire: string;
  from: OrgId;
  inviterName: string;
  inviterEmail: string;
  receivedAt: number;
}

export interface ValidationRule {
  Id: string;
  object: string;
  field: string;
  /** The record is refused when the condition holds. */
  operator: 'isBlank' | 'equals' | 'contains';
  value?: string;
  message: string;
}

/** A workflow field update: when `whenField` changes, set `setField` to `value`. */
export interface FieldUpdateAutomation {
  Id: string;
  object: string;
  whenField: string;
  setField: string;
  value: FieldValue;
}

/** REC-2: a queue owns records of the objects it supports; its members work them. */
export interface Queue {
  Id: string;
  Name: string;
  /** Objects whose records it may own: Lead, Case and custom objects, as in Salesforce. */
  objects: string[];
  members: UserId[];
}

/** One entry of an assignment rule: when the condition holds, `assignTo` owns the record. */
export interface AssignmentRuleEntry {
  field: string;
  operator: 'equals' | 'contains' | 'isBlank';
  value?: string;
  /** A user or a queue. */
  assignTo: string;
}

/** REC-2: the active Lead or Case assignment rule; its first matching entry picks the owner. */
export interface AssignmentRule {
  Id: string;
  Name: string;
  object: 'Lead' | 'Case';
  entries: AssignmentRuleEntry[];
}

/** A role, or a role and every role below it: whom a sharing rule names. */
export interface RoleGroup {
  roleId: string;
  includeSubordinates: boolean;
}

/**
 * SHR-1: opens records up beyond the Private default and the role hierarchy. Owner-based:
 * records owned by users of `owners`; criteria-based: records whose field meets `criteria`.
 */
export interface SharingRule {
  Id: string;
  Name: string;
  object: string;
  accessLevel: 'Read' | 'Edit';
  sharedWith: RoleGroup;
  owners?: RoleGroup;
  criteria?: { field: string; operator: 'equals' | 'contains' | 'isBlank'; value?: string };
}

export interface OrgState {
  id: OrgId;
  name: string;
  /** Mail domain: invitations addressed to a Contact at this domain reach this org. */
  domain: string;
  /** One letter that makes this org's record ids unique in the sandbox. */
  idTag: string;
  offline: boolean;
  s2s: S2SSettings;
  users: Record<UserId, User>;
  roles: Record<string, UserRole>;
  schema: OrgSchema;
  /** SHR-2: object.field → profiles that may not see it. */
  hiddenFields: Record<string, Profile[]>;
  validationRules: ValidationRule[];
  automations: FieldUpdateAutomation[];
  /** Automation rules that forward records when saved (absent in states saved before them). */
  forwardRules?: ForwardRule[];
  queues: Record<string, Queue>;
  /** The active assignment rule per object (Lead, Case). */
  assignmentRules: Record<string, AssignmentRule>;
  sharingRules: SharingRule[];
  /** Key prefix → that object's records, by column (see RecordTable). */
  records: Record<string, RecordTable>;
  history: FieldHistoryEntry[];
  connections: Record<string, PartnerNetworkConnection>;
  recordConnections: Record<string, PartnerNetworkRecordConnection>;
  /** shareKey → PNRC, so an inbound message finds its share without a scan (derived). */
  shareIndex: Record<string, PartnerNetworkRecordConnection>;
  /** parent shareKey → pending child PNRC ids, so accepting a parent finds its children (SUB-5). */
  pendingChildren: Record<string, string[]>;
  waitingInvitations: WaitingInvitation[];
  notifications: Notification[];
  failures: SyncFailure[];
  counters: Record<string, number>;
}
