/**
 * Dataverse `account` → CIM (crosswalk §3): Party + Organization (one id), Account (the CIM Account,
 * keyed by the same GUID), a Customer role with its status (statecode/statuscode, §9), phones, emails,
 * website, and the bill-to (`address1_*`) and ship-to (`address2_*`) addresses.
 *
 * @example
 * getMapping('dataverse', 'account').records.map((r) => r.entity);
 */
import type { StreamMapping } from '../../../mapping/types.js';
import {
  ACCOUNT_LOOKUP, ACTIVE_STATE, ACTIVE_STATUS, INDUSTRY_CODES, SYSTEM_FIELDS, SYSTEM_NOT_MAPPED, SYSTEM_SOURCE, addressColumns, addressRecord, choice,
  describeWithUnmapped, emailColumns, lookup, optionSource, ownerFields, phoneColumns, referenceRecord, stateStatusFields,
} from './common.js';

/** `customertypecode` (relationship type), kept as the organisation's company type label. */
export const CUSTOMER_TYPE_CODES = {
  1: 'Competitor', 2: 'Consultant', 3: 'Customer', 4: 'Investor', 5: 'Partner', 6: 'Influencer', 7: 'Press', 8: 'Prospect', 9: 'Reseller',
  10: 'Supplier', 11: 'Vendor', 12: 'Other',
} as const;
export const OWNERSHIP_CODES = { 1: 'Public', 2: 'Private', 3: 'Subsidiary', 4: 'Other' } as const;

const address1 = addressColumns('address1', 'Address1');
const address2 = addressColumns('address2', 'Address2');
const emails = emailColumns('Organization', true);
const phones = phoneColumns('Organization', [['telephone1', 'Telephone1', 'Business'], ['telephone2', 'Telephone2', 'Other'], ['telephone3', 'Telephone3', 'Other'], ['fax', 'Fax', 'Fax']]);
const owner = ownerFields('Organization');
const state = stateStatusFields('CustomerStatus.name', ACTIVE_STATE, ACTIVE_STATUS);

export const ACCOUNT_NOT_MAPPED: Readonly<Record<string, string>> = {
  ...SYSTEM_NOT_MAPPED,
};

export const dataverseAccount: StreamMapping = {
  system: 'dataverse',
  stream: 'account',
  description: describeWithUnmapped('A company: Organization + Party, Account, Customer role with status, phones, emails, website, bill-to and ship-to addresses', ACCOUNT_NOT_MAPPED),
  idField: 'accountid',
  idKind: 'guid',
  modstampField: 'modifiedon',
  systemFields: SYSTEM_FIELDS,
  source: {
    accountid: { type: 'id' },
    name: { type: 'string', length: 160 },
    accountnumber: { type: 'string', length: 20 },
    parentaccountid: { type: 'reference', references: 'account' },
    primarycontactid: { type: 'reference', references: 'contact' },
    customertypecode: optionSource(CUSTOMER_TYPE_CODES),
    industrycode: optionSource(INDUSTRY_CODES),
    ownershipcode: optionSource(OWNERSHIP_CODES),
    revenue: { type: 'currency' },
    numberofemployees: { type: 'int' },
    sic: { type: 'string', length: 20 },
    tickersymbol: { type: 'string', length: 10 },
    stockexchange: { type: 'string', length: 20 },
    description: { type: 'textarea', length: 2000 },
    websiteurl: { type: 'url', length: 200 },
    ...emails.source,
    ...phones.source,
    ...address1.source,
    ...address2.source,
    transactioncurrencyid: { type: 'reference', references: 'transactioncurrency' },
    ...state.source,
    ...owner.source,
    ...SYSTEM_SOURCE,
  },
  records: [
    { key: 'Organization', entity: 'Organization', companion: 'Party', when: 'always', set: { sICId: { ref: 'SICCode' } } },
    {
      key: 'Account',
      entity: 'Account',
      slot: 'Account',
      nativeRecordId: true,
      when: 'always',
      set: {
        partyId: { ref: 'Organization' },
        // CIM-required flags: a CRM account is a sales account (crosswalk §3, per-connection defaults).
        useAsSalesAccount: true,
        useAsBillingAccount: false,
        useAsServiceAccount: false,
        useAsShippingAccount: false,
        salesPhoneId: { ref: 'Telephone1' },
        faxPhoneId: { ref: 'Fax' },
        billContactAddressId: { ref: 'Address1' },
        shippingAddressId: { ref: 'Address2' },
      },
    },
    { key: 'Customer', entity: 'Customer', slot: 'Customer', nativeRecordId: true, when: { anyOf: ['CustomerStatus'] }, set: { partyId: { ref: 'Organization' }, customerStatusId: { ref: 'CustomerStatus' } } },
    referenceRecord('CustomerStatus', 'name'),
    referenceRecord('SICCode', 'sICCodeName'),
    ...emails.records,
    ...phones.records,
    { key: 'Website', entity: 'PartyWebAddress', companion: 'ContactPoint', slot: 'Website', set: { partyId: { ref: 'Organization' } }, companionSet: { partyId: { ref: 'Organization' }, forBusinessUse: true, forPersonalUse: false, activeFromDate: { system: 'createdDate', datePart: true } } },
    addressRecord('Address1', 'Organization', { isUsedForBilling: true, isUsedForShipping: false }),
    addressRecord('Address2', 'Organization', { isUsedForBilling: false, isUsedForShipping: true }),
  ],
  fields: [
    { source: 'primarycontactid', target: 'Account.concord:primaryContactId', transform: lookup('contact') },
    { source: 'name', target: 'Account.name' },
    { source: 'name', target: 'Organization.businessName', reverse: false },
    { source: 'accountnumber', target: 'Account.accountNumber' },
    { source: 'parentaccountid', target: 'Account.parentAccountId', transform: ACCOUNT_LOOKUP },
    { source: 'customertypecode', target: 'Organization.companyType', transform: choice(CUSTOMER_TYPE_CODES), note: 'the relationship type label (Customer, Prospect, Competitor …)' },
    { source: 'industrycode', target: 'Organization.primaryIndustryName', transform: choice(INDUSTRY_CODES) },
    { source: 'ownershipcode', target: 'Organization.concord:ownershipLabel', transform: choice(OWNERSHIP_CODES) },
    { source: 'revenue', target: 'Organization.annualRevenueAmount', transform: { name: 'integerAmount' }, note: 'T9: CIM integer; the exact decimal in concord:annualRevenueAmountExact' },
    { source: 'transactioncurrencyid', target: 'Organization.annualRevenueCurrencyId', transform: lookup('transactioncurrency'), note: 'T8: the Currency the transactioncurrency mapping emits' },
    { source: 'numberofemployees', target: 'Organization.employeeCount' },
    { source: 'sic', target: 'SICCode.sICCodeName' },
    { source: 'tickersymbol', target: 'Organization.stockTickerSymbol' },
    { source: 'stockexchange', target: 'Organization.stockExchangeName' },
    { source: 'description', target: 'Account.description' },
    { source: 'websiteurl', target: 'PartyWebAddress.webSiteURL' },
    ...emails.fields,
    ...phones.fields,
    ...address1.fields,
    ...address2.fields,
    ...state.fields,
    ...owner.fields,
  ],
};
