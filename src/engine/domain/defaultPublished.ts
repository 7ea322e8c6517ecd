import type { ObjectDef } from './objectDef.ts';

// PUB-3: what a newly published object publishes before anyone edits the field list. They are
// the fields a received copy needs to be saved at all (its required fields), which is why they
// are on by default. Salesforce lists none for Attachment.
export const DEFAULT_PUBLISHED_FIELDS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  Account: ['Name'],
  Contact: ['LastName'],
  Lead: ['LastName', 'Company'],
  Opportunity: ['Name', 'CloseDate', 'StageName'],
  Case: ['Subject'],
  Task: ['Subject'],
  Product2: ['Name'],
  OpportunityLineItem: ['Quantity', 'UnitPrice'],
  CaseComment: ['CommentBody', 'IsPublished'],
});

export const CUSTOM_OBJECT_DEFAULT_PUBLISHED: readonly string[] = ['Name'];

export function defaultPublishedFields(obj: ObjectDef): string[] {
  if (obj.custom) return [...CUSTOM_OBJECT_DEFAULT_PUBLISHED];
  return [...(DEFAULT_PUBLISHED_FIELDS[obj.apiName] ?? [])];
}
