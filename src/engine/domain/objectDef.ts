import { ANY_OBJECT, type FieldDef } from './fieldTypes.ts';

// The parent a child object is shared under (FWD-1, SUB-5): which lookup holds the parent and
// which objects it may point to (ANY_OBJECT for Task.WhatId and Attachment.ParentId).
export interface ParentRelationship {
  field: string;
  objects: string[];
}

export interface ObjectDef {
  apiName: string;
  label: string;
  pluralLabel: string;
  // The first three characters of every record Id of this object (001 for Account).
  keyPrefix: string;
  nameField: string;
  fields: FieldDef[];
  custom: boolean;
  parent?: ParentRelationship;
  // Junction objects never get Auto-Accept (SUB-5).
  junction?: boolean;
  // Whether S2S can publish it at all (PUB-1).
  s2sSupported: boolean;
}

export function isParentObject(child: ObjectDef, parentApiName: string): boolean {
  const objects = child.parent?.objects ?? [];
  return objects.includes(ANY_OBJECT) || objects.includes(parentApiName);
}

export function findField(obj: ObjectDef, apiName: string): FieldDef | undefined {
  const key = apiName.toLowerCase();
  return obj.fields.find((f) => f.apiName.toLowerCase() === key);
}
