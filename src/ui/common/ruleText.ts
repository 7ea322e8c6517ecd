// Each S2S rule id in plain words, for the help a refused command links to. The rules themselves
// live in the engine; this is only how the app explains them.
export const RULE_TEXT: Record<string, string> = {
  'EN-1':
    'Salesforce to Salesforce is off in a new org. A user with Modify All Data enables it in Salesforce to Salesforce Settings, and it can never be disabled again.',
  'EN-2':
    'While S2S is off, nothing of it exists in the org: no Connections tab, no connections, no Forward to Connection. An invitation to such an org waits until it is enabled.',
  'EN-3':
    'S2S settings hold the invitation From address, the display name and the email templates.',
  'PERM-1':
    'Manage Connections is needed to see Connections, invite, accept, publish, subscribe, manage templates and forward records from a list view.',
  'PERM-2':
    'Forwarding or stopping the sharing of one record needs Read and Edit on it: your own records, those owned below you in the role hierarchy, or any record for an admin.',
  'PERM-3':
    'Changes that arrive from a partner are made by the system user Connection User (alias pnet).',
  'CONN-1':
    'Before inviting, create an Account for the partner company and a Contact under it with a valid email; the invitation goes to that Contact.',
  'CONN-2':
    'A connection is Invitation Sent on the inviter’s side and Invitation Received on the invitee’s until the invitee decides; Pending means the invitation is still travelling.',
  'CONN-3':
    'The invitee can Accept, Decline or Decide Later; the inviter can Cancel or Resend before a decision.',
  'CONN-4': 'There can be at most one connection between two orgs.',
  'CONN-5':
    'Accepting shares nothing yet: each side then chooses what it publishes and what it subscribes to.',
  'CONN-6':
    'Either side can deactivate a connection for good: accepted copies stay, records not yet accepted are removed, and nothing flows any more.',
  'CONN-7':
    'Connection History lists invitations, decisions, publication and subscription changes and sync failures.',
  'CONN-8':
    'A connection template publishes the objects and fields it lists and unpublishes the rest.',
  'PUB-1':
    'Each side publishes objects and fields per connection; unpublished fields are never sent.',
  'PUB-2':
    'Lookups, rich text, geolocation and system audit fields cannot be published. For a lookup, publish a text formula of its Id instead.',
  'PUB-3': 'Each object comes with default published fields, such as Account Name.',
  'PUB-4': 'Unpublishing an object unsubscribes the partner from it; values already copied stay.',
  'SUB-1':
    'The partner receives nothing until it subscribes, and it can subscribe only to what is published to it.',
  'SUB-2':
    'Auto-Map Fields matches by API name, then by label, and never overwrites a mapping made by hand.',
  'SUB-3':
    'A field maps only to a local field of a compatible type, long and precise enough to hold its values.',
  'SUB-4': 'Renaming or deleting a mapped field breaks the mapping; its updates fail.',
  'SUB-5':
    'Auto-Accept creates forwarded records at once. Child records are accepted with their parent when the parent is already accepted.',
  'FWD-1':
    'Forward records to one or more connections, with related child records and an optional notification email.',
  'FWD-2':
    'A record cannot be forwarded when its object is not published and subscribed on the connection, the connection is not Accepted, its parent is not shared, it came from that connection, or it is a Lead without Company.',
  'FWD-3': 'A child forwarded on its own arrives unrelated to any parent.',
  'FWD-4':
    'Inserting a PartnerNetworkRecordConnection row forwards a record exactly as the screens do.',
  'REC-1':
    'A shared record is Pending until the partner accepts it, then Active; Inactive once sharing stops.',
  'REC-2':
    'Without Auto-Accept a forwarded record waits in “<Object>s from Connections” until someone accepts or rejects it.',
  'REC-3':
    'A received copy shows where it came from: its sharing status and the External Sharing list.',
  'REC-4': 'Stop Sharing ends the share on both sides; the partner’s copy stays as a plain record.',
  'REC-5': 'Deletes are never sent: deleting or converting a shared record ends its sharing.',
  'REC-6': 'A record can be shared with several connections, once each.',
  'SYNC-1': 'A change flows only where one side publishes the field and the other maps it.',
  'SYNC-3':
    'Sync is asynchronous and has no conflict detection: the later arrival wins, field by field.',
  'SYNC-4': 'While a link is paused or an org is offline, updates queue and nothing is lost.',
  'SYNC-5':
    'An update or a received record the receiver cannot apply fails for that record, with the reason under Failed updates in Health and in Connection History.',
  'SHR-1':
    'Who sees a record: its owner, users above the owner in the role hierarchy, queue members, admins and sharing rules.',
  'SHR-2': 'A field hidden from a profile is stored but not shown to its users.',
  'HLT-1':
    'Health shows, per connection, pending records, messages in flight, failures and sync lag.',
  'HLT-2': 'The connection owner is notified of decisions, forwarded records and failures.',
  API: 'The request itself is not well formed.',
};

export function ruleText(id: string): string {
  return RULE_TEXT[id] ?? 'A rule of the sandbox.';
}
