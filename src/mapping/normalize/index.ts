/**
 * Normalizers for the mapping engine: pure functions from raw vendor values to the canonical forms CIM expects
 * (crosswalk §0: T1 streets, T2 phones, T3 emails, T4 value tables, T9 rounding, T11 time, T12 names).
 *
 * @example
 * import { createPhoneNormalizer, normalizeEmail, splitStreet } from './normalize/index.js';
 */
export { normalizeEmail, type EmailResult } from './email.js';
export {
  createPhoneNormalizer,
  type PhoneNormalizer,
  type PhoneNormalizerOptions,
  type PhoneResult,
  type PhoneType,
} from './phone.js';
export {
  splitStreet,
  joinStreet,
  normalizeCountry,
  normalizeState,
  normalizePostalCode,
  COUNTRIES,
  type Country,
  type Subdivision,
} from './address.js';
export { composePersonName, normalizeNameForMatch, splitFullName, type PersonNameParts, type SplitName } from './name.js';
export { parseDate, parseDateTime, formatInstant, isValidDate, type DateTimeOptions } from './date.js';
export {
  parseBoolean,
  parseNumber,
  roundHalfEven,
  createValueTable,
  type ParsedNumber,
  type ValueTable,
} from './values.js';
export { lookupKey } from './match-key.js';
export { LruCache } from './lru-cache.js';
