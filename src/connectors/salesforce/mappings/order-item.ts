/**
 * Salesforce OrderItem → CIM SalesOrderProduct (crosswalk §7).
 *
 * @example
 * getMapping('salesforce', 'OrderItem').records[0]?.entity; // 'SalesOrderProduct'
 */
import type { StreamMapping } from '../../../mapping/types.js';
import { SYSTEM_FIELDS, SYSTEM_SOURCE } from './common.js';

export const salesforceOrderItem: StreamMapping = {
  system: 'salesforce',
  stream: 'OrderItem',
  description: 'An order line: SalesOrderProduct',
  idField: 'Id',
  idKind: 'salesforce',
  modstampField: 'SystemModstamp',
  systemFields: SYSTEM_FIELDS,
  source: {
    Id: { type: 'id' },
    OrderItemNumber: { type: 'string', readOnly: true },
    OrderId: { type: 'reference', references: 'Order' },
    Product2Id: { type: 'reference', references: 'Product2' },
    PricebookEntryId: { type: 'reference', references: 'PricebookEntry' },
    Quantity: { type: 'double' },
    UnitPrice: { type: 'currency' },
    ListPrice: { type: 'currency', readOnly: true },
    TotalPrice: { type: 'currency', readOnly: true },
    ServiceDate: { type: 'date' },
    EndDate: { type: 'date' },
    Description: { type: 'string', length: 255 },
    ...SYSTEM_SOURCE,
  },
  records: [{ key: 'SalesOrderProduct', entity: 'SalesOrderProduct', when: 'always' }],
  fields: [
    { source: 'OrderItemNumber', target: 'SalesOrderProduct.orderProductNumber' },
    { source: 'OrderId', target: 'SalesOrderProduct.salesOrderId', transform: { name: 'lookup', args: { stream: 'Order' } } },
    { source: 'Product2Id', target: 'SalesOrderProduct.productId', transform: { name: 'lookup', args: { stream: 'Product2' } } },
    { source: 'Quantity', target: 'SalesOrderProduct.orderedQuantity' },
    { source: 'UnitPrice', target: 'SalesOrderProduct.unitPriceAmount' },
    { source: 'ListPrice', target: 'SalesOrderProduct.listPriceAmount' },
    { source: 'TotalPrice', target: 'SalesOrderProduct.totalPriceAmount' },
    { source: 'ServiceDate', target: 'SalesOrderProduct.requestedStartDate' },
    { source: 'EndDate', target: 'SalesOrderProduct.requestedEndDate' },
    { source: 'Description', target: 'SalesOrderProduct.description' },
  ],
};
