import * as f from '../fieldBuilders.ts';
import type { ObjectDef } from '../objectDef.ts';
import * as p from './picklists.ts';

export const PRODUCT2: ObjectDef = {
  apiName: 'Product2',
  label: 'Product',
  pluralLabel: 'Products',
  keyPrefix: '01t',
  nameField: 'Name',
  custom: false,
  s2sSupported: true,
  fields: [
    f.text('Name', 'Product Name', 255, { required: true }),
    f.text('ProductCode', 'Product Code', 255),
    f.longText('Description', 'Product Description', 4000),
    f.checkbox('IsActive', 'Active'),
    f.picklist('Family', 'Product Family', p.PRODUCT_FAMILY),
    f.text('StockKeepingUnit', 'Product SKU', 180),
    ...f.systemFields('Product'),
  ],
};
