import type { FieldMapping, ObjectDef } from '../domain/index.ts';
import type { PartnerNetworkConnection } from '../state/connection.ts';
import type { OrgState } from '../state/org.ts';

// What a subscription's field mapping leaves wrong, found before a record fails on it:
// a required local field nothing maps to (its records cannot be accepted, SYNC-5) and a
// mapping to a local field that was renamed or deleted (SUB-4).

/** Kinds the org fills itself (Id, audit fields, Auto Number, formulas): never mapped. */
const FILLED_BY_ORG = new Set(['Id', 'AuditDateTime', 'AuditUser', 'AutoNumber', 'FormulaText']);

export interface RequiredField {
  apiName: string;
  label: string;
}

/**
 * SYNC-5: the local object's required fields that no partner field maps to. A record received
 * through this mapping has no value for them, so accepting it fails.
 */
export function unmappedRequired(local: ObjectDef, mapping: FieldMapping): RequiredField[] {
  const mapped = new Set(Object.values(mapping).filter((v): v is string => !!v));
  return local.fields
    .filter((f) => f.required && !FILLED_BY_ORG.has(f.type.kind) && !mapped.has(f.apiName))
    .map((f) => ({ apiName: f.apiName, label: f.label }));
}

export interface BrokenMapping {
  partnerField: string;
  /** The local field the mapping names, which no longer exists. */
  localField: string;
}

export interface SubscriptionProblems {
  connectionId: string;
  ConnectionName: string;
  partnerObject: string;
  localObject: string;
  /** The local object's label, as "Edit <Object> mapping" names it. */
  localLabel: string;
  unmappedRequired: RequiredField[];
  broken: BrokenMapping[];
}

function problemsOf(
  org: OrgState,
  pnc: PartnerNetworkConnection,
  partnerObject: string,
): SubscriptionProblems | null {
  const sub = pnc.subscriptions[partnerObject];
  if (!sub) return null;
  const local = org.schema[sub.localObject];
  const broken: BrokenMapping[] = [];
  for (const [partnerField, localField] of Object.entries(sub.mapping))
    if (localField && !local?.fields.some((f) => f.apiName === localField))
      broken.push({ partnerField, localField });
  return {
    connectionId: pnc.Id,
    ConnectionName: pnc.ConnectionName,
    partnerObject,
    localObject: sub.localObject,
    localLabel: local?.label ?? sub.localObject,
    unmappedRequired: local ? unmappedRequired(local, sub.mapping) : [],
    broken,
  };
}

/**
 * Every subscription of the org whose mapping is broken (SUB-4) or leaves a required field
 * unmapped (SYNC-5), optionally of one connection. Subscriptions with neither are left out.
 */
export function mappingProblems(org: OrgState, connectionId?: string): SubscriptionProblems[] {
  const out: SubscriptionProblems[] = [];
  for (const pnc of Object.values(org.connections)) {
    if (connectionId !== undefined && pnc.Id !== connectionId) continue;
    for (const partnerObject of Object.keys(pnc.subscriptions)) {
      const p = problemsOf(org, pnc, partnerObject);
      if (p && (p.broken.length || p.unmappedRequired.length)) out.push(p);
    }
  }
  return out;
}

export interface MappingToField {
  connectionId: string;
  ConnectionName: string;
  ConnectionStatus: PartnerNetworkConnection['ConnectionStatus'];
  partnerObject: string;
  partnerField: string;
  /** The partner field's label as the partner published it. */
  partnerLabel: string;
}

/** SUB-4: the subscriptions that map a partner field into `object.field` (renaming it breaks them). */
export function mappingsToField(org: OrgState, object: string, field: string): MappingToField[] {
  const out: MappingToField[] = [];
  for (const pnc of Object.values(org.connections))
    for (const [partnerObject, sub] of Object.entries(pnc.subscriptions)) {
      if (sub.localObject !== object) continue;
      for (const [partnerField, localField] of Object.entries(sub.mapping))
        if (localField === field)
          out.push({
            connectionId: pnc.Id,
            ConnectionName: pnc.ConnectionName,
            ConnectionStatus: pnc.ConnectionStatus,
            partnerObject,
            partnerField,
            partnerLabel:
              pnc.partnerPublications[partnerObject]?.find((f) => f.apiName === partnerField)
                ?.label ?? partnerField,
          });
    }
  return out;
}
