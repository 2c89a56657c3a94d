/**
 * Dataverse `opportunity` → `concord:Opportunity` (crosswalk §4): name, account and contact, amount and
 * currency, probability, close date, stage (stepname, else the status reason), origin and campaign.
 *
 * @example
 * getMapping('dataverse', 'opportunity').fields.map((f) => f.target);
 */
import type { StreamMapping } from '../../../mapping/types.js';
import { ACCOUNT_LOOKUP, SYSTEM_FIELDS, SYSTEM_NOT_MAPPED, SYSTEM_SOURCE, choice, describeWithUnmapped, flag, lookup, optionSource, ownerFields } from './common.js';

export const OPPORTUNITY_STATES = { 0: 'Open', 1: 'Won', 2: 'Lost' } as const;
export const OPPORTUNITY_STATUSES = { 1: 'In Progress', 2: 'On Hold', 3: 'Won', 4: 'Canceled', 5: 'Out-Sold' } as const;

const owner = ownerFields('Opportunity');

export const OPPORTUNITY_NOT_MAPPED: Readonly<Record<string, string>> = {
  ...SYSTEM_NOT_MAPPED,
  customerid: 'T6 polymorphic (account or contact by customeridtype): the engine has no typed lookup yet; parentaccountid and parentcontactid carry the same links exactly',
  customeridtype: 'T6 discriminator of customerid',
  actualvalue: 'no slot in concord:Opportunity (amount holds estimatedvalue)',
};

export const dataverseOpportunity: StreamMapping = {
  system: 'dataverse',
  stream: 'opportunity',
  description: describeWithUnmapped('A sales deal: concord:Opportunity with account, contact, amount, probability, close date and stage', OPPORTUNITY_NOT_MAPPED),
  idField: 'opportunityid',
  idKind: 'guid',
  modstampField: 'modifiedon',
  systemFields: SYSTEM_FIELDS,
  source: {
    opportunityid: { type: 'id' },
    name: { type: 'string', length: 300 },
    description: { type: 'textarea', length: 2000 },
    customerid: { type: 'reference', references: 'account' },
    customeridtype: { type: 'picklist', values: ['account', 'contact'] },
    parentaccountid: { type: 'reference', references: 'account' },
    parentcontactid: { type: 'reference', references: 'contact' },
    estimatedvalue: { type: 'currency' },
    actualvalue: { type: 'currency' },
    transactioncurrencyid: { type: 'reference', references: 'transactioncurrency' },
    closeprobability: { type: 'int' },
    estimatedclosedate: { type: 'date' },
    actualclosedate: { type: 'date' },
    stepname: { type: 'string', length: 200 },
    originatingleadid: { type: 'reference', references: 'lead' },
    campaignid: { type: 'reference', references: 'campaign' },
    pricelevelid: { type: 'reference', references: 'pricelevel' },
    statecode: optionSource(OPPORTUNITY_STATES),
    statuscode: optionSource(OPPORTUNITY_STATUSES),
    ...owner.source,
    ...SYSTEM_SOURCE,
  },
  records: [{ key: 'Opportunity', entity: 'Opportunity', when: 'always' }],
  fields: [
    { source: 'name', target: 'Opportunity.name' },
    { source: 'description', target: 'Opportunity.description' },
    { source: 'parentaccountid', target: 'Opportunity.accountId', transform: ACCOUNT_LOOKUP },
    { source: 'parentcontactid', target: 'Opportunity.contactId', transform: lookup('contact') },
    { source: 'estimatedvalue', target: 'Opportunity.amount', transform: { name: 'number' } },
    { source: 'transactioncurrencyid', target: 'Opportunity.currencyId', transform: lookup('transactioncurrency'), note: 'T8' },
    { source: 'closeprobability', target: 'Opportunity.probability', transform: { name: 'number', args: { integer: true, max: 100 } } },
    { source: 'actualclosedate', target: 'Opportunity.closeDate', transform: { name: 'date' }, reverse: false, note: 'fallback when there is no estimated close date' },
    { source: 'estimatedclosedate', target: 'Opportunity.closeDate', transform: { name: 'date' }, note: 'T11: date-only; wins so that it is written back exactly' },
    { source: 'statecode', target: 'Opportunity.stage', transform: choice(OPPORTUNITY_STATES), reverse: false, note: 'T5: fallback stage when there is no status reason or step' },
    { source: 'statecode', target: 'Opportunity.isClosed', transform: flag({ 0: false, 1: true, 2: true }), reverse: false, note: 'T5: Won and Lost are closed; follows from the state on write-back' },
    { source: 'statecode', target: 'Opportunity.isWon', transform: flag({ 0: false, 1: true, 2: false }), reverse: false, note: 'T5: follows from the state on write-back' },
    { source: 'statuscode', target: 'Opportunity.stage', transform: choice(OPPORTUNITY_STATUSES), reverse: false, note: 'T5: fallback stage when there is no step name' },
    { source: 'stepname', target: 'Opportunity.stage', note: 'the sales step; written back from stage' },
    { source: 'originatingleadid', target: 'Opportunity.originatingLeadId', transform: lookup('lead') },
    { source: 'campaignid', target: 'Opportunity.campaignId', transform: lookup('campaign') },
    { source: 'pricelevelid', target: 'Opportunity.priceBookId' },
    { source: 'ownerid', target: 'Opportunity.ownerId' },
    { source: 'owneridtype', target: 'Opportunity.ownerType' },
  ],
};
