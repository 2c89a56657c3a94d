/**
 * Date-of-birth parsing for matching: ISO, compact FEBRL-style and day/month/year strings to calendar parts.
 */

export interface DateParts {
  /** `YYYY-MM-DD`. */
  readonly iso: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface DobOptions {
  /** How to read an ambiguous `a/b/yyyy` where both a and b are ≤ 12; without it such dates are rejected. */
  order?: 'dmy' | 'mdy';
}

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ].*)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const NUMERIC_DMY = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/;
const NAMED_DMY = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+),? (\d{4})$/;
const NAMED_MDY = /^([a-z]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/;
const MONTHS = new Map<string, number>(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1]),
);

function monthNumber(word: string): number | undefined {
  return word.length >= 3 ? MONTHS.get(word.slice(0, 3)) : undefined;
}

/**
 * Parses a date of birth. Accepts `YYYY-MM-DD` (also `/` or `.`, with an optional time), `YYYYMMDD` (FEBRL),
 * `D/M/YYYY` or `M/D/YYYY` when unambiguous (one part above 12, or both equal) or when `order` says which, and
 * "12 Jan 1956" / "January 12, 1956". `undefined` for anything else or an impossible date (2023-02-29).
 *
 * @example
 * normalizeDob('19560112'); // { iso: '1956-01-12', year: 1956, month: 1, day: 12 }
 * normalizeDob('25/12/1980'); // { iso: '1980-12-25', … }
 * normalizeDob('05/06/1980'); // undefined (ambiguous)
 * normalizeDob('05/06/1980', { order: 'mdy' }); // { iso: '1980-05-06', … }
 */
export function normalizeDob(raw: string, options: DobOptions = {}): DateParts | undefined {
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = ISO.exec(s) ?? COMPACT.exec(s);
  if (m !== null) return parts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC_DMY.exec(s);
  if (m !== null) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    if (a > 12 || a === b) return parts(y, b, a);
    if (b > 12) return parts(y, a, b);
    if (options.order === 'dmy') return parts(y, b, a);
    if (options.order === 'mdy') return parts(y, a, b);
    return undefined;
  }
  m = NAMED_DMY.exec(s);
  if (m !== null) {
    const month = monthNumber(m[2] ?? '');
    return month === undefined ? undefined : parts(Number(m[3]), month, Number(m[1]));
  }
  m = NAMED_MDY.exec(s);
  if (m !== null) {
    const month = monthNumber(m[1] ?? '');
    return month === undefined ? undefined : parts(Number(m[3]), month, Number(m[2]));
  }
  return undefined;
}

function parts(year: number, month: number, day: number): DateParts | undefined {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { iso, year, month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 (negative before), for "within a year" comparisons.
 *
 * @example
 * daysSinceEpoch({ year: 1970, month: 1, day: 2 }); // 1
 */
export function daysSinceEpoch(date: { year: number; month: number; day: number }): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000);
}
