import {
  canPublish,
  defaultPublishedFields,
  describeType,
  FIELD_KINDS,
  isS2sSupported,
  kindLabel,
  type FieldKind,
} from '../domain/index.ts';
import { queueable } from '../org/owners.ts';
import type { OrgState } from '../state/org.ts';

// What the Setup screens list and offer that the rest of the API does not already return, so
// the screens decide nothing themselves: which objects and fields a template may publish
// (PUB-1, PUB-2, PUB-3), which objects a queue may own (REC-2), and the field types a user
// may create by hand.

export interface TemplateObjectChoice {
  object: string;
  label: string;
  /** Fields S2S can publish (PUB-2 leaves the others out). */
  fields: { apiName: string; label: string; type: string }[];
  /** PUB-3: published whenever the object is. */
  defaults: string[];
}

// Id and audit fields exist on every object already and are set by the platform alone.
const PLATFORM_KINDS: ReadonlySet<FieldKind> = new Set(['Id', 'AuditDateTime', 'AuditUser']);
const CREATABLE_KINDS = FIELD_KINDS.filter((k) => !PLATFORM_KINDS.has(k));

export function setupView(org: OrgState) {
  const objects = Object.values(org.schema);
  return {
    roles: Object.values(org.roles),
    /** SHR-2: `Object.Field` → profiles that may not see it. */
    hiddenFields: org.hiddenFields,
    validationRules: org.validationRules,
    automations: org.automations,
    /** CONN-8 with PUB-1, PUB-2, PUB-3. */
    templateObjects: objects.filter(isS2sSupported).map((o): TemplateObjectChoice => ({
      object: o.apiName,
      label: o.label,
      fields: o.fields
        .filter((f) => canPublish(f).ok)
        .map((f) => ({ apiName: f.apiName, label: f.label, type: describeType(f.type) })),
      defaults: defaultPublishedFields(o),
    })),
    /** REC-2: Leads, Cases and custom objects. */
    queueObjects: objects
      .filter((o) => queueable(o.apiName))
      .map((o) => ({ apiName: o.apiName, label: o.label })),
    fieldKinds: CREATABLE_KINDS.map((kind) => ({ kind, label: kindLabel(kind) })),
  };
}

export type SetupView = ReturnType<typeof setupView>;
