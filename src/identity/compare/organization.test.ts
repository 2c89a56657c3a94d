import { describe, expect, it } from 'vitest';
import { buildOrganizationMatchFeatures } from '../normalize/organization.js';
import type { OrganizationAttributes } from '../normalize/features.js';
import { NULL_LEVEL, type IdentityRecord } from '../types.js';
import { organizationMatchComparisons, organizationNameComparison, siteAddressComparison } from './organization.js';
import { tokenContainment } from './strings.js';

const rec = (id: string, attrs: OrganizationAttributes): IdentityRecord => ({ id, features: buildOrganizationMatchFeatures(attrs, { region: 'US' }) });

describe('organizationNameComparison', () => {
  const c = organizationNameComparison();
  it.each([
    ['Acme Inc', 'ACME, Inc.', 'exact'],
    ['Acme Inc', 'Acme LLC', 'exact apart from legal form'],
    ['Christopher House Uptown', 'Christopher House Uptwn', 'jaro_winkler >= 0.92'],
    ['Erie Neighborhood House Family Center', 'Family Center Erie Neighborhood House', 'token set >= 0.6'],
    [' Hay', 'CHICAGO PUBLIC SCHOOLS HAY COMM. ACADEMY, JOHN', 'shorter name within the longer'],
    ['YMCA South Side', 'YMCA of Metropolitan Chicago - South Side YMCA', 'shorter name within the longer'],
    ['Gads Hill Center', 'Gads Hill Child Care Center Sinai', 'shorter name within the longer'],
    ['Chicago Youth Centers Roseland', 'CYC Roseland Head Start Chicago', 'half the shorter name shared or jaro_winkler >= 0.8'],
    ['Carole Robertson Center', 'Marcy Newberry Association', 'else'],
  ])('%s ↔ %s: %s', (a, b, level) => {
    expect(c.levels[c.compare(rec('a', { name: a }), rec('b', { name: b }))]).toBe(level);
  });

  it('is NULL when a name is missing or a placeholder', () => {
    expect(c.compare(rec('a', { name: 'Acme' }), rec('b', {}))).toBe(NULL_LEVEL);
    expect(c.compare(rec('a', { name: 'Acme' }), rec('b', { name: 'n/a' }))).toBe(NULL_LEVEL);
    expect(c.compare({ id: 'a', features: { name: 'unknown' } }, { id: 'b', features: { name: 'unknown' } })).toBe(NULL_LEVEL);
  });
});

describe('siteAddressComparison', () => {
  const c = siteAddressComparison();
  it.each([
    ['1018 N. Laramie', '1018 N LARAMIE', 'exact'],
    ['1900 W Van Buren St', '1900 W. VanBuren', 'same number, same street name'],
    ['6330 S Stony Island Ave', '6330 S. Stony Island', 'same number, same street name'],
    ['4300 W Laramie Ave', '4300 W Laramy Ave', 'same number, street name jaro_winkler >= 0.85'],
    ['1900 W Van Buren St', '1900 W Polk St', 'same number, other street'],
    // No number on either side: the words decide.
    ['Stony Island Ave', 'Island Stony Avenue', 'token set >= 0.8'],
    ['461 E 111th St', '4301 W Washington Blvd', 'else'],
  ])('%s ↔ %s: %s', (a, b, level) => {
    expect(c.levels[c.compare(rec('a', { street: a }), rec('b', { street: b }))]).toBe(level);
  });

  it('is NULL without a street', () => {
    expect(c.compare(rec('a', { street: '1 Main St' }), rec('b', { name: 'x' }))).toBe(NULL_LEVEL);
  });
});

describe('tokenContainment', () => {
  it.each([
    [['a', 'b'], ['a', 'b', 'c'], 1],
    [['a', 'x'], ['a', 'b', 'c'], 0.5],
    [[], ['a'], 0],
  ])('%o in %o = %d', (a, b, expected) => {
    expect(tokenContainment(a, b)).toBe(expected);
  });
});

it('organizationMatchComparisons names every comparison once', () => {
  const names = organizationMatchComparisons().map((c) => c.name);
  expect(names).toEqual(['name', 'website', 'phone', 'address', 'city', 'postcode', 'identifier']);
});
