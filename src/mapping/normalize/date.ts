/**
 * Dates and instants (crosswalk T11), parsed by regular expression and integer arithmetic — no `Date` parsing,
 * which is slow, locale-dependent and silently rolls 2023-02-30 over to March. Every field is range-checked.
 *
 * Accepted date-times: ISO-8601 with `Z` or an offset (`+02:00`, `+0200`, `+02`), Salesforce
 * `2024-05-01T12:00:00.000+0000`, `YYYY-MM-DD HH:mm[:ss[.fff]]` without zone (UTC unless `assumeOffsetMinutes`),
 * US `M/D/YYYY h:mm[:ss] AM` as in Marketing Cloud extracts, and bare dates (midnight).
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*([AaPp][Mm])?)?$/;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
// Real offsets span -12:00..+14:00; ISO-8601 allows up to ±18:00 (as java.time does).
const MAX_OFFSET_MINUTES = 18 * 60;

export interface DateTimeOptions {
  /** Offset of zone-less values from UTC in minutes, e.g. -360 for Marketing Cloud's fixed CST. Default 0. */
  assumeOffsetMinutes?: number;
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes: number | undefined;
}

/**
 * A calendar date as `YYYY-MM-DD`; `undefined` for blank, malformed or impossible input. Accepts every form
 * `parseDateTime` does (so also US `M/D/YYYY`). A time part is dropped without time-zone shifting: a date-only
 * column stays the date it was written as.
 *
 * @example
 * parseDate('2024-05-01T23:30:00-08:00'); // '2024-05-01'
 * parseDate('2023-02-30'); // undefined
 */
export function parseDate(raw: string): string | undefined {
  const fields = parseFields(raw);
  if (fields === undefined) return undefined;
  return `${pad4(fields.year)}-${pad2(fields.month)}-${pad2(fields.day)}`;
}

/**
 * An instant as ISO-8601 UTC with milliseconds, `YYYY-MM-DDTHH:mm:ss.sssZ`; `undefined` for blank, malformed or
 * impossible input or an instant outside years 0000–9999.
 *
 * @example
 * parseDateTime('2024-05-01T12:00:00.000+0000'); // '2024-05-01T12:00:00.000Z'
 * parseDateTime('5/1/2024 6:00:00 AM', { assumeOffsetMinutes: -360 }); // '2024-05-01T12:00:00.000Z'
 */
export function parseDateTime(raw: string, options: DateTimeOptions = {}): string | undefined {
  const fields = parseFields(raw);
  if (fields === undefined) return undefined;
  const offset = fields.offsetMinutes ?? options.assumeOffsetMinutes ?? 0;
  const epochMs =
    daysFromCivil(fields.year, fields.month, fields.day) * MS_PER_DAY +
    ((fields.hour * 60 + fields.minute - offset) * 60 + fields.second) * 1000 +
    fields.millisecond;
  return formatInstant(epochMs);
}

/**
 * Formats epoch milliseconds as `YYYY-MM-DDTHH:mm:ss.sssZ` for years 0000–9999, else `undefined`.
 *
 * @example
 * formatInstant(0); // '1970-01-01T00:00:00.000Z'
 */
export function formatInstant(epochMs: number): string | undefined {
  if (!Number.isSafeInteger(epochMs)) return undefined;
  const days = Math.floor(epochMs / MS_PER_DAY);
  let rest = epochMs - days * MS_PER_DAY;
  const [year, month, day] = civilFromDays(days);
  if (year < 0 || year > 9999) return undefined;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / MS_PER_MINUTE);
  rest -= minute * MS_PER_MINUTE;
  const second = Math.floor(rest / 1000);
  const ms = rest - second * 1000;
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${pad3(ms)}Z`;
}

/**
 * Whether year/month/day name a real Gregorian calendar day.
 *
 * @example
 * isValidDate(2024, 2, 29); // true
 */
export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parseFields(raw: string): Fields | undefined {
  const text = raw.trim();
  if (text.length < 8) return undefined;
  let match = ISO.exec(text);
  let fields: Fields | undefined;
  if (match !== null) {
    fields = {
      year: Number(match[1]),
      month: Number(match[2]),
      day: Number(match[3]),
      hour: match[4] === undefined ? 0 : Number(match[4]),
      minute: match[5] === undefined ? 0 : Number(match[5]),
      second: match[6] === undefined ? 0 : Number(match[6]),
      millisecond: fraction(match[7]),
      offsetMinutes: undefined,
    };
    const zone = match[8];
    if (zone !== undefined) {
      const offset = parseOffset(zone);
      if (offset === undefined) return undefined;
      fields.offsetMinutes = offset;
    }
  } else {
    match = US.exec(text);
    if (match === null) return undefined;
    let hour = match[4] === undefined ? 0 : Number(match[4]);
    const meridiem = match[8];
    if (meridiem !== undefined) {
      if (hour < 1 || hour > 12) return undefined;
      const pm = meridiem.toUpperCase() === 'PM';
      hour = (hour % 12) + (pm ? 12 : 0);
    }
    fields = {
      year: Number(match[3]),
      month: Number(match[1]),
      day: Number(match[2]),
      hour,
      minute: match[5] === undefined ? 0 : Number(match[5]),
      second: match[6] === undefined ? 0 : Number(match[6]),
      millisecond: fraction(match[7]),
      offsetMinutes: undefined,
    };
  }
  if (!isValidDate(fields.year, fields.month, fields.day)) return undefined;
  // No leap seconds and no 24:00: neither survives a round trip through Salesforce or Dataverse.
  if (fields.hour > 23 || fields.minute > 59 || fields.second > 59) return undefined;
  return fields;
}

function parseOffset(zone: string): number | undefined {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (minutes > 59) return undefined;
  const total = hours * 60 + minutes;
  return total > MAX_OFFSET_MINUTES ? undefined : sign * total;
}

// Milliseconds from a fraction of a second; digits past the third are truncated, never rounded into the next second.
function fraction(digits: string | undefined): number {
  if (digits === undefined) return 0;
  return Number((digits + '00').slice(0, 3));
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact proleptic Gregorian arithmetic for any year,
// where Date.UTC would map years 0–99 to 1900–1999.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return [year, month, day];
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad3(n: number): string {
  return n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}
