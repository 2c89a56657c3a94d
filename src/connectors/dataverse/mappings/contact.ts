/**
 * Dataverse `contact` → CIM (crosswalk §1): Party + Individual (one id), AccountContact (when the contact has a
 * parent account or account-specific columns), a Customer role with its status (§9), three emails, five
 * phones, two addresses, Dataverse-only demographics, and a ContactPointConsent per do-not flag (§10).
 *
 * @example
 * compileMapping(dataverseContact, { defaultRegion: 'US', externalSourceId: 'dataverse:<org id>', system: 'dataverse' });
 */
import type { StreamMapping } from '../../../mapping/types.js';
import {
  accountWhenTyped, ACTIVE_STATE, ACTIVE_STATUS, SYSTEM_FIELDS, SYSTEM_NOT_MAPPED, SYSTEM_SOURCE, addressColumns, addressRecord, choice,
  describeWithUnmapped, emailColumns, lookup, optionSource, optOuts, ownerFields, personFields, phoneColumns, referenceRecord, stateStatusFields,
} from './common.js';

export const GENDER_CODES = { 1: 'Male', 2: 'Female' } as const;
export const FAMILY_STATUS_CODES = { 1: 'Single', 2: 'Married', 3: 'Divorced', 4: 'Widowed' } as const;

const person = personFields();
const emails = emailColumns('Individual', true);
const phones = phoneColumns('Individual', [
  ['telephone1', 'Telephone1', 'Business'],
  ['mobilephone', 'MobilePhone', 'Mobile'],
  ['telephone2', 'Telephone2', 'Home'],
  ['telephone3', 'Telephone3', 'Other'],
  ['fax', 'Fax', 'Fax'],
]);
const address1 = addressColumns('address1', 'Address1');
const address2 = addressColumns('address2', 'Address2');
const consent = optOuts('Individual');
const owner = ownerFields('Individual');
const state = stateStatusFields('CustomerStatus.name', ACTIVE_STATE, ACTIVE_STATUS);

export const CONTACT_NOT_MAPPED: Readonly<Record<string, string>> = {
  ...SYSTEM_NOT_MAPPED,
  parentcustomeridtype: 'T6 discriminator of parentcustomerid: read by its lookup, no CIM slot of its own',
};

export const dataverseContact: StreamMapping = {
  system: 'dataverse',
  stream: 'contact',
  description: describeWithUnmapped('A person: Individual + Party, AccountContact, Customer role with status, contact points, demographics, consent', CONTACT_NOT_MAPPED),
  idField: 'contactid',
  idKind: 'guid',
  modstampField: 'modifiedon',
  systemFields: SYSTEM_FIELDS,
  source: {
    contactid: { type: 'id' },
    ...person.source,
    nickname: { type: 'string', length: 100 },
    parentcustomerid: { type: 'reference', references: 'account' },
    parentcustomeridtype: { type: 'picklist', values: ['account', 'contact'] },
    jobtitle: { type: 'string', length: 100 },
    department: { type: 'string', length: 100 },
    assistantname: { type: 'string', length: 100 },
    assistantphone: { type: 'phone', length: 50 },
    description: { type: 'textarea', length: 2000 },
    birthdate: { type: 'date' },
    anniversary: { type: 'date' },
    gendercode: optionSource(GENDER_CODES),
    familystatuscode: optionSource(FAMILY_STATUS_CODES),
    numberofchildren: { type: 'int' },
    annualincome: { type: 'currency' },
    transactioncurrencyid: { type: 'reference', references: 'transactioncurrency' },
    websiteurl: { type: 'url', length: 200 },
    governmentid: { type: 'string', length: 50 },
    ...emails.source,
    ...phones.source,
    ...address1.source,
    ...address2.source,
    ...consent.source,
    ...state.source,
    ...owner.source,
    ...SYSTEM_SOURCE,
  },
  records: [
    { key: 'Individual', entity: 'Individual', companion: 'Party', when: 'always', set: { genderId: { ref: 'Gender' }, maritalStatusId: { ref: 'MaritalStatus' } } },
    {
      key: 'AccountContact',
      entity: 'AccountContact',
      slot: 'AccountContact',
      nativeRecordId: true,
      set: {
        individualId: { ref: 'Individual' },
        contactEmailId: { ref: 'Email1' },
        businessPhoneId: { ref: 'Telephone1' },
        mobilePhoneId: { ref: 'MobilePhone' },
        homePhoneId: { ref: 'Telephone2' },
        faxPhoneId: { ref: 'Fax' },
        mailingAddressId: { ref: 'Address1' },
        otherContactAddressId: { ref: 'Address2' },
      },
    },
    { key: 'Customer', entity: 'Customer', slot: 'Customer', nativeRecordId: true, when: { anyOf: ['CustomerStatus'] }, set: { partyId: { ref: 'Individual' }, customerStatusId: { ref: 'CustomerStatus' } } },
    referenceRecord('CustomerStatus', 'name'),
    referenceRecord('Gender', 'name'),
    referenceRecord('MaritalStatus', 'maritalStatusName'),
    { key: 'GovernmentId', entity: 'PartyIdentification', slot: 'GovernmentId', set: { partyId: { ref: 'Individual' }, name: 'Government ID' } },
    ...emails.records,
    ...phones.records,
    addressRecord('Address1', 'Individual'),
    addressRecord('Address2', 'Individual'),
    ...consent.records,
  ],
  fields: [
    ...person.fields,
    { source: 'nickname', target: 'Individual.preferredName' },
    {
      source: 'parentcustomerid',
      target: 'Individual.primaryAccountId',
      transform: accountWhenTyped('parentcustomeridtype'),
      note: 'T6: the parent account when parentcustomeridtype = account; a contact-typed parent is no account',
    },
    { source: 'parentcustomerid', target: 'AccountContact.accountId', transform: accountWhenTyped('parentcustomeridtype'), reverse: false },
    { source: 'jobtitle', target: 'AccountContact.title' },
    { source: 'department', target: 'AccountContact.departmentName' },
    { source: 'assistantname', target: 'AccountContact.assistantName' },
    { source: 'assistantphone', target: 'AccountContact.assistantPhone', note: 'a plain string in CIM: kept as entered' },
    { source: 'description', target: 'AccountContact.contactNote' },
    { source: 'birthdate', target: 'Individual.birthDate', transform: { name: 'date', args: { parts: 'birthDate' } }, note: 'T11: date-only, never shifted by time zone' },
    { source: 'anniversary', target: 'Individual.weddingAnniversaryDate', transform: { name: 'date' } },
    { source: 'gendercode', target: 'Gender.name', transform: choice(GENDER_CODES) },
    { source: 'familystatuscode', target: 'MaritalStatus.maritalStatusName', transform: choice(FAMILY_STATUS_CODES) },
    { source: 'numberofchildren', target: 'Individual.childrenCount' },
    { source: 'annualincome', target: 'Individual.yearlyIncome', transform: { name: 'integerAmount' }, note: 'T9: CIM integer; the exact decimal in concord:yearlyIncomeExact' },
    { source: 'transactioncurrencyid', target: 'Individual.yearlyIncomeCurrencyId', transform: lookup('transactioncurrency'), note: 'T8' },
    { source: 'websiteurl', target: 'Individual.webSiteURL' },
    { source: 'governmentid', target: 'PartyIdentification.identificationNumber' },
    ...emails.fields,
    ...phones.fields,
    ...address1.fields,
    ...address2.fields,
    ...consent.fields,
    ...state.fields,
    ...owner.fields,
  ],
};
