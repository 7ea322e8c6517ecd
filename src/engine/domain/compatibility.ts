import {
  describeType,
  kindLabel,
  LIMITS,
  type FieldDef,
  type FieldKind,
  type FieldType,
  type FieldValue,
} from './fieldTypes.ts';
import { OK, refuse, type Check } from './result.ts';

// SUB-3 kept as one table, so the mapping screen, auto-map and the sync engine all ask the same
// question and the rules can be read (and shown) in one place. Rows are tried in order; the
// first row whose `applies` matches gives the verdict.

export interface CompatibilityRule {
  id: string;
  description: string;
  applies: (source: FieldType, target: FieldType) => boolean;
  verdict: (source: FieldType, target: FieldType) => Check;
}

const NUMERIC: ReadonlySet<FieldKind> = new Set(['Number', 'Currency', 'Percent']);
const TEXT_KINDS: ReadonlySet<FieldKind> = new Set(['Text', 'TextArea', 'LongTextArea']);

// Lookups hold the partner org's Ids and formulas and auto-numbers are computed locally, so an
// inbound value has nowhere to go; the rest are kinds S2S does not carry at all (PUB-2).
const READ_ONLY_TARGETS: ReadonlySet<FieldKind> = new Set([
  'Lookup',
  'AutoNumber',
  'FormulaText',
  'Id',
  'AuditDateTime',
  'AuditUser',
  'RichTextArea',
  'Geolocation',
]);
const UNPUBLISHABLE_SOURCES: ReadonlySet<FieldKind> = new Set([
  'RichTextArea',
  'Geolocation',
  'Id',
  'AuditDateTime',
  'AuditUser',
]);

const d = describeType;
const rule = (s: FieldType, t: FieldType, why: string) =>
  refuse(`${d(s)} cannot map to ${d(t)}${why} (SUB-3).`);
const onlyTo = (s: FieldType, t: FieldType, allowed: string) =>
  rule(s, t, `: ${kindLabel(s.kind)} maps only to ${allowed}`);
const lengthOf = (t: FieldType): number => ('length' in t ? t.length : 0);

function atLeast(s: FieldType, t: FieldType, min: number): Check {
  return lengthOf(t) >= min ? OK : rule(s, t, `: it needs a length of ${min} or more`);
}
function notShorter(s: FieldType, t: FieldType): Check {
  return lengthOf(t) >= lengthOf(s) ? OK : rule(s, t, ': the target is shorter');
}

function numbers(s: FieldType, t: FieldType): Check {
  if (s.kind !== t.kind || !('precision' in s) || !('precision' in t)) {
    return onlyTo(s, t, kindLabel(s.kind));
  }
  if (t.precision < s.precision) {
    return rule(s, t, `: the target has fewer digits (precision ${t.precision} < ${s.precision})`);
  }
  if (t.scale < s.scale) {
    return rule(s, t, `: the target has fewer decimal places (scale ${t.scale} < ${s.scale})`);
  }
  // Precision and scale both ≥ can still lose digits before the point (18,0 into 18,2), and
  // such values would then fail on every sync; so the sandbox also keeps those digits.
  if (t.precision - t.scale < s.precision - s.scale) {
    return rule(s, t, ': the target has fewer digits before the decimal point');
  }
  return OK;
}

export const COMPATIBILITY_RULES: readonly CompatibilityRule[] = [
  {
    id: 'source-not-publishable',
    description:
      'Rich text, geolocation, Id and system audit fields are never published, so they map to nothing (PUB-2).',
    applies: (s) => UNPUBLISHABLE_SOURCES.has(s.kind),
    verdict: (s) => refuse(`${d(s)} fields cannot be published, so they never map (PUB-2).`),
  },
  {
    id: 'target-not-writable',
    description:
      'A connection cannot write lookups, auto-numbers, formulas, Ids, audit fields, rich text or geolocation fields.',
    applies: (_s, t) => READ_ONLY_TARGETS.has(t.kind),
    verdict: (_s, t) => refuse(`${d(t)} fields cannot be written by a connection (SUB-3).`),
  },
  {
    id: 'number-same-type-precision-scale',
    description:
      'Number, Currency and Percent map only to the same type, keeping precision and scale (target ≥ source) and the digits before the point.',
    applies: (s) => NUMERIC.has(s.kind),
    verdict: numbers,
  },
  {
    id: 'same-type',
    description: 'Date, Date/Time and Checkbox map only to the same type.',
    applies: (s) => s.kind === 'Date' || s.kind === 'DateTime' || s.kind === 'Checkbox',
    verdict: (s, t) => (s.kind === t.kind ? OK : onlyTo(s, t, kindLabel(s.kind))),
  },
  {
    id: 'text-255-not-long-text-area',
    description: 'Text(255) does not map to Long Text Area.',
    applies: (s, t) => s.kind === 'Text' && s.length >= LIMITS.textMax && t.kind === 'LongTextArea',
    verdict: (s, t) => refuse(`${d(s)} cannot map to ${kindLabel(t.kind)} (SUB-3).`),
  },
  {
    id: 'text-to-text',
    description: 'Text maps to Text, Text Area or Long Text Area of equal or greater length.',
    applies: (s) => s.kind === 'Text',
    verdict: (s, t) =>
      TEXT_KINDS.has(t.kind) ? notShorter(s, t) : onlyTo(s, t, 'Text, Text Area or Long Text Area'),
  },
  {
    id: 'text-area-to-text-area',
    description: 'Text Area maps to Text Area or Long Text Area of equal or greater length.',
    applies: (s) => s.kind === 'TextArea',
    verdict: (s, t) =>
      t.kind === 'TextArea' || t.kind === 'LongTextArea'
        ? notShorter(s, t)
        : onlyTo(s, t, 'Text Area or Long Text Area'),
  },
  {
    id: 'long-text-area-to-long-text-area',
    description: 'Long Text Area maps to Long Text Area of equal or greater length.',
    applies: (s) => s.kind === 'LongTextArea',
    verdict: (s, t) =>
      t.kind === 'LongTextArea' ? notShorter(s, t) : onlyTo(s, t, 'Long Text Area'),
  },
  {
    id: 'lookup-formula-to-text-80',
    description: 'Lookup and Formula (Text) map to Text of length 80 or more.',
    applies: (s) => s.kind === 'Lookup' || s.kind === 'FormulaText',
    verdict: (s, t) => (t.kind === 'Text' ? atLeast(s, t, 80) : onlyTo(s, t, 'Text(80) or longer')),
  },
  {
    id: 'auto-number-to-text-30',
    description: 'Auto Number maps to Text of length 30 or more.',
    applies: (s) => s.kind === 'AutoNumber',
    verdict: (s, t) => (t.kind === 'Text' ? atLeast(s, t, 30) : onlyTo(s, t, 'Text(30) or longer')),
  },
  {
    id: 'picklist-to-picklist',
    description:
      'Picklist maps to Picklist; a partner value with no local match is written as it is.',
    applies: (s) => s.kind === 'Picklist',
    verdict: (s, t) => (t.kind === 'Picklist' ? OK : onlyTo(s, t, 'Picklist')),
  },
  {
    id: 'email-phone-url-to-same-or-text',
    description:
      'Email, Phone and URL map to the same type, or to Text long enough for the longest value (80, 40, 255).',
    applies: (s) => s.kind === 'Email' || s.kind === 'Phone' || s.kind === 'Url',
    verdict: (s, t) => {
      if (t.kind === s.kind) return OK;
      const max =
        s.kind === 'Email' ? LIMITS.emailMax : s.kind === 'Phone' ? LIMITS.phoneMax : LIMITS.urlMax;
      return t.kind === 'Text' ? atLeast(s, t, max) : onlyTo(s, t, `${kindLabel(s.kind)} or Text`);
    },
  },
  {
    id: 'otherwise-refused',
    description: 'Any other pair of types is incompatible.',
    applies: () => true,
    verdict: (s, t) => rule(s, t, ''),
  },
];

export function findMappingRule(source: FieldDef, target: FieldDef): CompatibilityRule {
  // The last row always applies, so find() cannot miss.
  return COMPATIBILITY_RULES.find((r) => r.applies(source.type, target.type)) as CompatibilityRule;
}

export function checkMapping(source: FieldDef, target: FieldDef): Check {
  return findMappingRule(source, target).verdict(source.type, target.type);
}

export interface TargetOption {
  field: FieldDef;
  ok: boolean;
  reason?: string;
}

// For the mapping screen: every local field, with why the incompatible ones are not offered.
export function compatibleTargets(source: FieldDef, targets: FieldDef[]): TargetOption[] {
  return targets.map((field) => {
    const r = checkMapping(source, field);
    return r.ok ? { field, ok: true } : { field, ok: false, reason: r.reason };
  });
}

// How a published value becomes the mapped field's value on arrival. Types mapped to text
// (lookup Ids, auto-numbers, and numbers or booleans if ever mapped so) are written as their
// text; picklist values pass through even when the local picklist lacks them (SUB-3).
export function convertForTarget(
  _source: FieldDef,
  target: FieldDef,
  value: FieldValue,
): FieldValue {
  if (value === null) return target.type.kind === 'Checkbox' ? false : null;
  if (TEXT_KINDS.has(target.type.kind) && typeof value !== 'string') return String(value);
  return value;
}
