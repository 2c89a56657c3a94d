/**
 * Marketing Cloud times. System data views and tracking extracts write `EventDate` in Central Standard Time
 * all year round — UTC−6, no daylight saving — so the conversion is a fixed six hours, never a time-zone
 * database lookup.
 *
 * @example
 * eventDateToUtc('5/1/2024 7:05:09 AM') // '2024-05-01T13:05:09.000Z'
 * eventDateToUtc('2024-05-01T07:05:09.123') // '2024-05-01T13:05:09.123Z'
 * eventDateToUtc('2024-05-01T07:05:09Z') // '2024-05-01T07:05:09.000Z' (an explicit zone wins)
 */

/** Offset of Marketing Cloud system time from UTC, in hours. */
export const MARKETING_CLOUD_UTC_OFFSET_HOURS = -6;

const US_FORMAT = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?\s*([AaPp][Mm])?)?$/;
const ISO_FORMAT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Converts an EventDate (`M/D/YYYY h:mm:ss AM`, 24-hour `M/D/YYYY HH:mm:ss`, or ISO-8601 with or without a
 * zone) to an ISO-8601 UTC instant; undefined when the text is not a date.
 *
 * @example
 * eventDateToUtc('12/31/2023 11:59:59 PM') // '2024-01-01T05:59:59.000Z'
 */
export function eventDateToUtc(raw: string): string | undefined {
  const text = raw.trim();
  const us = US_FORMAT.exec(text);
  if (us) {
    const [, month, day, year, hour = '0', minute = '0', second = '0', fraction = '', meridiem] = us;
    let h = Number(hour);
    if (meridiem !== undefined) {
      if (h < 1 || h > 12) return undefined;
      h = (h % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
    }
    return toUtc(Number(year), Number(month), Number(day), h, Number(minute), Number(second), fraction, undefined);
  }
  const iso = ISO_FORMAT.exec(text);
  if (iso) {
    const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = iso;
    return toUtc(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second), fraction, zone);
  }
  return undefined;
}

function toUtc(year: number, month: number, day: number, hour: number, minute: number, second: number, fraction: string, zone: string | undefined): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = fraction === '' ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  let offsetMinutes = MARKETING_CLOUD_UTC_OFFSET_HOURS * 60;
  if (zone !== undefined) {
    if (zone === 'Z') offsetMinutes = 0;
    else {
      const digits = zone.replace(':', '');
      const sign = digits.startsWith('-') ? -1 : 1;
      offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
    }
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(local);
  // Date.UTC rolls 2/30 over to 3/1; a date that does not exist is not a date.
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  return new Date(local - offsetMinutes * 60_000).toISOString();
}
