/**
 * Dataverse `salesorder` → CIM SalesOrder (crosswalk §7): number, name, bill-to account, bill-to and ship-to
 * addresses, totals with their currency, status (statecode + statuscode, §9) as SalesOrderStatus, and the
 * opportunity, quote and price list it came from.
 *
 * @example
 * getMapping('dataverse', 'salesorder').records.map((r) => r.key); // ['SalesOrder', 'SalesOrderStatus', 'BillTo', 'ShipTo']
 */
import type { StreamMapping } from '../../../mapping/types.js';
import {
  ACCOUNT_LOOKUP, SYSTEM_FIELDS, SYSTEM_NOT_MAPPED, SYSTEM_SOURCE, addressColumns, addressRecord, describeWithUnmapped, lookup, ownerFields, referenceRecord,
  stateStatusFields,
} from './common.js';

export const ORDER_STATES = { 0: 'Active', 1: 'Submitted', 2: 'Canceled', 3: 'Fulfilled', 4: 'Invoiced' } as const;
export const ORDER_STATUSES = { 1: 'New', 2: 'Pending', 3: 'In Progress', 4: 'No Money', 100001: 'Complete', 100002: 'Partial', 100003: 'Invoiced' } as const;

const billTo = addressColumns('billto', 'BillTo', false);
const shipTo = addressColumns('shipto', 'ShipTo', false);
const owner = ownerFields('SalesOrder');
const state = stateStatusFields('SalesOrderStatus.name', ORDER_STATES, ORDER_STATUSES);

export const SALESORDER_NOT_MAPPED: Readonly<Record<string, string>> = {
  ...SYSTEM_NOT_MAPPED,
  customerid: 'T6 polymorphic; the engine has no typed lookup yet — the system-maintained accountid carries the account exactly',
  customeridtype: 'T6 discriminator of customerid',
};

export const dataverseSalesOrder: StreamMapping = {
  system: 'dataverse',
  stream: 'salesorder',
  description: describeWithUnmapped('An order: SalesOrder with SalesOrderStatus, bill-to and ship-to addresses, totals and currency', SALESORDER_NOT_MAPPED),
  idField: 'salesorderid',
  idKind: 'guid',
  modstampField: 'modifiedon',
  systemFields: SYSTEM_FIELDS,
  source: {
    salesorderid: { type: 'id' },
    ordernumber: { type: 'string', length: 100, readOnly: true },
    name: { type: 'string', length: 300 },
    description: { type: 'textarea', length: 2000 },
    customerid: { type: 'reference', references: 'account' },
    customeridtype: { type: 'picklist', values: ['account', 'contact'] },
    accountid: { type: 'reference', references: 'account', readOnly: true },
    ...billTo.source,
    ...shipTo.source,
    totalamount: { type: 'currency', readOnly: true },
    totallineitemamount: { type: 'currency', readOnly: true },
    totaltax: { type: 'currency', readOnly: true },
    freightamount: { type: 'currency' },
    transactioncurrencyid: { type: 'reference', references: 'transactioncurrency' },
    requestdeliveryby: { type: 'date' },
    opportunityid: { type: 'reference', references: 'opportunity' },
    quoteid: { type: 'reference', references: 'quote' },
    pricelevelid: { type: 'reference', references: 'pricelevel' },
    ...state.source,
    ...owner.source,
    ...SYSTEM_SOURCE,
  },
  records: [
    {
      key: 'SalesOrder',
      entity: 'SalesOrder',
      when: 'always',
      set: { salesOrderStatusId: { ref: 'SalesOrderStatus' }, billToAddressId: { ref: 'BillTo' }, shipToAddressId: { ref: 'ShipTo' } },
    },
    referenceRecord('SalesOrderStatus', 'name'),
    addressRecord('BillTo', undefined, { isUsedForBilling: true, isUsedForShipping: false }),
    addressRecord('ShipTo', undefined, { isUsedForBilling: false, isUsedForShipping: true }),
  ],
  fields: [
    { source: 'ordernumber', target: 'SalesOrder.orderNumber', note: 'assigned by Dataverse; never written back' },
    { source: 'name', target: 'SalesOrder.name' },
    { source: 'description', target: 'SalesOrder.description' },
    { source: 'accountid', target: 'SalesOrder.billToAccountId', transform: ACCOUNT_LOOKUP, note: 'T6: the account Dataverse derives from customerid' },
    ...billTo.fields,
    ...shipTo.fields,
    { source: 'totalamount', target: 'SalesOrder.grandTotalAmount', transform: { name: 'number' } },
    { source: 'totallineitemamount', target: 'SalesOrder.totalProductAmount', transform: { name: 'number' } },
    { source: 'totaltax', target: 'SalesOrder.totalTaxAmount', transform: { name: 'number' } },
    { source: 'freightamount', target: 'SalesOrder.totalDeliveryAmount', transform: { name: 'number' } },
    { source: 'transactioncurrencyid', target: 'SalesOrder.currencyCode', transform: lookup('transactioncurrency'), note: 'T8' },
    { source: 'transactioncurrencyid', target: 'SalesOrder.totalAmountCurrency', transform: lookup('transactioncurrency'), reverse: false },
    { source: 'transactioncurrencyid', target: 'SalesOrder.totalProductAmountCurrencyId', transform: lookup('transactioncurrency'), reverse: false },
    { source: 'requestdeliveryby', target: 'SalesOrder.requestedStartDate', transform: { name: 'date' }, note: 'the nearest CIM date (crosswalk §7)' },
    { source: 'opportunityid', target: 'SalesOrder.concord:opportunityId', transform: lookup('opportunity') },
    { source: 'quoteid', target: 'SalesOrder.concord:quoteId' },
    { source: 'pricelevelid', target: 'SalesOrder.concord:priceBookId' },
    ...state.fields,
    ...owner.fields,
  ],
};
