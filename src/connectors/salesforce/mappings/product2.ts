/**
 * Salesforce Product2 → CIM Product (crosswalk §6): name, SKU, status, family as category, schedules.
 *
 * @example
 * getMapping('salesforce', 'Product2').records[0]?.entity; // 'Product'
 */
import type { StreamMapping } from '../../../mapping/types.js';
import { SYSTEM_FIELDS, SYSTEM_SOURCE, identityTable, referenceRecord } from './common.js';

const FAMILIES = ['None'] as const;
const SCHEDULE_TYPES = ['Divide', 'Repeat'] as const;
const PERIODS = ['Daily', 'Weekly', 'Monthly', 'Quarterly', 'Yearly'] as const;
const choice = (values: readonly string[]) => ({ name: 'choice', args: { table: identityTable(values) } });

export const salesforceProduct2: StreamMapping = {
  system: 'salesforce',
  stream: 'Product2',
  description: 'A product: CIM Product, ProductStatus, ProductCategory (family)',
  idField: 'Id',
  idKind: 'salesforce',
  modstampField: 'SystemModstamp',
  systemFields: SYSTEM_FIELDS,
  source: {
    Id: { type: 'id' },
    ExternalId: { type: 'string', length: 255 },
    Name: { type: 'string', length: 255 },
    Description: { type: 'textarea', length: 4000 },
    ProductCode: { type: 'string', length: 255 },
    StockKeepingUnit: { type: 'string', length: 180 },
    IsActive: { type: 'boolean' },
    Family: { type: 'picklist', values: FAMILIES },
    QuantityUnitOfMeasure: { type: 'picklist', values: ['Each'] },
    DisplayUrl: { type: 'url', length: 1000 },
    CanUseQuantitySchedule: { type: 'boolean' },
    QuantityScheduleType: { type: 'picklist', values: SCHEDULE_TYPES },
    QuantityInstallmentPeriod: { type: 'picklist', values: PERIODS },
    NumberOfQuantityInstallments: { type: 'int' },
    CanUseRevenueSchedule: { type: 'boolean' },
    RevenueScheduleType: { type: 'picklist', values: SCHEDULE_TYPES },
    RevenueInstallmentPeriod: { type: 'picklist', values: PERIODS },
    NumberOfRevenueInstallments: { type: 'int' },
    ...SYSTEM_SOURCE,
  },
  records: [
    { key: 'Product', entity: 'Product', when: 'always', set: { productStatusId: { ref: 'ProductStatus' }, primaryProductCategoryId: { ref: 'ProductCategory' } } },
    referenceRecord('ProductStatus', 'name'),
    referenceRecord('ProductCategory', 'name'),
  ],
  fields: [
    { source: 'ExternalId', target: 'Product.externalSourceRecordId' },
    { source: 'Name', target: 'Product.name' },
    { source: 'Description', target: 'Product.description' },
    { source: 'StockKeepingUnit', target: 'Product.productSKU' },
    { source: 'ProductCode', target: 'Product.concord:productCode' },
    { source: 'IsActive', target: 'ProductStatus.name', transform: { name: 'choice', args: { table: { true: 'Active', false: 'Inactive' } } }, note: 'T5: Active / Inactive' },
    { source: 'Family', target: 'ProductCategory.name', transform: choice(FAMILIES), note: 'families are org-specific: unknown values pass through' },
    { source: 'QuantityUnitOfMeasure', target: 'Product.concord:quantityUnitOfMeasure' },
    { source: 'DisplayUrl', target: 'Product.concord:displayUrl' },
    { source: 'CanUseQuantitySchedule', target: 'Product.canUseQuantitySchedule' },
    { source: 'NumberOfQuantityInstallments', target: 'Product.quantityInstallmentCount' },
    { source: 'CanUseRevenueSchedule', target: 'Product.canUseRevenueSchedule' },
    { source: 'NumberOfRevenueInstallments', target: 'Product.revenueInstallmentCount' },
  ],
};
