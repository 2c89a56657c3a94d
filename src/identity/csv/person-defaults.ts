/**
 * Default blocking rules, deterministic rules and chaining guards for people, over the feature keys the person
 * comparisons read (`first_name`, `last_name`, their `_soundex` codes, `dob`, `dob_year`, `email`, `phone`,
 * `postcode`, `identifier`). Unioned, they keep typo-ridden duplicates together: any one field may be wrong
 * and some rule still holds. Measured on FEBRL 1–4 (blocking recall, pairs per record): docs/identity.md.
 *
 * @example
 * dedupeRecords(records, { comparisons: defaultPersonComparisons(), blockingRules: PERSON_BLOCKING_RULES });
 */
import type { BlockingRule } from '../block/rules.js';
import type { IdentifierGuard } from '../cluster/chaining-guard.js';
import type { DeterministicRule } from '../score/deterministic.js';
import type { IdentityRecord } from '../types.js';

function text(record: IdentityRecord, key: string): string | undefined {
  const v = record.features[key];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

const initial = (key: string) => (r: IdentityRecord): string | undefined => text(r, key)?.[0];

/** The two names' NYSIIS codes as a set: the same for "ashleigh quilliam" and "quilliam ashleigh". */
const nameCodes = (r: IdentityRecord): string | undefined => {
  const a = text(r, 'first_name_nysiis');
  const b = text(r, 'last_name_nysiis');
  return a !== undefined && b !== undefined ? (a < b ? `${a}+${b}` : `${b}+${a}`) : undefined;
};

/** The two initials as a set, for swapped first and last names. */
const initials = (r: IdentityRecord): string | undefined => {
  const a = text(r, 'first_name')?.[0];
  const b = text(r, 'last_name')?.[0];
  return a !== undefined && b !== undefined ? (a < b ? a + b : b + a) : undefined;
};

/** The first two characters of the city: "pootsmruth" still blocks with "portsmouth". */
const cityPrefix = (r: IdentityRecord): string | undefined => {
  const city = text(r, 'city');
  return city !== undefined && city.length >= 2 ? city.slice(0, 2) : undefined;
};

/** The email local part with its punctuation removed: "r..m51", "r.m51" and "r-m51" block together. */
const mailbox = (r: IdentityRecord): string | undefined => {
  const local = text(r, 'email_local');
  if (local === undefined) return undefined;
  const bare = local.replace(/[^\p{L}\p{N}]+/gu, '');
  return bare === '' ? undefined : bare;
};

/**
 * Each rule keeps pairs that some corruption would otherwise lose: contact points for records whose names and
 * dates are wrong; last-name code + birth year + initial, first-name code + date, last name + initial for typos; the
 * unordered name codes and initials for swapped first/last names; date + postcode / initial for broken names.
 * A plain date-of-birth rule would add recall on small files (fake_1000: 0.78 → 0.83) but at a million people it
 * makes ~38 records per date, an estimated 18 M pairs, so it is left out.
 */
export const PERSON_BLOCKING_RULES: readonly BlockingRule[] = [
  { name: 'email', parts: ['email'] },
  { name: 'phone', parts: ['phone'] },
  { name: 'identifier', parts: ['identifier'] },
  { name: 'last name soundex + dob year + first initial', parts: ['last_name_soundex', 'dob_year', initial('first_name')] },
  { name: 'first name soundex + dob', parts: ['first_name_soundex', 'dob'] },
  { name: 'last name + first initial', parts: ['last_name', initial('first_name')] },
  { name: 'postcode + first initial + last initial', parts: ['postcode', initial('first_name'), initial('last_name')] },
  { name: 'name NYSIIS codes (either order)', parts: [nameCodes] },
  { name: 'email local part without punctuation', parts: [mailbox] },
  { name: 'dob + postcode', parts: ['dob', 'postcode'] },
  { name: 'dob + initials (either order)', parts: ['dob', initials] },
  { name: 'dob + first initial', parts: ['dob', initial('first_name')] },
  { name: 'dob + last initial', parts: ['dob', initial('last_name')] },
  { name: 'dob + city prefix', parts: ['dob', cityPrefix] },
];

export const PERSON_DETERMINISTIC_RULES: readonly DeterministicRule[] = [
  { name: 'same email and last name', keys: ['email', 'last_name'] },
  { name: 'same identifier and date of birth', keys: ['identifier', 'dob'] },
];

export const PERSON_GUARDS: readonly IdentifierGuard[] = [
  { key: 'email', clear: ['email', 'email_local', 'email_domain', 'email_provider'], maxRecords: 10 },
  { key: 'phone', clear: ['phone', 'phone_digits', 'phone_last7', 'phone_last9'], maxRecords: 10 },
];
