import {
  autoMapFields,
  canAutoAccept,
  canSubscribeInto,
  compatibleTargets,
  defaultPublishedFields,
  describeType,
  isS2sSupported,
  type FieldDef,
  type FieldMapping,
  type ObjectDef,
} from '../domain/index.ts';
import { publishFieldCheck } from '../rules/publishing.ts';
import type { PartnerNetworkConnection, Subscription } from '../state/connection.ts';
import type { OrgState } from '../state/org.ts';
import { recordsView } from './orgViews.ts';

// What the Connections screen offers and why it offers no more, so the screen decides nothing
// itself: publishable fields (PUB-1, PUB-2, PUB-3), local objects and fields a subscription may
// use (SUB-1, SUB-3), Auto-Map (SUB-2) and Auto-Accept (SUB-5). Each answer comes from the same
// domain checks the commands run, so what is offered is what the engine will accept.

/** A field as the screens name it: API name, label and Salesforce's type label. */
export interface FieldChoice {
  apiName: string;
  label: string;
  type: string;
}

const choice = (f: FieldDef): FieldChoice => ({
  apiName: f.apiName,
  label: f.label,
  type: describeType(f.type),
});

export interface PublishFieldView extends FieldChoice {
  published: boolean;
  /** PUB-3: published whenever the object is, so it cannot be unticked. */
  always: boolean;
  /** Why it cannot be published (PUB-1, PUB-2); absent when it can. */
  notPublishable?: { rule: string; reason: string };
}

export interface PublishObjectView {
  object: string;
  label: string;
  published: boolean;
  fields: PublishFieldView[];
}

function connectionOf(org: OrgState, connectionId: string): PartnerNetworkConnection | undefined {
  return org.connections[connectionId];
}

/** PUB-1, PUB-2, PUB-3: every object S2S can publish, with each field's state for this user. */
export function publishView(
  org: OrgState,
  connectionId: string,
  userId: string,
): PublishObjectView[] {
  const pnc = connectionOf(org, connectionId);
  const u = org.users[userId];
  if (!pnc) return [];
  return Object.values(org.schema)
    .filter(isS2sSupported)
    .map((obj) => {
      const published = pnc.publications[obj.apiName];
      const defaults = new Set(defaultPublishedFields(obj));
      return {
        object: obj.apiName,
        label: obj.label,
        published: !!published,
        fields: obj.fields.map((f): PublishFieldView => {
          const why = u ? publishFieldCheck(org, u, obj, f) : null;
          const notPublishable = why ? { rule: why.rule, reason: why.reason } : undefined;
          return {
            ...choice(f),
            published: !!published?.includes(f.apiName),
            always: defaults.has(f.apiName),
            ...(notPublishable ? { notPublishable } : {}),
          };
        }),
      };
    });
}

export interface LocalObjectChoice {
  apiName: string;
  label: string;
  /** SUB-5: whether Auto-Accept may be switched on when subscribing into this object. */
  autoAccept: { allowed: true } | { allowed: false; reason: string };
}

export interface SubscribeObjectView {
  partnerObject: string;
  /** The local label when the object exists here too, else the partner's API name. */
  label: string;
  fields: FieldChoice[];
  subscription: Subscription | null;
  /** SUB-1: standard → the same standard object; custom → any custom object. */
  localObjects: LocalObjectChoice[];
}

function autoAcceptFor(obj: ObjectDef): LocalObjectChoice['autoAccept'] {
  const can = canAutoAccept(obj);
  return can.ok ? { allowed: true } : { allowed: false, reason: `${can.reason} (SUB-5)` };
}

/** SUB-1 (which local objects a partner object may land in) with SUB-5 for each. */
export function localObjectsFor(org: OrgState, partnerObject: string): LocalObjectChoice[] {
  const candidates = Object.values(org.schema).filter((o) => canSubscribeInto(partnerObject, o).ok);
  return candidates.map((o) => ({
    apiName: o.apiName,
    label: o.label,
    autoAccept: autoAcceptFor(o),
  }));
}

/** SUB-1: only what the partner publishes can be subscribed to. */
export function subscribeView(org: OrgState, connectionId: string): SubscribeObjectView[] {
  const pnc = connectionOf(org, connectionId);
  if (!pnc) return [];
  return Object.entries(pnc.partnerPublications).map(([partnerObject, fields]) => ({
    partnerObject,
    label: org.schema[partnerObject]?.label ?? partnerObject,
    fields: fields.map(choice),
    subscription: pnc.subscriptions[partnerObject] ?? null,
    localObjects: localObjectsFor(org, partnerObject),
  }));
}

export interface MappingFieldView {
  partner: FieldChoice;
  /** SUB-3: local fields this partner field may map to (besides --None--). */
  offered: FieldChoice[];
  /** SUB-3: the other local fields, each with why it is not offered. */
  notOffered: (FieldChoice & { reason: string })[];
}

function published(
  org: OrgState,
  connectionId: string,
  partnerObject: string,
  localObject: string,
): { fields: FieldDef[]; local: ObjectDef } | null {
  const fields = connectionOf(org, connectionId)?.partnerPublications[partnerObject];
  const local = org.schema[localObject];
  return fields && local ? { fields, local } : null;
}

/** SUB-3: one picker per partner field, offering only compatible local fields. */
export function mappingView(
  org: OrgState,
  connectionId: string,
  partnerObject: string,
  localObject: string,
): MappingFieldView[] {
  const p = published(org, connectionId, partnerObject, localObject);
  if (!p) return [];
  return p.fields.map((source) => {
    const options = compatibleTargets(source, p.local.fields);
    return {
      partner: choice(source),
      offered: options.filter((o) => o.ok).map((o) => choice(o.field)),
      notOffered: options
        .filter((o) => !o.ok)
        .map((o) => ({ ...choice(o.field), reason: o.reason ?? '' })),
    };
  });
}

/**
 * SUB-2: Auto-Map Fields for the mapping screen. `chosen` holds the pickers set by hand
 * (--None-- included as null); they come back unchanged and only the others are filled.
 */
export function autoMapView(
  org: OrgState,
  connectionId: string,
  partnerObject: string,
  localObject: string,
  chosen: FieldMapping,
): FieldMapping {
  const p = published(org, connectionId, partnerObject, localObject);
  if (!p) return { ...chosen };
  return autoMapFields(p.fields, p.local.fields, chosen);
}

export interface InviteChoices {
  /** CONN-1: the org's Contacts, each with its Account and email. */
  contacts: {
    Id: string;
    name: string;
    email: string;
    accountId: string | null;
    accountName: string;
  }[];
  /** CONN-1: the Connection Owner is an active user of this org. */
  owners: { Id: string; Name: string }[];
  /** CONN-8 */
  templates: { Id: string; Name: string }[];
  /** Accounts a connection may be linked to on accept. */
  accounts: { Id: string; Name: string }[];
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** What the New Connection and Accept dialogs offer, of the records `userId` may see. */
export function inviteChoices(org: OrgState, userId: string): InviteChoices {
  const records = (object: string) => recordsView(org, { object, as: userId });
  const accounts = records('Account').map((a) => ({ Id: a.Id, Name: text(a.fields.Name) }));
  const accountName = new Map(accounts.map((a) => [a.Id, a.Name]));
  return {
    contacts: records('Contact').map((c) => {
      const accountId = text(c.fields.AccountId) || null;
      return {
        Id: c.Id,
        name: [text(c.fields.FirstName), text(c.fields.LastName)].filter(Boolean).join(' '),
        email: text(c.fields.Email),
        accountId,
        accountName: accountId ? (accountName.get(accountId) ?? accountId) : '',
      };
    }),
    owners: Object.values(org.users)
      .filter((u) => !u.system && u.IsActive)
      .map((u) => ({ Id: u.Id, Name: u.Name })),
    templates: Object.values(org.s2s.templates).map((t) => ({ Id: t.Id, Name: t.Name })),
    accounts,
  };
}
