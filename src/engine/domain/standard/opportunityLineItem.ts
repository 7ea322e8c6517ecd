import * as f from '../fieldBuilders.ts';
import type { ObjectDef } from '../objectDef.ts';

// Opportunity Product joins an Opportunity to a Product, so SUB-5 treats it as a junction.
export const OPPORTUNITY_LINE_ITEM: ObjectDef = {
  apiName: 'OpportunityLineItem',
  label: 'Opportunity Product',
  pluralLabel: 'Opportunity Products',
  keyPrefix: '00k',
  nameField: 'Name',
  custom: false,
  s2sSupported: true,
  junction: true,
  parent: { field: 'OpportunityId', objects: ['Opportunity'] },
  fields: [
    // Salesforce composes the name from the opportunity and product; nobody writes it.
    f.formulaText('Name', 'Opportunity Product Name'),
    f.lookup('OpportunityId', 'Opportunity', 'Opportunity'),
    f.lookup('Product2Id', 'Product', 'Product2'),
    // Describe precision 12 / scale 2 and 18 / 2: Setup shows Number(10, 2) and Currency(16, 2).
    f.number('Quantity', 'Quantity', 12, 2, { required: true }),
    f.currency('UnitPrice', 'Sales Price', 18, 2, { required: true }),
    f.percent('Discount', 'Discount', 5, 2),
    f.currency('TotalPrice', 'Total Price', 18, 2),
    f.date('ServiceDate', 'Date'),
    f.text('Description', 'Line Description', 255),
    ...f.systemFields('Opportunity Product'),
  ],
};
