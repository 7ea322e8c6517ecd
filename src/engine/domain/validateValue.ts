import { checkDate, checkDateTime, MAX_YEAR, MIN_YEAR } from './dates.ts';
import type { FieldDef, FieldValue } from './fieldTypes.ts';
import { LIMITS } from './fieldTypes.ts';
import { digitsOf } from './numberDigits.ts';
import { accept, refuse, type Outcome } from './result.ts';
import { isSalesforceId } from './salesforceId.ts';

// Checks one value against its field before it is written, whether typed by a user or applied
// from a partner's update (SYNC-5: a value the receiver cannot hold fails that update with this
// reason). Every reason names the field's label so Health can show it as it is.

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

function describeJs(value: FieldValue): string {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  return 'true/false';
}

function text(label: string, value: FieldValue, max: number): Outcome<FieldValue> {
  if (typeof value !== 'string')
    return refuse(`${label}: expected text, got ${describeJs(value)}.`);
  if (value.length > max)
    return refuse(`${label}: value is ${value.length} characters, the field holds at most ${max}.`);
  return accept(value);
}

/** How long a text-like field's value may be, or undefined for other kinds. */
function textLimit(t: FieldDef['type']): number | undefined {
  switch (t.kind) {
    case 'Text':
    case 'TextArea':
    case 'LongTextArea':
    case 'RichTextArea':
      return t.length;
    case 'Picklist':
      return LIMITS.picklistValueMax;
    case 'Phone':
      return LIMITS.phoneMax;
    case 'Url':
      return LIMITS.urlMax;
  }
  return undefined;
}

/**
 * Whether `validateValue` would accept this value unchanged, answered without allocating: sync
 * applies one per field per update, and nearly all are plain text that fits.
 */
export function storedAsIs(field: FieldDef, value: FieldValue): boolean {
  if (typeof value !== 'string' || value === '') return false;
  const max = textLimit(field.type);
  return max !== undefined && value.length <= max;
}

export function validateValue(field: FieldDef, value: FieldValue): Outcome<FieldValue> {
  const label = field.label;
  const t = field.type;

  // A checkbox is never empty in Salesforce: unset means false.
  if (t.kind === 'Checkbox') {
    if (value === null) return accept(false);
    if (typeof value !== 'boolean') {
      return refuse(`${label}: expected true or false, got ${describeJs(value)}.`);
    }
    return accept(value);
  }

  // Salesforce stores an empty text box as null; treat both alike.
  if (value === null || value === '') {
    return field.required ? refuse(`${label}: a value is required.`) : accept(null);
  }

  // Any text is accepted for a picklist: S2S writes a partner value with no local match as
  // it is (SUB-3).
  switch (t.kind) {
    case 'Text':
    case 'TextArea':
    case 'LongTextArea':
    case 'RichTextArea':
    case 'Phone':
    case 'Url':
    case 'Picklist':
      return text(label, value, textLimit(t)!);
    case 'AutoNumber':
      return text(label, value, LIMITS.autoNumberMax);
    case 'FormulaText':
      return text(label, value, LIMITS.formulaTextMax);
    case 'Email': {
      const r = text(label, value, LIMITS.emailMax);
      if (!r.ok) return r;
      return EMAIL.test(value as string)
        ? r
        : refuse(`${label}: "${String(value)}" is not a valid email address.`);
    }
    case 'Number':
    case 'Currency':
    case 'Percent': {
      if (typeof value !== 'number') {
        return refuse(`${label}: expected a number, got ${describeJs(value)}.`);
      }
      if (!Number.isFinite(value))
        return refuse(`${label}: ${value} is not a number it can store.`);
      const d = digitsOf(value);
      // Salesforce refuses extra decimals rather than rounding them away silently.
      if (d.fraction > t.scale) {
        return refuse(
          `${label}: value has ${d.fraction} decimal places, the field allows at most ${t.scale}.`,
        );
      }
      const before = t.precision - t.scale;
      if (d.integer > before) {
        return refuse(
          `${label}: value has ${d.integer} digits before the decimal point, the field allows at most ${before}.`,
        );
      }
      return accept(value);
    }
    case 'Date':
    case 'DateTime':
    case 'AuditDateTime': {
      if (typeof value !== 'string') {
        return refuse(`${label}: expected a date as text, got ${describeJs(value)}.`);
      }
      const isDate = t.kind === 'Date';
      const verdict = isDate ? checkDate(value) : checkDateTime(value);
      if (verdict === 'format') {
        const form = isDate ? 'YYYY-MM-DD' : 'YYYY-MM-DDThh:mm:ssZ';
        return refuse(
          `${label}: "${value}" is not a ${isDate ? 'date' : 'date/time'} in the form ${form}.`,
        );
      }
      if (verdict === 'range') {
        return refuse(`${label}: the year must be between ${MIN_YEAR} and ${MAX_YEAR}.`);
      }
      return accept(value);
    }
    case 'Lookup':
    case 'Id':
    case 'AuditUser':
      if (typeof value !== 'string' || !isSalesforceId(value)) {
        return refuse(
          `${label}: "${String(value)}" is not a Salesforce record Id (15 or 18 letters and digits).`,
        );
      }
      return accept(value);
    case 'Geolocation':
      return validateGeolocation(label, value);
  }
}

// A compound field kept as one "latitude,longitude" string, the order Salesforce displays.
function validateGeolocation(label: string, value: FieldValue): Outcome<FieldValue> {
  const parts = typeof value === 'string' ? value.split(',').map((p) => p.trim()) : [];
  const [lat, lon] = parts.map(Number) as [number, number];
  const shaped = parts.length === 2 && parts.every((p) => p !== '' && Number.isFinite(Number(p)));
  if (!shaped || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    return refuse(
      `${label}: "${String(value)}" is not a location "latitude,longitude" (latitude -90..90, longitude -180..180).`,
    );
  }
  return accept(value);
}
