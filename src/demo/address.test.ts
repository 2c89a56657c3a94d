import { describe, expect, it } from 'vitest';
import type { AddressStyle, PostalAddress } from './address.js';
import { CANONICAL_STYLE, formatAddress, makeAddress } from './address.js';
import { Rng } from './prng.js';
import { CITIES } from './vocabulary.js';

const sf = CITIES['US']?.[0];
if (!sf) throw new Error('vocabulary has no US cities');
const base: PostalAddress = {
  country: 'US', houseNumber: '1820', streetName: 'Market', streetType: 0, unit: { kind: 'Apt', value: '4B' },
  building: undefined, city: sf, postalCode: '94107', plus4: '1234',
};

describe('formatAddress', () => {
  it.each<[Partial<AddressStyle>, string[], string]>([
    [{}, ['1820 Market Street', 'Apt 4B'], 'CA'],
    [{ streetType: 'short', unit: 'hash', unitLine: 'same' }, ['1820 Market St #4B'], 'CA'],
    [{ streetType: 'short-dot', unit: 'abbrev-dot', unitLine: 'same', state: 'full' }, ['1820 Market St., Apt. 4B'], 'California'],
    [{ unit: 'long' }, ['1820 Market Street', 'Apartment 4B'], 'CA'],
  ])('writes %j', (style, lines, state) => {
    const out = formatAddress(base, { ...CANONICAL_STYLE, ...style });
    expect(out.lines).toEqual(lines);
    expect(out.state).toBe(state);
  });

  it('adds ZIP+4, country spellings and upper case on request', () => {
    const out = formatAddress(base, { ...CANONICAL_STYLE, zipPlus4: true, country: 1, upper: true });
    expect(out).toMatchObject({ postalCode: '94107-1234', country: 'USA', city: 'SAN FRANCISCO' });
  });

  it.each([['long', 'straße'], ['short', 'str.'], ['short-dot', 'strasse']] as const)('writes German streets with %s type', (streetType, suffix) => {
    const berlin = CITIES['DE']?.[0];
    if (!berlin) throw new Error('vocabulary has no DE cities');
    const de: PostalAddress = { ...base, country: 'DE', houseNumber: '12', streetName: 'Haupt', streetType: -1, unit: undefined, city: berlin, postalCode: '10115' };
    expect(formatAddress(de, { ...CANONICAL_STYLE, streetType }).lines).toEqual([`Haupt${suffix} 12`]);
  });

  it('makes postal codes in the city pattern', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 50; i++) {
      expect(makeAddress('US', rng).postalCode).toMatch(/^\d{5}$/);
      expect(makeAddress('GB', rng).postalCode).toMatch(/^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/);
      expect(makeAddress('CA', rng).postalCode).toMatch(/^[A-Z]\d[A-Z] \d[A-Z]\d$/);
    }
  });
});
