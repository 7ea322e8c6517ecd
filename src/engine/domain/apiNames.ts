import { refuse, OK, type Check } from './result.ts';

// Salesforce's API name rule: starts with a letter, letters, digits and single underscores,
// no trailing underscore. Custom objects and fields add the `__c` suffix, which is why a
// double underscore is reserved for it.
const NAME = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*$/;
export const API_NAME_MAX = 40; // without the __c suffix
export const CUSTOM_SUFFIX = '__c';

export function isValidApiName(name: string): boolean {
  return NAME.test(name) && name.length <= API_NAME_MAX;
}

export function isCustomApiName(name: string): boolean {
  return name.endsWith(CUSTOM_SUFFIX) && isValidApiName(name.slice(0, -CUSTOM_SUFFIX.length));
}

export function checkCustomApiName(name: string, what: 'object' | 'field'): Check {
  if (!name.endsWith(CUSTOM_SUFFIX)) {
    return refuse(`A custom ${what}'s API name must end with __c ("${name}" does not).`);
  }
  const base = name.slice(0, -CUSTOM_SUFFIX.length);
  if (base.length > API_NAME_MAX) {
    return refuse(
      `"${name}" is too long: the name before __c holds at most ${API_NAME_MAX} characters.`,
    );
  }
  if (!NAME.test(base)) {
    return refuse(
      `"${name}" is not a valid API name: start with a letter, use only letters, digits and single underscores, and do not end with an underscore.`,
    );
  }
  return OK;
}

// Salesforce API names are case-insensitive: Name and name are the same field.
export function sameApiName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The API name Setup suggests as a label is typed, as Salesforce does: every run of characters
 * other than letters and digits becomes one underscore, none at either end, an "X" before a
 * leading digit, at most API_NAME_MAX characters, then __c. Empty for a label with no letter
 * or digit.
 */
export function apiNameFromLabel(label: string): string {
  let base = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!base) return '';
  if (/^[0-9]/.test(base)) base = `X${base}`;
  base = base.slice(0, API_NAME_MAX).replace(/_+$/, '');
  return `${base}${CUSTOM_SUFFIX}`;
}
