/**
 * Salesforce Opportunity → concord:Opportunity (crosswalk §4; CIM 1.0 has no opportunity).
 *
 * @example
 * getMapping('salesforce', 'Opportunity').records[0]?.entity; // 'Opportunity'
 */
import type { StreamMapping } from '../../../mapping/types.js';
import { CURRENCY_SOURCE, LEAD_SOURCES, SYSTEM_FIELDS, SYSTEM_SOURCE, currencyFields, currencyRecord, identityTable } from './common.js';

/** Salesforce's default sales stages (crosswalk §9: the closed ones set IsClosed / IsWon). */
export const OPPORTUNITY_STAGES = [
  'Prospecting', 'Qualification', 'Needs Analysis', 'Value Proposition', 'Id. Decision Makers', 'Perception Analysis',
  'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost',
] as const;
const FORECAST = ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'] as const;
const TYPES = ['Existing Customer - Upgrade', 'Existing Customer - Replacement', 'Existing Customer - Downgrade', 'New Customer'] as const;

export const salesforceOpportunity: StreamMapping = {
  system: 'salesforce',
  stream: 'Opportunity',
  description: 'A deal: concord:Opportunity',
  idField: 'Id',
  idKind: 'salesforce',
  modstampField: 'SystemModstamp',
  systemFields: SYSTEM_FIELDS,
  source: {
    Id: { type: 'id' },
    Name: { type: 'string', length: 120 },
    Description: { type: 'textarea', length: 32000 },
    AccountId: { type: 'reference', references: 'Account' },
    ContactId: { type: 'reference', references: 'Contact' },
    Amount: { type: 'currency' },
    Probability: { type: 'percent' },
    CloseDate: { type: 'date' },
    StageName: { type: 'picklist', values: OPPORTUNITY_STAGES },
    IsClosed: { type: 'boolean', readOnly: true },
    IsWon: { type: 'boolean', readOnly: true },
    ForecastCategoryName: { type: 'picklist', values: FORECAST },
    NextStep: { type: 'string', length: 255 },
    Type: { type: 'picklist', values: TYPES },
    LeadSource: { type: 'picklist', values: LEAD_SOURCES },
    CampaignId: { type: 'reference', references: 'Campaign' },
    Pricebook2Id: { type: 'reference', references: 'Pricebook2' },
    TotalOpportunityQuantity: { type: 'double' },
    ExpectedRevenue: { type: 'currency', readOnly: true },
    OwnerId: { type: 'reference', references: 'User' },
    CurrencyIsoCode: CURRENCY_SOURCE,
    ...SYSTEM_SOURCE,
  },
  records: [{ key: 'Opportunity', entity: 'Opportunity', when: 'always', set: { currencyId: { ref: 'Currency' } } }, currencyRecord()],
  fields: [
    { source: 'Name', target: 'Opportunity.name' },
    { source: 'Description', target: 'Opportunity.description' },
    { source: 'AccountId', target: 'Opportunity.accountId', transform: { name: 'lookup', args: { stream: 'Account', slot: 'Account' } } },
    { source: 'ContactId', target: 'Opportunity.contactId', transform: { name: 'lookup', args: { stream: 'Contact' } } },
    { source: 'Amount', target: 'Opportunity.amount' },
    { source: 'Probability', target: 'Opportunity.probability', transform: { name: 'number', args: { max: 100 } } },
    { source: 'CloseDate', target: 'Opportunity.closeDate' },
    { source: 'StageName', target: 'Opportunity.stage', transform: { name: 'choice', args: { table: identityTable(OPPORTUNITY_STAGES) } } },
    { source: 'IsClosed', target: 'Opportunity.isClosed' },
    { source: 'IsWon', target: 'Opportunity.isWon' },
    { source: 'ForecastCategoryName', target: 'Opportunity.forecastCategoryName', transform: { name: 'choice', args: { table: identityTable(FORECAST) } } },
    { source: 'NextStep', target: 'Opportunity.nextStep' },
    { source: 'Type', target: 'Opportunity.type', transform: { name: 'choice', args: { table: identityTable(TYPES) } } },
    { source: 'LeadSource', target: 'Opportunity.leadSource', transform: { name: 'choice', args: { table: identityTable(LEAD_SOURCES) } } },
    { source: 'CampaignId', target: 'Opportunity.campaignId', transform: { name: 'lookup', args: { stream: 'Campaign' } } },
    { source: 'Pricebook2Id', target: 'Opportunity.priceBookId' },
    { source: 'TotalOpportunityQuantity', target: 'Opportunity.totalOpportunityQuantity' },
    { source: 'ExpectedRevenue', target: 'Opportunity.expectedRevenue' },
    { source: 'OwnerId', target: 'Opportunity.ownerId' },
    ...currencyFields(),
  ],
};
