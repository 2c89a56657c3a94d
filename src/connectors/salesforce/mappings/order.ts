/**
 * Salesforce Order → CIM SalesOrder (crosswalk §7): account, contacts, billing and shipping addresses,
 * status and type as reference data, dates, currency.
 *
 * @example
 * getMapping('salesforce', 'Order').records[0]?.entity; // 'SalesOrder'
 */
import type { StreamMapping } from '../../../mapping/types.js';
import { CURRENCY_SOURCE, SYSTEM_FIELDS, SYSTEM_SOURCE, addressFields, addressRecord, currencyFields, currencyRecord, identityTable, referenceRecord } from './common.js';

/** Salesforce's default order statuses (crosswalk §9). */
export const ORDER_STATUSES = ['Draft', 'Activated'] as const;
const billing = addressFields('Billing', 'BillingAddress');
const shipping = addressFields('Shipping', 'ShippingAddress');
const lookup = (stream: string, slot?: string) => ({ name: 'lookup', args: slot === undefined ? { stream } : { stream, slot } });

export const salesforceOrder: StreamMapping = {
  system: 'salesforce',
  stream: 'Order',
  description: 'An order: SalesOrder, its addresses, status, type and currency',
  idField: 'Id',
  idKind: 'salesforce',
  modstampField: 'SystemModstamp',
  systemFields: SYSTEM_FIELDS,
  source: {
    Id: { type: 'id' },
    OrderNumber: { type: 'string', readOnly: true },
    Name: { type: 'string', length: 80 },
    AccountId: { type: 'reference', references: 'Account' },
    BillToContactId: { type: 'reference', references: 'Contact' },
    ShipToContactId: { type: 'reference', references: 'Contact' },
    ...billing.source,
    ...shipping.source,
    Status: { type: 'picklist', values: ORDER_STATUSES },
    StatusCode: { type: 'string', readOnly: true },
    Type: { type: 'picklist' },
    EffectiveDate: { type: 'date' },
    EndDate: { type: 'date' },
    PoNumber: { type: 'string', length: 80 },
    PoDate: { type: 'date' },
    Description: { type: 'textarea', length: 32000 },
    TotalAmount: { type: 'currency', readOnly: true },
    Pricebook2Id: { type: 'reference', references: 'Pricebook2' },
    OpportunityId: { type: 'reference', references: 'Opportunity' },
    QuoteId: { type: 'reference', references: 'Quote' },
    ContractId: { type: 'reference', references: 'Contract' },
    OriginalOrderId: { type: 'reference', references: 'Order' },
    OwnerId: { type: 'reference', references: 'User' },
    CurrencyIsoCode: CURRENCY_SOURCE,
    ...SYSTEM_SOURCE,
  },
  records: [
    {
      key: 'SalesOrder',
      entity: 'SalesOrder',
      when: 'always',
      set: {
        billToAddressId: { ref: 'BillingAddress' },
        shipToAddressId: { ref: 'ShippingAddress' },
        salesOrderStatusId: { ref: 'SalesOrderStatus' },
        salesOrderTypeId: { ref: 'SalesOrderType' },
        salesOrderSystemStatusId: { ref: 'SalesOrderSystemStatus' },
        currencyCode: { ref: 'Currency' },
        totalProductAmountCurrencyId: { ref: 'Currency' },
      },
    },
    referenceRecord('SalesOrderStatus', 'name'),
    referenceRecord('SalesOrderType', 'name'),
    referenceRecord('SalesOrderSystemStatus', 'name'),
    currencyRecord(),
    addressRecord('BillingAddress', undefined, { isUsedForBilling: true, isUsedForShipping: false }),
    addressRecord('ShippingAddress', undefined, { isUsedForBilling: false, isUsedForShipping: true }),
  ],
  fields: [
    { source: 'OrderNumber', target: 'SalesOrder.orderNumber' },
    { source: 'Name', target: 'SalesOrder.name' },
    { source: 'AccountId', target: 'SalesOrder.billToAccountId', transform: lookup('Account', 'Account') },
    { source: 'AccountId', target: 'SalesOrder.soldToCustomerId', transform: lookup('Account', 'Customer'), reverse: false, note: "the account's Customer role" },
    { source: 'BillToContactId', target: 'SalesOrder.billToContactId', transform: lookup('Contact'), note: "the contact's Individual id (CIM Contact has no id)" },
    { source: 'ShipToContactId', target: 'SalesOrder.shipToContactId', transform: lookup('Contact') },
    ...billing.fields,
    ...shipping.fields,
    { source: 'Status', target: 'SalesOrderStatus.name', transform: { name: 'choice', args: { table: identityTable(ORDER_STATUSES) } } },
    { source: 'StatusCode', target: 'SalesOrderSystemStatus.name' },
    { source: 'Type', target: 'SalesOrderType.name' },
    { source: 'EffectiveDate', target: 'SalesOrder.orderStartDate' },
    { source: 'EffectiveDate', target: 'SalesOrder.requestedStartDate', transform: { name: 'date' }, reverse: false, note: 'CIM requires it' },
    { source: 'EndDate', target: 'SalesOrder.orderEndDate' },
    { source: 'PoNumber', target: 'SalesOrder.purchaseOrderNumber' },
    { source: 'PoDate', target: 'SalesOrder.purchaseOrderDate' },
    { source: 'Description', target: 'SalesOrder.description' },
    { source: 'TotalAmount', target: 'SalesOrder.totalProductAmount' },
    { source: 'Pricebook2Id', target: 'SalesOrder.concord:priceBookId' },
    { source: 'OpportunityId', target: 'SalesOrder.concord:opportunityId', transform: lookup('Opportunity') },
    { source: 'QuoteId', target: 'SalesOrder.concord:quoteId' },
    { source: 'ContractId', target: 'SalesOrder.concord:contractId' },
    { source: 'OriginalOrderId', target: 'SalesOrder.originalOrderId', transform: lookup('Order') },
    { source: 'OwnerId', target: 'SalesOrder.concord:ownerId' },
    ...currencyFields(),
  ],
};
