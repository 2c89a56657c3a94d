import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdmTypeOf, dataverseRecord, deletedRecord, isDeletedEntry, streamInfo, tableMeta, type AttributeDefinition, type EntityDefinition } from './record.js';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')) as T;
const meta = tableMeta(fixture<EntityDefinition>('contact-definition.json'), fixture<{ value: AttributeDefinition[] }>('contact-attributes.json').value);
const delta = fixture<{ value: Array<Record<string, unknown>> }>('contacts-delta.json');

describe('tableMeta', () => {
  it('selects lookups as _x_value, leaves out companion and virtual columns, and pairs polymorphic lookups with their type column', () => {
    expect(meta.entitySetName).toBe('contacts');
    expect(meta.columns.map((c) => c.property)).toEqual(['contactid', 'firstname', 'lastname', 'emailaddress1', 'birthdate', 'gendercode', 'donotemail', '_parentcustomerid_value', '_ownerid_value', 'statecode', 'modifiedon', 'versionnumber']);
    expect(meta.columns.find((c) => c.name === 'parentcustomerid')?.typeColumn).toBe('parentcustomeridtype');
    expect(meta.columns.find((c) => c.name === 'ownerid')?.typeColumn).toBe('owneridtype');
  });

  it('discovers the columns with cdm types, type columns included', () => {
    const info = streamInfo(meta);
    expect(info).toMatchObject({ name: 'contact', idField: 'contactid', modstampField: 'modifiedon' });
    expect(info.fields).toContainEqual({ name: 'parentcustomeridtype', type: 'string' });
    expect(info.fields).toContainEqual({ name: 'gendercode', type: 'int64' });
  });

  it.each([
    ['Picklist', 'int64'], ['State', 'int64'], ['BigInt', 'int64'], ['Money', 'decimal'], ['Double', 'double'], ['Boolean', 'boolean'],
    ['DateTime', 'dateTime'], ['Lookup', 'guid'], ['Customer', 'guid'], ['Uniqueidentifier', 'guid'], ['Memo', 'string'], ['String', 'string'],
  ])('%s converts as %s', (attributeType, cdm) => expect(cdmTypeOf(attributeType)).toBe(cdm));
});

describe('dataverseRecord', () => {
  it('types a row as the cdm-folder connector types the same columns', () => {
    const result = dataverseRecord('dv', meta, delta.value[0]!);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({
      system: 'dv',
      stream: 'contact',
      recordId: '6f9619ff-8b86-d011-b42d-00c04fc964ff',
      modstamp: '2024-05-01T12:00:00.000Z',
      fields: {
        contactid: '6f9619ff-8b86-d011-b42d-00c04fc964ff', firstname: 'Ana', lastname: 'Ng', emailaddress1: 'ana.ng@example.com',
        birthdate: '1985-04-03T00:00:00.000Z', gendercode: 2, donotemail: false,
        parentcustomerid: 'a1b2c3d4-0000-4000-8000-000000000001', parentcustomeridtype: 'account',
        ownerid: 'b2c3d4e5-0000-4000-8000-000000000002', owneridtype: 'systemuser',
        statecode: 0, modifiedon: '2024-05-01T12:00:00.000Z', versionnumber: 5316722,
      },
    });
  });

  it('leaves out nulls and etags', () => {
    const result = dataverseRecord('dv', meta, { '@odata.etag': 'W/"1"', contactid: '6f9619ff-8b86-d011-b42d-00c04fc964ff', firstname: null });
    expect(result.ok && result.value.fields).toEqual({ contactid: '6f9619ff-8b86-d011-b42d-00c04fc964ff' });
  });

  it.each([
    [{ contactid: 'x', gendercode: 2 ** 60 }, 'NUMBER_TOO_LARGE'],
    [{ contactid: 'x', modifiedon: 'yesterday' }, 'INVALID_DATE'],
    [{ contactid: 'x', donotemail: 'maybe' }, 'INVALID_BOOLEAN'],
    [{ firstname: 'Ana' }, 'MISSING_ID'],
  ])('a row it cannot type is a problem, not a record: %j', (row, code) => {
    const result = dataverseRecord('dv', meta, row);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('reads a $deletedEntity entry as a tombstone stamped with the read time', () => {
    const entry = delta.value[1]!;
    expect(isDeletedEntry(entry)).toBe(true);
    expect(isDeletedEntry(delta.value[0]!)).toBe(false);
    expect(deletedRecord('dv', 'contact', entry, '2024-05-02T00:00:00.000Z')).toEqual({ system: 'dv', stream: 'contact', recordId: 'c3d4e5f6-0000-4000-8000-000000000003', deleted: true, fields: {}, modstamp: '2024-05-02T00:00:00.000Z' });
  });
});
