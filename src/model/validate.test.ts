import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryRecord, fullRecord, minimalRecord } from '../../test/model/records.js';
import { ENTITIES, getEntity } from './model.js';
import type { CimRecord } from './record.js';
import { entitySchema } from './schemas.js';
import { validateRecord, type ValidationIssue } from './validate.js';

const id = '6f1c5d1e-2d3b-4c8a-9f57-3e0b8d2a7c41';
const keys = { id, externalSourceId: 'salesforce:00D000000000001EAA', externalRecordId: '003000000000001AAA' };
const email = (data: Record<string, unknown>): CimRecord => ({ entity: 'ContactPointEmail', data: { ...keys, ...data } });
const issuesOf = (record: CimRecord, profile: 'strict' | 'practical'): ValidationIssue[] => {
  const result = validateRecord(record, profile);
  return result.ok ? [] : result.error;
};

describe('validateRecord', () => {
  it('accepts a practical ContactPointEmail and returns the record itself', () => {
    const record = email({ emailAddress: 'ada@example.com', emailMailBox: 'ada', emailDomain: 'example.com' });
    const result = validateRecord(record, 'practical');
    expect(result).toEqual({ ok: true, value: record });
  });

  it('reports each CIM-required field the strict profile misses, naming entity, field and rule', () => {
    const issues = issuesOf(email({ emailAddress: 'ada@example.com' }), 'strict');
    const missing = issues.filter((i) => i.rule === 'required').map((i) => i.field).sort();
    expect(missing).toEqual(
      ['createdDate', 'emailDomain', 'emailLatestBounceDateTime', 'emailLatestBounceReasonText', 'emailMailBox', 'implementorType', 'lastModifiedDate', 'systemModstamp'].sort(),
    );
    expect(issues[0]).toMatchObject({ entity: 'ContactPointEmail', rule: 'required', value: undefined });
    expect(issues[0]!.message).toContain('strict profile');
  });

  it.each<[string, CimRecord, Partial<ValidationIssue>]>([
    ['unknown entity', { entity: 'Contactpoint', data: keys }, { entity: 'Contactpoint', rule: 'unknown-entity' }],
    ['data not an object', { entity: 'Individual', data: [] as unknown as Record<string, unknown> }, { rule: 'not-object' }],
    ['unknown property', email({ emailAddress: 'a@b.c', emailAdress: 'a@b.c' }), { field: 'emailAdress', rule: 'unknown-property', value: 'a@b.c' }],
    ['missing key', { entity: 'Individual', data: { id, externalSourceId: 'x' } }, { field: 'externalRecordId', rule: 'required' }],
    ['string expected', email({ emailAddress: 42 }), { field: 'emailAddress', rule: 'type', value: 42 }],
    ['date format', email({ emailAddress: 'a@b.c', emailLatestBounceDateTime: '01/05/2024' }), { field: 'emailLatestBounceDateTime', rule: 'format' }],
    ['datetime without zone', email({ emailAddress: 'a@b.c', createdDate: '2024-05-01T12:00:00' }), { field: 'createdDate', rule: 'format' }],
    ['empty reference', { entity: 'AccountContact', data: { ...keys, accountId: '', individualId: id } }, { field: 'accountId', rule: 'ref' }],
    ['tagged reference outside the union', { entity: 'Party', data: { ...keys, partyTypeId: { type: 'Account', id } } }, { field: 'partyTypeId', rule: 'ref' }],
    ['plain id where a tagged reference is needed', { entity: 'Party', data: { ...keys, partyTypeId: id } }, { field: 'partyTypeId', rule: 'ref' }],
    ['fractional integer', { entity: 'Individual', data: { ...keys, childrenCount: 1.5 } }, { field: 'childrenCount', rule: 'format' }],
    ['bad decimal string', { entity: 'Individual', data: { ...keys, personHeight: '1,80' } }, { field: 'personHeight', rule: 'format' }],
    ['enum', { entity: 'EngagementEvent', data: { ...keys, eventType: 'opened', eventDateTime: '2024-05-01T12:00:00Z' } }, { field: 'eventType', rule: 'enum' }],
    ['collection not an array', { entity: 'Party', data: { ...keys, partyTypeId: { type: 'Individual', id }, ContactPoints: id } }, { field: 'ContactPoints', rule: 'type' }],
  ])('reports %s', (_label, record, expected) => {
    const issues = issuesOf(record, 'practical');
    expect(issues).toContainEqual(expect.objectContaining(expected));
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(0);
  });

  it.each([
    ['Salesforce offset', '2024-05-01T12:00:00.000+0000'],
    ['Z', '2024-05-01T12:00:00Z'],
    ['colon offset', '2024-05-01T12:00:00+02:00'],
    ['minutes only', '2024-05-01T12:00Z'],
  ])('accepts a date-time with %s', (_label, value) => {
    expect(validateRecord(email({ emailAddress: 'a@b.c', createdDate: value }), 'practical').ok).toBe(true);
  });

  it('treats null as absent: allowed for optional fields, reported for required ones', () => {
    expect(validateRecord(email({ emailAddress: 'a@b.c', emailLatestBounceReasonText: null }), 'practical').ok).toBe(true);
    expect(issuesOf(email({ emailAddress: null }), 'practical')).toContainEqual(expect.objectContaining({ field: 'emailAddress', rule: 'required' }));
  });

  it('accepts decimals as numbers or exact decimal strings', () => {
    expect(validateRecord({ entity: 'Individual', data: { ...keys, personHeight: 1.8, personWeight: '72.50' } }, 'practical').ok).toBe(true);
  });

  it.each(ENTITIES.map((e) => [e.name]))('%s: minimal and full records pass their profiles', (name) => {
    const def = getEntity(name)!;
    expect(issuesOf(minimalRecord(def, 'strict'), 'strict')).toEqual([]);
    expect(issuesOf(minimalRecord(def, 'practical'), 'practical')).toEqual([]);
    expect(issuesOf(fullRecord(def), 'strict')).toEqual([]);
  });

  it('the practical profile is no stricter than the strict one on any complete strict record', () => {
    for (const def of ENTITIES) {
      const strictRecord = fullRecord(def);
      expect(validateRecord(strictRecord, 'practical').ok).toBe(true);
    }
  });
});

describe('validateRecord agrees with the zod schemas', () => {
  const sample = ['Individual', 'Party', 'ContactPoint', 'ContactPointEmail', 'ContactPointPhone', 'Account', 'SalesOrder', 'Product', 'EngagementEvent', 'ContactPointConsent'];
  it.each(sample.flatMap((name) => [[name, 'strict'], [name, 'practical']] as const))('%s (%s)', (name, profile) => {
    const def = getEntity(name)!;
    const schema = entitySchema(name, profile);
    const verdicts = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(arbitraryRecord(def), (record) => {
        const ok = validateRecord(record, profile).ok;
        expect(ok).toBe(schema.safeParse(record.data).success);
        verdicts[ok ? 'valid' : 'invalid']++;
      }),
      { numRuns: 300 },
    );
    // Both verdicts must occur, or the agreement above would say little.
    expect(verdicts.valid).toBeGreaterThan(0);
    expect(verdicts.invalid).toBeGreaterThan(0);
  });
});
