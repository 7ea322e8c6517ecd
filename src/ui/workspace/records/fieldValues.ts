import type { FieldDef, FieldValue } from '../../../engine/domain/index.ts';

// Between a stored value and what an input holds. Inputs hold text (or a checkbox's boolean);
// the engine checks the value, so text that is no number is sent as text and refused there
// with its own reason rather than dropped here.

export type InputValue = string | boolean;

const NUMERIC = new Set(['Number', 'Currency', 'Percent']);

/** What an input shows for a stored value. */
export function toInput(f: FieldDef, v: FieldValue | undefined): InputValue {
  if (f.type.kind === 'Checkbox') return v === true;
  if (v === null || v === undefined) return '';
  // datetime-local has no seconds nor zone: the sandbox's date/times are UTC.
  if (f.type.kind === 'DateTime' && typeof v === 'string') return v.slice(0, 16);
  return String(v);
}

/** The value to send for what an input holds. */
export function fromInput(f: FieldDef, x: InputValue): FieldValue {
  if (typeof x === 'boolean') return x;
  const text = x.trim() === '' ? '' : x;
  if (text === '') return null;
  if (NUMERIC.has(f.type.kind)) {
    const n = Number(text.replace(/,/g, ''));
    return Number.isFinite(n) ? n : text;
  }
  if (f.type.kind === 'DateTime' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text))
    return `${text}:00Z`;
  return x;
}

/** A stored value as text on a page or in a list. */
export function showValue(f: FieldDef | undefined, v: FieldValue | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'number' && f?.type.kind === 'Currency') return thousands(v);
  if (typeof v === 'number' && f?.type.kind === 'Percent') return `${v}%`;
  return String(v);
}

/**
 * 10000 → "10,000". Written out rather than toLocaleString: the first Intl call of a page
 * loads locale data, a pause of about 100 ms the first time a list opens.
 */
export function thousands(n: number): string {
  const [whole, fraction] = String(n).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}
