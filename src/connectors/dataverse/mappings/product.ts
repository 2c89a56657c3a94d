/**
 * Dataverse `product` → CIM Product (crosswalk §6): name, number (SKU), description, list price with its
 * currency, validity, URL, and the product status from statecode (§9).
 *
 * @example
 * getMapping('dataverse', 'product').fields.find((f) => f.source === 'statecode')?.target; // 'ProductStatus.name'
 */
import type { StreamMapping } from '../../../mapping/types.js';
import { SYSTEM_FIELDS, SYSTEM_NOT_MAPPED, SYSTEM_SOURCE, choice, describeWithUnmapped, lookup, optionSource, referenceRecord } from './common.js';

export const PRODUCT_STATES = { 0: 'Active', 1: 'Retired', 2: 'Draft', 3: 'Under Revision' } as const;

export const PRODUCT_NOT_MAPPED: Readonly<Record<string, string>> = {
  ...SYSTEM_NOT_MAPPED,
  statuscode: 'T5: product status reasons mirror the states one to one; statecode carries the status',
};

export const dataverseProduct: StreamMapping = {
  system: 'dataverse',
  stream: 'product',
  description: describeWithUnmapped('A product: Product with SKU, list price, validity and ProductStatus', PRODUCT_NOT_MAPPED),
  idField: 'productid',
  idKind: 'guid',
  modstampField: 'modifiedon',
  systemFields: SYSTEM_FIELDS,
  source: {
    productid: { type: 'id' },
    name: { type: 'string', length: 100 },
    productnumber: { type: 'string', length: 100 },
    description: { type: 'textarea', length: 2000 },
    price: { type: 'currency' },
    transactioncurrencyid: { type: 'reference', references: 'transactioncurrency' },
    validfromdate: { type: 'date' },
    validtodate: { type: 'date' },
    producturl: { type: 'url', length: 255 },
    vendorname: { type: 'string', length: 100 },
    statecode: optionSource(PRODUCT_STATES),
    statuscode: { type: 'picklist' },
    ...SYSTEM_SOURCE,
  },
  records: [
    { key: 'Product', entity: 'Product', when: 'always', set: { productStatusId: { ref: 'ProductStatus' } } },
    referenceRecord('ProductStatus', 'name'),
  ],
  fields: [
    { source: 'name', target: 'Product.name' },
    { source: 'productnumber', target: 'Product.productSKU', note: 'required in Dataverse' },
    { source: 'description', target: 'Product.description' },
    { source: 'price', target: 'Product.mSRPAmount', transform: { name: 'number' }, note: 'the list price' },
    { source: 'transactioncurrencyid', target: 'Product.mSRPAmountCurrency', transform: lookup('transactioncurrency'), note: 'T8' },
    { source: 'validfromdate', target: 'Product.validFromDate', transform: { name: 'date' } },
    { source: 'validtodate', target: 'Product.validToDate', transform: { name: 'date' } },
    { source: 'producturl', target: 'Product.concord:displayUrl' },
    { source: 'vendorname', target: 'Product.manufacturerName', note: 'the supplier Dataverse records; CIM has only the manufacturer' },
    { source: 'statecode', target: 'ProductStatus.name', transform: choice(PRODUCT_STATES), note: 'T5 §9' },
  ],
};
