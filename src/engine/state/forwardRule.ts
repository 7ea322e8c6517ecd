import type { Condition } from '../org/condition.ts';

/**
 * An automation rule, the trigger-or-Flow way of sharing: when a record of `object` is saved
 * (created, updated or either) and meets `condition`, it is forwarded to `connectionId` with the
 * child objects named in `relatedObjects`, as a PNRC insert would (FWD-4).
 */
export interface ForwardRule {
  Id: string;
  Name: string;
  object: string;
  when: 'created' | 'updated' | 'createdOrUpdated';
  /** On one field of the saved record; none means every save. */
  condition: (Condition & { field: string }) | null;
  connectionId: string;
  /** Child object API names sent along (RelatedRecords). */
  relatedObjects: string[];
  sendEmail: boolean;
}

export type ForwardRuleInput = Omit<
  ForwardRule,
  'Id' | 'condition' | 'relatedObjects' | 'sendEmail'
> & {
  condition?: ForwardRule['condition'];
  relatedObjects?: string[];
  sendEmail?: boolean;
};
