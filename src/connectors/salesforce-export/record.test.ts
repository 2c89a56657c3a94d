import { describe, expect, it } from 'vitest';
import { isoInstant, salesforceRecord } from './record.js';

describe('isoInstant', () => {
  it.each([
    ['2024-05-01T12:00:00.000Z', '2024-05-01T12:00:00.000Z'],
    ['2024-02-29T23:59:59.999Z', '2024-02-29T23:59:59.999Z'],
    ['2024-05-01T12:00:00.000+0000', '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T14:00:00+02:00', '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T12:00:00', '2024-05-01T12:00:00.000Z'],
    ['2023-02-29T00:00:00.000Z', undefined],
    ['2024-04-31T00:00:00.000Z', undefined],
    ['2024-13-01T00:00:00.000Z', undefined],
    ['2024-05-01', undefined],
    ['yesterday', undefined],
    [undefined, undefined],
  ])('%j → %j', (raw, expected) => {
    expect(isoInstant(raw)).toBe(expected);
  });
});

describe('salesforceRecord', () => {
  const row = (columns: string[], values: string[]) => ({ columns, values, line: 9, file: 'Contact.csv' });
  it.each([
    [['Id', 'IsDeleted'], ['0035g00000A1b2C', 'TRUE'], { recordId: '0035g00000A1b2CAAR', deleted: true }],
    [['Id', 'LastModifiedDate'], ['0035g00000A1b2CAAR', '2024-05-01T12:00:00.000Z'], { modstamp: '2024-05-01T12:00:00.000Z' }],
    [['Id', 'SystemModstamp', 'LastModifiedDate'], ['0035g00000A1b2CAAR', '2024-05-02T00:00:00.000Z', '2024-05-01T00:00:00.000Z'], { modstamp: '2024-05-02T00:00:00.000Z' }],
  ])('%j %j', (columns, values, expected) => {
    const result = salesforceRecord('sf', 'Contact', row(columns, values));
    expect(result.ok && result.value).toMatchObject(expected);
  });

  it.each([
    [['Name'], ['x'], 'MISSING_ID'],
    [['Id'], ['not-an-id'], 'INVALID_ID'],
  ])('%j %j is %s', (columns, values, code) => {
    const result = salesforceRecord('sf', 'Contact', row(columns, values));
    expect(!result.ok && result.error).toMatchObject({ code, line: 9, field: 'Id' });
  });
});
