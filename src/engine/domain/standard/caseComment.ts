import * as f from '../fieldBuilders.ts';
import type { ObjectDef } from '../objectDef.ts';

// A Case Comment has no name and no owner of its own: it lives under its Case.
export const CASE_COMMENT: ObjectDef = {
  apiName: 'CaseComment',
  label: 'Case Comment',
  pluralLabel: 'Case Comments',
  keyPrefix: '00a',
  nameField: 'CommentBody',
  custom: false,
  s2sSupported: true,
  parent: { field: 'ParentId', objects: ['Case'] },
  fields: [
    f.lookup('ParentId', 'Parent Case', 'Case'),
    f.longText('CommentBody', 'Body', 4000),
    f.checkbox('IsPublished', 'Published'),
    ...f.systemFields('Case Comment'),
  ],
};
