import { ANY_OBJECT } from '../fieldTypes.ts';
import * as f from '../fieldBuilders.ts';
import type { ObjectDef } from '../objectDef.ts';

// The sandbox keeps an attachment's body as text (Salesforce stores base64 binary).
export const ATTACHMENT: ObjectDef = {
  apiName: 'Attachment',
  label: 'Attachment',
  pluralLabel: 'Attachments',
  keyPrefix: '00P',
  nameField: 'Name',
  custom: false,
  s2sSupported: true,
  parent: { field: 'ParentId', objects: [ANY_OBJECT] },
  fields: [
    f.text('Name', 'File Name', 255, { required: true }),
    f.longText('Body', 'Body', 131072),
    f.text('ContentType', 'Content Type', 120),
    f.longText('Description', 'Description', 500),
    f.checkbox('IsPrivate', 'Private'),
    f.lookup('ParentId', 'Parent', ANY_OBJECT),
    f.lookup('OwnerId', 'Owner', 'User'),
    ...f.systemFields('Attachment'),
  ],
};
