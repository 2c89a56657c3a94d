import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkJsonSchema } from '../../test/model/json-schema-check.js';
import { arbitraryRecord, fullRecord, minimalRecord } from '../../test/model/records.js';
import { toJsonSchema } from './json-schema.js';
import { ENTITIES, getEntity } from './model.js';
import { validateRecord } from './validate.js';

// Validation here walks the exported schema with a small checker (test/model/json-schema-check.ts): a real
// JSON Schema validation of the keywords the export uses, with no dependency on the model's own code.
const practical = toJsonSchema();
const strict = toJsonSchema({ profile: 'strict' });
const id = '6f1c5d1e-2d3b-4c8a-9f57-3e0b8d2a7c41';
const keys = { id, externalSourceId: 'salesforce:00D000000000001EAA', externalRecordId: '001000000000001AAA' };
const check = (schema: typeof practical, entity: string, data: unknown): string[] => checkJsonSchema(schema.$defs[entity]!, data);

describe('toJsonSchema', () => {
  it('is draft 2020-12 with one $defs entry per entity, extension entities marked', () => {
    expect(practical.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(practical.$defs)).toEqual(ENTITIES.map((e) => e.name));
    expect(practical.$defs['ServiceCase']).toMatchObject({ 'x-concord-namespace': 'concord', 'x-concord-extension': true });
    expect(practical.$defs['Individual']).toMatchObject({ 'x-concord-namespace': 'cim', 'x-cim-subClassOf': 'Party' });
  });

  it.each([
    ['Individual', { ...keys, personName: 'Ada Lovelace', birthDate: '1815-12-10', partyTypeId: { type: 'Individual', id }, personHeight: 1.65, childrenCount: 3 }],
    ['ContactPointEmail', { ...keys, emailAddress: 'ada@example.com', emailMailBox: 'ada', emailDomain: 'example.com', emailLatestBounceReasonText: null }],
    ['Account', { ...keys, name: 'Analytical Engines Ltd', accountNumber: 'A-1', useAsSalesAccount: true, balanceAmount: '1200.50', 'concord:ownerId': '005000000000001AAA' }],
    ['SalesOrder', { ...keys, orderNumber: '00000100', name: 'Order 100', billToAccountId: id, requestedStartDate: '2024-05-01', grandTotalAmount: 99.95, createdDate: '2024-05-01T12:00:00.000+0000' }],
  ])('accepts a valid %s', (entity, data) => {
    expect(check(practical, entity, data)).toEqual([]);
    expect(validateRecord({ entity, data }, 'practical').ok).toBe(true);
  });

  it.each([
    ['Individual', { ...keys, personName: 42 }, '$.personName'],
    ['Individual', { ...keys, birthDate: '10/12/1815' }, '$.birthDate'],
    ['Individual', { ...keys, childrenCount: 2.5 }, '$.childrenCount'],
    ['Individual', { id, externalSourceId: 'x' }, '$.externalRecordId: required'],
    ['ContactPointEmail', { ...keys }, '$.emailAddress: required'],
    ['ContactPointEmail', { ...keys, emailAddress: 'a@b.c', emailAdress: 'a@b.c' }, '$.emailAdress: additional property'],
    ['Account', { ...keys, name: 'A', useAsSalesAccount: 'yes' }, '$.useAsSalesAccount'],
    ['SalesOrder', { ...keys, orderNumber: '1', billToAccountId: { type: 'Account', id } }, '$.billToAccountId'],
    ['Party', { ...keys, partyTypeId: { type: 'Account', id } }, '$.partyTypeId'],
  ])('rejects an invalid %s (%s)', (entity, data, expected) => {
    const errors = check(practical, entity, data);
    expect(errors.some((e) => e.startsWith(expected))).toBe(true);
    expect(validateRecord({ entity, data }, 'practical').ok).toBe(false);
  });

  it('the strict schema requires what CIM requires', () => {
    expect(strict.$defs['ContactPointEmail']!.required).toEqual(
      expect.arrayContaining(['emailAddress', 'emailMailBox', 'emailDomain', 'emailLatestBounceDateTime', 'emailLatestBounceReasonText', 'createdDate']),
    );
    expect(check(strict, 'ContactPointEmail', { ...keys, emailAddress: 'a@b.c' }).length).toBeGreaterThan(0);
  });

  it.each(ENTITIES.map((e) => [e.name]))('%s: minimal records pass both schemas', (name) => {
    const def = getEntity(name)!;
    expect(check(practical, name, minimalRecord(def, 'practical').data)).toEqual([]);
    expect(check(strict, name, minimalRecord(def, 'strict').data)).toEqual([]);
    expect(check(strict, name, fullRecord(def).data)).toEqual([]);
  });

  it.each(['Individual', 'ContactPointEmail', 'Account', 'SalesOrder', 'ContactPoint', 'EngagementEvent'])('agrees with validateRecord on generated %s records', (name) => {
    const def = getEntity(name)!;
    fc.assert(
      fc.property(arbitraryRecord(def), (record) => {
        expect(check(practical, name, record.data).length === 0).toBe(validateRecord(record, 'practical').ok);
        expect(check(strict, name, record.data).length === 0).toBe(validateRecord(record, 'strict').ok);
      }),
      { numRuns: 200 },
    );
  });
});
