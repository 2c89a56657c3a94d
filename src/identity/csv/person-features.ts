/**
 * The person defaults of the CSV jobs: CSV attributes → `buildPersonFeatures` input, and the comparisons that
 * read those features.
 *
 * @example
 * personFeatures({ first_name: 'Jon', last_name: 'Smith', dob: '19710624' }, 'AU').last_name_soundex; // 'S530'
 */
import { defaultPersonComparisons } from '../compare/comparisons.js';
import { buildPersonFeatures, type PersonAttributes } from '../normalize/features.js';
import type { Comparison } from '../types.js';
import type { AttributeValues } from './read.js';

/**
 * @example
 * personFeatures({ email: 'A@B.com' }, 'US').email; // 'a@b.com'
 */
export function personFeatures(a: AttributeValues, region = 'US'): Record<string, unknown> {
  // Street lines 1 and 2 are one address for comparison (FEBRL puts the estate or building name in line 2).
  const street = [a.address_1, a.address_2].filter((s) => s !== undefined && s !== '').join(' ');
  const attrs: PersonAttributes = {
    firstName: a.first_name, middleName: a.middle_name, lastName: a.last_name, fullName: a.full_name, dob: a.dob,
    email: a.email, phone: a.phone, street: street === '' ? undefined : street, streetNumber: a.street_number,
    city: a.city, postcode: a.postcode, state: a.state, country: a.country, identifier: a.identifier,
  };
  return buildPersonFeatures(attrs, { region });
}

/** The comparisons scored for people: `defaultPersonComparisons()` of the comparators. */
export function personComparisons(): Comparison[] {
  return defaultPersonComparisons();
}
