/** Shipped Salesforce mappings: a row in, the exact CIM records out (crosswalk §1–§3, T1–T12). */
import { describe, expect, it } from 'vitest';
import { concordId, salesforceId18 } from '../../src/core/ids.js';
import { salesforceAccount, salesforceContact, salesforceLead } from '../../src/connectors/salesforce/mappings/index.js';
import { compileMapping } from '../../src/mapping/index.js';
import type { CimRecord } from '../../src/model/record.js';

const SRC = 'salesforce:00D5g000004ABCDEAA';
const OPTIONS = { defaultRegion: 'US', externalSourceId: SRC, system: 'salesforce' } as const;
const CREATED = '2024-05-01T12:00:00.000Z';
const STAMP = '2024-05-02T08:30:00.000Z';
const stamps = { createdDate: CREATED, lastModifiedDate: STAMP, systemModstamp: STAMP };
const key = (recordId: string) => ({ externalSourceId: SRC, externalRecordId: recordId, ...stamps });
const sysFields = { CreatedDate: '2024-05-01T12:00:00.000+0000', LastModifiedDate: '2024-05-02T08:30:00.000+0000', SystemModstamp: '2024-05-02T08:30:00.000+0000' };

function byKey(records: readonly CimRecord[]): Record<string, Record<string, unknown>> {
  return Object.fromEntries(records.map((r) => [`${r.entity} ${String(r.data['externalRecordId'])}`, r.data]));
}

describe('Salesforce Contact', () => {
  const map = compileMapping(salesforceContact, OPTIONS);
  const id15 = '0035g00000A1b2C';
  const id = '0035g00000A1b2CAAR';
  const person = concordId('salesforce', 'Contact', id);
  const account = concordId('salesforce', 'Account', '0015g00000XyZabAAF', 'Account');
  const slot = (s: string) => concordId('salesforce', 'Contact', id, s);
  const row = {
    Id: id15, AccountId: '0015g00000XyZab', Salutation: 'Dr.', FirstName: 'Ada', LastName: 'King', Title: 'CTO', Birthdate: '1990-02-03',
    Email: ' ada@Example.COM', Phone: '(415) 555-2671 ext. 12', MobilePhone: '+44 7911 123456', MailingStreet: '1 Main St\r\n\r\n Suite 5 ',
    MailingCity: 'San Francisco', MailingCountry: 'United States', MailingCountryCode: 'US', HasOptedOutOfEmail: true, DoNotCall: 'false',
    IsEmailBounced: false, LeadSource: 'Web', OwnerId: '0055g00000AbCdE', ...sysFields,
  };

  it('maps a contact to Party + Individual, AccountContact, Customer, contact points and consent', () => {
    const { records, issues } = map({ system: 'salesforce', stream: 'Contact', recordId: id, fields: row });
    expect(issues).toEqual([]);
    expect(records.map((r) => `${r.entity} ${String(r.data['externalRecordId'])}`)).toEqual([
      `Party ${id}`, `Individual ${id}`, `AccountContact ${id}`, `Customer ${id}`,
      `ContactPoint ${id}/Email`, `ContactPointEmail ${id}/Email`,
      `ContactPoint ${id}/Phone`, `ContactPointPhone ${id}/Phone`,
      `ContactPoint ${id}/MobilePhone`, `ContactPointPhone ${id}/MobilePhone`,
      `ContactPoint ${id}/MailingAddress`, `ContactPointAddress ${id}/MailingAddress`,
      `ContactPointConsent ${id}/EmailConsent`, `ContactPointConsent ${id}/PhoneConsent`,
    ]);
    const r = byKey(records);
    const tag = { type: 'Individual', id: person };
    expect(r[`Party ${id}`]).toEqual({ id: person, ...key(id), partyTypeId: tag });
    expect(r[`Individual ${id}`]).toEqual({
      id: person, ...key(id), partyId: person, partyTypeId: tag, primaryAccountId: account, salutation: 'Dr.', firstName: 'Ada', lastName: 'King',
      personName: 'Dr. Ada King', birthDate: '1990-02-03', birthDateDay: 3, birthDateMonth: 2, birthDateYear: 1990, 'concord:ownerId': salesforceId18('0055g00000AbCdE'),
    });
    expect(r[`AccountContact ${id}`]).toEqual({
      id: slot('AccountContact'), ...key(id), accountId: account, title: 'CTO', individualId: person, contactEmailId: slot('Email'),
      businessPhoneId: slot('Phone'), mobilePhoneId: slot('MobilePhone'), mailingAddressId: slot('MailingAddress'),
    });
    expect(r[`Customer ${id}`]).toEqual({ id: slot('Customer'), ...key(id), originatingCustomerSource: 'Web', partyId: person });
    expect(r[`ContactPoint ${id}/Email`]).toEqual({
      id: slot('Email'), ...key(`${id}/Email`), contactPointTypeId: { type: 'ContactPointEmail', id: slot('Email') }, isUndeliverable: false,
      partyId: person, forBusinessUse: true, forPersonalUse: false, activeFromDate: '2024-05-01', primaryFlag: true,
    });
    expect(r[`ContactPointEmail ${id}/Email`]).toEqual({
      id: slot('Email'), ...key(`${id}/Email`), emailAddress: 'ada@Example.COM', emailMailBox: 'ada', emailDomain: 'example.com',
      emailLatestBounceReasonText: null, emailLatestBounceDateTime: null,
    });
    expect(r[`ContactPointPhone ${id}/Phone`]).toEqual({
      id: slot('Phone'), ...key(`${id}/Phone`), telephoneNumber: '(415) 555-2671 ext. 12', formattedInternationalPhoneNumber: '+1 415 555 2671',
      formattedNationalPhoneNumber: '(415) 555-2671', formattedE164PhoneNumber: '+14155552671', phoneCountryCode: '1', areaCode: '415',
      extensionNumber: '12', isFaxCapable: false, isSMSCapable: false, primaryPhoneTypeId: concordId('salesforce', '#ref', 'PrimaryPhoneType', 'Business'),
    });
    expect(r[`ContactPointPhone ${id}/MobilePhone`]).toMatchObject({ formattedE164PhoneNumber: '+447911123456', phoneCountryCode: '44', isSMSCapable: true });
    expect(r[`ContactPoint ${id}/MobilePhone`]).toMatchObject({ forBusinessUse: false, forPersonalUse: true });
    expect(r[`ContactPointAddress ${id}/MailingAddress`]).toEqual({
      id: slot('MailingAddress'), ...key(`${id}/MailingAddress`), addressLine1: '1 Main St', addressLine2: 'Suite 5', cityName: 'San Francisco',
      countryName: 'United States', 'concord:countryCode': 'US',
    });
    expect(r[`ContactPointConsent ${id}/EmailConsent`]).toEqual({
      id: slot('EmailConsent'), ...key(`${id}/EmailConsent`), channel: 'email', purpose: 'all', status: 'optOut', captureSource: 'HasOptedOutOfEmail',
      capturedDateTime: STAMP, individualId: person, contactPointId: slot('Email'),
    });
    expect(r[`ContactPointConsent ${id}/PhoneConsent`]).toMatchObject({ channel: 'phone', status: 'notOptedOut', contactPointId: slot('Phone') });
  });

  it('lists the fixed reference data it points at', () => {
    expect(map.referenceRecords.map((r) => r.data['name'])).toEqual(['Business', 'Mobile', 'Home', 'Other', 'Fax']);
    expect(map.referenceRecords[0]).toEqual({ entity: 'PrimaryPhoneType', data: { id: concordId('salesforce', '#ref', 'PrimaryPhoneType', 'Business'), externalSourceId: SRC, externalRecordId: 'Business', name: 'Business' } });
  });

  it('reference data is the same record whichever row points at it', () => {
    const lead = compileMapping(salesforceLead, OPTIONS);
    const status = (fields: Record<string, unknown>) => lead({ system: 'salesforce', stream: 'Lead', recordId: String(fields['Id']), fields }).records.find((x) => x.entity === 'LeadStatus');
    expect(status({ Id: '00Q5g00000LeAdA', Status: 'Working - Contacted', SystemModstamp: '2024-01-01T00:00:00Z' })).toEqual(status({ Id: '00Q5g00000LeAdB', Status: 'Working - Contacted', SystemModstamp: '2025-01-01T00:00:00Z' }));
  });

  it('is a pure function: the same row gives the same records', () => {
    const a = map({ system: 'salesforce', stream: 'Contact', recordId: id, fields: row });
    const b = map({ system: 'salesforce', stream: 'Contact', recordId: id, fields: { ...row } });
    expect(b).toEqual(a);
  });

  it('without an account: no AccountContact, and the account-only fields are reported, not dropped silently', () => {
    const { records, issues } = map({ system: 'salesforce', stream: 'Contact', recordId: id, fields: { Id: id, LastName: 'King', Title: 'CTO', Department: 'R&D' } });
    expect(records.map((r) => r.entity)).toEqual(['Party', 'Individual']);
    expect(issues).toEqual([{ severity: 'warning', field: 'Title', entity: 'AccountContact', code: 'RECORD_INCOMPLETE', reason: 'AccountContact AccountContact needs accountId; not emitted, so Title, Department are not mapped', value: ['Title', 'Department'] }]);
  });
});

describe('Salesforce Account', () => {
  const map = compileMapping(salesforceAccount, OPTIONS);
  const id = '0015g00000XyZabAAF';
  const org = concordId('salesforce', 'Account', id);
  const slot = (s: string) => concordId('salesforce', 'Account', id, s);
  const ref = (entity: string, value: string) => concordId('salesforce', '#ref', entity, value);

  it('maps an account to Party + Organization, Account, Customer role, reference data and contact points', () => {
    const row = {
      Id: id, Name: 'Acme', AccountNumber: 'A-1', Type: 'Customer - Direct', Industry: 'Retail', AnnualRevenue: '1234567.5', NumberOfEmployees: 250,
      Website: 'https://acme.example', Phone: '+49 30 1234567', BillingStreet: 'Unter den Linden 1', BillingCity: 'Berlin', BillingCountry: 'Germany',
      Rating: 'Hot', CurrencyIsoCode: 'EUR', ParentId: '0015g00000Parnt', ...sysFields,
    };
    const { records, issues } = map({ system: 'salesforce', stream: 'Account', recordId: id, fields: row });
    expect(issues).toEqual([]);
    const r = byKey(records);
    expect(r[`Organization ${id}`]).toEqual({
      id: org, ...key(id), partyId: org, partyTypeId: { type: 'Organization', id: org }, businessName: 'Acme', primaryIndustryName: 'Retail',
      annualRevenueAmount: 1234568, 'concord:annualRevenueAmountExact': 1234567.5, employeeCount: 250, annualRevenueCurrencyId: ref('Currency', 'EUR'),
    });
    expect(r[`Account ${id}`]).toEqual({
      id: slot('Account'), ...key(id), name: 'Acme', accountNumber: 'A-1', parentAccountId: concordId('salesforce', 'Account', salesforceId18('0015g00000Parnt'), 'Account'),
      'concord:accountCategory': 'Customer - Direct', partyId: org, useAsSalesAccount: true, useAsBillingAccount: false, useAsServiceAccount: false,
      useAsShippingAccount: false, salesPhoneId: slot('Phone'), billContactAddressId: slot('BillingAddress'),
    });
    expect(r[`Customer ${id}`]).toEqual({ id: slot('Customer'), ...key(id), partyId: org, customerStatusId: ref('CustomerStatus', 'Active'), prospectRatingId: ref('ProspectRating', 'Hot') });
    expect(r['CustomerStatus Active']).toEqual({ id: ref('CustomerStatus', 'Active'), externalSourceId: SRC, externalRecordId: 'Active', name: 'Active' });
    expect(r['Currency EUR']).toEqual({ id: ref('Currency', 'EUR'), externalSourceId: SRC, externalRecordId: 'EUR', iSOCurrencyCodeAlphanumericText: 'EUR', name: 'EUR' });
    expect(r[`PartyWebAddress ${id}/Website`]).toEqual({ id: slot('Website'), ...key(`${id}/Website`), webSiteURL: 'https://acme.example', partyId: org });
    expect(r[`ContactPointPhone ${id}/Phone`]).toMatchObject({ formattedE164PhoneNumber: '+49301234567', areaCode: '30' });
    expect(r[`ContactPointAddress ${id}/BillingAddress`]).toMatchObject({ addressLine1: 'Unter den Linden 1', isUsedForBilling: true, isUsedForShipping: false });
  });

  it.each([
    ['Prospect', 'Prospect'],
    ['Customer - Channel', 'Active'],
  ])('Type %s gives customer status %s', (type, status) => {
    const { records } = map({ system: 'salesforce', stream: 'Account', recordId: id, fields: { Id: id, Name: 'Acme', Type: type } });
    expect(records.find((r) => r.entity === 'CustomerStatus')?.data['name']).toBe(status);
  });

  it('a partner type is kept as the account category and creates no customer role', () => {
    const { records, issues } = map({ system: 'salesforce', stream: 'Account', recordId: id, fields: { Id: id, Name: 'Acme', Type: 'Technology Partner' } });
    expect(issues).toEqual([]);
    expect(records.map((r) => r.entity)).toEqual(['Party', 'Organization', 'Account']);
  });
});

describe('Salesforce Lead', () => {
  const map = compileMapping(salesforceLead, OPTIONS);
  const id = '00Q5g00000LeAdXEAV';
  const lead = concordId('salesforce', 'Lead', id);
  const slot = (s: string) => concordId('salesforce', 'Lead', id, s);
  const ref = (entity: string, value: string) => concordId('salesforce', '#ref', entity, value);

  it('maps a lead to Lead, Party + Individual, PartyRole, status/source reference data and contact points', () => {
    const row = {
      Id: id, FirstName: 'Grace', LastName: 'Hopper', Company: 'Navy', Title: 'Rear Admiral', Status: 'Working - Contacted', Email: 'grace@navy.example',
      Street: '1 Pentagon', City: 'Arlington', Country: 'United States', AnnualRevenue: 1000.5, ...sysFields,
    };
    const { records, issues } = map({ system: 'salesforce', stream: 'Lead', recordId: id, fields: row });
    expect(issues).toEqual([]);
    const r = byKey(records);
    expect(r[`Lead ${id}`]).toEqual({
      id: lead, ...key(id), 'concord:jobTitle': 'Rear Admiral', companyName: 'Navy', streetName: '1 Pentagon', city: 'Arlington', countryName: 'United States',
      annualRevenue: 1000, 'concord:annualRevenueExact': 1000.5, partyRoleId: slot('PartyRole'), leadSourceId: ref('LeadSource', 'Unknown'),
      leadStatusId: ref('LeadStatus', 'Working - Contacted'), contactPointEmailId: slot('Email'), contactAddressId: slot('Address'),
    });
    expect(r[`Individual ${id}`]).toEqual({
      id: slot('Individual'), ...key(id), partyId: slot('Individual'), partyTypeId: { type: 'Individual', id: slot('Individual') },
      firstName: 'Grace', lastName: 'Hopper', personName: 'Grace Hopper',
    });
    expect(r[`PartyRole ${id}`]).toEqual({ id: slot('PartyRole'), ...key(id), partyId: slot('Individual') });
    expect(r['LeadSource Unknown']).toEqual({ id: ref('LeadSource', 'Unknown'), externalSourceId: SRC, externalRecordId: 'Unknown', leadSourceName: 'Unknown' });
    expect(r['LeadStatus Working - Contacted']).toMatchObject({ leadStatusName: 'Working - Contacted' });
    expect(r[`ContactPoint ${id}/Email`]).toMatchObject({ partyId: slot('Individual'), primaryFlag: true });
  });

  it('reports the LeadSource default under the strict profile', () => {
    const strict = compileMapping(salesforceLead, { ...OPTIONS, profile: 'strict' });
    const { issues } = strict({ system: 'salesforce', stream: 'Lead', recordId: id, fields: { Id: id, LastName: 'Hopper' } });
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning', field: 'LeadSource', code: 'DEFAULT_USED' })]);
  });
});
