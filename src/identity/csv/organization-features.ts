/**
 * The organisation defaults of the CSV jobs: CSV attributes → `buildOrganizationMatchFeatures` input, and the
 * comparisons that read those features.
 *
 * @example
 * organizationFeatures({ company: 'The Acme Corporation', address_1: '12 Main Street' }, 'US').name; // 'acme'
 */
import { organizationMatchComparisons } from '../compare/organization.js';
import { buildOrganizationMatchFeatures } from '../normalize/organization.js';
import type { Comparison } from '../types.js';
import type { AttributeValues } from './read.js';

/**
 * The organisation name is the `company` column, else a plain `name` column (recognised as a full name).
 *
 * @example
 * organizationFeatures({ full_name: 'Acme Ltd', phone: '+44 20 7946 0958' }, 'GB').legal_form; // 'ltd'
 */
export function organizationFeatures(a: AttributeValues, region = 'US'): Record<string, unknown> {
  const street = [a.street_number, a.address_1, a.address_2].filter((s) => s !== undefined && s !== '').join(' ');
  return buildOrganizationMatchFeatures(
    {
      name: a.company ?? a.full_name, website: a.website, phone: a.phone, street: street === '' ? undefined : street,
      city: a.city, postcode: a.postcode, country: a.country, identifier: a.identifier,
    },
    { region },
  );
}

/** The comparisons scored for organisations: `organizationMatchComparisons()` of the comparators. */
export function organizationComparisons(): Comparison[] {
  return organizationMatchComparisons();
}
