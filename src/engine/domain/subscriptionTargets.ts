import type { ObjectDef } from './objectDef.ts';
import { OK, refuse, type Check } from './result.ts';

/**
 * SUB-1: where a partner's object may land. A standard object maps to the same standard object;
 * a custom object maps to any custom object. The subscribe rule and the Subscribe screen's
 * choices both ask this.
 */
export function canSubscribeInto(partnerObject: string, local: ObjectDef): Check {
  const partnerCustom = partnerObject.endsWith('__c');
  if (!partnerCustom && local.apiName !== partnerObject)
    return refuse(
      `A standard object maps to the same standard object: ${partnerObject} cannot map to ${local.apiName}.`,
    );
  if (partnerCustom && !local.custom)
    return refuse(
      `A custom object maps to a custom object: ${partnerObject} cannot map to ${local.apiName}.`,
    );
  return OK;
}

/** SUB-5: child and junction objects are accepted with their parent, never automatically. */
export function canAutoAccept(local: ObjectDef): Check {
  if (local.junction)
    return refuse(
      `Auto-Accept is not offered for ${local.label}: it is a junction object, accepted with its parent.`,
    );
  if (local.parent)
    return refuse(
      `Auto-Accept is not offered for ${local.label}: child objects are accepted with their parent.`,
    );
  return OK;
}
