import * as f from '../fieldBuilders.ts';
import type { ObjectDef } from '../objectDef.ts';
import * as p from './picklists.ts';

export const CONTACT: ObjectDef = {
  apiName: 'Contact',
  label: 'Contact',
  pluralLabel: 'Contacts',
  keyPrefix: '003',
  nameField: 'LastName',
  custom: false,
  s2sSupported: true,
  parent: { field: 'AccountId', objects: ['Account'] },
  fields: [
    f.picklist('Salutation', 'Salutation', p.SALUTATION),
    f.text('FirstName', 'First Name', 40),
    f.text('LastName', 'Last Name', 80, { required: true }),
    f.lookup('AccountId', 'Account Name', 'Account'),
    f.text('Title', 'Title', 128),
    f.text('Department', 'Department', 80),
    f.email('Email', 'Email'),
    f.phone('Phone', 'Business Phone'),
    f.phone('MobilePhone', 'Mobile'),
    f.date('Birthdate', 'Birthdate'),
    f.picklist('LeadSource', 'Lead Source', p.LEAD_SOURCE),
    f.checkbox('HasOptedOutOfEmail', 'Email Opt Out'),
    f.textArea('MailingStreet', 'Mailing Street'),
    f.text('MailingCity', 'Mailing City', 40),
    f.text('MailingPostalCode', 'Mailing Zip/Postal Code', 20),
    f.text('MailingCountry', 'Mailing Country', 80),
    f.longText('Description', 'Contact Description', 32000),
    f.lookup('ReportsToId', 'Reports To', 'Contact'),
    f.lookup('OwnerId', 'Contact Owner', 'User'),
    ...f.systemFields('Contact'),
  ],
};
