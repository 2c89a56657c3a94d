/** Each named transform, forward and back, through a one-field mapping. */
import { describe, expect, it } from 'vitest';
import { concordId } from '../core/ids.js';
import { compileMapping } from './compile.js';
import { reverseMapping, unmapRecords } from './reverse.js';
import type { FieldMap, SourceFieldType, StreamMapping, TransformRef } from './types.js';

const OPTIONS = { defaultRegion: 'US', externalSourceId: 'test:1', system: 'test' } as const;

function oneField(type: SourceFieldType, target: string, transform?: TransformRef): StreamMapping {
  const field: FieldMap = transform === undefined ? { source: 'F', target } : { source: 'F', target, transform };
  return {
    system: 'test',
    stream: 'S',
    idField: 'Id',
    source: { Id: { type: 'string' }, F: { type }, Country: { type: 'string' } },
    records: [
      { key: 'Individual', entity: 'Individual', companion: 'Party', when: 'always' },
      { key: 'Email', entity: 'ContactPointEmail', companion: 'ContactPoint', slot: 'Email' },
      { key: 'Phone', entity: 'ContactPointPhone', companion: 'ContactPoint', slot: 'Phone' },
      { key: 'Address', entity: 'ContactPointAddress', companion: 'ContactPoint', slot: 'Address' },
      { key: 'Consent', entity: 'ContactPointConsent', slot: 'Consent' },
    ],
    fields: [field],
  };
}

function run(mapping: StreamMapping, value: unknown, extra: Record<string, unknown> = {}) {
  const out = compileMapping(mapping, OPTIONS)({ system: 'test', stream: 'S', recordId: 'r1', fields: { Id: 'r1', F: value, ...extra } });
  const written: Record<string, unknown> = {};
  for (const r of out.records) {
    for (const [k, v] of Object.entries(r.data)) {
      if (['id', 'externalSourceId', 'externalRecordId', 'partyId', 'partyTypeId', 'contactPointTypeId'].includes(k)) continue;
      written[`${r.entity}.${k}`] = v;
    }
  }
  return { written, issues: out.issues.map((i) => `${i.severity} ${i.code}`), back: unmapRecords(mapping, out.records, { resolveRef: (id) => (id === concordId('test', 'Account', 'A1') ? 'A1' : undefined) })['F'] };
}

describe('transforms', () => {
  it.each([
    ['copy', 'string', 'Individual.firstName', undefined, 'Ada', { 'Individual.firstName': 'Ada' }, 'Ada'],
    ['trim', 'string', 'Individual.firstName', { name: 'trim' }, '  Ada ', { 'Individual.firstName': 'Ada' }, 'Ada'],
    ['trim blank', 'string', 'Individual.firstName', { name: 'trim' }, '   ', {}, undefined],
    ['boolean word', 'boolean', 'Individual.shouldForget', undefined, 'Yes', { 'Individual.shouldForget': true }, true],
    ['number text', 'double', 'Individual.personHeight', undefined, ' 1.85 ', { 'Individual.personHeight': 1.85 }, 1.85],
    ['integer amount, exact kept', 'currency', 'Individual.yearlyIncome', { name: 'integerAmount', args: { exactProperty: 'concord:yearlyIncomeExact' } }, '2.5', { 'Individual.yearlyIncome': 2, 'Individual.concord:yearlyIncomeExact': 2.5 }, 2.5],
    ['integer amount, whole', 'currency', 'Individual.yearlyIncome', { name: 'integerAmount' }, 3, { 'Individual.yearlyIncome': 3 }, 3],
    ['date with parts', 'date', 'Individual.birthDate', { name: 'date', args: { parts: 'birthDate' } }, '1815-12-10', { 'Individual.birthDate': '1815-12-10', 'Individual.birthDateDay': 10, 'Individual.birthDateMonth': 12, 'Individual.birthDateYear': 1815 }, '1815-12-10'],
    ['datetime to UTC', 'datetime', 'ContactPoint[Email].bestTimeToContactStartTime', undefined, '2024-05-01T14:00:00.000+0200', { 'ContactPoint.bestTimeToContactStartTime': '2024-05-01T12:00:00.000Z' }, '2024-05-01T12:00:00.000Z'],
    ['datetime, zone-less text in a fixed zone', 'datetime', 'ContactPoint[Email].bestTimeToContactStartTime', { name: 'datetime', args: { assumeOffsetMinutes: -360 } }, '5/1/2024 7:05:09 AM', { 'ContactPoint.bestTimeToContactStartTime': '2024-05-01T13:05:09.000Z' }, '2024-05-01T13:05:09.000Z'],
    ['datetime date part', 'datetime', 'ContactPointEmail.emailLatestBounceDateTime', { name: 'datetime', args: { datePart: true } }, '2024-05-01T23:30:00.000-0200', { 'ContactPointEmail.emailLatestBounceDateTime': '2024-05-02' }, '2024-05-02'],
    ['street lines', 'textarea', 'ContactPointAddress[Address]', { name: 'street' }, 'a\r\n\r\n b \nc\nd\ne', { 'ContactPointAddress.addressLine1': 'a', 'ContactPointAddress.addressLine2': 'b', 'ContactPointAddress.addressLine3': 'c', 'ContactPointAddress.addressLine4': 'd, e' }, 'a\nb\nc\nd, e'],
    ['email', 'email', 'ContactPointEmail.emailAddress', { name: 'email' }, 'Ada@Example.COM', { 'ContactPointEmail.emailAddress': 'Ada@Example.COM', 'ContactPointEmail.emailMailBox': 'Ada', 'ContactPointEmail.emailDomain': 'example.com' }, 'Ada@Example.COM'],
    ['choice known', 'picklist', 'Individual.salutation', { name: 'choice', args: { table: { 'Mr.': 'Mister' } } }, 'Mr.', { 'Individual.salutation': 'Mister' }, 'Mr.'],
    ['choice case-insensitive', 'picklist', 'Individual.salutation', { name: 'choice', args: { table: { 'Mr.': 'Mister' }, caseInsensitive: true } }, 'MR.', { 'Individual.salutation': 'Mister' }, 'Mr.'],
    ['choice skip unknown', 'picklist', 'Individual.salutation', { name: 'choice', args: { table: { 'Mr.': 'Mister' }, unknown: 'skip' } }, 'Capt.', {}, undefined],
    ['lookup', 'reference', 'Individual.primaryAccountId', { name: 'lookup', args: { stream: 'Account' } }, 'A1', { 'Individual.primaryAccountId': concordId('test', 'Account', 'A1') }, 'A1'],
    ['lookup tagged', 'reference', 'Individual.primaryAccountId', { name: 'lookup', args: { stream: 'Account', tag: 'Account' } }, 'A1', { 'Individual.primaryAccountId': { type: 'Account', id: concordId('test', 'Account', 'A1') } }, 'A1'],
    ['consent opt-out', 'boolean', 'ContactPointConsent', { name: 'consent', args: { channel: 'email' } }, true, { 'ContactPointConsent.channel': 'email', 'ContactPointConsent.purpose': 'all', 'ContactPointConsent.status': 'optOut', 'ContactPointConsent.captureSource': 'F' }, true],
    ['consent not opted out', 'boolean', 'ContactPointConsent', { name: 'consent', args: { channel: 'fax', purpose: 'marketing' } }, 'false', { 'ContactPointConsent.channel': 'fax', 'ContactPointConsent.purpose': 'marketing', 'ContactPointConsent.status': 'notOptedOut', 'ContactPointConsent.captureSource': 'F' }, false],
  ] as const)('%s', (_name, type, target, transform, value, expected, back) => {
    const { written, issues, back: reversed } = run(oneField(type, target, transform), value);
    expect(issues).toEqual([]);
    const { ['ContactPoint.forBusinessUse']: _b, ...rest } = written;
    expect(rest).toEqual(expected);
    expect(reversed).toEqual(back);
  });

  it.each([
    ['account', true],
    ['Account', true],
    [undefined, true],
    ['contact', false],
  ])('typed lookup: type %s → reference written %s', (type, written) => {
    const mapping = { ...oneField('reference', 'Individual.primaryAccountId', { name: 'lookup', args: { stream: 'Account', typeField: 'Country', typeValue: 'account' } }) };
    const { written: out } = run(mapping, 'A1', type === undefined ? {} : { Country: type });
    expect(out['Individual.primaryAccountId']).toEqual(written ? concordId('test', 'Account', 'A1') : undefined);
  });

  it('boolean false alone does not create a contact point', () => {
    const { written } = run(oneField('boolean', 'ContactPoint[Email].isUndeliverable'), false);
    expect(written).toEqual({});
  });

  it('phone: formats from the address country', () => {
    const { written, issues, back } = run(oneField('phone', 'ContactPointPhone.telephoneNumber', { name: 'phone', args: { phoneType: 'Mobile', regionField: 'Country' } }), '030 1234567', { Country: 'Germany' });
    expect(issues).toEqual([]);
    expect(written).toMatchObject({ 'ContactPointPhone.formattedE164PhoneNumber': '+49301234567', 'ContactPointPhone.phoneCountryCode': '49', 'ContactPointPhone.areaCode': '30', 'ContactPointPhone.isSMSCapable': true, 'ContactPointPhone.isFaxCapable': false });
    expect(back).toBe('030 1234567');
  });

  it('personName: composed from the parts when the full name is absent, never written back', () => {
    const mapping: StreamMapping = { ...oneField('string', 'Individual.personName', { name: 'personName', args: { firstName: 'First', lastName: 'Last' } }), source: { Id: { type: 'string' }, F: { type: 'string', readOnly: true }, First: { type: 'string' }, Last: { type: 'string' } } };
    const out = compileMapping(mapping, OPTIONS)({ system: 'test', stream: 'S', recordId: 'r1', fields: { Id: 'r1', First: 'Ada', Last: 'King' } });
    expect(out.records[1]?.data['personName']).toBe('Ada King');
    expect(reverseMapping(mapping).writable).not.toContain('F');
  });

  it.each([
    [{ name: 'nope' }, 'unknown transform "nope"'],
    [{ name: 'phone', args: { phoneType: 'Pager' } }, 'unknown phoneType "Pager"'],
    [{ name: 'lookup' }, 'needs a string argument "stream"'],
  ])('rejects a bad transform %j', (transform, message) => {
    expect(() => compileMapping(oneField('string', 'Individual.firstName', transform), OPTIONS)).toThrow(message);
  });

  it.each([
    ['Individual.nope.x', 'is not Entity.property'],
    ['Spaceship.name', 'no record of entity Spaceship'],
    ['ContactPoint.primaryFlag', 'ambiguous'],
    ['Individual', 'names no property'],
  ])('rejects target %s', (target, message) => {
    expect(() => compileMapping(oneField('string', target), OPTIONS)).toThrow(message);
  });
});
