/**
 * Building blocks shared by the Dataverse mappings: the system columns every table has, option-set value
 * tables (crosswalk T4/§9), and the records and field maps for a person, an email, a phone, an address
 * (`address1_*`, `billto_*`) and a consent flag, so each table's file reads like its crosswalk table.
 *
 * Rows come typed (cdm-folder connector): option values and integers are numbers, booleans are booleans,
 * date-times ISO-8601 UTC strings, lookups lower-case GUIDs. The engine's transforms accept typed values
 * (`choice` compares the option value as text, `number`/`boolean` take numbers and booleans as they are).
 *
 * @example
 * const records = [emailRecord('Email1', 'Individual', true), phoneRecord('Telephone1', 'Individual', 'Business')];
 */
import type { FieldMap, RecordSpec, SetValue, SourceFieldSpec } from '../../../mapping/types.js';

/** The system columns of every Dataverse table (crosswalk C7, T11). */
export const SYSTEM_SOURCE: Readonly<Record<string, SourceFieldSpec>> = {
  createdon: { type: 'datetime', readOnly: true },
  modifiedon: { type: 'datetime', readOnly: true },
  versionnumber: { type: 'int', readOnly: true },
};

/** `modifiedon` is both the last change and the modstamp: `versionnumber` is a row version, not a time. */
export const SYSTEM_FIELDS = { createdDate: 'createdon', lastModifiedDate: 'modifiedon', systemModstamp: 'modifiedon' } as const;

/** Why the system columns that have no CIM slot are not mapped. */
export const SYSTEM_NOT_MAPPED: Readonly<Record<string, string>> = {
  versionnumber: 'row version for change tracking (Concord keeps modifiedon as systemModstamp); no CIM slot',
};

/** The owner lookup (T6: systemuser or team) onto `<entity>.concord:ownerId` / `concord:ownerType`. */
export function ownerFields(target: string): { source: Record<string, SourceFieldSpec>; fields: FieldMap[] } {
  return {
    source: { ownerid: { type: 'reference', references: 'systemuser' }, owneridtype: { type: 'picklist', values: ['systemuser', 'team'] } },
    fields: [
      { source: 'ownerid', target: `${target}.concord:ownerId` },
      { source: 'owneridtype', target: `${target}.concord:ownerType` },
    ],
  };
}

/** A value table: Dataverse option value (as text) → label. */
export type OptionTable = Readonly<Record<string, string>>;

/** Declares an option-set column with its known values (documentation and generated tests). */
export function optionSource(table: OptionTable): SourceFieldSpec {
  return { type: 'picklist', values: Object.keys(table) };
}

/** An option value through its value table (T4); unknown values pass through with a warning. */
export function choice(table: OptionTable): { name: string; args: { table: OptionTable } } {
  return { name: 'choice', args: { table } };
}

/**
 * A flag derived from an option value (T5: a state code says whether a deal is won or closed). Read-only: the
 * flag follows from the state on write-back, so it is never written itself.
 *
 * @example
 * { source: 'statecode', target: 'Opportunity.isWon', transform: flag({ 0: false, 1: true, 2: false }), reverse: false }
 */
export function flag(table: Readonly<Record<number, boolean>>): { name: string; args: { table: OptionTable; output: 'boolean' } } {
  const labels: Record<number, string> = {};
  for (const [k, v] of Object.entries(table)) labels[Number(k)] = String(v);
  return { name: 'choice', args: { table: labels, output: 'boolean' } };
}

/** A lookup to a record another Dataverse mapping produces (T6/T10): same id scheme, so references resolve. */
export function lookup(stream: string, slot?: string): { name: string; args: Record<string, string> } {
  return { name: 'lookup', args: slot === undefined ? { stream } : { stream, slot } };
}

/** Account lookups point at the Account the account mapping emits (the CIM `Account`). */
export const ACCOUNT_LOOKUP = lookup('account', 'Account');

/**
 * T6: a polymorphic customer lookup (`parentcustomerid`, `customerid`) read as an account only when its companion
 * type column says `account`; a contact-typed value yields no account reference.
 */
export function accountWhenTyped(typeField: string): { name: string; args: Record<string, string> } {
  return { name: 'lookup', args: { stream: 'account', slot: 'Account', typeField, typeValue: 'account' } };
}

/** A `{ name }`-style reference-data record (LeadStatus, CustomerStatus …) keyed by its value. */
export function referenceRecord(key: string, property: string, entity = key): RecordSpec {
  return { key, entity, referenceData: { property } };
}

/** Active/Inactive state and status of account and contact (crosswalk §9) → CustomerStatus. */
export const ACTIVE_STATE: OptionTable = { 0: 'Active', 1: 'Inactive' };
export const ACTIVE_STATUS: OptionTable = { 1: 'Active', 2: 'Inactive' };

/**
 * statecode / statuscode pair (T5): the reason's label is kept; the state's label fills in when the reason is
 * absent. The state is implied by the reason (each reason belongs to one state), so only the reason is
 * written back.
 */
export function stateStatusFields(target: string, states: OptionTable, statuses: OptionTable): { source: Record<string, SourceFieldSpec>; fields: FieldMap[] } {
  return {
    source: { statecode: optionSource(states), statuscode: optionSource(statuses) },
    fields: [
      { source: 'statecode', target, transform: choice(states), reverse: false, note: 'T5: fallback when statuscode is empty; implied by statuscode on write-back' },
      { source: 'statuscode', target, transform: choice(statuses), note: 'T5 §9: the status reason label' },
    ],
  };
}

const activeFrom: SetValue = { system: 'createdDate', datePart: true };

function contactPointSet(partyKey: string | undefined, business: boolean, extra: Readonly<Record<string, SetValue>> = {}): Record<string, SetValue> {
  const set: Record<string, SetValue> = { forBusinessUse: business, forPersonalUse: !business, activeFromDate: activeFrom, ...extra };
  if (partyKey !== undefined) set['partyId'] = { ref: partyKey };
  return set;
}

/** One ContactPointEmail (+ ContactPoint) per email column; the first is primary (T3). */
export function emailRecord(key: string, partyKey: string, primary: boolean, business = true): RecordSpec {
  return {
    key,
    entity: 'ContactPointEmail',
    companion: 'ContactPoint',
    slot: key,
    // CIM requires both bounce slots; Dataverse has no bounce data: null, reported under the strict profile.
    set: { emailLatestBounceReasonText: null, emailLatestBounceDateTime: null },
    companionSet: contactPointSet(partyKey, business, { primaryFlag: primary }),
  };
}

/** `emailaddress1..3` of account, contact and lead: one record and field map per column. */
export function emailColumns(partyKey: string, business: boolean): { source: Record<string, SourceFieldSpec>; records: RecordSpec[]; fields: FieldMap[] } {
  const columns = ['emailaddress1', 'emailaddress2', 'emailaddress3'];
  return {
    source: Object.fromEntries(columns.map((c) => [c, { type: 'email', length: 100 } satisfies SourceFieldSpec])),
    records: columns.map((_, i) => emailRecord(`Email${i + 1}`, partyKey, i === 0, business)),
    fields: columns.map((c, i) => ({ source: c, target: `ContactPointEmail[Email${i + 1}].emailAddress`, transform: { name: 'email' } })),
  };
}

export type PhoneType = 'Business' | 'Mobile' | 'Home' | 'Other' | 'Fax' | 'Assistant';

/** One ContactPointPhone (+ ContactPoint) per phone column (T2). */
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

/** Phone columns (`telephone1` → Business …): records, field maps and source specs (T2). */
export function phoneColumns(partyKey: string, columns: ReadonlyArray<readonly [column: string, key: string, type: PhoneType]>, regionField = 'address1_country'): { source: Record<string, SourceFieldSpec>; records: RecordSpec[]; fields: FieldMap[] } {
  return {
    source: Object.fromEntries(columns.map(([c]) => [c, { type: 'phone', length: 50 } satisfies SourceFieldSpec])),
    records: columns.map(([, key, type]) => phoneRecord(key, partyKey, type)),
    fields: columns.map(([c, key, type]) => ({
      source: c,
      target: `ContactPointPhone[${key}].telephoneNumber`,
      transform: { name: 'phone', args: { phoneType: type, regionField } },
    })),
  };
}

/** One ContactPointAddress (+ ContactPoint) per composite address (T1). */
export function addressRecord(key: string, partyKey: string | undefined, flags: Readonly<Record<string, SetValue>> = {}, business = true): RecordSpec {
  return { key, entity: 'ContactPointAddress', companion: 'ContactPoint', slot: key, set: flags, companionSet: contactPointSet(partyKey, business) };
}

/**
 * The columns of a Dataverse composite address (`address1`, `billto`) → one ContactPointAddress. T1: Dataverse
 * keeps street lines in separate columns, so `line1..3` map one-to-one onto `addressLine1..3` (exact both ways;
 * a CIM `addressLine4` has no Dataverse column).
 */
export function addressColumns(prefix: string, key: string, geo = true): { source: Record<string, SourceFieldSpec>; fields: FieldMap[] } {
  const c = (part: string): string => `${prefix}_${part}`;
  const t = (property: string): string => `ContactPointAddress[${key}].${property}`;
  const source: Record<string, SourceFieldSpec> = {
    [c('line1')]: { type: 'string', length: 250 },
    [c('line2')]: { type: 'string', length: 250 },
    [c('line3')]: { type: 'string', length: 250 },
    [c('city')]: { type: 'string', length: 80 },
    [c('stateorprovince')]: { type: 'string', length: 50 },
    [c('postalcode')]: { type: 'string', length: 20 },
    [c('country')]: { type: 'string', length: 80 },
  };
  const fields: FieldMap[] = [
    { source: c('line1'), target: t('addressLine1'), note: 'T1: one column per line' },
    { source: c('line2'), target: t('addressLine2') },
    { source: c('line3'), target: t('addressLine3'), note: 'T1: Dataverse joins lines 3+ here' },
    { source: c('city'), target: t('cityName') },
    { source: c('stateorprovince'), target: t('stateProvinceName') },
    { source: c('postalcode'), target: t('postalCodeText') },
    { source: c('country'), target: t('countryName') },
  ];
  if (geo) {
    source[c('latitude')] = { type: 'double' };
    source[c('longitude')] = { type: 'double' };
    fields.push(
      { source: c('latitude'), target: t('geoLatitude'), transform: { name: 'number', args: { max: 90 } } },
      { source: c('longitude'), target: t('geoLongitude'), transform: { name: 'number', args: { max: 180 } } },
    );
  }
  return { source, fields };
}

/** A ContactPointConsent for an opt-out flag (T7, crosswalk §10): channel-wide for the person. */
export function consentRecord(key: string, partyKey: string): RecordSpec {
  return { key, entity: 'ContactPointConsent', slot: key, set: { individualId: { ref: partyKey } } };
}

/** The Dataverse do-not flags (crosswalk §10) shared by contact and lead. */
const CONSENT_FLAGS: ReadonlyArray<readonly [column: string, key: string, channel: string, purpose: string]> = [
  ['donotemail', 'EmailConsent', 'email', 'all'],
  ['donotbulkemail', 'BulkEmailConsent', 'email', 'marketing'],
  ['donotphone', 'PhoneConsent', 'phone', 'all'],
  ['donotfax', 'FaxConsent', 'fax', 'all'],
  ['donotpostalmail', 'MailConsent', 'mail', 'all'],
  ['donotbulkpostalmail', 'BulkMailConsent', 'mail', 'marketing'],
];

export function optOuts(partyKey: string): { source: Record<string, SourceFieldSpec>; records: RecordSpec[]; fields: FieldMap[] } {
  return {
    source: Object.fromEntries(CONSENT_FLAGS.map(([c]) => [c, { type: 'boolean' } satisfies SourceFieldSpec])),
    records: CONSENT_FLAGS.map(([, key]) => consentRecord(key, partyKey)),
    fields: CONSENT_FLAGS.map(([c, key, channel, purpose]) => ({
      source: c,
      target: `ContactPointConsent[${key}]`,
      transform: { name: 'consent', args: { channel, purpose } },
    })),
  };
}

/** The person name columns of contact and lead (T12) onto the Individual record. */
export function personFields(): { source: Record<string, SourceFieldSpec>; fields: FieldMap[] } {
  return {
    source: {
      salutation: { type: 'string', length: 100 },
      firstname: { type: 'string', length: 50 },
      middlename: { type: 'string', length: 50 },
      lastname: { type: 'string', length: 50 },
      suffix: { type: 'string', length: 10 },
      fullname: { type: 'string', readOnly: true },
    },
    fields: [
      { source: 'salutation', target: 'Individual.salutation', note: 'free text in Dataverse' },
      { source: 'firstname', target: 'Individual.firstName' },
      { source: 'middlename', target: 'Individual.middleName' },
      { source: 'lastname', target: 'Individual.lastName' },
      { source: 'suffix', target: 'Individual.nameSuffix' },
      {
        source: 'fullname',
        target: 'Individual.personName',
        transform: { name: 'personName', args: { salutation: 'salutation', firstName: 'firstname', middleName: 'middlename', lastName: 'lastname', suffix: 'suffix' } },
        note: 'T12: computed by Dataverse; composed from the parts when absent; never written back',
      },
    ],
  };
}

/** Out-of-box `industrycode` option set of account and lead. */
export const INDUSTRY_CODES: OptionTable = {
  1: 'Accounting', 2: 'Agriculture and Non-petrol Natural Resource Extraction', 3: 'Broadcasting Printing and Publishing', 4: 'Brokers',
  5: 'Building Supply Retail', 6: 'Business Services', 7: 'Consulting', 8: 'Consumer Services', 9: 'Design, Direction and Creative Management',
  10: 'Distributors, Dispatchers and Processors', 11: "Doctor's Offices and Clinics", 12: 'Durable Manufacturing', 13: 'Eating and Drinking Places',
  14: 'Entertainment Retail', 15: 'Equipment Rental and Leasing', 16: 'Financial', 17: 'Food and Tobacco Processing',
  18: 'Inbound Capital Intensive Processing', 19: 'Inbound Repair and Services', 20: 'Insurance', 21: 'Legal Services',
  22: 'Non-Durable Merchandise Retail', 23: 'Outbound Consumer Service', 24: 'Petrochemical Extraction and Distribution', 25: 'Service Retail',
  26: 'SIG Affiliations', 27: 'Social Services', 28: 'Special Outbound Trade Contractors', 29: 'Specialty Realty', 30: 'Transportation',
  31: 'Utility Creation and Distribution', 32: 'Vehicle Retail', 33: 'Wholesale',
};

/**
 * Adds the columns deliberately left unmapped, with their reasons, to a mapping's description, so
 * `concord mapping show` tells them (the mapping format has no slot for unmapped columns).
 */
export function describeWithUnmapped(description: string, notMapped: Readonly<Record<string, string>>): string {
  const entries = Object.entries(notMapped);
  if (entries.length === 0) return description;
  return `${description}. Not mapped: ${entries.map(([c, why]) => `${c} (${why})`).join('; ')}`;
}
