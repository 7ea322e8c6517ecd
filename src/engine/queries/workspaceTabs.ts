import type { OrgState } from '../state/org.ts';
import { isAdmin } from '../rules/access.ts';

export interface WorkspaceTab {
  /** 'setup', 'connections', 'health', 'console', or an object's API name. */
  id: string;
  label: string;
  object?: string;
}

const STANDARD_TABS = ['Account', 'Contact', 'Lead', 'Opportunity', 'Case'];

/**
 * The tabs a user sees in an org, in Salesforce's order. Connections (and the Health view of
 * them) exist only once S2S is enabled (EN-2) and only for users with Manage Connections (PERM-1).
 */
export function workspaceTabs(org: OrgState, userId: string): WorkspaceTab[] {
  const u = org.users[userId];
  const s2sTabs = org.s2s.enabled && !!u?.ManageConnections;
  const tabs: WorkspaceTab[] = [{ id: 'setup', label: 'Setup' }];
  if (s2sTabs) tabs.push({ id: 'connections', label: 'Connections' });
  for (const api of STANDARD_TABS) {
    const def = org.schema[api];
    if (def) tabs.push({ id: api, label: def.pluralLabel, object: api });
  }
  for (const def of Object.values(org.schema))
    if (def.custom) tabs.push({ id: def.apiName, label: def.pluralLabel, object: def.apiName });
  if (s2sTabs) tabs.push({ id: 'health', label: 'Health' });
  // Salesforce opens the Developer Console for users who may author Apex: administrators here.
  if (u && isAdmin(u)) tabs.push({ id: 'console', label: 'Developer Console' });
  return tabs;
}
