import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getCountries } from 'libphonenumber-js/max';
import {
  COUNTRIES,
  joinStreet,
  normalizeCountry,
  normalizePostalCode,
  normalizeState,
  splitStreet,
} from './address.js';

describe('splitStreet / joinStreet (T1)', () => {
  it.each([
    ['1 Main St', ['1 Main St']],
    ['1 Main St\r\nSuite 5', ['1 Main St', 'Suite 5']],
    ['1 Main St\rSuite 5', ['1 Main St', 'Suite 5']],
    ['  1 Main St \n\n\t\n  Suite 5  \r\n', ['1 Main St', 'Suite 5']],
    ['Flat 2\nHigh House\n10 High St\nWestminster', ['Flat 2', 'High House', '10 High St', 'Westminster']],
    ['a\nb\nc\nd\ne\r\nf', ['a', 'b', 'c', 'd, e, f']],
    ['', []],
    [' \r\n ', []],
  ])('splits %j', (street, lines) => {
    expect(splitStreet(street)).toEqual(lines);
  });

  it.each([
    [['1 Main St', 'Suite 5'], '1 Main St\nSuite 5'],
    [['1 Main St', undefined, '', '  ', 'Suite 5'], '1 Main St\nSuite 5'],
    [[], ''],
  ])('joins %j', (lines, street) => {
    expect(joinStreet(lines)).toBe(street);
  });

  it('round-trips up to four non-blank trimmed lines', () => {
    const line = fc
      .string({ unit: fc.constantFrom('a', 'B', '1', ' ', '-', '#', 'é', '.', ',') , minLength: 1, maxLength: 20 })
      .map((text) => text.trim())
      .filter((text) => text !== '');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 4 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        expect(splitStreet(lines.join(eol))).toEqual(lines);
        expect(joinStreet(splitStreet(joinStreet(lines)))).toBe(joinStreet(lines));
      }),
    );
  });
});

describe('normalizeCountry', () => {
  it('knows all 249 ISO 3166-1 countries with unique codes', () => {
    expect(COUNTRIES).toHaveLength(249);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(249);
    expect(new Set(COUNTRIES.map((c) => c.alpha3)).size).toBe(249);
    for (const country of COUNTRIES) {
      expect(country.code).toMatch(/^[A-Z]{2}$/);
      expect(country.alpha3).toMatch(/^[A-Z]{3}$/);
      expect(normalizeCountry(country.code)).toBe(country);
      expect(normalizeCountry(country.alpha3.toLowerCase())).toBe(country);
      expect(normalizeCountry(country.name.toUpperCase())).toBe(country);
    }
  });

  it('covers every region libphonenumber knows, except non-ISO ones', () => {
    // AC (Ascension), TA (Tristan da Cunha) and XK (Kosovo) are not ISO 3166-1 assignments.
    const missing = getCountries().filter((region) => normalizeCountry(region)?.code !== region);
    expect(missing.sort()).toEqual(['AC', 'TA', 'XK']);
  });

  it.each([
    ['US', 'US'], ['usa', 'US'], ['U.S.A.', 'US'], ['U.S.', 'US'], ['United States', 'US'],
    ['United States of America', 'US'], ['  united   states  ', 'US'], ['America', 'US'],
    ['UK', 'GB'], ['U.K.', 'GB'], ['GB', 'GB'], ['GBR', 'GB'], ['Great Britain', 'GB'], ['England', 'GB'],
    ['Scotland', 'GB'], ['United Kingdom', 'GB'],
    ['Deutschland', 'DE'], ['Germany', 'DE'], ['DEU', 'DE'], ['de', 'DE'],
    ['France', 'FR'], ['Australia', 'AU'], ['Österreich', 'AT'], ['Osterreich', 'AT'], ['Schweiz', 'CH'],
    ['Côte d’Ivoire', 'CI'], ["Cote d'Ivoire", 'CI'], ['Ivory Coast', 'CI'], ['CURACAO', 'CW'], ['Réunion', 'RE'],
    ['The Netherlands', 'NL'], ['Holland', 'NL'], ['Korea, Republic of', 'KR'], ['South Korea', 'KR'],
    ['North Korea', 'KP'], ['Czech Republic', 'CZ'], ['Turkey', 'TR'], ['Türkiye', 'TR'], ['Viet Nam', 'VN'],
    ['Russia', 'RU'], ['St. Lucia', 'LC'], ['Saint Kitts & Nevis', 'KN'], ['Bosnia & Herzegovina', 'BA'],
    ['Congo', 'CG'], ['DRC', 'CD'], ['Democratic Republic of the Congo', 'CD'], ['Swaziland', 'SZ'],
    ['Burma', 'MM'], ['Macau', 'MO'], ['Hong Kong', 'HK'], ['Taiwan', 'TW'], ['UAE', 'AE'], ['España', 'ES'],
  ])('%j → %s', (input, code) => {
    expect(normalizeCountry(input)?.code).toBe(code);
  });

  it('returns the ISO codes and name', () => {
    expect(normalizeCountry('u.s.a.')).toEqual({ code: 'US', alpha3: 'USA', name: 'United States' });
    expect(normalizeCountry('deutschland')).toEqual({ code: 'DE', alpha3: 'DEU', name: 'Germany' });
  });

  it.each(['', 'Atlantis', 'XX', 'ZZZ', 'Europe', 'U'])('does not know %j', (input) => {
    expect(normalizeCountry(input)).toBeUndefined();
  });
});

describe('normalizeState', () => {
  it.each([
    ['US', 'CA', 'CA', 'California'],
    ['USA', 'california', 'CA', 'California'],
    ['United States', 'Calif.', 'CA', 'California'],
    ['US', 'US-NY', 'NY', 'New York'],
    ['US', 'new york', 'NY', 'New York'],
    ['US', 'Washington, D.C.', 'DC', 'District of Columbia'],
    ['US', 'Puerto Rico', 'PR', 'Puerto Rico'],
    ['Canada', 'Québec', 'QC', 'Quebec'],
    ['CA', 'quebec', 'QC', 'Quebec'],
    ['CAN', 'PQ', 'QC', 'Quebec'],
    ['CA', 'on', 'ON', 'Ontario'],
    ['CA', 'Newfoundland', 'NL', 'Newfoundland and Labrador'],
    ['CA', 'CA-BC', 'BC', 'British Columbia'],
    ['AU', 'nsw', 'NSW', 'New South Wales'],
    ['Australia', 'Victoria', 'VIC', 'Victoria'],
  ])('%s %j → %s', (country, input, code, name) => {
    expect(normalizeState(country, input)).toEqual({ code, name });
  });

  it.each([
    ['US', 'Ontario'],
    ['US', 'ZZ'],
    ['CA', 'CA'],
    ['DE', 'BY'],
    ['Atlantis', 'CA'],
  ])('%s %j → undefined', (country, input) => {
    expect(normalizeState(country, input)).toBeUndefined();
  });
});

describe('normalizePostalCode', () => {
  it.each([
    ['US', ' 94105 ', '94105'],
    ['US', '94105-1234', '94105-1234'],
    ['US', '941051234', '94105-1234'],
    ['USA', '94105 1234', '94105-1234'],
    ['US', '9410', '9410'],
    ['GB', 'sw1a1aa', 'SW1A 1AA'],
    ['UK', 'ec1a 1bb', 'EC1A 1BB'],
    ['GB', ' m1  1ae ', 'M1 1AE'],
    ['GB', 'not a code', 'NOT A CODE'],
    ['CA', 'k1a0b1', 'K1A 0B1'],
    ['Canada', 'K1A-0B1', 'K1A 0B1'],
    ['DE', ' 10115 ', '10115'],
    ['NL', '1234 ab', '1234 AB'],
    ['', 'abc  12', 'ABC 12'],
  ])('%s %j → %j', (country, raw, expected) => {
    expect(normalizePostalCode(country, raw)).toBe(expected);
  });

  it('returns undefined for blank input', () => {
    expect(normalizePostalCode('US', '  ')).toBeUndefined();
  });
});
