// Record Ids are 15 case-sensitive or 18 case-insensitive letters and digits; the first three
// are the object's key prefix. Lookups, Id and audit-user fields all hold one.
const ID_PATTERN = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;

export function isSalesforceId(value: string): boolean {
  return ID_PATTERN.test(value);
}
