import { ANY_OBJECT } from '../fieldTypes.ts';
import * as f from '../fieldBuilders.ts';
import type { ObjectDef } from '../objectDef.ts';
import * as p from './picklists.ts';

// WhatId ("Related To") may point to almost any object, so a Task follows whichever parent it
// was forwarded with (FWD-1: open and closed Tasks sent along).
export const TASK: ObjectDef = {
  apiName: 'Task',
  label: 'Task',
  pluralLabel: 'Tasks',
  keyPrefix: '00T',
  nameField: 'Subject',
  custom: false,
  s2sSupported: true,
  parent: { field: 'WhatId', objects: [ANY_OBJECT] },
  fields: [
    f.text('Subject', 'Subject', 255),
    f.picklist('Status', 'Status', p.TASK_STATUS),
    f.picklist('Priority', 'Priority', p.TASK_PRIORITY),
    f.picklist('Type', 'Type', p.TASK_TYPE),
    f.date('ActivityDate', 'Due Date'),
    f.checkbox('IsClosed', 'Closed'),
    f.longText('Description', 'Comments', 32000),
    f.lookup('WhatId', 'Related To', ANY_OBJECT),
    f.lookup('WhoId', 'Name', 'Contact,Lead'),
    f.lookup('OwnerId', 'Assigned To', 'User'),
    ...f.systemFields('Activity'),
  ],
};
