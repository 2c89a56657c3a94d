import { describe, expect, it } from 'vitest';
import { convertCdmValue, normaliseCdmType, type CdmType } from './cdm-types.js';

describe('CDM value conversion', () => {
  it.each<[CdmType, string, unknown]>([
    ['int64', '42', 42],
    ['int64', '-9007199254740991', -9007199254740991],
    ['double', '3.5', 3.5],
    ['decimal', '1234.5600', 1234.56],
    ['boolean', 'True', true],
    ['boolean', '0', false],
    ['dateTime', '2024-05-01T12:00:00.0000000Z', '2024-05-01T12:00:00.000Z'],
    ['dateTime', '2024-05-01T12:00:00', '2024-05-01T12:00:00.000Z'],
    ['dateTime', '2024-05-01', '2024-05-01T00:00:00.000Z'],
    ['dateTime', '5/1/2024 1:30:00 PM', '2024-05-01T13:30:00.000Z'],
    ['dateTimeOffset', '2024-05-01T12:00:00+02:00', '2024-05-01T10:00:00.000Z'],
    ['guid', '{6F9619FF-8B86-D011-B42D-00C04FC964FF}', '6f9619ff-8b86-d011-b42d-00c04fc964ff'],
    ['string', ' kept as is ', ' kept as is '],
    ['json', '{"a":1}', '{"a":1}'],
  ])('%s %j → %j', (type, raw, value) => {
    expect(convertCdmValue(type, raw)).toEqual({ ok: true, value });
  });

  it.each<[CdmType, string, string]>([
    ['int64', '9007199254740993', 'NUMBER_TOO_LARGE'],
    ['int64', '12.5', 'INVALID_NUMBER'],
    ['decimal', '12345678901234567.5', 'NUMBER_TOO_LARGE'],
    ['double', 'abc', 'INVALID_NUMBER'],
    ['boolean', 'yes', 'INVALID_BOOLEAN'],
    ['dateTime', 'last tuesday', 'INVALID_DATE'],
  ])('%s %j is a %s problem', (type, raw, code) => {
    const result = convertCdmValue(type, raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe(code);
  });

  it.each([
    ['GUID', 'guid'],
    ['bigInteger', 'int64'],
    ['Int32', 'int64'],
    ['float', 'double'],
    ['email', 'string'],
    ['DateTimeOffset', 'dateTimeOffset'],
    [undefined, 'string'],
  ])('type name %j is %s', (name, type) => {
    expect(normaliseCdmType(name)).toBe(type);
  });
});
