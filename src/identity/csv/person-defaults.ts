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

const initial = (key: string) => (r: IdentityRecord): string | undefined => {
  const v = r.features[key];
  return typeof v === 'string' && v.length > 0 ? v[0] : undefined;
};

export const PERSON_BLOCKING_RULES: readonly BlockingRule[] = [
  { name: 'email', parts: ['email'] },
  { name: 'phone', parts: ['phone'] },
  { name: 'identifier', parts: ['identifier'] },
  { name: 'last name soundex + dob year', parts: ['last_name_soundex', 'dob_year'] },
  { name: 'first name soundex + dob', parts: ['first_name_soundex', 'dob'] },
  { name: 'last name + first initial', parts: ['last_name', initial('first_name')] },
  { name: 'postcode + first initial + last initial', parts: ['postcode', initial('first_name'), initial('last_name')] },
];

export const PERSON_DETERMINISTIC_RULES: readonly DeterministicRule[] = [
  { name: 'same email and last name', keys: ['email', 'last_name'] },
  { name: 'same identifier and date of birth', keys: ['identifier', 'dob'] },
];

export const PERSON_GUARDS: readonly IdentifierGuard[] = [
  { key: 'email', clear: ['email', 'email_local', 'email_domain'], maxRecords: 10 },
  { key: 'phone', clear: ['phone', 'phone_digits', 'phone_last7'], maxRecords: 10 },
];
