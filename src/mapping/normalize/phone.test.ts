import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { createPhoneNormalizer } from './phone.js';

const normalizePhone = createPhoneNormalizer({ defaultRegion: 'US' });

describe('createPhoneNormalizer', () => {
  it.each([
    // [raw, region, e164, international, national, countryCode, regionCode, areaCode, extension, type]
    ['(415) 555-2671', undefined, '+14155552671', '+1 415 555 2671', '(415) 555-2671', '1', 'US', '415', undefined, 'FIXED_LINE_OR_MOBILE'],
    ['415.555.2671 x123', undefined, '+14155552671', '+1 415 555 2671', '(415) 555-2671', '1', 'US', '415', '123', 'FIXED_LINE_OR_MOBILE'],
    ['+1 (650) 253-0000 ext. 45', undefined, '+16502530000', '+1 650 253 0000', '(650) 253-0000', '1', 'US', '650', '45', 'FIXED_LINE_OR_MOBILE'],
    ['650-253-0000 ext 7', undefined, '+16502530000', '+1 650 253 0000', '(650) 253-0000', '1', 'US', '650', '7', 'FIXED_LINE_OR_MOBILE'],
    ['650 253 0000 #12', undefined, '+16502530000', '+1 650 253 0000', '(650) 253-0000', '1', 'US', '650', '12', 'FIXED_LINE_OR_MOBILE'],
    ['1-800-FLOWERS', undefined, '+18003569377', '+1 800 356 9377', '(800) 356-9377', '1', 'US', '800', undefined, 'TOLL_FREE'],
    ['(416) 555-0199', 'CA', '+14165550199', '+1 416 555 0199', '(416) 555-0199', '1', 'CA', '416', undefined, 'FIXED_LINE_OR_MOBILE'],
    ['020 7946 0958', 'GB', '+442079460958', '+44 20 7946 0958', '020 7946 0958', '44', 'GB', '20', undefined, 'FIXED_LINE'],
    ['07400 123456', 'gb', '+447400123456', '+44 7400 123456', '07400 123456', '44', 'GB', '7400', undefined, 'MOBILE'],
    ['030 1234567', 'DE', '+49301234567', '+49 30 1234567', '030 1234567', '49', 'DE', '30', undefined, 'FIXED_LINE'],
    ['+49 (0)151 23456789', undefined, '+4915123456789', '+49 1512 3456789', '01512 3456789', '49', 'DE', '1512', undefined, 'MOBILE'],
    ['01 42 68 53 00', 'FR', '+33142685300', '+33 1 42 68 53 00', '01 42 68 53 00', '33', 'FR', '1', undefined, 'FIXED_LINE'],
    ['+33 6 12 34 56 78', undefined, '+33612345678', '+33 6 12 34 56 78', '06 12 34 56 78', '33', 'FR', '6', undefined, 'MOBILE'],
    ['(02) 9374 4000', 'AU', '+61293744000', '+61 2 9374 4000', '(02) 9374 4000', '61', 'AU', '2', undefined, 'FIXED_LINE'],
    ['0412 345 678', 'AU', '+61412345678', '+61 412 345 678', '0412 345 678', '61', 'AU', '412', undefined, 'MOBILE'],
    ['+54 9 11 2345-6789', undefined, '+5491123456789', '+54 9 11 2345 6789', '011 15-2345-6789', '54', 'AR', '911', undefined, 'MOBILE'],
    ['+14155552671', 'DE', '+14155552671', '+1 415 555 2671', '(415) 555-2671', '1', 'US', '415', undefined, 'FIXED_LINE_OR_MOBILE'],
  ] as const)('%s (%s)', (raw, region, e164, international, national, countryCode, regionCode, areaCode, extension, type) => {
    const result = normalizePhone(raw, region);
    expect(result).toEqual({
      raw,
      valid: true,
      e164,
      international,
      national,
      countryCode,
      regionCode,
      ...(areaCode === undefined ? {} : { areaCode }),
      ...(extension === undefined ? {} : { extension }),
      type,
    });
  });

  it.each([
    ['911', undefined, 'TOO_SHORT'],
    ['12345', undefined, 'TOO_SHORT'],
    ['call me', undefined, 'NOT_A_NUMBER'],
    ['+1 415 555 26710000', undefined, 'TOO_LONG'],
    ['+999 1234567', undefined, 'INVALID_COUNTRY'],
    ['(100) 555-2671', undefined, 'INVALID_NUMBER'],
    ['+12345', undefined, 'TOO_SHORT'],
    // Ofcom reserves 07700 900xxx for drama: well-formed, not a real number.
    ['07700 900123', 'GB', 'INVALID_NUMBER'],
  ] as const)('keeps invalid %s raw in both formats with reason %s', (raw, region, reason) => {
    const result = normalizePhone(raw, region);
    expect(result).toMatchObject({ raw, valid: false, international: raw.trim(), national: raw.trim(), reason });
    expect(result?.e164).toBeUndefined();
  });

  it('keeps the extension of an invalid number', () => {
    expect(normalizePhone('555-0100 x42')).toMatchObject({ valid: false, extension: '42' });
  });

  it.each(['', '   ', '\t\n'])('returns undefined for blank %j', (raw) => {
    expect(normalizePhone(raw)).toBeUndefined();
  });

  it('uses the region argument over the default, and falls back for an unknown region', () => {
    expect(normalizePhone('020 7946 0958', 'GB')?.e164).toBe('+442079460958');
    expect(normalizePhone('020 7946 0958')?.valid).toBe(false);
    expect(normalizePhone('(415) 555-2671', 'Atlantis')?.e164).toBe('+14155552671');
    expect(normalizePhone('030 1234567', 'Deutschland')?.e164).toBe('+49301234567');
    expect(normalizePhone('020 7946 0958', 'U.K.')?.e164).toBe('+442079460958');
  });

  it('rejects an unknown default region at construction', () => {
    expect(() => createPhoneNormalizer({ defaultRegion: 'XX' })).toThrow(/not a region/);
  });

  it('caches: the same input returns the same frozen object, also for E.164 across regions', () => {
    const normalize = createPhoneNormalizer({ defaultRegion: 'US' });
    const first = normalize('(415) 555-2671');
    expect(normalize('(415) 555-2671')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(normalize('+442079460958', 'US')).toBe(normalize('+442079460958', 'FR'));
    // The cache key includes the region: the same digits mean different numbers.
    expect(normalize('0412 345 678', 'AU')?.e164).toBe('+61412345678');
    expect(normalize('0412 345 678', 'US')?.valid).toBe(false);
  });

  it('still validates E.164 input on the fast path', () => {
    expect(normalizePhone('+11005550100')).toMatchObject({ valid: false, reason: 'INVALID_NUMBER' });
    expect(normalizePhone('+999123456789')).toMatchObject({ valid: false });
  });

  it('evicts beyond its bound and still answers correctly', () => {
    const normalize = createPhoneNormalizer({ defaultRegion: 'US', cacheSize: 2 });
    const a = normalize('(415) 555-2671');
    normalize('(650) 253-0000');
    normalize('(212) 555-0188');
    const again = normalize('(415) 555-2671');
    expect(again).not.toBe(a);
    expect(again).toEqual(a);
  });

  it('stays correct while distinct numbers stream through, and caches again once numbers repeat', () => {
    const normalize = createPhoneNormalizer({ defaultRegion: 'US' });
    const fresh = createPhoneNormalizer({ defaultRegion: 'US', cacheSize: 0 });
    for (let i = 0; i < 10_000; i += 1) {
      const raw = `+1212${String(2_000_000 + i)}`;
      expect(normalize(raw)).toEqual(fresh(raw));
    }
    const repeated = Array.from({ length: 20 }, (_, i) => `(415) 555-${String(1000 + i)}`);
    for (let round = 0; round < 1_000; round += 1) for (const raw of repeated) normalize(raw);
    for (const raw of repeated) {
      expect(normalize(raw)).toBe(normalize(raw));
      expect(normalize(raw)).toEqual(fresh(raw));
    }
  });

  it('agrees with libphonenumber on E.164 and validity for generated national numbers', () => {
    const regions = ['US', 'GB', 'DE', 'FR', 'AU', 'CA', 'IN', 'BR', 'JP'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...regions), fc.stringMatching(/^0?[1-9]\d{6,10}$/), (region, digits) => {
        const expected = parsePhoneNumberFromString(digits, region);
        const result = normalizePhone(digits, region);
        const valid = expected?.isValid() === true;
        expect(result?.valid).toBe(valid);
        if (valid) expect(result?.e164).toBe(expected?.number);
      }),
      { numRuns: 500 },
    );
  });

  it('formats NANP numbers exactly as libphonenumber does, in every NANP region', () => {
    const nanp = getCountries().filter((region) => getCountryCallingCode(region) === '1');
    expect(nanp.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.constantFrom(...nanp), fc.stringMatching(/^[2-9]\d{2}[2-9]\d{6}$/), (region, digits) => {
        const expected = parsePhoneNumberFromString(digits, region);
        fc.pre(expected?.isValid() === true);
        const result = normalizePhone(`+1${digits}`);
        expect(result?.international).toBe(expected?.formatInternational());
        expect(result?.national).toBe(expected?.formatNational());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('numbers dialled with the 00 international prefix', () => {
  const normalize = createPhoneNormalizer({ defaultRegion: 'US' });
  it.each([
    ['0044 20 7946 0958', '+442079460958', 'GB'],
    ['0049 30 901820', '+4930901820', 'DE'],
    ['0033 1 42 68 53 00', '+33142685300', 'FR'],
  ])('%s from a US default region is %s', (raw, e164, region) => {
    expect(normalize(raw)).toMatchObject({ valid: true, e164, regionCode: region });
  });

  it('leaves numbers valid as written alone, and still rejects junk after 00', () => {
    expect(createPhoneNormalizer({ defaultRegion: 'DE' })('00 44 20 7946 0958')).toMatchObject({ valid: true, e164: '+442079460958' });
    expect(normalize('0099 1')).toMatchObject({ valid: false });
  });
});
