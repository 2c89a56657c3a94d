/**
 * Salesforce Account → CIM (crosswalk §3): Party + Organization (one id), the CIM Account (the crosswalk's BusinessAccount; the model keeps Concord's
 * account extensions on Account),
 * a Customer role with its status and rating, phone, fax, website, and the billing and shipping addresses.
 *
 * @example
 * getMapping('salesforce', 'Account').records.map((r) => r.entity);
 */
import type { StreamMapping } from '../../../mapping/types.js';
import {
  CURRENCY_SOURCE, LEAD_SOURCES, SYSTEM_FIELDS, SYSTEM_SOURCE, addressFields, addressRecord, currencyFields, currencyRecord, identityTable, phoneField,
  phoneRecord, referenceRecord,
} from './common.js';

const billing = addressFields('Billing', 'BillingAddress');
const shipping = addressFields('Shipping', 'ShippingAddress');

/** Salesforce's default Account Type picklist. */
export const ACCOUNT_TYPES = ['Prospect', 'Customer - Direct', 'Customer - Channel', 'Channel Partner / Reseller', 'Installation Partner', 'Technology Partner', 'Other'] as const;
/** Customer status implied by the type (crosswalk §3); other types carry no customer status. */
const CUSTOMER_STATUS = { Prospect: 'Prospect', 'Customer - Direct': 'Active', 'Customer - Channel': 'Active' };
export const INDUSTRIES = [
  'Agriculture', 'Apparel', 'Banking', 'Biotechnology', 'Chemicals', 'Communications', 'Construction', 'Consulting', 'Education', 'Electronics',
  'Energy', 'Engineering', 'Entertainment', 'Environmental', 'Finance', 'Food & Beverage', 'Government', 'Healthcare', 'Hospitality',
  'Insurance', 'Machinery', 'Manufacturing', 'Media', 'Not For Profit', 'Recreation', 'Retail', 'Shipping', 'Technology',
  'Telecommunications', 'Transportation', 'Utilities', 'Other',
] as const;
const OWNERSHIP = ['Public', 'Private', 'Subsidiary', 'Other'] as const;
const RATINGS = ['Hot', 'Warm', 'Cold'] as const;

export const salesforceAccount: StreamMapping = {
  system: 'salesforce',
  stream: 'Account',
  description: 'A company: Organization + Party, Account, Customer role, contact points',
  idField: 'Id',
  idKind: 'salesforce',
  modstampField: 'SystemModstamp',
  systemFields: SYSTEM_FIELDS,
  source: {
    Id: { type: 'id' },
    Name: { type: 'string', length: 255 },
    AccountNumber: { type: 'string', length: 40 },
    ParentId: { type: 'reference', references: 'Account' },
    Type: { type: 'picklist', values: ACCOUNT_TYPES },
    Industry: { type: 'picklist', values: INDUSTRIES },
    AnnualRevenue: { type: 'currency' },
    NumberOfEmployees: { type: 'int' },
    Sic: { type: 'string', length: 20 },
    SicDesc: { type: 'string', length: 80 },
    NaicsCode: { type: 'string', length: 8 },
    DunsNumber: { type: 'string', length: 9 },
    YearStarted: { type: 'int' },
    Tradestyle: { type: 'string', length: 255 },
    Ownership: { type: 'picklist', values: OWNERSHIP },
    TickerSymbol: { type: 'string', length: 20 },
    Description: { type: 'textarea', length: 32000 },
    Website: { type: 'url', length: 255 },
    Phone: { type: 'phone' },
    Fax: { type: 'phone' },
    ...billing.source,
    ...shipping.source,
    Rating: { type: 'picklist', values: RATINGS },
    AccountSource: { type: 'picklist', values: LEAD_SOURCES },
    OwnerId: { type: 'reference', references: 'User' },
    CurrencyIsoCode: CURRENCY_SOURCE,
    ...SYSTEM_SOURCE,
  },
  records: [
    { key: 'Organization', entity: 'Organization', companion: 'Party', when: 'always', set: { annualRevenueCurrencyId: { ref: 'Currency' }, sICId: { ref: 'SICCode' }, nAICSId: { ref: 'NAICSCode' } } },
    {
      key: 'Account',
      entity: 'Account',
      slot: 'Account',
      nativeRecordId: true,
      when: 'always',
      set: {
        partyId: { ref: 'Organization' },
        // CIM-required flags: a CRM account is a sales account (per-connection defaults, crosswalk §3).
        useAsSalesAccount: true,
        useAsBillingAccount: false,
        useAsServiceAccount: false,
        useAsShippingAccount: false,
        salesPhoneId: { ref: 'Phone' },
        faxPhoneId: { ref: 'Fax' },
        billContactAddressId: { ref: 'BillingAddress' },
        shippingAddressId: { ref: 'ShippingAddress' },
      },
    },
    {
      key: 'Customer',
      entity: 'Customer',
      slot: 'Customer',
      nativeRecordId: true,
      when: { anyOf: ['CustomerStatus', 'ProspectRating'] },
      set: { partyId: { ref: 'Organization' }, customerStatusId: { ref: 'CustomerStatus' }, prospectRatingId: { ref: 'ProspectRating' } },
    },
    referenceRecord('CustomerStatus', 'name'),
    referenceRecord('ProspectRating', 'prospectRatingName'),
    referenceRecord('SICCode', 'sICCodeName'),
    referenceRecord('NAICSCode', 'nAICSCodeName'),
    currencyRecord(),
    phoneRecord('Phone', 'Organization', 'Business'),
    phoneRecord('Fax', 'Organization', 'Fax'),
    { key: 'Website', entity: 'PartyWebAddress', companion: 'ContactPoint', slot: 'Website', set: { partyId: { ref: 'Organization' } }, companionSet: { partyId: { ref: 'Organization' }, forBusinessUse: true, forPersonalUse: false, activeFromDate: { system: 'createdDate', datePart: true } } },
    addressRecord('BillingAddress', 'Organization', { isUsedForBilling: true, isUsedForShipping: false }),
    addressRecord('ShippingAddress', 'Organization', { isUsedForBilling: false, isUsedForShipping: true }),
  ],
  fields: [
    { source: 'Name', target: 'Account.name' },
    { source: 'Name', target: 'Organization.businessName', reverse: false },
    { source: 'AccountNumber', target: 'Account.accountNumber' },
    { source: 'ParentId', target: 'Account.parentAccountId', transform: { name: 'lookup', args: { stream: 'Account', slot: 'Account' } } },
    { source: 'Type', target: 'Account.concord:accountCategory', transform: { name: 'choice', args: { table: identityTable(ACCOUNT_TYPES) } }, note: 'the Salesforce label; the role is derived below' },
    { source: 'Type', target: 'CustomerStatus.name', transform: { name: 'choice', args: { table: CUSTOMER_STATUS, unknown: 'skip' } }, reverse: false, note: 'Prospect → Prospect, Customer - * → Active' },
    { source: 'Industry', target: 'Organization.primaryIndustryName', transform: { name: 'choice', args: { table: identityTable(INDUSTRIES) } } },
    { source: 'AnnualRevenue', target: 'Organization.annualRevenueAmount', transform: { name: 'integerAmount' } },
    { source: 'NumberOfEmployees', target: 'Organization.employeeCount' },
    { source: 'Sic', target: 'SICCode.sICCodeName' },
    { source: 'NaicsCode', target: 'NAICSCode.nAICSCodeName' },
    { source: 'DunsNumber', target: 'Organization.dUNSNumber' },
    { source: 'YearStarted', target: 'Organization.yearStarted', transform: { name: 'number', args: { integer: true, max: 9999 } } },
    { source: 'Tradestyle', target: 'Organization.concord:tradestyle' },
    { source: 'Ownership', target: 'Organization.concord:ownershipLabel', transform: { name: 'choice', args: { table: identityTable(OWNERSHIP) } } },
    { source: 'TickerSymbol', target: 'Organization.stockTickerSymbol' },
    { source: 'Description', target: 'Account.description' },
    { source: 'Website', target: 'PartyWebAddress.webSiteURL' },
    phoneField('Phone', 'Phone', 'Business', 'BillingCountry'),
    phoneField('Fax', 'Fax', 'Fax', 'BillingCountry'),
    ...billing.fields,
    ...shipping.fields,
    { source: 'Rating', target: 'ProspectRating.prospectRatingName', transform: { name: 'choice', args: { table: identityTable(RATINGS) } } },
    { source: 'AccountSource', target: 'Customer.originatingCustomerSource', transform: { name: 'choice', args: { table: identityTable(LEAD_SOURCES) } } },
    { source: 'OwnerId', target: 'Account.concord:ownerId' },
    ...currencyFields(),
  ],
};
