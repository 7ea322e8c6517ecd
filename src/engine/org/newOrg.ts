import { defaultSchema } from '../domain/index.ts';
import type { OrgState, User } from '../state/org.ts';
import { flatKey } from '../sim/flatKey.ts';

export const CONNECTION_USER_ALIAS = 'pnet';

/** Ids of the two users every org starts with. */
export function adminUserId(idTag: string): string {
  return flatKey(`005${idTag}00000000001`);
}
const connectionUsers = new Map<string, string>();

/** The Connection User's id; cached because every inbound change is stamped with it. */
export function connectionUserId(idTag: string): string {
  let id = connectionUsers.get(idTag);
  if (!id) connectionUsers.set(idTag, (id = flatKey(`005${idTag}00000000002`)));
  return id;
}

/**
 * A new org: S2S off (EN-1), one System Administrator with Manage Connections, and the
 * system Connection User that makes inbound changes (PERM-3).
 */
export function newOrg(id: string, name: string, domain: string, idTag: string): OrgState {
  const admin: User = {
    Id: adminUserId(idTag),
    Name: `${name} Admin`,
    Alias: 'admin',
    Email: `admin@${domain}`,
    Profile: 'System Administrator',
    ManageConnections: true,
    UserRoleId: null,
    IsActive: true,
  };
  const pnet: User = {
    Id: connectionUserId(idTag),
    Name: 'Connection User',
    Alias: CONNECTION_USER_ALIAS,
    Email: `noreply@${domain}`,
    Profile: 'System Administrator',
    ManageConnections: false,
    UserRoleId: null,
    IsActive: true,
    system: true,
  };
  return {
    id,
    name,
    domain,
    idTag,
    offline: false,
    s2s: {
      enabled: false,
      enabledAt: null,
      fromAddress: admin.Email,
      displayName: name,
      invitationTemplate: `${name} invites you to share records through Salesforce to Salesforce.`,
      decisionTemplate: `{partner} has {decision} your invitation.`,
      updateConnectionTemplate: `{partner} has changed what it publishes to you.`,
      templates: {},
    },
    users: { [admin.Id]: admin, [pnet.Id]: pnet },
    roles: {},
    schema: defaultSchema(),
    hiddenFields: {},
    validationRules: [],
    automations: [],
    queues: {},
    assignmentRules: {},
    sharingRules: [],
    records: {},
    history: [],
    connections: {},
    recordConnections: {},
    shareIndex: {},
    pendingChildren: {},
    waitingInvitations: [],
    notifications: [],
    failures: [],
    counters: { '005': 2 },
  };
}
