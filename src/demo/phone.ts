/**
 * Phone numbers as digits in national groups, and the many ways people write them. Numbers use fictional
 * ranges where a country has one (US/CA 555 exchanges, UK 07700 900 mobiles).
 *
 * @example
 * const p = makePhone('US', '415', false, rng);     // { country: 'US', cc: '1', groups: ['415', '555', '0142'] … }
 * formatPhone(p, 'nanp-parens');                    // '(415) 555-0142'
 * formatPhone(p, 'intl');                           // '+1 415 555 0142'
 */
import type { Rng } from './prng.js';

export type CountryCode = 'US' | 'CA' | 'GB' | 'DE' | 'FR' | 'AU';

/** A phone number as digits in groups (the truth), formatted differently by each record. */
export interface PhoneNumber {
  country: CountryCode;
  /** Country calling code without '+'. */
  cc: string;
  /** National trunk prefix dialled before the area code at home ('0' in Europe and Australia, '' in NANP). */
  trunk: string;
  /** National significant number in the groups it is usually written in. */
  groups: readonly string[];
  mobile: boolean;
}

export type PhoneStyle =
  | 'e164'
  | 'intl'
  | 'intl-00'
  | 'intl-trunk'
  | 'national'
  | 'nanp-parens'
  | 'nanp-dots'
  | 'nanp-dashes'
  | 'nanp-1-dashes'
  | 'digits'
  | 'de-slash';

const CALLING_CODES: Readonly<Record<CountryCode, string>> = { US: '1', CA: '1', GB: '44', DE: '49', FR: '33', AU: '61' };

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

/**
 * A plausible number for a country: a landline in the given area, or a mobile.
 *
 * @example
 * makePhone('DE', '30', true, rng).groups; // ['151', '23456789']
 */
export function makePhone(country: CountryCode, area: string, mobile: boolean, rng: Rng): PhoneNumber {
  const cc = CALLING_CODES[country];
  switch (country) {
    case 'US':
    case 'CA':
      return { country, cc, trunk: '', groups: [area, '555', digits(rng, 4)], mobile };
    case 'GB':
      if (mobile) return { country, cc, trunk: '0', groups: ['7700', `9${digits(rng, 5)}`], mobile };
      return area.length === 2
        ? { country, cc, trunk: '0', groups: [area, `79${digits(rng, 2)}`, digits(rng, 4)], mobile }
        : { country, cc, trunk: '0', groups: [area, `49${digits(rng, 1)}`, digits(rng, 4)], mobile };
    case 'DE':
      if (mobile) return { country, cc, trunk: '0', groups: [rng.pick(['151', '160', '170', '176']), digits(rng, 8)], mobile };
      return { country, cc, trunk: '0', groups: [area, `${rng.int(2, 9)}${digits(rng, 6)}`], mobile };
    case 'FR':
      return { country, cc, trunk: '0', groups: [mobile ? rng.pick(['6', '7']) : area, digits(rng, 2), digits(rng, 2), digits(rng, 2), digits(rng, 2)], mobile };
    case 'AU':
      if (mobile) return { country, cc, trunk: '0', groups: [`4${digits(rng, 2)}`, digits(rng, 3), digits(rng, 3)], mobile };
      return { country, cc, trunk: '0', groups: [area, digits(rng, 4), digits(rng, 4)], mobile };
  }
}

/** All digits of the national significant number. */
export function nationalDigits(p: PhoneNumber): string {
  return p.groups.join('');
}

/** The E.164 form, the truth a matcher should recover. */
export function e164(p: PhoneNumber): string {
  return `+${p.cc}${nationalDigits(p)}`;
}

/**
 * Writes a number in one style. NANP styles on non-NANP numbers fall back to the national form.
 *
 * @example
 * formatPhone(gbNumber, 'intl-00');    // '0044 20 7946 0018'
 * formatPhone(gbNumber, 'intl-trunk'); // '+44 (0)20 7946 0018'
 */
export function formatPhone(p: PhoneNumber, style: PhoneStyle): string {
  const nsn = nationalDigits(p);
  const nanp = p.cc === '1';
  const [a = '', b = '', c = ''] = p.groups;
  switch (style) {
    case 'e164':
      return `+${p.cc}${nsn}`;
    case 'intl':
      return `+${p.cc} ${p.groups.join(' ')}`;
    case 'intl-00':
      return `00${p.cc} ${p.groups.join(' ')}`;
    case 'intl-trunk':
      return nanp ? `+1 (${a}) ${b}-${c}` : `+${p.cc} (${p.trunk})${p.groups.join(' ')}`;
    case 'digits':
      return nanp ? nsn : `${p.trunk}${nsn}`;
    case 'de-slash':
      return nanp ? `${a}/${b}-${c}` : `${p.trunk}${a}/${p.groups.slice(1).join('')}`;
    case 'nanp-parens':
      return nanp ? `(${a}) ${b}-${c}` : `(${p.trunk}${a}) ${p.groups.slice(1).join(' ')}`;
    case 'nanp-dots':
      return nanp ? `${a}.${b}.${c}` : `${p.trunk}${p.groups.join('.')}`;
    case 'nanp-dashes':
      return nanp ? `${a}-${b}-${c}` : `${p.trunk}${p.groups.join('-')}`;
    case 'nanp-1-dashes':
      return nanp ? `1-${a}-${b}-${c}` : `+${p.cc}-${p.groups.join('-')}`;
    case 'national':
      return nanp ? `(${a}) ${b}-${c}` : `${p.trunk}${p.groups.join(' ')}`;
  }
}

/** How often each style shows up for a country's numbers (national forms dominate at home). */
export function phoneStyles(country: CountryCode): ReadonlyArray<readonly [PhoneStyle, number]> {
  if (country === 'US' || country === 'CA') {
    return [['nanp-parens', 30], ['nanp-dashes', 20], ['nanp-dots', 10], ['intl', 10], ['e164', 12], ['digits', 8], ['nanp-1-dashes', 5], ['intl-trunk', 5]];
  }
  if (country === 'DE') {
    return [['national', 30], ['intl', 25], ['intl-00', 15], ['de-slash', 10], ['e164', 10], ['intl-trunk', 10]];
  }
  return [['national', 35], ['intl', 25], ['intl-00', 15], ['e164', 10], ['intl-trunk', 10], ['nanp-dashes', 5]];
}

/**
 * A number with two adjacent digits of the subscriber part swapped (the classic keying error). Returns the
 * same number when the two digits are equal everywhere it looked.
 */
export function transposeDigits(p: PhoneNumber, rng: Rng): PhoneNumber {
  const groups = [...p.groups];
  const gi = groups.length - 1;
  const last = groups[gi] ?? '';
  for (let attempt = 0; attempt < 4 && last.length >= 2; attempt++) {
    const i = rng.int(0, last.length - 2);
    if (last[i] !== last[i + 1]) {
      groups[gi] = last.slice(0, i) + (last[i + 1] ?? '') + (last[i] ?? '') + last.slice(i + 2);
      return { ...p, groups };
    }
  }
  return p;
}
