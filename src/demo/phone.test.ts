import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { Rng } from './prng.js';
import type { CountryCode, PhoneNumber, PhoneStyle } from './phone.js';
import { e164, formatPhone, makePhone, transposeDigits } from './phone.js';

const US: PhoneNumber = { country: 'US', cc: '1', trunk: '', groups: ['415', '555', '0100'], mobile: false };
const GB: PhoneNumber = { country: 'GB', cc: '44', trunk: '0', groups: ['20', '7946', '0018'], mobile: false };

describe('formatPhone', () => {
  it.each<[PhoneNumber, PhoneStyle, string]>([
    [US, 'intl', '+1 415 555 0100'],
    [US, 'nanp-parens', '(415) 555-0100'],
    [US, 'nanp-dots', '415.555.0100'],
    [US, 'nanp-1-dashes', '1-415-555-0100'],
    [US, 'e164', '+14155550100'],
    [GB, 'intl-00', '0044 20 7946 0018'],
    [GB, 'intl-trunk', '+44 (0)20 7946 0018'],
    [GB, 'national', '020 7946 0018'],
  ])('%j as %s', (p, style, expected) => {
    expect(formatPhone(p, style)).toBe(expected);
  });

  const styles: PhoneStyle[] = ['e164', 'intl', 'intl-00', 'intl-trunk', 'national', 'nanp-parens', 'nanp-dots', 'nanp-dashes', 'nanp-1-dashes', 'digits', 'de-slash'];
  const places: Array<[CountryCode, string]> = [['US', '415'], ['CA', '604'], ['GB', '20'], ['GB', '161'], ['DE', '30'], ['FR', '1'], ['AU', '2']];

  it.each(places)('every style of a %s number parses back to the same E.164 number', (country, area) => {
    const rng = new Rng(country.length + area.length);
    for (const mobile of [false, true]) {
      const p = makePhone(country, area, mobile, rng);
      for (const style of styles) {
        // '00' is the international prefix in Europe, so an 00-number is read as a European would dial it.
        const region = style === 'intl-00' ? 'DE' : country;
        expect(parsePhoneNumberFromString(formatPhone(p, style), region)?.number, `${style}: ${formatPhone(p, style)}`).toBe(e164(p));
      }
    }
  });
});

describe('transposeDigits', () => {
  it('swaps two adjacent digits of the subscriber part', () => {
    const out = transposeDigits({ ...US, groups: ['415', '555', '0123'] }, new Rng(2));
    expect(out.groups.slice(0, 2)).toEqual(['415', '555']);
    expect(out.groups[2]).not.toBe('0123');
    expect([...(out.groups[2] ?? '')].sort().join('')).toBe('0123');
  });

  it('returns the same number when no swap would change it', () => {
    const same = { ...US, groups: ['415', '555', '1111'] };
    expect(transposeDigits(same, new Rng(2))).toBe(same);
  });
});
