/** Bad values give documented issues naming the field and the record's entity; nothing is dropped silently. */
import { describe, expect, it } from 'vitest';
import { salesforceAccount, salesforceContact, salesforceLead } from '../../src/connectors/salesforce/mappings/index.js';
import { compileMapping } from '../../src/mapping/index.js';
import type { StreamMapping } from '../../src/mapping/types.js';

const OPTIONS = { defaultRegion: 'US', externalSourceId: 'salesforce:00D5g000004ABCDEAA', system: 'salesforce' } as const;
const run = (mapping: StreamMapping, fields: Record<string, unknown>, recordId = '') =>
  compileMapping(mapping, OPTIONS)({ system: 'salesforce', stream: mapping.stream, recordId, fields });

describe('mapping issues', () => {
  it.each([
    ['missing id', salesforceContact, { LastName: 'King' }, { severity: 'error', field: 'Id', entity: 'Individual', code: 'MISSING_ID' }],
    ['malformed id', salesforceContact, { Id: '003-bad', LastName: 'King' }, { severity: 'error', field: 'Id', code: 'INVALID_ID', value: '003-bad' }],
    ['impossible date', salesforceContact, { Id: '0035g00000A1b2C', Birthdate: '2023-02-30' }, { severity: 'error', field: 'Birthdate', entity: 'Individual', code: 'INVALID_DATE', value: '2023-02-30' }],
    ['impossible date-time stamp', salesforceContact, { Id: '0035g00000A1b2C', SystemModstamp: '2024-13-01T00:00:00Z' }, { severity: 'error', field: 'SystemModstamp', code: 'INVALID_DATETIME' }],
    ['number too large for an int field', salesforceAccount, { Id: '0015g00000XyZab', NumberOfEmployees: 3_000_000_000 }, { severity: 'error', field: 'NumberOfEmployees', entity: 'Organization', code: 'NUMBER_TOO_LARGE' }],
    ['number beyond the safe integer range', salesforceAccount, { Id: '0015g00000XyZab', AnnualRevenue: '123456789012345678901' }, { severity: 'error', field: 'AnnualRevenue', code: 'NUMBER_TOO_LARGE' }],
    ['not a number', salesforceAccount, { Id: '0015g00000XyZab', AnnualRevenue: '1,234.50' }, { severity: 'error', field: 'AnnualRevenue', code: 'INVALID_NUMBER' }],
    ['latitude off the globe', salesforceContact, { Id: '0035g00000A1b2C', MailingLatitude: 91 }, { severity: 'error', field: 'MailingLatitude', entity: 'ContactPointAddress', code: 'NUMBER_TOO_LARGE' }],
    ['not a boolean', salesforceContact, { Id: '0035g00000A1b2C', DoNotCall: 'maybe' }, { severity: 'error', field: 'DoNotCall', entity: 'ContactPointConsent', code: 'INVALID_BOOLEAN' }],
    ['malformed reference', salesforceContact, { Id: '0035g00000A1b2C', AccountId: 'acme' }, { severity: 'error', field: 'AccountId', code: 'INVALID_ID' }],
    ['invalid email: kept, warned', salesforceContact, { Id: '0035g00000A1b2C', Email: 'ada@@example' }, { severity: 'warning', field: 'Email', entity: 'ContactPointEmail', code: 'EMAIL_INVALID', value: 'ada@@example' }],
    ['invalid phone: kept, warned', salesforceContact, { Id: '0035g00000A1b2C', Phone: '12' }, { severity: 'warning', field: 'Phone', entity: 'ContactPointPhone', code: 'PHONE_INVALID', value: '12' }],
    ['unknown picklist value: passed through, warned', salesforceLead, { Id: '00Q5g00000LeAdX', Status: 'Nurturing' }, { severity: 'warning', field: 'Status', entity: 'LeadStatus', code: 'UNKNOWN_VALUE', value: 'Nurturing' }],
  ] as const)('%s', (_name, mapping, fields, expected) => {
    const { issues } = run(mapping, fields);
    expect(issues).toEqual([expect.objectContaining(expected)]);
    expect(issues[0]!.reason).toContain(expected.field);
  });

  it('an invalid email still produces the email contact point with the raw value', () => {
    const { records } = run(salesforceContact, { Id: '0035g00000A1b2C', Email: 'ada at example' });
    expect(records.find((r) => r.entity === 'ContactPointEmail')?.data).toMatchObject({ emailAddress: 'ada at example' });
  });

  it('an invalid phone keeps the raw value in all three formatted slots and no E.164', () => {
    const { records } = run(salesforceContact, { Id: '0035g00000A1b2C', Phone: 'call reception' });
    const phone = records.find((r) => r.entity === 'ContactPointPhone')!.data;
    expect(phone).toMatchObject({ telephoneNumber: 'call reception', formattedInternationalPhoneNumber: 'call reception', formattedNationalPhoneNumber: 'call reception' });
    expect(phone['formattedE164PhoneNumber']).toBeUndefined();
  });

  it('an unknown picklist value passes through as its label', () => {
    const { records } = run(salesforceLead, { Id: '00Q5g00000LeAdX', Status: 'Nurturing' });
    expect(records.find((r) => r.entity === 'LeadStatus')?.data['leadStatusName']).toBe('Nurturing');
  });

  it('a row with several problems reports each of them', () => {
    const { issues } = run(salesforceContact, { Id: '0035g00000A1b2C', Birthdate: 'yesterday', Email: 'x', Phone: '1' });
    expect(issues.map((i) => `${i.severity} ${i.field} ${i.code}`)).toEqual(['error Birthdate INVALID_DATE', 'warning Email EMAIL_INVALID', 'warning Phone PHONE_INVALID']);
  });

  it('takes the native id from the source record when the row lacks the id field', () => {
    const { records, issues } = run(salesforceContact, { LastName: 'King' }, '0035g00000A1b2CAAR');
    expect(issues).toEqual([]);
    expect(records[0]?.data['externalRecordId']).toBe('0035g00000A1b2CAAR');
  });
});
