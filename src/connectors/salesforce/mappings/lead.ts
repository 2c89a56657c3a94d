/**
 * Salesforce Lead → CIM (crosswalk §2): the Lead, the person behind it (Party + Individual) and its PartyRole,
 * the lead's status / source / rating as reference data, its contact points and consent.
 *
 * @example
 * getMapping('salesforce', 'Lead').fields.find((f) => f.source === 'Status')?.target; // 'LeadStatus.leadStatusName'
 */
import type { StreamMapping } from '../../../mapping/types.js';
import { INDUSTRIES } from './account.js';
import {
  CURRENCY_SOURCE, LEAD_SOURCES, SYSTEM_FIELDS, SYSTEM_SOURCE, addressFields, addressRecord, currencyFields, currencyRecord, emailRecord, identityTable,
  optOuts, personFields, phoneField, phoneRecord, referenceRecord,
} from './common.js';

/** Salesforce's default Lead Status picklist (crosswalk §9); CIM keeps the label. */
export const LEAD_STATUSES = ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'] as const;
const RATINGS = ['Hot', 'Warm', 'Cold'] as const;

const person = personFields();
const address = addressFields('', 'Address');
const consent = optOuts('Individual', 'Email', 'Phone', 'Fax');
const lookup = (stream: string, slot?: string) => ({ name: 'lookup', args: slot === undefined ? { stream } : { stream, slot } });

export const salesforceLead: StreamMapping = {
  system: 'salesforce',
  stream: 'Lead',
  description: 'A prospect: Lead, Party + Individual, PartyRole, status/source/rating, contact points, consent',
  idField: 'Id',
  idKind: 'salesforce',
  modstampField: 'SystemModstamp',
  systemFields: SYSTEM_FIELDS,
  source: {
    Id: { type: 'id' },
    ...person.source,
    Title: { type: 'string', length: 128 },
    Company: { type: 'string', length: 255 },
    Email: { type: 'email' },
    EmailBouncedDate: { type: 'datetime' },
    EmailBouncedReason: { type: 'string', length: 255 },
    Phone: { type: 'phone' },
    MobilePhone: { type: 'phone' },
    Fax: { type: 'phone' },
    ...address.source,
    Website: { type: 'url', length: 255 },
    LeadSource: { type: 'picklist', values: LEAD_SOURCES },
    Status: { type: 'picklist', values: LEAD_STATUSES },
    Rating: { type: 'picklist', values: RATINGS },
    Industry: { type: 'picklist', values: INDUSTRIES },
    NumberOfEmployees: { type: 'int' },
    AnnualRevenue: { type: 'currency' },
    Description: { type: 'textarea', length: 32000 },
    IsConverted: { type: 'boolean', readOnly: true },
    ConvertedDate: { type: 'date', readOnly: true },
    ConvertedAccountId: { type: 'reference', references: 'Account', readOnly: true },
    ConvertedContactId: { type: 'reference', references: 'Contact', readOnly: true },
    ConvertedOpportunityId: { type: 'reference', references: 'Opportunity', readOnly: true },
    PartnerAccountId: { type: 'reference', references: 'Account' },
    ...consent.source,
    OwnerId: { type: 'reference', references: 'User' },
    LastActivityDate: { type: 'date', readOnly: true },
    PhotoUrl: { type: 'url', readOnly: true },
    CurrencyIsoCode: CURRENCY_SOURCE,
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
        contactPointEmailId: { ref: 'Email' },
        phoneContactPointId: { ref: 'Phone' },
        mobileContactPhoneId: { ref: 'MobilePhone' },
        faxContactPhoneId: { ref: 'Fax' },
        contactAddressId: { ref: 'Address' },
        currencyId: { ref: 'Currency' },
      },
    },
    { key: 'Individual', entity: 'Individual', companion: 'Party', slot: 'Individual', nativeRecordId: true, when: 'always' },
    { key: 'PartyRole', entity: 'PartyRole', slot: 'PartyRole', nativeRecordId: true, when: 'always', set: { partyId: { ref: 'Individual' } } },
    referenceRecord('LeadSource', 'leadSourceName'),
    referenceRecord('LeadStatus', 'leadStatusName'),
    referenceRecord('LeadRating', 'leadRatingName'),
    currencyRecord(),
    emailRecord('Email', 'Individual', true),
    phoneRecord('Phone', 'Individual', 'Business'),
    phoneRecord('MobilePhone', 'Individual', 'Mobile'),
    phoneRecord('Fax', 'Individual', 'Fax'),
    addressRecord('Address', 'Individual'),
    ...consent.records,
  ],
  fields: [
    ...person.fields,
    { source: 'Title', target: 'Lead.concord:jobTitle', note: 'no CIM slot (Individual.occupation would be lossy)' },
    { source: 'Company', target: 'Lead.companyName' },
    { source: 'Email', target: 'ContactPointEmail.emailAddress', transform: { name: 'email' } },
    { source: 'EmailBouncedDate', target: 'Lead.emailBouncedDate', transform: { name: 'datetime' } },
    { source: 'EmailBouncedDate', target: 'ContactPointEmail.emailLatestBounceDateTime', transform: { name: 'datetime', args: { datePart: true } }, reverse: false },
    { source: 'EmailBouncedReason', target: 'Lead.emailBouncedReason' },
    { source: 'EmailBouncedReason', target: 'ContactPointEmail.emailLatestBounceReasonText', reverse: false },
    phoneField('Phone', 'Phone', 'Business', 'Country'),
    phoneField('MobilePhone', 'MobilePhone', 'Mobile', 'Country'),
    phoneField('Fax', 'Fax', 'Fax', 'Country'),
    ...address.fields,
    // CIM denormalises the address onto the Lead (no postal code there).
    { source: 'Street', target: 'Lead.streetName', reverse: false },
    { source: 'City', target: 'Lead.city', reverse: false },
    { source: 'State', target: 'Lead.stateProvinceName', reverse: false },
    { source: 'Country', target: 'Lead.countryName', reverse: false },
    { source: 'Latitude', target: 'Lead.geoCodeLatitude', transform: { name: 'number', args: { max: 90 } }, reverse: false },
    { source: 'Longitude', target: 'Lead.geoCodeLongitude', transform: { name: 'number', args: { max: 180 } }, reverse: false },
    { source: 'Website', target: 'Lead.website' },
    { source: 'LeadSource', target: 'LeadSource.leadSourceName', transform: { name: 'choice', args: { table: identityTable(LEAD_SOURCES) } }, default: 'Unknown', note: 'CIM requires a lead source' },
    { source: 'Status', target: 'LeadStatus.leadStatusName', transform: { name: 'choice', args: { table: identityTable(LEAD_STATUSES) } } },
    { source: 'Rating', target: 'LeadRating.leadRatingName', transform: { name: 'choice', args: { table: identityTable(RATINGS) } } },
    { source: 'Industry', target: 'Lead.concord:industry', transform: { name: 'choice', args: { table: identityTable(INDUSTRIES) } } },
    { source: 'NumberOfEmployees', target: 'Lead.concord:numberOfEmployees' },
    { source: 'AnnualRevenue', target: 'Lead.annualRevenue', transform: { name: 'integerAmount' } },
    { source: 'Description', target: 'Lead.description' },
    { source: 'IsConverted', target: 'Lead.isConverted' },
    { source: 'ConvertedDate', target: 'Lead.convertedDate' },
    { source: 'ConvertedAccountId', target: 'Lead.convertedToAccountId', transform: lookup('Account', 'Account') },
    { source: 'ConvertedContactId', target: 'Lead.convertedToAccountContactId', transform: lookup('Contact', 'AccountContact') },
    { source: 'ConvertedOpportunityId', target: 'Lead.concord:convertedOpportunityId', transform: lookup('Opportunity') },
    { source: 'PartnerAccountId', target: 'Lead.partnerAccountId', transform: lookup('Account', 'Account') },
    ...consent.fields,
    { source: 'OwnerId', target: 'Lead.concord:ownerId' },
    { source: 'LastActivityDate', target: 'Lead.lastActivityDate' },
    { source: 'PhotoUrl', target: 'Lead.photoURL' },
    ...currencyFields(),
  ],
};
