import * as f from '../fieldBuilders.ts';
import type { ObjectDef } from '../objectDef.ts';
import * as p from './picklists.ts';

export const OPPORTUNITY: ObjectDef = {
  apiName: 'Opportunity',
  label: 'Opportunity',
  pluralLabel: 'Opportunities',
  keyPrefix: '006',
  nameField: 'Name',
  custom: false,
  s2sSupported: true,
  parent: { field: 'AccountId', objects: ['Account'] },
  fields: [
    f.text('Name', 'Opportunity Name', 120, { required: true }),
    f.lookup('AccountId', 'Account Name', 'Account'),
    f.date('CloseDate', 'Close Date', { required: true }),
    f.picklist('StageName', 'Stage', p.OPPORTUNITY_STAGE, { required: true }),
    // Salesforce's describe: precision 18, scale 2; Setup shows it as Currency(16, 2).
    f.currency('Amount', 'Amount', 18, 2),
    f.percent('Probability', 'Probability (%)', 3, 0),
    f.picklist('Type', 'Type', p.OPPORTUNITY_TYPE),
    f.picklist('LeadSource', 'Lead Source', p.LEAD_SOURCE),
    f.picklist('ForecastCategoryName', 'Forecast Category', p.FORECAST_CATEGORY),
    f.text('NextStep', 'Next Step', 255),
    f.longText('Description', 'Description', 32000),
    f.lookup('OwnerId', 'Opportunity Owner', 'User'),
    ...f.systemFields('Opportunity'),
  ],
};
