/**
 * Building blocks shared by the Salesforce mappings: the standard system fields, and the records and field maps
 * for a person, an email, a phone, an address and a consent flag, so each object's file reads like its
 * crosswalk table (docs/mapping.md; crosswalk §1–§10).
 *
 * @example
 * const records = [personRecord(), ...phoneRecords('Individual', [['Phone', 'Business']])];
 */
import type { FieldMap, RecordSpec, SourceFieldSpec, SetValue } from '../../../mapping/types.js';

export const SYSTEM_SOURCE: Readonly<Record<string, SourceFieldSpec>> = {
  CreatedDate: { type: 'datetime', readOnly: true },
  LastModifiedDate: { type: 'datetime', readOnly: true },
  SystemModstamp: { type: 'datetime', readOnly: true },
};

export const SYSTEM_FIELDS = { createdDate: 'CreatedDate', lastModifiedDate: 'LastModifiedDate', systemModstamp: 'SystemModstamp' } as const;

/** ISO 4217 codes offered by default in multi-currency orgs (others pass through with a warning-free copy). */
export const CURRENCY_SOURCE: SourceFieldSpec = { type: 'picklist', values: ['USD', 'EUR', 'GBP', 'JPY', 'CAD', 'AUD', 'CHF'] };

/** `Currency` reference data (T8): one record per ISO code, pointed at by the amount slots. */
export function currencyRecord(): RecordSpec {
  return { key: 'Currency', entity: 'Currency', referenceData: { property: 'iSOCurrencyCodeAlphanumericText' } };
}

export function currencyFields(): FieldMap[] {
  return [
    { source: 'CurrencyIsoCode', target: 'Currency.iSOCurrencyCodeAlphanumericText', transform: { name: 'trim' } },
    { source: 'CurrencyIsoCode', target: 'Currency.name', transform: { name: 'trim' }, reverse: false, note: 'CIM requires a name: the ISO code' },
  ];
}

/** A `{ name }`-style reference-data record (LeadStatus, SalesOrderStatus …) keyed by its value. */
export function referenceRecord(key: string, property: string): RecordSpec {
  return { key, entity: key, referenceData: { property } };
}

const activeFrom: SetValue = { system: 'createdDate', datePart: true };

/** ContactPoint supertype values (T2/T3): party, usage flags, validity from the record's creation. */
function contactPointSet(partyKey: string, business: boolean, extra: Readonly<Record<string, SetValue>> = {}): Record<string, SetValue> {
  return { partyId: { ref: partyKey }, forBusinessUse: business, forPersonalUse: !business, activeFromDate: activeFrom, ...extra };
}

/** One ContactPointEmail (+ ContactPoint) for an email slot; the first slot is primary (T3). */
export function emailRecord(key: string, partyKey: string, primary: boolean, business = true): RecordSpec {
  return {
    key,
    entity: 'ContactPointEmail',
    companion: 'ContactPoint',
    slot: key,
    requires: 'emailAddress',
    // Both bounce slots are required by CIM: null when unknown (reported under the practical profile).
    set: { emailLatestBounceReasonText: null, emailLatestBounceDateTime: null },
    companionSet: contactPointSet(partyKey, business, { primaryFlag: primary }),
  };
}

export type PhoneType = 'Business' | 'Mobile' | 'Home' | 'Other' | 'Fax' | 'Assistant';

/** One ContactPointPhone (+ ContactPoint) per phone slot (T2). */
export function phoneRecord(key: string, partyKey: string, phoneType: PhoneType): RecordSpec {
  const business = phoneType === 'Business' || phoneType === 'Fax' || phoneType === 'Assistant';
  return {
    key,
    entity: 'ContactPointPhone',
    companion: 'ContactPoint',
    slot: key,
    set: { primaryPhoneTypeId: { referenceData: 'PrimaryPhoneType', value: phoneType } },
    companionSet: contactPointSet(partyKey, business),
  };
}

export function phoneField(source: string, key: string, phoneType: PhoneType, regionField?: string): FieldMap {
  return {
    source,
    target: `ContactPointPhone[${key}].telephoneNumber`,
    transform: { name: 'phone', args: regionField === undefined ? { phoneType } : { phoneType, regionField } },
  };
}

/** One ContactPointAddress (+ ContactPoint) per address (T1). */
export function addressRecord(key: string, partyKey: string | undefined, flags: Readonly<Record<string, SetValue>> = {}): RecordSpec {
  return {
    key,
    entity: 'ContactPointAddress',
    companion: 'ContactPoint',
    slot: key,
    set: flags,
    companionSet: partyKey === undefined ? { forBusinessUse: true, forPersonalUse: false, activeFromDate: activeFrom } : contactPointSet(partyKey, true),
  };
}

/**
 * Source fields and field maps of a Salesforce compound address (`Mailing`, `Billing`, `''` for Lead's plain
 * `Street`/`City`…). State and country codes (state/country picklists) are kept as extension properties.
 */
export function addressFields(prefix: string, key: string): { source: Record<string, SourceFieldSpec>; fields: FieldMap[] } {
  const t = (property: string): string => `ContactPointAddress[${key}].${property}`;
  return {
    source: {
      [`${prefix}Street`]: { type: 'textarea', length: 255 },
      [`${prefix}City`]: { type: 'string', length: 40 },
      [`${prefix}State`]: { type: 'string', length: 80 },
      [`${prefix}PostalCode`]: { type: 'string', length: 20 },
      [`${prefix}Country`]: { type: 'string', length: 80 },
      [`${prefix}StateCode`]: { type: 'picklist' },
      [`${prefix}CountryCode`]: { type: 'picklist' },
      [`${prefix}Latitude`]: { type: 'double' },
      [`${prefix}Longitude`]: { type: 'double' },
    },
    fields: [
      { source: `${prefix}Street`, target: `ContactPointAddress[${key}]`, transform: { name: 'street' } },
      { source: `${prefix}City`, target: t('cityName') },
      { source: `${prefix}State`, target: t('stateProvinceName') },
      { source: `${prefix}PostalCode`, target: t('postalCodeText') },
      { source: `${prefix}Country`, target: t('countryName') },
      { source: `${prefix}StateCode`, target: t('concord:stateProvinceCode') },
      { source: `${prefix}CountryCode`, target: t('concord:countryCode') },
      { source: `${prefix}Latitude`, target: t('geoLatitude'), transform: { name: 'number', args: { max: 90 } } },
      { source: `${prefix}Longitude`, target: t('geoLongitude'), transform: { name: 'number', args: { max: 180 } } },
    ],
  };
}

/** A concord:ContactPointConsent record for an opt-out flag (T7, crosswalk §10). */
export function consentRecord(key: string, partyKey: string, contactPointKey: string | undefined): RecordSpec {
  const set: Record<string, SetValue> = { individualId: { ref: partyKey } };
  if (contactPointKey !== undefined) set['contactPointId'] = { ref: contactPointKey };
  return { key, entity: 'ContactPointConsent', slot: key, set };
}

export function consentField(source: string, key: string, channel: string, purpose = 'all'): FieldMap {
  return { source, target: `ContactPointConsent[${key}]`, transform: { name: 'consent', args: { channel, purpose } } };
}

/** The standard opt-out flags of Contact and Lead and their consent records (crosswalk §10). */
export function optOuts(partyKey: string, emailKey: string, phoneKey: string, faxKey: string): { source: Record<string, SourceFieldSpec>; records: RecordSpec[]; fields: FieldMap[] } {
  return {
    source: { HasOptedOutOfEmail: { type: 'boolean' }, DoNotCall: { type: 'boolean' }, HasOptedOutOfFax: { type: 'boolean' } },
    records: [consentRecord('EmailConsent', partyKey, emailKey), consentRecord('PhoneConsent', partyKey, phoneKey), consentRecord('FaxConsent', partyKey, faxKey)],
    fields: [consentField('HasOptedOutOfEmail', 'EmailConsent', 'email'), consentField('DoNotCall', 'PhoneConsent', 'phone'), consentField('HasOptedOutOfFax', 'FaxConsent', 'fax')],
  };
}

/** Salesforce's default Salutation picklist; CIM keeps the value as written. */
export const SALUTATIONS = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'Mx.'] as const;

/** Salesforce's default LeadSource picklist (Contact, Lead, Opportunity). */
export const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'] as const;

/** An identity value table: documents the known values; anything else passes through with a warning (T4). */
export function identityTable(values: readonly string[]): Record<string, string> {
  return Object.fromEntries(values.map((v) => [v, v]));
}

/** The person name fields of Contact and Lead (T12), onto the Individual record. */
export function personFields(): { source: Record<string, SourceFieldSpec>; fields: FieldMap[] } {
  return {
    source: {
      Salutation: { type: 'picklist', values: SALUTATIONS },
      FirstName: { type: 'string', length: 40 },
      MiddleName: { type: 'string', length: 40 },
      LastName: { type: 'string', length: 80 },
      Suffix: { type: 'string', length: 40 },
      Name: { type: 'string', readOnly: true },
    },
    fields: [
      { source: 'Salutation', target: 'Individual.salutation', transform: { name: 'choice', args: { table: identityTable(SALUTATIONS) } } },
      { source: 'FirstName', target: 'Individual.firstName' },
      { source: 'MiddleName', target: 'Individual.middleName' },
      { source: 'LastName', target: 'Individual.lastName' },
      { source: 'Suffix', target: 'Individual.nameSuffix' },
      {
        source: 'Name',
        target: 'Individual.personName',
        transform: { name: 'personName', args: { salutation: 'Salutation', firstName: 'FirstName', middleName: 'MiddleName', lastName: 'LastName', suffix: 'Suffix' } },
        note: 'T12: computed by Salesforce; composed from the parts when absent; never written back',
      },
    ],
  };
}
