/**
 * CDM data types and the conversion of CSV text to typed values. Pure.
 *
 * model.json spells types `string`, `int64`, `double`, `decimal`, `boolean`, `dateTime`, `dateTimeOffset`,
 * `guid`, `json`, `unclassified` (compared case-insensitively); entity documents use primitive or semantic
 * names (`integer`, `bigInteger`, `float`, `entityId`, `name`, …) and a `dataFormat` (`Int32`, `Guid`, …).
 * All are reduced to the model.json set.
 *
 * @example
 * convertCdmValue('int64', '42') // { ok: true, value: 42 }
 * convertCdmValue('guid', '6F9619FF-8B86-D011-B42D-00C04FC964FF') // { ok: true, value: '6f9619ff-8b86-d011-b42d-00c04fc964ff' }
 */
import { err, ok, type Result } from '../../core/result.js';

export type CdmType = 'string' | 'int64' | 'double' | 'decimal' | 'boolean' | 'dateTime' | 'dateTimeOffset' | 'guid' | 'json' | 'unclassified';

const ALIASES: Record<string, CdmType> = {
  string: 'string', char: 'string', time: 'string', binary: 'string', unclassified: 'unclassified', any: 'unclassified',
  int64: 'int64', int32: 'int64', int16: 'int64', integer: 'int64', smallinteger: 'int64', biginteger: 'int64', byte: 'int64', tinyinteger: 'int64',
  double: 'double', float: 'double', latitude: 'double', longitude: 'double',
  decimal: 'decimal', currency: 'decimal', basecurrency: 'decimal', money: 'decimal',
  boolean: 'boolean',
  datetime: 'dateTime', date: 'dateTime',
  datetimeoffset: 'dateTimeOffset',
  guid: 'guid', uuid: 'guid',
  json: 'json',
};

/**
 * A type name from model.json, an entity document's `dataType` or its `dataFormat`, as a {@link CdmType};
 * semantic types not listed (name, email, phone, …) are strings.
 *
 * @example
 * normaliseCdmType('bigInteger') // 'int64'
 */
export function normaliseCdmType(name: string | undefined): CdmType {
  if (name === undefined) return 'string';
  return ALIASES[name.toLowerCase()] ?? 'string';
}

export interface ValueProblem {
  code: 'NUMBER_TOO_LARGE' | 'INVALID_NUMBER' | 'INVALID_BOOLEAN' | 'INVALID_DATE';
  reason: string;
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/** Significant digits a double keeps exactly. */
const DOUBLE_DIGITS = 15;

/**
 * Converts one CSV cell by type: integers and decimals → number (an int64 beyond ±2^53−1 or a decimal with
 * more than 15 significant digits is a problem, never a silently rounded number), booleans, date-times →
 * ISO-8601 UTC (text without a zone is UTC, as Synapse Link writes it), GUIDs → lower case, the rest as text.
 *
 * @example
 * convertCdmValue('int64', '9007199254740993') // err({ code: 'NUMBER_TOO_LARGE', … })
 */
export function convertCdmValue(type: CdmType, raw: string): Result<unknown, ValueProblem> {
  switch (type) {
    case 'int64': {
      const text = raw.trim();
      if (!INTEGER.test(text)) return err({ code: 'INVALID_NUMBER', reason: `"${raw}" is not an integer` });
      const value = Number(text);
      if (!Number.isSafeInteger(value)) return err({ code: 'NUMBER_TOO_LARGE', reason: `number too large: ${text} is beyond ±9007199254740991 and cannot be kept exactly` });
      return ok(value);
    }
    case 'double':
    case 'decimal': {
      const text = raw.trim();
      if (!DECIMAL.test(text)) return err({ code: 'INVALID_NUMBER', reason: `"${raw}" is not a number` });
      const value = Number(text);
      if (!Number.isFinite(value)) return err({ code: 'NUMBER_TOO_LARGE', reason: `number too large: ${text}` });
      if (type === 'decimal' && significantDigits(text) > DOUBLE_DIGITS) {
        return err({ code: 'NUMBER_TOO_LARGE', reason: `number too large: ${text} has more than ${DOUBLE_DIGITS} significant digits and cannot be kept exactly` });
      }
      return ok(value);
    }
    case 'boolean': {
      const text = raw.trim().toLowerCase();
      if (text === 'true' || text === '1') return ok(true);
      if (text === 'false' || text === '0') return ok(false);
      return err({ code: 'INVALID_BOOLEAN', reason: `"${raw}" is not true, false, 1 or 0` });
    }
    case 'dateTime':
    case 'dateTimeOffset': {
      const iso = cdmDateTime(raw.trim());
      return iso === undefined ? err({ code: 'INVALID_DATE', reason: `"${raw}" is not a date-time` }) : ok(iso);
    }
    case 'guid': {
      const match = GUID.exec(raw.trim());
      return ok(match ? match[1]!.toLowerCase() : raw);
    }
    default:
      return ok(raw);
  }
}

function significantDigits(text: string): number {
  const mantissa = text.replace(/^[+-]/, '').replace(/[eE].*$/, '').replace('.', '');
  return mantissa.replace(/^0+/, '').replace(/0+$/, '').length;
}

/**
 * A CDM date-time as an ISO-8601 UTC instant: ISO text (with up to seven fraction digits, with or without a
 * zone; without one it is UTC) or `M/D/YYYY h:mm:ss [AM|PM]`.
 *
 * @example
 * cdmDateTime('2024-05-01T12:00:00.0000000Z') // '2024-05-01T12:00:00.000Z'
 */
export function cdmDateTime(text: string): string | undefined {
  const us = US_DATE.exec(text);
  if (us) {
    const [, month, day, year, hour = '0', minute = '0', second = '0', meridiem] = us;
    let h = Number(hour);
    if (meridiem !== undefined) h = (h % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
    const time = Date.UTC(Number(year), Number(month) - 1, Number(day), h, Number(minute), Number(second));
    return Number.isNaN(time) ? undefined : new Date(time).toISOString();
  }
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (!m) return undefined;
  const [, date, time = '00:00:00', fraction = '', zone = 'Z'] = m;
  const ms = fraction.slice(0, 3).padEnd(3, '0');
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const parsed = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}.${ms}${offset}`);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}
