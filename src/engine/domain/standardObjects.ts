import type { ObjectDef } from './objectDef.ts';
import { ACCOUNT } from './standard/account.ts';
import { ATTACHMENT } from './standard/attachment.ts';
import { CASE } from './standard/case.ts';
import { CASE_COMMENT } from './standard/caseComment.ts';
import { CONTACT } from './standard/contact.ts';
import { LEAD } from './standard/lead.ts';
import { OPPORTUNITY } from './standard/opportunity.ts';
import { OPPORTUNITY_LINE_ITEM } from './standard/opportunityLineItem.ts';
import { PRODUCT2 } from './standard/product2.ts';
import { TASK } from './standard/task.ts';

// Frozen all the way down: every org starts from these, so a stray mutation would leak into
// all of them. Orgs get their own copies from defaultSchema().
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// The standard objects S2S supports (PUB-1), in the order Salesforce lists them.
export const STANDARD_OBJECTS: readonly ObjectDef[] = deepFreeze([
  ACCOUNT,
  CONTACT,
  LEAD,
  OPPORTUNITY,
  OPPORTUNITY_LINE_ITEM,
  PRODUCT2,
  CASE,
  CASE_COMMENT,
  TASK,
  ATTACHMENT,
]);

export const S2S_SUPPORTED_STANDARD_OBJECTS: readonly string[] = STANDARD_OBJECTS.filter(
  (o) => o.s2sSupported,
).map((o) => o.apiName);

// PUB-1: standard objects in the list above, and any deployed custom object.
export function isS2sSupported(obj: ObjectDef): boolean {
  return obj.custom || (obj.s2sSupported && S2S_SUPPORTED_STANDARD_OBJECTS.includes(obj.apiName));
}
