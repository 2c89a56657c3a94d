/**
 * Salesforce Contact → CIM (crosswalk §1): Party + Individual (one id), AccountContact (when the contact has an
 * account or account-specific fields), a Customer role for the lead source, one ContactPoint + subtype per
 * email, phone and address slot, and a ContactPointConsent per opt-out flag.
 *
 * @example
 * compileMapping(salesforceContact, { defaultRegion: 'US', externalSourceId: 'salesforce:00D…', system: 'salesforce' });
 */
import type { StreamMapping } from '../../../mapping/types.js';
import {
  LEAD_SOURCES, SYSTEM_FIELDS, SYSTEM_SOURCE, addressFields, addressRecord, emailRecord, identityTable, optOuts, personFields, phoneField, phoneRecord,
} from './common.js';

const person = personFields();
const mailing = addressFields('Mailing', 'MailingAddress');
const other = addressFields('Other', 'OtherAddress');
const consent = optOuts('Individual', 'Email', 'Phone', 'Fax');

export const salesforceContact: StreamMapping = {
  system: 'salesforce',
  stream: 'Contact',
  description: 'A person at an account: Individual + Party, AccountContact, contact points, consent',
  idField: 'Id',
  idKind: 'salesforce',
  modstampField: 'SystemModstamp',
  systemFields: SYSTEM_FIELDS,
  source: {
    Id: { type: 'id' },
    AccountId: { type: 'reference', references: 'Account' },
    ...person.source,
    Title: { type: 'string', length: 128 },
    Department: { type: 'string', length: 80 },
    Birthdate: { type: 'date' },
    Email: { type: 'email' },
    EmailBouncedDate: { type: 'datetime' },
    EmailBouncedReason: { type: 'string', length: 255 },
    IsEmailBounced: { type: 'boolean', readOnly: true },
    Phone: { type: 'phone' },
    MobilePhone: { type: 'phone' },
    HomePhone: { type: 'phone' },
    OtherPhone: { type: 'phone' },
    Fax: { type: 'phone' },
    AssistantName: { type: 'string', length: 40 },
    AssistantPhone: { type: 'phone' },
    ReportsToId: { type: 'reference', references: 'Contact' },
    ...mailing.source,
    ...other.source,
    LeadSource: { type: 'picklist', values: LEAD_SOURCES },
    Description: { type: 'textarea', length: 32000 },
    OwnerId: { type: 'reference', references: 'User' },
    ...consent.source,
    IndividualId: { type: 'reference', references: 'Individual' },
    MasterRecordId: { type: 'reference', references: 'Contact', readOnly: true },
    CurrencyIsoCode: { type: 'picklist' },
    ...SYSTEM_SOURCE,
  },
  records: [
    { key: 'Individual', entity: 'Individual', companion: 'Party', when: 'always' },
    {
      key: 'AccountContact',
      entity: 'AccountContact',
      slot: 'AccountContact',
      nativeRecordId: true,
      requires: 'accountId',
      set: {
        individualId: { ref: 'Individual' },
        contactEmailId: { ref: 'Email' },
        businessPhoneId: { ref: 'Phone' },
        mobilePhoneId: { ref: 'MobilePhone' },
        homePhoneId: { ref: 'HomePhone' },
        faxPhoneId: { ref: 'Fax' },
        mailingAddressId: { ref: 'MailingAddress' },
        otherContactAddressId: { ref: 'OtherAddress' },
      },
    },
    { key: 'Customer', entity: 'Customer', slot: 'Customer', nativeRecordId: true, set: { partyId: { ref: 'Individual' } } },
    emailRecord('Email', 'Individual', true),
    phoneRecord('Phone', 'Individual', 'Business'),
    phoneRecord('MobilePhone', 'Individual', 'Mobile'),
    phoneRecord('HomePhone', 'Individual', 'Home'),
    phoneRecord('OtherPhone', 'Individual', 'Other'),
    phoneRecord('Fax', 'Individual', 'Fax'),
    addressRecord('MailingAddress', 'Individual'),
    addressRecord('OtherAddress', 'Individual'),
    ...consent.records,
  ],
  fields: [
    { source: 'AccountId', target: 'Individual.primaryAccountId', transform: { name: 'lookup', args: { stream: 'Account', slot: 'Account' } } },
    { source: 'AccountId', target: 'AccountContact.accountId', transform: { name: 'lookup', args: { stream: 'Account', slot: 'Account' } }, reverse: false },
    ...person.fields,
    { source: 'Birthdate', target: 'Individual.birthDate', transform: { name: 'date', args: { parts: 'birthDate' } } },
    { source: 'Title', target: 'AccountContact.title' },
    { source: 'Department', target: 'AccountContact.departmentName' },
    { source: 'AssistantName', target: 'AccountContact.assistantName' },
    { source: 'AssistantPhone', target: 'AccountContact.assistantPhone', note: 'a plain string in CIM: kept as entered' },
    { source: 'ReportsToId', target: 'AccountContact.reportsToAccountContactId', transform: { name: 'lookup', args: { stream: 'Contact', slot: 'AccountContact' } } },
    { source: 'Description', target: 'AccountContact.contactNote' },
    { source: 'Email', target: 'ContactPointEmail.emailAddress', transform: { name: 'email' } },
    { source: 'EmailBouncedDate', target: 'ContactPointEmail.emailLatestBounceDateTime', transform: { name: 'datetime', args: { datePart: true } } },
    { source: 'EmailBouncedReason', target: 'ContactPointEmail.emailLatestBounceReasonText' },
    { source: 'IsEmailBounced', target: 'ContactPoint[Email].isUndeliverable' },
    phoneField('Phone', 'Phone', 'Business', 'MailingCountry'),
    phoneField('MobilePhone', 'MobilePhone', 'Mobile', 'MailingCountry'),
    phoneField('HomePhone', 'HomePhone', 'Home', 'MailingCountry'),
    phoneField('OtherPhone', 'OtherPhone', 'Other', 'MailingCountry'),
    phoneField('Fax', 'Fax', 'Fax', 'MailingCountry'),
    ...mailing.fields,
    ...other.fields,
    { source: 'LeadSource', target: 'Customer.originatingCustomerSource', transform: { name: 'choice', args: { table: identityTable(LEAD_SOURCES) } } },
    { source: 'OwnerId', target: 'Individual.concord:ownerId' },
    ...consent.fields,
  ],
};
