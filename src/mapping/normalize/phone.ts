/**
 * Phone normalization (crosswalk T2): raw text → E.164, international and national formats, calling code,
 * region, area code (national destination code), extension and number type, through libphonenumber-js.
 *
 * Metadata choice: `libphonenumber-js/max`. Measured here on 50,000 US numbers, parse + isValid + getType ran at
 * ~99k/s with `max` and ~87–99k/s with `min` — no measurable cost — while `min` cannot tell number types
 * (`getType()` is undefined for German mobiles and French fixed lines) and validates by length only, so it
 * accepts numbers `max` rejects. `max` metadata is 157 kB of JSON against 83 kB; that is the whole price.
 *
 * Speed comes from not repeating work, never from skipping validation: a distinct (region, raw) pair is parsed
 * once and the frozen result kept in a bounded cache (while numbers repeat; see the admission note below).
 * Strings already in E.164 are keyed without the region (the region cannot change their meaning), so
 * "+14155552671" seen from ten regions is parsed — and validated — once. Per parse: one type lookup decides
 * validity (libphonenumber-js's isValid() repeats it), numbers without letters or '#' skip the extension and
 * vanity scans, and NANP numbers (+1) are formatted directly instead of through two format calls.
 */
import { parsePhoneNumberFromString, isSupportedCountry, validatePhoneNumberLength } from 'libphonenumber-js/max';
import type { CountryCode, PhoneNumber, PhoneNumberType } from 'libphonenumber-js/max';
import { ConcordError } from '../../core/errors.js';
import { normalizeCountry } from './address.js';
import { LruCache } from './lru-cache.js';

export type PhoneType = PhoneNumberType;

export interface PhoneResult {
  /** The value as entered. */
  readonly raw: string;
  readonly valid: boolean;
  /** `+14155552671`; only for valid numbers. */
  readonly e164?: string;
  /** `+1 415 555 2671` (no extension); the trimmed raw value when invalid (T2). */
  readonly international: string;
  /** `(415) 555-2671` (no extension); the trimmed raw value when invalid (T2). */
  readonly national: string;
  /** Calling code digits, e.g. `1`; only for valid numbers. */
  readonly countryCode?: string;
  /** ISO 3166-1 alpha-2 region, e.g. `US`; only for valid numbers whose region is known. */
  readonly regionCode?: string;
  /** National destination code (area code, mobile prefix), e.g. `415`, `20`, `1512`. */
  readonly areaCode?: string;
  /** Extension digits from "x123", "ext. 123", "ext 123", "extension 123", "#123". */
  readonly extension?: string;
  readonly type?: PhoneType;
  /** Why the number is invalid: NOT_A_NUMBER, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_COUNTRY, INVALID_NUMBER. */
  readonly reason?: string;
}

/** `region`: ISO alpha-2 code or country name of the record (e.g. its address country); default when absent. */
export type PhoneNormalizer = (raw: string, region?: string) => PhoneResult | undefined;

export interface PhoneNormalizerOptions {
  /** Region used when a number has no `+` prefix and the caller passes none, e.g. `US`. */
  defaultRegion: string;
  /** Distinct numbers kept parsed (bounded memory). Default 100,000; 0 disables caching. */
  cacheSize?: number;
}

const E164 = /^\+[1-9]\d{6,14}$/;
// Extension markers seen in CRM data; the digits must end the string so "#" inside a number is left alone.
const EXTENSION = /\s*[,;]?\s*(?:ext(?:ension)?\.?|x|#)\s*[:.]?\s*(\d{1,10})\s*$/i;
// Vanity numbers ("1-800-FLOWERS"): digits, letters and separators only, some digits and at least three letters.
const VANITY = /^\+?[\d\sA-Za-z().\-/]+$/;
const LETTERS = /[A-Za-z]/g;
const DIGIT = /\d/;
const LETTER_OR_HASH = /[A-Za-z#]/;
const KEYPAD: Readonly<Record<string, string>> = {
  A: '2', B: '2', C: '2', D: '3', E: '3', F: '3', G: '4', H: '4', I: '4', J: '5', K: '5', L: '5',
  M: '6', N: '6', O: '6', P: '7', Q: '7', R: '7', S: '7', T: '8', U: '8', V: '8', W: '9', X: '9', Y: '9', Z: '9',
};
// Calling codes whose mobile numbers carry a mobile token before the area code (libphonenumber's
// getCountryMobileToken); the token belongs to the national destination code.
const MOBILE_TOKEN_CODES = new Set(['54']);
const ADMISSION_WINDOW = 8_192;
// Below a 1% hit rate (hits × 100 < lookups) the cache samples instead of keeping everything.
const MIN_HIT_RATE_DIVISOR = 100;
const SAMPLED_ADMISSION = 16;

/**
 * Builds a caching phone normalizer.
 *
 * @example
 * const normalizePhone = createPhoneNormalizer({ defaultRegion: 'US' });
 * normalizePhone('(415) 555-2671 ext. 12')?.e164; // '+14155552671'
 * normalizePhone('020 7946 0958', 'GB')?.areaCode; // '20'
 */
export function createPhoneNormalizer(options: PhoneNormalizerOptions): PhoneNormalizer {
  const defaultRegion = requireRegion(options.defaultRegion);
  const cache = new LruCache<string, PhoneResult>(options.cacheSize ?? 100_000);
  // Records repeat a handful of country spellings; resolving each spelling once keeps names off the hot path.
  const regions = new LruCache<string, CountryCode>(1_000);
  const resolveRegion = (region: string): CountryCode => {
    let code = regions.get(region);
    if (code === undefined) {
      code = toRegion(region, defaultRegion);
      regions.set(region, code);
    }
    return code;
  };

  // Adaptive admission: keeping results costs memory and garbage-collector time that only repeats pay back.
  // When a window of lookups finds almost no repeats (a load of distinct numbers), only every
  // SAMPLED_ADMISSION-th result is kept — enough to notice repeats when they come back, at which point every
  // result is kept again. Measured on 100,000 distinct E.164 numbers: caching all of them cost ~25% throughput.
  let lookups = 0;
  let hits = 0;
  let misses = 0;
  let admitEvery = 1;
  const lookup = (key: string): PhoneResult | undefined => {
    const hit = cache.get(key);
    if (hit !== undefined) hits += 1;
    lookups += 1;
    if (lookups === ADMISSION_WINDOW) {
      admitEvery = hits * MIN_HIT_RATE_DIVISOR < lookups ? SAMPLED_ADMISSION : 1;
      lookups = 0;
      hits = 0;
    }
    return hit;
  };
  const remember = (key: string, result: PhoneResult): void => {
    misses += 1;
    if (misses % admitEvery === 0) cache.set(key, result);
  };

  return function normalizePhone(raw: string, region?: string): PhoneResult | undefined {
    if (E164.test(raw)) {
      const hit = lookup(raw);
      if (hit !== undefined) return hit;
      const parsed = parseE164(raw);
      remember(raw, parsed);
      return parsed;
    }
    const regionCode = region === undefined || region === '' ? defaultRegion : resolveRegion(region);
    const key = `${regionCode}\u0000${raw}`;
    const hit = lookup(key);
    if (hit !== undefined) return hit;
    const text = raw.trim();
    if (text === '') return undefined;
    const parsed = parsePhone(raw, text, regionCode);
    remember(key, parsed);
    return parsed;
  };
}

function requireRegion(region: string): CountryCode {
  const upper = region.trim().toUpperCase();
  if (!isSupportedCountry(upper)) {
    throw new ConcordError('PHONE_REGION_UNKNOWN', `"${region}" is not a region known to the phone metadata`, {
      kind: 'config',
      hint: 'use an ISO 3166-1 alpha-2 code such as US, GB or DE',
    });
  }
  return upper;
}

// A record's region comes from data (its address country, T2): a code or a country name ("Deutschland",
// "U.K."); an unknown one falls back to the default rather than throws.
function toRegion(region: string, fallback: CountryCode): CountryCode {
  const upper = region.length === 2 ? region.toUpperCase() : (normalizeCountry(region)?.code ?? '');
  return isSupportedCountry(upper) ? upper : fallback;
}

// The E.164 fast path: no extension or vanity handling, no region; still a full parse and validation.
function parseE164(raw: string): PhoneResult {
  const number = parsePhoneNumberFromString(raw);
  if (number === undefined) return invalid(raw, raw, undefined, 'NOT_A_NUMBER');
  return fromNumber(raw, raw, number, undefined, raw, undefined);
}

function parsePhone(raw: string, text: string, region: CountryCode): PhoneResult {
  let main = text;
  let extension: string | undefined;
  // Most numbers have no letters and no '#': one scan skips the extension and vanity handling for them.
  if (LETTER_OR_HASH.test(text)) {
    const ext = EXTENSION.exec(text);
    if (ext !== null && ext.index > 0) {
      extension = ext[1];
      main = text.slice(0, ext.index);
    }
    if (DIGIT.test(main) && VANITY.test(main)) {
      const letters = main.match(LETTERS);
      if (letters !== null && letters.length >= 3) main = main.replace(LETTERS, (c) => KEYPAD[c.toUpperCase()] ?? c);
    }
  }
  if (!DIGIT.test(main)) return invalid(raw, text, extension, 'NOT_A_NUMBER');
  const number = parsePhoneNumberFromString(main, region);
  const first =
    number === undefined ? invalid(raw, text, extension, validatePhoneNumberLength(main, region) ?? 'NOT_A_NUMBER') : fromNumber(raw, text, number, extension, main, region);
  // "00" is the international prefix of most of the world (ITU-T E.164 recommends it), but not of the region in
  // hand (US dials 011): "0044 20 7946 0958" entered in a US org still means +44. Tried only when the
  // region's own reading is invalid, so a number valid as written is never reinterpreted.
  if (!first.valid && IDD_00.test(main)) {
    const international = `+${main.replace(IDD_00, '')}`;
    const retried = parsePhoneNumberFromString(international);
    if (retried !== undefined) {
      const second = fromNumber(raw, text, retried, extension, international, undefined);
      if (second.valid) return second;
    }
  }
  return first;
}

const IDD_00 = /^\s*00(?=\s*[1-9])/;

function fromNumber(
  raw: string,
  text: string,
  number: PhoneNumber,
  extension: string | undefined,
  main: string,
  region: CountryCode | undefined,
): PhoneResult {
  const ext = extension ?? number.ext;
  // With types in the metadata, libphonenumber-js's isValid() is exactly "getType() is defined" (isValid.js),
  // and each call compiles and runs the type patterns again; asking for the type once halves that work. The
  // isValid() fallback keeps the answer right for a region whose metadata carries no types.
  const type = number.getType();
  if (type === undefined && !number.isValid()) {
    // Invalid numbers are rare; a second look for the reason is affordable there.
    return invalid(raw, text, ext, validatePhoneNumberLength(main, region) ?? 'INVALID_NUMBER');
  }
  // Formats carry no extension: CIM keeps it in extensionNumber.
  if (number.ext !== undefined) delete number.ext;
  const nsn = number.nationalNumber;
  let international: string;
  let national: string;
  let areaCode: string | undefined;
  if (number.countryCallingCode === '1' && nsn.length === 10) {
    // Every valid NANP number formats as NPA NXX XXXX; writing it directly skips the two libphonenumber format
    // calls, ~40% of the cost of a parse. phone.test.ts checks this against libphonenumber for every NANP region.
    const npa = nsn.slice(0, 3);
    const exchange = nsn.slice(3, 6);
    const line = nsn.slice(6);
    international = `+1 ${npa} ${exchange} ${line}`;
    national = `(${npa}) ${exchange}-${line}`;
    areaCode = npa;
  } else {
    international = number.formatInternational();
    national = number.formatNational();
    areaCode = nationalDestinationCode(international, number, type);
  }
  const result: {
    -readonly [K in keyof PhoneResult]: PhoneResult[K];
  } = {
    raw,
    valid: true,
    e164: number.number,
    international,
    national,
    countryCode: number.countryCallingCode,
  };
  if (number.country !== undefined) result.regionCode = number.country;
  if (areaCode !== undefined) result.areaCode = areaCode;
  if (ext !== undefined) result.extension = ext;
  if (type !== undefined) result.type = type;
  return Object.freeze(result);
}

/**
 * The national destination code the way libphonenumber's getLengthOfNationalDestinationCode finds it: the first
 * digit group after the calling code in the international format, when more groups follow it.
 */
function nationalDestinationCode(international: string, number: PhoneNumber, type: PhoneType | undefined): string | undefined {
  const groups = international.split(/\D+/);
  // groups[0] is the empty string before '+', groups[1] the calling code.
  if (groups.length <= 3) return undefined;
  let length = groups[2]?.length ?? 0;
  if (type === 'MOBILE' && MOBILE_TOKEN_CODES.has(number.countryCallingCode)) length += groups[3]?.length ?? 0;
  return length === 0 ? undefined : number.nationalNumber.slice(0, length);
}

function invalid(raw: string, text: string, extension: string | undefined, reason: string): PhoneResult {
  const result: { -readonly [K in keyof PhoneResult]: PhoneResult[K] } = {
    raw,
    valid: false,
    international: text,
    national: text,
    reason,
  };
  if (extension !== undefined) result.extension = extension;
  return Object.freeze(result);
}
