/**
 * Dataverse `campaign` → `concord:Campaign` (crosswalk §8): name, type, status (statecode + statuscode, §9),
 * dates, costs, expected revenue and response, code and offer.
 *
 * @example
 * getMapping('dataverse', 'campaign').fields.find((f) => f.source === 'typecode')?.target; // 'Campaign.type'
 */
import type { StreamMapping } from '../../../mapping/types.js';
import { SYSTEM_FIELDS, SYSTEM_NOT_MAPPED, SYSTEM_SOURCE, choice, describeWithUnmapped, lookup, optionSource, stateStatusFields } from './common.js';

export const CAMPAIGN_TYPE_CODES = { 1: 'Advertisement', 2: 'Direct Marketing', 3: 'Event', 4: 'Co-branding', 5: 'Other' } as const;
export const CAMPAIGN_STATES = { 0: 'Active', 1: 'Inactive' } as const;
export const CAMPAIGN_STATUSES = { 0: 'Proposed', 1: 'Ready To Launch', 2: 'Launched', 3: 'Completed', 4: 'Canceled', 5: 'Suspended', 6: 'Inactive' } as const;

const state = stateStatusFields('Campaign.status', CAMPAIGN_STATES, CAMPAIGN_STATUSES);

export const dataverseCampaign: StreamMapping = {
  system: 'dataverse',
  stream: 'campaign',
  description: describeWithUnmapped('A marketing campaign: concord:Campaign with type, status, dates, costs and code', SYSTEM_NOT_MAPPED),
  idField: 'campaignid',
  idKind: 'guid',
  modstampField: 'modifiedon',
  systemFields: SYSTEM_FIELDS,
  source: {
    campaignid: { type: 'id' },
    name: { type: 'string', length: 128 },
    description: { type: 'textarea', length: 2000 },
    typecode: optionSource(CAMPAIGN_TYPE_CODES),
    proposedstart: { type: 'date' },
    proposedend: { type: 'date' },
    actualstart: { type: 'date' },
    actualend: { type: 'date' },
    budgetedcost: { type: 'currency' },
    totalactualcost: { type: 'currency', readOnly: true },
    expectedrevenue: { type: 'currency' },
    expectedresponse: { type: 'int' },
    codename: { type: 'string', length: 32 },
    promotioncodename: { type: 'string', length: 128 },
    transactioncurrencyid: { type: 'reference', references: 'transactioncurrency' },
    ownerid: { type: 'reference', references: 'systemuser' },
    owneridtype: { type: 'picklist', values: ['systemuser', 'team'] },
    ...state.source,
    ...SYSTEM_SOURCE,
  },
  records: [{ key: 'Campaign', entity: 'Campaign', when: 'always' }],
  fields: [
    { source: 'name', target: 'Campaign.name' },
    { source: 'description', target: 'Campaign.description' },
    { source: 'typecode', target: 'Campaign.type', transform: choice(CAMPAIGN_TYPE_CODES) },
    { source: 'actualstart', target: 'Campaign.startDate', transform: { name: 'date' }, reverse: false, note: 'fallback when there is no proposed start' },
    { source: 'actualend', target: 'Campaign.endDate', transform: { name: 'date' }, reverse: false, note: 'fallback when there is no proposed end' },
    { source: 'proposedstart', target: 'Campaign.startDate', transform: { name: 'date' }, note: 'the planned start wins so that it is written back exactly' },
    { source: 'proposedend', target: 'Campaign.endDate', transform: { name: 'date' } },
    { source: 'budgetedcost', target: 'Campaign.budgetedCost', transform: { name: 'number' } },
    { source: 'totalactualcost', target: 'Campaign.actualCost', transform: { name: 'number' }, note: 'computed by Dataverse (activities + other cost)' },
    { source: 'expectedrevenue', target: 'Campaign.expectedRevenue', transform: { name: 'number' } },
    { source: 'expectedresponse', target: 'Campaign.expectedResponse', transform: { name: 'number', args: { integer: true, max: 100 } } },
    { source: 'codename', target: 'Campaign.code' },
    { source: 'promotioncodename', target: 'Campaign.offer' },
    { source: 'transactioncurrencyid', target: 'Campaign.currencyId', transform: lookup('transactioncurrency'), note: 'T8' },
    { source: 'ownerid', target: 'Campaign.ownerId' },
    { source: 'owneridtype', target: 'Campaign.ownerType' },
    ...state.fields,
  ],
};
