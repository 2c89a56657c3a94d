/**
 * The shipped Dataverse mappings: one typed contact row (as the cdm-folder connector reads it) to exact CIM
 * records, option values through the value tables, and a fast-check property — Dataverse → CIM → Dataverse
 * keeps every mapped writable column, for every Dataverse mapping.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concordId } from '../../src/core/ids.js';
import { getMapping, hasMapping } from '../../src/connectors/mapping-registry.js';
import { DATAVERSE_MAPPINGS, dataverseContact, dataverseIncident, dataverseLead, dataverseOpportunity } from '../../src/connectors/dataverse/mappings/index.js';
import { REFERENCE_DATA, compileMapping, reverseMapping, unmapRecords, type SourceFieldSpec, type StreamMapping } from '../../src/mapping/index.js';
import type { SourceRecord } from '../../src/store/store.js';

const SYSTEM = 'dv';
const ORG = 'dataverse:0f6ab0e0-3b4f-4b9e-9a51-6f0c2b3d4e5f';
const OPTIONS = { defaultRegion: 'US', externalSourceId: ORG, system: SYSTEM } as const;

const CONTACT = '6f9619ff-8b86-d011-b42d-00c04fc964ff';
const ACCOUNT = '0a1b2c3d-0000-4000-8000-00000000000a';
const OWNER = 'b1c2d3e4-0000-4000-8000-0000000000b1';
const CREATED = '2023-03-02T09:15:00.000Z';
const MODIFIED = '2024-05-01T11:59:00.000Z';

function row(mapping: StreamMapping, fields: Record<string, unknown>): SourceRecord {
  return { system: SYSTEM, stream: mapping.stream, recordId: String(fields[mapping.idField] ?? ''), fields };
}

const contactRow = row(dataverseContact, {
  contactid: CONTACT.toUpperCase(),
  salutation: 'Dr.',
  firstname: 'Ana',
  lastname: 'Ng',
  emailaddress1: 'Ana.Ng@Northwind.example',
  emailaddress2: 'ana@home.example',
  telephone1: '(425) 555-0100',
  mobilephone: '+1 425 555 0101',
  address1_line1: '1 Microsoft Way',
  address1_line2: 'Building 92',
  address1_city: 'Redmond',
  address1_stateorprovince: 'WA',
  address1_postalcode: '98052',
  address1_country: 'United States',
  parentcustomerid: ACCOUNT,
  parentcustomeridtype: 'account',
  jobtitle: 'CTO',
  birthdate: '1990-04-12T00:00:00.000Z',
  gendercode: 2,
  numberofchildren: 2,
  annualincome: 52000.5,
  donotemail: true,
  donotbulkemail: false,
  statecode: 0,
  statuscode: 1,
  ownerid: OWNER,
  owneridtype: 'systemuser',
  createdon: CREATED,
  modifiedon: MODIFIED,
  versionnumber: 123456,
});

describe('Dataverse contact → CIM', () => {
  const map = compileMapping(dataverseContact, OPTIONS);
  const { records, issues } = map(contactRow);
  const id = (slot?: string): string => (slot === undefined ? concordId(SYSTEM, 'contact', CONTACT) : concordId(SYSTEM, 'contact', CONTACT, slot));
  const find = (entity: string, externalRecordId: string) => records.find((r) => r.entity === entity && r.data['externalRecordId'] === externalRecordId)?.data;
  const stamps = { externalSourceId: ORG, createdDate: CREATED, lastModifiedDate: MODIFIED, systemModstamp: MODIFIED };

  it('maps cleanly', () => {
    expect(issues).toEqual([]);
  });

  it('emits exactly the records the row has data for', () => {
    expect(records.map((r) => `${r.entity}:${String(r.data['externalRecordId'])}`).sort()).toEqual(
      [
        `Party:${CONTACT}`, `Individual:${CONTACT}`, `AccountContact:${CONTACT}`, `Customer:${CONTACT}`, 'CustomerStatus:Active', 'Gender:Female',
        `ContactPoint:${CONTACT}/Email1`, `ContactPointEmail:${CONTACT}/Email1`, `ContactPoint:${CONTACT}/Email2`, `ContactPointEmail:${CONTACT}/Email2`,
        `ContactPoint:${CONTACT}/Telephone1`, `ContactPointPhone:${CONTACT}/Telephone1`, `ContactPoint:${CONTACT}/MobilePhone`, `ContactPointPhone:${CONTACT}/MobilePhone`,
        `ContactPoint:${CONTACT}/Address1`, `ContactPointAddress:${CONTACT}/Address1`,
        `ContactPointConsent:${CONTACT}/EmailConsent`, `ContactPointConsent:${CONTACT}/BulkEmailConsent`,
      ].sort(),
    );
  });

  it('Individual: lower-case GUID identity (T10), composed name (T12), unshifted birth date (T11), T9 income, owner', () => {
    expect(find('Individual', CONTACT)).toEqual({
      id: id(), externalRecordId: CONTACT, ...stamps,
      partyId: id(), partyTypeId: { type: 'Individual', id: id() },
      salutation: 'Dr.', firstName: 'Ana', lastName: 'Ng', personName: 'Dr. Ana Ng',
      primaryAccountId: concordId(SYSTEM, 'account', ACCOUNT, 'Account'),
      birthDate: '1990-04-12', birthDateDay: 12, birthDateMonth: 4, birthDateYear: 1990,
      childrenCount: 2, yearlyIncome: 52000, 'concord:yearlyIncomeExact': 52000.5,
      genderId: concordId(SYSTEM, REFERENCE_DATA, 'Gender', 'Female'),
      'concord:ownerId': OWNER, 'concord:ownerType': 'systemuser',
    });
  });

  it('AccountContact: the parent account (T6) and the contact points it names', () => {
    expect(find('AccountContact', CONTACT)).toEqual({
      id: id('AccountContact'), externalRecordId: CONTACT, ...stamps,
      accountId: concordId(SYSTEM, 'account', ACCOUNT, 'Account'),
      individualId: id(), title: 'CTO',
      contactEmailId: id('Email1'), businessPhoneId: id('Telephone1'), mobilePhoneId: id('MobilePhone'), mailingAddressId: id('Address1'),
    });
  });

  it('status (T5 §9) on the Customer role', () => {
    expect(find('Customer', CONTACT)).toMatchObject({ partyId: id(), customerStatusId: concordId(SYSTEM, REFERENCE_DATA, 'CustomerStatus', 'Active') });
    expect(find('CustomerStatus', 'Active')).toMatchObject({ id: concordId(SYSTEM, REFERENCE_DATA, 'CustomerStatus', 'Active'), name: 'Active' });
  });

  it('emails (T3): address as entered, lower-cased domain, first slot primary', () => {
    expect(find('ContactPointEmail', `${CONTACT}/Email1`)).toMatchObject({ emailAddress: 'Ana.Ng@Northwind.example', emailMailBox: 'Ana.Ng', emailDomain: 'northwind.example' });
    expect(find('ContactPoint', `${CONTACT}/Email1`)).toMatchObject({ partyId: id(), primaryFlag: true, activeFromDate: '2023-03-02', contactPointTypeId: { type: 'ContactPointEmail', id: id('Email1') } });
    expect(find('ContactPoint', `${CONTACT}/Email2`)).toMatchObject({ primaryFlag: false });
  });

  it('phones (T2): formats, slot type, SMS capability', () => {
    expect(find('ContactPointPhone', `${CONTACT}/Telephone1`)).toMatchObject({
      telephoneNumber: '(425) 555-0100', formattedE164PhoneNumber: '+14255550100', isFaxCapable: false,
      primaryPhoneTypeId: concordId(SYSTEM, REFERENCE_DATA, 'PrimaryPhoneType', 'Business'),
    });
    expect(find('ContactPointPhone', `${CONTACT}/MobilePhone`)).toMatchObject({ isSMSCapable: true, primaryPhoneTypeId: concordId(SYSTEM, REFERENCE_DATA, 'PrimaryPhoneType', 'Mobile') });
    expect(find('ContactPoint', `${CONTACT}/MobilePhone`)).toMatchObject({ forPersonalUse: true, forBusinessUse: false });
  });

  it('address (T1): one Dataverse line column per CIM line', () => {
    expect(find('ContactPointAddress', `${CONTACT}/Address1`)).toMatchObject({
      addressLine1: '1 Microsoft Way', addressLine2: 'Building 92', cityName: 'Redmond', stateProvinceName: 'WA', postalCodeText: '98052', countryName: 'United States',
    });
  });

  it('consent (T7, §10): one record per flag, channel-wide for the person, captured at the last change', () => {
    expect(find('ContactPointConsent', `${CONTACT}/EmailConsent`)).toMatchObject({
      individualId: id(), channel: 'email', purpose: 'all', status: 'optOut', captureSource: 'donotemail', capturedDateTime: MODIFIED,
    });
    expect(find('ContactPointConsent', `${CONTACT}/BulkEmailConsent`)).toMatchObject({ channel: 'email', purpose: 'marketing', status: 'notOptedOut' });
  });
});

describe('polymorphic customer lookups (T6)', () => {
  it('a contact-typed parent customer is not taken for an account (T6)', () => {
    const { records } = compileMapping(dataverseContact, OPTIONS)(row(dataverseContact, { contactid: CONTACT, lastname: 'Ng', parentcustomerid: ACCOUNT, parentcustomeridtype: 'contact' }));
    expect(records.find((r) => r.entity === 'Individual')?.data['primaryAccountId']).toBeUndefined();
    expect(records.some((r) => r.entity === 'AccountContact')).toBe(false);
  });
});

describe('option values through the value tables (T4, T5)', () => {
  const lead = compileMapping(dataverseLead, OPTIONS);
  const incident = compileMapping(dataverseIncident, OPTIONS);
  const LEAD = '11111111-2222-4333-8444-555555555555';

  it.each([
    [{ statecode: 0, statuscode: 2 }, 'Contacted'],
    [{ statecode: 1, statuscode: 3 }, 'Qualified'],
    [{ statecode: 2, statuscode: 6 }, 'No Longer Interested'],
    [{ statecode: 2 }, 'Disqualified'],
  ])('lead %o → LeadStatus %s', (fields, label) => {
    const { records, issues } = lead(row(dataverseLead, { leadid: LEAD, lastname: 'Ng', ...fields }));
    expect(issues).toEqual([]);
    expect(records.find((r) => r.entity === 'LeadStatus')?.data['leadStatusName']).toBe(label);
  });

  it.each([
    ['prioritycode', 1, 'priority', 'High'],
    ['caseorigincode', 2483, 'origin', 'Facebook'],
    ['casetypecode', 3, 'type', 'Request'],
    ['statuscode', 1000, 'status', 'Information Provided'],
  ])('incident %s %d → ServiceCase.%s %s', (column, value, property, label) => {
    const { records, issues } = incident(row(dataverseIncident, { incidentid: LEAD, [column]: value }));
    expect(issues).toEqual([]);
    expect(records.find((r) => r.entity === 'ServiceCase')?.data[property]).toBe(label);
  });

  it('an unknown option value (an org-specific one) passes through as text with a warning', () => {
    const { records, issues } = lead(row(dataverseLead, { leadid: LEAD, lastname: 'Ng', statuscode: 100000003, leadsourcecode: 8 }));
    expect(records.find((r) => r.entity === 'LeadStatus')?.data['leadStatusName']).toBe('100000003');
    expect(records.find((r) => r.entity === 'LeadSource')?.data['leadSourceName']).toBe('Web');
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning', field: 'statuscode', code: 'UNKNOWN_VALUE', value: 100000003 })]);
  });

  const opportunity = compileMapping(dataverseOpportunity, OPTIONS);
  const flags = (records: ReadonlyArray<{ entity: string; data: Record<string, unknown> }>, entity: string, keys: readonly string[]) => {
    const data = records.find((r) => r.entity === entity)?.data ?? {};
    return Object.fromEntries(keys.map((k) => [k, data[k]]));
  };

  it.each([
    [0, { isClosed: false, isWon: false }],
    [1, { isClosed: true, isWon: true }],
    [2, { isClosed: true, isWon: false }],
  ])('opportunity statecode %d → %o', (statecode, expected) => {
    const { records, issues } = opportunity(row(dataverseOpportunity, { opportunityid: LEAD, name: 'Deal', estimatedclosedate: '2026-01-31', statecode }));
    expect(issues).toEqual([]);
    expect(flags(records, 'Opportunity', ['isClosed', 'isWon'])).toEqual(expected);
  });

  it.each([
    [dataverseIncident, 'ServiceCase', 'isClosed', [[0, false], [1, true], [2, true]]],
    [dataverseLead, 'Lead', 'isConverted', [[0, false], [1, true], [2, false]]],
  ] as const)('%#: statecode derives %s.%s', (mapping, entity, property, cases) => {
    const map = compileMapping(mapping, OPTIONS);
    for (const [statecode, expected] of cases) {
      const { records } = map(row(mapping, { [mapping.idField]: LEAD, lastname: 'Ng', statecode }));
      expect(records.find((r) => r.entity === entity)?.data[property], `statecode ${statecode}`).toBe(expected);
    }
  });

  it('an unknown state code leaves the derived flags unset, with a warning naming the field', () => {
    const { records, issues } = opportunity(row(dataverseOpportunity, { opportunityid: LEAD, name: 'Deal', estimatedclosedate: '2026-01-31', statecode: 7 }));
    expect(flags(records, 'Opportunity', ['isClosed', 'isWon'])).toEqual({ isClosed: undefined, isWon: undefined });
    expect(issues).toContainEqual(expect.objectContaining({ severity: 'warning', field: 'statecode', code: 'UNKNOWN_VALUE', value: 7 }));
  });

  it('an empty lead source gets the CIM-required "Unknown" without a warning', () => {
    const { records, issues } = lead(row(dataverseLead, { leadid: LEAD, lastname: 'Ng' }));
    expect(issues).toEqual([]);
    expect(records.find((r) => r.entity === 'LeadSource')?.data['leadSourceName']).toBe('Unknown');
  });

  it('a malformed GUID sends the row to dead letters', () => {
    const { records, issues } = lead(row(dataverseLead, { leadid: 'not-a-guid', lastname: 'Ng' }));
    expect(records).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', code: 'INVALID_ID', field: 'leadid' })]);
  });
});

describe('registry', () => {
  it.each(DATAVERSE_MAPPINGS.map((m) => m.stream))('dataverse %s is registered and compiles', (stream) => {
    expect(hasMapping('dataverse', stream)).toBe(true);
    expect(() => compileMapping(getMapping('dataverse', stream), OPTIONS)).not.toThrow();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Round trip: typed values as the cdm-folder connector delivers them.

const HEX = '0123456789abcdef';
const guid = fc.string({ unit: fc.constantFrom(...HEX), minLength: 32, maxLength: 32 }).map((h) => `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`);
const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFG çéü-\''), minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== '');
const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9._+-]{0,12}[a-z0-9]$/), fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]\.(com|org|de)$/)).map(([l, d]) => `${l}@${d}`);
const phone = fc.tuple(fc.integer({ min: 201, max: 989 }), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 0, max: 9999 })).map(([a, b, c]) => `(${a}) ${b}-${String(c).padStart(4, '0')}`);

/** Largest magnitude a numeric column may hold in the mappings (latitude ±90, percentages 0–100). */
function numericRange(mapping: StreamMapping, column: string): number {
  let max = 1_000_000;
  for (const f of mapping.fields) {
    const m = f.source === column ? f.transform?.args?.['max'] : undefined;
    if (typeof m === 'number') max = Math.min(max, m);
  }
  return max;
}

function valueOf(mapping: StreamMapping, column: string, spec: SourceFieldSpec): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case 'id':
    case 'reference':
      return guid;
    case 'boolean':
      return fc.boolean();
    case 'date':
      return day.map((d) => `${d.toISOString().slice(0, 10)}T00:00:00.000Z`);
    case 'datetime':
      return day.map((d) => d.toISOString());
    case 'int':
      return fc.integer({ min: 0, max: numericRange(mapping, column) });
    case 'double':
    case 'currency':
    case 'percent': {
      const max = numericRange(mapping, column) * 100;
      return fc.integer({ min: -max, max }).map((n) => n / 100);
    }
    case 'email':
      return email;
    case 'phone':
      return phone;
    case 'picklist': {
      // Option sets arrive as integers; out-of-table values included (they pass through).
      const numeric = (spec.values ?? []).filter((v) => /^\d+$/.test(v)).map(Number);
      if (numeric.length > 0) return fc.oneof(fc.constantFrom(...numeric), fc.integer({ min: 100_000_000, max: 100_000_099 }));
      return spec.values !== undefined && spec.values.length > 0 ? fc.constantFrom(...spec.values) : word;
    }
    default:
      return word;
  }
}

function rowOf(mapping: StreamMapping): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [column, spec] of Object.entries(mapping.source)) model[column] = valueOf(mapping, column, spec);
  // A typed (T6) lookup round-trips only for the table it names: its rows say so in the type column.
  const typed = mapping.fields.flatMap((f) =>
    f.transform?.name === 'lookup' && typeof f.transform.args?.['typeField'] === 'string' ? [[f.source, f.transform.args['typeField'], String(f.transform.args['typeValue'])] as const] : [],
  );
  return fc.record(model, { requiredKeys: [mapping.idField] }).map((fields) => {
    for (const [column, typeField, typeValue] of typed) if (fields[column] !== undefined) fields[typeField] = typeValue;
    return fields;
  });
}

/** A value as its column means it: option values and numbers by number, date-only columns by calendar date. */
function canonical(spec: SourceFieldSpec | undefined, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  switch (spec?.type) {
    case 'picklist':
      return String(value);
    case 'date':
      return String(value).slice(0, 10);
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return Number(value);
    default:
      return value;
  }
}

/** Native ids of the records a row's lookups point at, as the store would resolve them. */
function resolverFor(mapping: StreamMapping, fields: Record<string, unknown>): (id: string) => string | undefined {
  const known = new Map<string, string>();
  for (const f of mapping.fields) {
    const args = f.transform?.args;
    const value = fields[f.source];
    if (f.transform?.name !== 'lookup' || args === undefined || typeof value !== 'string') continue;
    const native = value.toLowerCase();
    const stream = String(args['stream']);
    known.set(typeof args['slot'] === 'string' ? concordId(SYSTEM, stream, native, args['slot']) : concordId(SYSTEM, stream, native), native);
  }
  return (id) => known.get(id);
}

describe('Dataverse → CIM → Dataverse keeps every mapped writable column', () => {
  it.each(DATAVERSE_MAPPINGS.map((m) => [m.stream, m] as const))('%s', (_stream, mapping) => {
    const map = compileMapping(mapping, OPTIONS);
    const writable = reverseMapping(mapping).writable;
    expect(writable.length).toBeGreaterThan(1);
    fc.assert(
      fc.property(rowOf(mapping), (fields) => {
        const { records, issues } = map(row(mapping, fields));
        expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
        const back = unmapRecords(mapping, records, { resolveRef: resolverFor(mapping, fields) });
        expect(back[mapping.idField]).toBe(String(fields[mapping.idField]));
        for (const column of writable) {
          const spec = mapping.source[column];
          const sent = canonical(spec, fields[column]);
          if (sent === undefined) continue;
          expect({ column, value: canonical(spec, back[column]) }).toEqual({ column, value: sent });
        }
      }),
      { numRuns: 150 },
    );
  });
});
