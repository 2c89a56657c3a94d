/**
 * Salesforce Campaign → concord:Campaign (crosswalk §8; CIM's campaigns are product service campaigns).
 *
 * @example
 * getMapping('salesforce', 'Campaign').records[0]?.entity; // 'Campaign'
 */
import type { StreamMapping } from '../../../mapping/types.js';
import { CURRENCY_SOURCE, SYSTEM_FIELDS, SYSTEM_SOURCE, currencyFields, currencyRecord, identityTable } from './common.js';

/** Salesforce's default campaign picklists (crosswalk §8, §9). */
export const CAMPAIGN_STATUSES = ['Planned', 'In Progress', 'Completed', 'Aborted'] as const;
const TYPES = ['Conference', 'Webinar', 'Trade Show', 'Public Relations', 'Partners', 'Referral Program', 'Advertisement', 'Banner Ads', 'Direct Mail', 'Email', 'Telemarketing', 'Other'] as const;

export const salesforceCampaign: StreamMapping = {
  system: 'salesforce',
  stream: 'Campaign',
  description: 'A marketing campaign: concord:Campaign',
  idField: 'Id',
  idKind: 'salesforce',
  modstampField: 'SystemModstamp',
  systemFields: SYSTEM_FIELDS,
  source: {
    Id: { type: 'id' },
    Name: { type: 'string', length: 80 },
    Description: { type: 'textarea', length: 32000 },
    ParentId: { type: 'reference', references: 'Campaign' },
    Type: { type: 'picklist', values: TYPES },
    Status: { type: 'picklist', values: CAMPAIGN_STATUSES },
    IsActive: { type: 'boolean' },
    StartDate: { type: 'date' },
    EndDate: { type: 'date' },
    BudgetedCost: { type: 'currency' },
    ActualCost: { type: 'currency' },
    ExpectedRevenue: { type: 'currency' },
    ExpectedResponse: { type: 'percent' },
    OwnerId: { type: 'reference', references: 'User' },
    CurrencyIsoCode: CURRENCY_SOURCE,
    ...SYSTEM_SOURCE,
  },
  records: [{ key: 'Campaign', entity: 'Campaign', when: 'always', set: { currencyId: { ref: 'Currency' } } }, currencyRecord()],
  fields: [
    { source: 'Name', target: 'Campaign.name' },
    { source: 'Description', target: 'Campaign.description' },
    { source: 'ParentId', target: 'Campaign.parentCampaignId', transform: { name: 'lookup', args: { stream: 'Campaign' } } },
    { source: 'Type', target: 'Campaign.type', transform: { name: 'choice', args: { table: identityTable(TYPES) } } },
    { source: 'Status', target: 'Campaign.status', transform: { name: 'choice', args: { table: identityTable(CAMPAIGN_STATUSES) } } },
    { source: 'IsActive', target: 'Campaign.isActive' },
    { source: 'StartDate', target: 'Campaign.startDate' },
    { source: 'EndDate', target: 'Campaign.endDate' },
    { source: 'BudgetedCost', target: 'Campaign.budgetedCost' },
    { source: 'ActualCost', target: 'Campaign.actualCost' },
    { source: 'ExpectedRevenue', target: 'Campaign.expectedRevenue' },
    { source: 'ExpectedResponse', target: 'Campaign.expectedResponse', transform: { name: 'number', args: { max: 100 } } },
    { source: 'OwnerId', target: 'Campaign.ownerId' },
    ...currencyFields(),
  ],
};
