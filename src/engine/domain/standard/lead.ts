import * as f from '../fieldBuilders.ts';
import type { ObjectDef } from '../objectDef.ts';
import * as p from './picklists.ts';

export const LEAD: ObjectDef = {
  apiName: 'Lead',
  label: 'Lead',
  pluralLabel: 'Leads',
  keyPrefix: '00Q',
  nameField: 'LastName',
  custom: false,
  s2sSupported: true,
  fields: [
    f.picklist('Salutation', 'Salutation', p.SALUTATION),
    f.text('FirstName', 'First Name', 40),
    f.text('LastName', 'Last Name', 80, { required: true }),
    // Not marked required here so a Lead without Company can exist and forwarding it can be
    // refused with its own message (FWD-2).
    f.text('Company', 'Company', 255),
    f.text('Title', 'Title', 128),
    f.email('Email', 'Email'),
    f.phone('Phone', 'Phone'),
    f.phone('MobilePhone', 'Mobile'),
    f.url('Website', 'Website'),
    f.picklist('Status', 'Lead Status', p.LEAD_STATUS),
    f.picklist('LeadSource', 'Lead Source', p.LEAD_SOURCE),
    f.picklist('Industry', 'Industry', p.INDUSTRY),
    f.picklist('Rating', 'Rating', p.RATING),
    f.currency('AnnualRevenue', 'Annual Revenue', 18, 0),
    f.number('NumberOfEmployees', 'No. of Employees', 8, 0),
    f.textArea('Street', 'Street'),
    f.text('City', 'City', 40),
    f.text('Country', 'Country', 80),
    f.longText('Description', 'Description', 32000),
    f.lookup('OwnerId', 'Lead Owner', 'User,Group'),
    ...f.systemFields('Lead'),
  ],
};
