import { describe, expect, it } from 'vitest';
import { buildOrganizationMatchFeatures, siteAddress } from './organization.js';
import { normalizeStreet } from './street.js';

describe('siteAddress', () => {
  it.each([
    ['1900 W Van Buren St', { number: '1900', name: 'vanburen' }],
    ['1900 W. VanBuren', { number: '1900', name: 'vanburen' }],
    ['1900 West Van Buren Street 1608', { number: '1900', name: 'vanburen' }],
    ['6330 S. Stony Island Avenue', { number: '6330', name: 'stonyisland' }],
    // No street type: the line may run on into the town, so only the first word is the street.
    ['6330 S Stony Island', { number: '6330', name: 'stony' }],
    ['27 Washington Oak Park IL 60302', { number: '27', name: 'washington' }],
    ['12b High Street, Suite 4', { number: '12b', name: 'high' }],
    ['Main Street', { number: undefined, name: 'main' }],
    ['PO Box 12', { number: undefined, name: undefined }],
  ])('%s', (line, expected) => {
    expect(siteAddress(normalizeStreet(line))).toEqual(expected);
  });

  it('has nothing for no street', () => {
    expect(siteAddress(undefined)).toEqual({ number: undefined, name: undefined });
  });
});

describe('buildOrganizationMatchFeatures', () => {
  it.each([
    [{ name: 'YMCA South Side', street: '6330 S. Stony Island Ave', postcode: '60637' }, { site: '6330 stonyisland', site_prefix: '6330 sto', postcode: '60637' }],
    // A ZIP at the end of a one-line address stands in for the missing postcode (US only).
    [{ name: 'Chicago Commons', street: '27 Washington Oak Park IL 60302' }, { site: '27 washington', postcode: '60302' }],
    [{ name: 'Chicago Commons', street: '27 Washington Oak Park IL 60302-1234', postcode: '60301' }, { postcode: '60301' }],
    [{ name: 'Acme', street: 'Hauptstraße 5' }, { street_number: undefined, site: undefined }],
  ])('%o', (attrs, expected) => {
    expect(buildOrganizationMatchFeatures(attrs, { region: 'US' })).toMatchObject(expected);
  });

  it('does not read a ZIP outside the US', () => {
    expect(buildOrganizationMatchFeatures({ name: 'Acme', street: '1 Rue de la Paix 75002' }, { region: 'FR' }).postcode).toBeUndefined();
  });

  it('keeps the organisation features (legal form, website host, phone digits)', () => {
    const f = buildOrganizationMatchFeatures({ name: 'The Acme Corporation', website: 'https://www.acme.com/about', phone: '(312) 521-1600' }, { region: 'US' });
    expect(f).toMatchObject({ name: 'acme', legal_form: 'corp', website: 'acme.com', phone: '+13125211600', phone_last7: '5211600' });
  });
});
