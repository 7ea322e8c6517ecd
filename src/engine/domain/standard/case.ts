import * as f from '../fieldBuilders.ts';
import type { ObjectDef } from '../objectDef.ts';
import * as p from './picklists.ts';

export const CASE: ObjectDef = {
  apiName: 'Case',
  label: 'Case',
  pluralLabel: 'Cases',
  keyPrefix: '500',
  nameField: 'CaseNumber',
  custom: false,
  s2sSupported: true,
  parent: { field: 'AccountId', objects: ['Account'] },
  fields: [
    f.autoNumber('CaseNumber', 'Case Number', '{00000000}'),
    f.text('Subject', 'Subject', 255),
    f.picklist('Status', 'Status', p.CASE_STATUS),
    f.picklist('Priority', 'Priority', p.CASE_PRIORITY),
    f.picklist('Origin', 'Case Origin', p.CASE_ORIGIN),
    f.picklist('Type', 'Type', p.CASE_TYPE),
    f.picklist('Reason', 'Case Reason', p.CASE_REASON),
    f.checkbox('IsEscalated', 'Escalated'),
    f.longText('Description', 'Description', 32000),
    f.email('SuppliedEmail', 'Web Email'),
    f.text('SuppliedName', 'Web Name', 80),
    f.lookup('AccountId', 'Account Name', 'Account'),
    f.lookup('ContactId', 'Contact Name', 'Contact'),
    f.lookup('OwnerId', 'Case Owner', 'User,Group'),
    ...f.systemFields('Case'),
  ],
};
