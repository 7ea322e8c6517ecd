import type { FieldDef, FieldValue } from '../domain/index.ts';
import type {
  AssignmentRuleEntry,
  RoleGroup,
  SharingRule,
  FieldUpdateAutomation,
  Profile,
  ValidationRule,
} from '../state/org.ts';
import type { LinkSettings, SandboxSettings } from '../state/settings.ts';

type RoleGroupInput = Omit<RoleGroup, 'includeSubordinates'> & { includeSubordinates?: boolean };

/** Every user action is one of these plain JSON objects; `as` is the acting user's Id. */
export type Command =
  // sandbox and network
  | { type: 'org.create'; org: string; name: string; domain?: string }
  | { type: 'settings.set'; settings: Partial<Omit<SandboxSettings, 'defaultLink'>> }
  | {
      type: 'link.set';
      from: string;
      to: string;
      /** Also apply to the opposite direction. */
      both?: boolean;
      link: Partial<LinkSettings>;
    }
  | { type: 'org.setOffline'; org: string; offline: boolean }
  | { type: 'clock.advance'; ms: number }
  | { type: 'clock.step' }
  | { type: 'clock.runUntilIdle'; maxEvents?: number }
  /** Delivers one message in flight now, out of turn; `duplicate` picks a duplicate's copy. */
  | { type: 'clock.deliver'; messageId: number; duplicate?: boolean }
  // org administration
  | {
      type: 'user.create';
      org: string;
      as: string;
      name: string;
      profile: Profile;
      manageConnections?: boolean;
      roleId?: string | null;
    }
  | { type: 'user.setActive'; org: string; as: string; userId: string; active: boolean }
  | { type: 'role.create'; org: string; as: string; name: string; parentRoleId?: string | null }
  | {
      type: 'object.create';
      org: string;
      as: string;
      apiName: string;
      label: string;
      /** The tab's name; "<label>s" when left out. */
      pluralLabel?: string;
      fields?: FieldDef[];
    }
  | { type: 'field.create'; org: string; as: string; object: string; field: FieldDef }
  | {
      type: 'field.rename';
      org: string;
      as: string;
      object: string;
      field: string;
      newApiName: string;
      newLabel?: string;
    }
  | { type: 'field.delete'; org: string; as: string; object: string; field: string }
  | {
      type: 'field.setHidden';
      org: string;
      as: string;
      object: string;
      field: string;
      hiddenFrom: Profile[];
    }
  | { type: 'validationRule.add'; org: string; as: string; rule: Omit<ValidationRule, 'Id'> }
  | {
      type: 'automation.add';
      org: string;
      as: string;
      automation: Omit<FieldUpdateAutomation, 'Id'>;
    }
  | {
      type: 'sharingRule.add';
      org: string;
      as: string;
      object: string;
      name: string;
      accessLevel: 'Read' | 'Edit';
      /** A role, and with `includeSubordinates` every role below it. */
      sharedWith: RoleGroupInput;
      owners?: RoleGroupInput;
      criteria?: SharingRule['criteria'];
    }
  | {
      type: 'queue.create';
      org: string;
      as: string;
      name: string;
      objects: string[];
      members?: string[];
    }
  | {
      type: 'assignmentRule.set';
      org: string;
      as: string;
      object: 'Lead' | 'Case';
      name: string;
      entries: AssignmentRuleEntry[];
    }
  // S2S settings
  | { type: 's2s.enable'; org: string; as: string }
  | {
      type: 's2s.settings';
      org: string;
      as: string;
      fromAddress?: string;
      displayName?: string;
      invitationTemplate?: string;
      decisionTemplate?: string;
      updateConnectionTemplate?: string;
    }
  | {
      type: 'template.create';
      org: string;
      as: string;
      name: string;
      objects: Record<string, string[]>;
    }
  // records
  | {
      type: 'record.create';
      org: string;
      as: string;
      object: string;
      values: Record<string, FieldValue>;
      ownerId?: string;
    }
  | {
      type: 'record.update';
      org: string;
      as: string;
      id: string;
      values: Record<string, FieldValue>;
    }
  | { type: 'record.delete'; org: string; as: string; id: string }
  | { type: 'lead.convert'; org: string; as: string; id: string }
  // connections
  | {
      type: 'connection.invite';
      org: string;
      as: string;
      contactId: string;
      ownerId?: string;
      templateId?: string;
      name?: string;
    }
  | { type: 'connection.accept'; org: string; as: string; connectionId: string; accountId?: string }
  | { type: 'connection.decline'; org: string; as: string; connectionId: string }
  | { type: 'connection.decideLater'; org: string; as: string; connectionId: string }
  | { type: 'connection.cancel'; org: string; as: string; connectionId: string }
  | { type: 'connection.resend'; org: string; as: string; connectionId: string }
  | { type: 'connection.deactivate'; org: string; as: string; connectionId: string }
  | {
      type: 'connection.applyTemplate';
      org: string;
      as: string;
      connectionId: string;
      templateId: string;
    }
  | {
      type: 'connection.publish';
      org: string;
      as: string;
      connectionId: string;
      object: string;
      fields?: string[];
    }
  | { type: 'connection.unpublish'; org: string; as: string; connectionId: string; object: string }
  | {
      type: 'connection.subscribe';
      org: string;
      as: string;
      connectionId: string;
      partnerObject: string;
      localObject?: string;
      /** Partner field → local field or null (--None--); fields not listed are auto-mapped. */
      mapping?: Record<string, string | null>;
      autoAccept?: boolean;
    }
  | {
      type: 'connection.unsubscribe';
      org: string;
      as: string;
      connectionId: string;
      partnerObject: string;
    }
  // forwarding and shared records
  | {
      type: 'record.forward';
      org: string;
      as: string;
      recordIds: string[];
      connectionIds: string[];
      /** Child object API names to send along, e.g. ['Contact', 'Opportunity', 'Task']. */
      relatedObjects?: string[];
      sendOpenTasks?: boolean;
      sendClosedTasks?: boolean;
      sendEmail?: boolean;
      /** Where the forward started: a list view needs Manage Connections even for one record (PERM-1). */
      from?: 'listView' | 'record';
    }
  | {
      type: 'pnrc.insert';
      org: string;
      as: string;
      ConnectionId: string;
      LocalRecordId: string;
      ParentRecordId?: string | null;
      RelatedRecords?: string;
      SendClosedTasks?: boolean;
      SendOpenTasks?: boolean;
      SendEmails?: boolean;
    }
  | { type: 'pnrc.delete'; org: string; as: string; id: string }
  | {
      type: 'inbox.accept';
      org: string;
      as: string;
      pnrcId: string;
      /** A user or a queue; the acting user when neither this nor assignment rules are given. */
      ownerId?: string;
      /** Leads and Cases: let the active assignment rule pick the owner. */
      useAssignmentRules?: boolean;
      matchRecordId?: string;
    }
  | { type: 'inbox.reject'; org: string; as: string; pnrcId: string }
  | {
      type: 'notification.markRead';
      org: string;
      as: string;
      /** Positions in the org's notification list (HLT-2). */
      indexes: number[];
    }
  | { type: 'sharing.stop'; org: string; as: string; pnrcId: string; deletePartnerCopy?: boolean };

export type CommandType = Command['type'];

export type CommandResult =
  { ok: true; id?: string; ids?: string[] } | { ok: false; rule: string; reason: string };
