/**
 * Dataverse `lead` → CIM (crosswalk §2): the Lead, the person behind it (Party + Individual) and its PartyRole,
 * source / rating / status (statecode + statuscode, §9) as reference data, contact points, qualification data
 * as extensions, and consent.
 *
 * @example
 * getMapping('dataverse', 'lead').fields.find((f) => f.source === 'statuscode')?.target; // 'LeadStatus.leadStatusName'
 */
import type { StreamMapping } from '../../../mapping/types.js';
import {
  ACCOUNT_LOOKUP, INDUSTRY_CODES, SYSTEM_FIELDS, SYSTEM_NOT_MAPPED, SYSTEM_SOURCE, addressColumns, addressRecord, choice, describeWithUnmapped,
  emailColumns, flag, lookup, optionSource, optOuts, ownerFields, personFields, phoneColumns, referenceRecord, stateStatusFields,
} from './common.js';

/** Out-of-box `leadsourcecode`; "Unknown" is the CIM-required default for an empty source. */
export const LEAD_SOURCE_CODES = {
  1: 'Advertisement', 2: 'Employee Referral', 3: 'External Referral', 4: 'Partner', 5: 'Public Relations', 6: 'Seminar', 7: 'Trade Show', 8: 'Web',
  9: 'Word of Mouth', 10: 'Other', Unknown: 'Unknown',
} as const;
export const LEAD_QUALITY_CODES = { 1: 'Hot', 2: 'Warm', 3: 'Cold' } as const;
export const LEAD_STATES = { 0: 'Open', 1: 'Qualified', 2: 'Disqualified' } as const;
export const LEAD_STATUSES = { 1: 'New', 2: 'Contacted', 3: 'Qualified', 4: 'Lost', 5: 'Cannot Contact', 6: 'No Longer Interested', 7: 'Canceled' } as const;
export const PURCHASE_TIME_FRAMES = { 0: 'Immediate', 1: 'This Quarter', 2: 'Next Quarter', 3: 'This Year', 4: 'Unknown' } as const;
export const NEED_CODES = { 0: 'Must have', 1: 'Should have', 2: 'Good to have', 3: 'No need' } as const;

const person = personFields();
const emails = emailColumns('Individual', true);
const phones = phoneColumns('Individual', [
  ['telephone1', 'Telephone1', 'Business'],
  ['mobilephone', 'MobilePhone', 'Mobile'],
  ['telephone2', 'Telephone2', 'Home'],
  ['telephone3', 'Telephone3', 'Other'],
  ['fax', 'Fax', 'Fax'],
]);
const address = addressColumns('address1', 'Address1');
const consent = optOuts('Individual');
const owner = ownerFields('Lead');
const state = stateStatusFields('LeadStatus.leadStatusName', LEAD_STATES, LEAD_STATUSES);

export const LEAD_NOT_MAPPED: Readonly<Record<string, string>> = {
  ...SYSTEM_NOT_MAPPED,
  parentcontactid: 'an existing contact chosen before qualifying (the same person); CIM has no slot — identity resolution links the two',
};

export const dataverseLead: StreamMapping = {
  system: 'dataverse',
  stream: 'lead',
  description: describeWithUnmapped('A prospect: Lead, Party + Individual, PartyRole, source/rating/status, contact points, qualification data, consent', LEAD_NOT_MAPPED),
  idField: 'leadid',
  idKind: 'guid',
  modstampField: 'modifiedon',
  systemFields: SYSTEM_FIELDS,
  source: {
    leadid: { type: 'id' },
    subject: { type: 'string', length: 300 },
    ...person.source,
    companyname: { type: 'string', length: 100 },
    jobtitle: { type: 'string', length: 100 },
    websiteurl: { type: 'url', length: 200 },
    description: { type: 'textarea', length: 2000 },
    ...emails.source,
    ...phones.source,
    ...address.source,
    leadsourcecode: optionSource(LEAD_SOURCE_CODES),
    leadqualitycode: optionSource(LEAD_QUALITY_CODES),
    industrycode: optionSource(INDUSTRY_CODES),
    revenue: { type: 'currency' },
    numberofemployees: { type: 'int' },
    transactioncurrencyid: { type: 'reference', references: 'transactioncurrency' },
    parentaccountid: { type: 'reference', references: 'account' },
    parentcontactid: { type: 'reference', references: 'contact' },
    campaignid: { type: 'reference', references: 'campaign' },
    qualifyingopportunityid: { type: 'reference', references: 'opportunity' },
    budgetamount: { type: 'currency' },
    estimatedamount: { type: 'currency' },
    estimatedclosedate: { type: 'date' },
    purchasetimeframe: optionSource(PURCHASE_TIME_FRAMES),
    decisionmaker: { type: 'boolean' },
    need: optionSource(NEED_CODES),
    ...consent.source,
    ...state.source,
    ...owner.source,
    ...SYSTEM_SOURCE,
  },
  records: [
    {
      key: 'Lead',
      entity: 'Lead',
      when: 'always',
      set: {
        partyRoleId: { ref: 'PartyRole' },
        leadSourceId: { ref: 'LeadSource' },
        leadStatusId: { ref: 'LeadStatus' },
        leadRating: { ref: 'LeadRating' },
        contactPointEmailId: { ref: 'Email1' },
        phoneContactPointId: { ref: 'Telephone1' },
        mobileContactPhoneId: { ref: 'MobilePhone' },
        faxContactPhoneId: { ref: 'Fax' },
        contactAddressId: { ref: 'Address1' },
      },
    },
    { key: 'Individual', entity: 'Individual', companion: 'Party', slot: 'Individual', nativeRecordId: true, when: 'always' },
    { key: 'PartyRole', entity: 'PartyRole', slot: 'PartyRole', nativeRecordId: true, when: 'always', set: { partyId: { ref: 'Individual' } } },
    referenceRecord('LeadSource', 'leadSourceName'),
    referenceRecord('LeadStatus', 'leadStatusName'),
    referenceRecord('LeadRating', 'leadRatingName'),
    ...emails.records,
    ...phones.records,
    addressRecord('Address1', 'Individual'),
    ...consent.records,
  ],
  fields: [
    { source: 'subject', target: 'Lead.concord:topic', note: 'the Topic Dataverse requires' },
    ...person.fields,
    { source: 'companyname', target: 'Lead.companyName' },
    { source: 'jobtitle', target: 'Lead.concord:jobTitle', note: 'no CIM slot (Individual.occupation would be lossy)' },
    { source: 'websiteurl', target: 'Lead.website' },
    { source: 'description', target: 'Lead.description' },
    ...emails.fields,
    ...phones.fields,
    ...address.fields,
    // CIM denormalises the address onto the Lead (no postal code there).
    { source: 'address1_line1', target: 'Lead.streetName', reverse: false },
    { source: 'address1_city', target: 'Lead.city', reverse: false },
    { source: 'address1_stateorprovince', target: 'Lead.stateProvinceName', reverse: false },
    { source: 'address1_country', target: 'Lead.countryName', reverse: false },
    { source: 'address1_latitude', target: 'Lead.geoCodeLatitude', transform: { name: 'number', args: { max: 90 } }, reverse: false },
    { source: 'address1_longitude', target: 'Lead.geoCodeLongitude', transform: { name: 'number', args: { max: 180 } }, reverse: false },
    { source: 'leadsourcecode', target: 'LeadSource.leadSourceName', transform: choice(LEAD_SOURCE_CODES), default: 'Unknown', note: 'CIM requires a lead source' },
    { source: 'leadqualitycode', target: 'LeadRating.leadRatingName', transform: choice(LEAD_QUALITY_CODES) },
    { source: 'industrycode', target: 'Lead.concord:industry', transform: choice(INDUSTRY_CODES) },
    { source: 'revenue', target: 'Lead.annualRevenue', transform: { name: 'integerAmount' }, note: 'T9: the exact decimal in concord:annualRevenueExact' },
    { source: 'transactioncurrencyid', target: 'Lead.currencyId', transform: lookup('transactioncurrency'), note: 'T8' },
    { source: 'numberofemployees', target: 'Lead.concord:numberOfEmployees' },
    { source: 'parentaccountid', target: 'Individual.primaryAccountId', transform: ACCOUNT_LOOKUP, note: 'the existing account the lead belongs to' },
    { source: 'campaignid', target: 'Lead.concord:campaignId', transform: lookup('campaign') },
    { source: 'qualifyingopportunityid', target: 'Lead.concord:convertedOpportunityId', transform: lookup('opportunity') },
    { source: 'budgetamount', target: 'Lead.concord:budgetAmount' },
    { source: 'estimatedamount', target: 'Lead.concord:estimatedAmount' },
    { source: 'estimatedclosedate', target: 'Lead.concord:estimatedCloseDate', transform: { name: 'date' } },
    { source: 'purchasetimeframe', target: 'Lead.concord:purchaseTimeFrame', transform: choice(PURCHASE_TIME_FRAMES) },
    { source: 'decisionmaker', target: 'Lead.concord:isDecisionMaker' },
    { source: 'need', target: 'Lead.concord:need', transform: choice(NEED_CODES) },
    ...consent.fields,
    ...state.fields,
    { source: 'statecode', target: 'Lead.isConverted', transform: flag({ 0: false, 1: true, 2: false }), reverse: false, note: 'T5: Qualified is converted; follows from the state on write-back' },
    ...owner.fields,
  ],
};
