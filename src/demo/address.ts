/**
 * Postal addresses as parts, and the ways CRMs end up holding them: street types spelled out or abbreviated,
 * apartments on their own line or after a '#', states by name or code, country names in five spellings.
 *
 * @example
 * const a = makeAddress('US', rng);
 * formatAddress(a, { streetType: 'short', unit: 'hash', unitLine: 'same', state: 'code', country: 1, zipPlus4: false, upper: false });
 * // { lines: ['1820 Market St #4B'], city: 'San Francisco', state: 'CA', postalCode: '94107', country: 'USA' }
 */
import type { Rng } from './prng.js';
import type { CountryCode } from './phone.js';
import { CITIES, COUNTRY_NAMES, STREET_NAMES, STREET_TYPES } from './vocabulary.js';
import type { CityRow } from './vocabulary.js';

/** An address as parts (the truth), written differently by each record. */
export interface PostalAddress {
  country: CountryCode;
  houseNumber: string;
  streetName: string;
  /** Index into STREET_TYPES for English-speaking countries; -1 where the type is part of the name (DE, FR). */
  streetType: number;
  unit: { kind: 'Apt' | 'Suite' | 'Unit' | 'Flat' | 'Floor'; value: string } | undefined;
  /** A building or c/o line written above the street (UK and German habit). */
  building: string | undefined;
  city: CityRow;
  postalCode: string;
  /** ZIP+4 add-on for US addresses. */
  plus4: string | undefined;
}

/** The writing habits of one record's author. */
export interface AddressStyle {
  streetType: 'long' | 'short' | 'short-dot';
  unit: 'word' | 'abbrev-dot' | 'hash' | 'long';
  /** Unit on its own line (multi-line street) or after the street on one line. */
  unitLine: 'own' | 'same';
  state: 'code' | 'full';
  /** Index into the country's spellings (0 = canonical). */
  country: number;
  zipPlus4: boolean;
  upper: boolean;
}

/** How an address reads in one record. */
export interface WrittenAddress {
  lines: string[];
  city: string;
  state: string;
  postalCode: string;
  country: string;
}

function fillPattern(pattern: string, rng: Rng): string {
  let out = '';
  for (const ch of pattern) {
    if (ch === '#') out += String(rng.int(0, 9));
    else if (ch === '@') out += String.fromCharCode(65 + rng.int(0, 25));
    else out += ch;
  }
  return out;
}

/** A plausible address in a country; `city` pins the city (a company's staff live near it). */
export function makeAddress(country: CountryCode, rng: Rng, city?: CityRow): PostalAddress {
  const cityRow = city ?? rng.pick(CITIES[country] ?? []);
  const streetName = rng.pick(STREET_NAMES[country] ?? []);
  const english = country === 'US' || country === 'CA' || country === 'GB' || country === 'AU';
  const unitRoll = rng.float();
  let unit: PostalAddress['unit'];
  if (country === 'GB' && unitRoll < 0.3) unit = { kind: 'Flat', value: String(rng.int(1, 24)) };
  else if (english && unitRoll < 0.35) {
    unit = rng.weighted([
      [{ kind: 'Apt', value: `${rng.int(1, 30)}${rng.pick(['', '', 'A', 'B', 'C'])}` }, 5],
      [{ kind: 'Suite', value: String(rng.int(1, 20) * 100) }, 3],
      [{ kind: 'Unit', value: String(rng.int(1, 40)) }, 1],
      [{ kind: 'Floor', value: String(rng.int(2, 30)) }, 1],
    ] as const);
  }
  const building = (country === 'GB' || country === 'DE') && rng.chance(0.12)
    ? rng.pick(country === 'GB' ? ['Rose Court', 'Albion House', 'The Old Mill', 'Kingsway House'] : ['Hinterhaus', 'Aufgang B', 'Gartenhaus'])
    : undefined;
  return {
    country,
    houseNumber: String(country === 'US' ? rng.int(1, 9899) : rng.int(1, 180)),
    streetName,
    streetType: english ? rng.weighted(STREET_TYPES.map((_t, i) => [i, i === 0 ? 6 : i <= 2 ? 3 : 1] as const)) : -1,
    unit,
    building,
    city: cityRow,
    postalCode: fillPattern(cityRow.postal, rng),
    plus4: country === 'US' ? fillPattern('####', rng) : undefined,
  };
}

/** The canonical writing: long street type, unit on its own line, state code, canonical country. */
export const CANONICAL_STYLE: AddressStyle = {
  streetType: 'long', unit: 'word', unitLine: 'own', state: 'code', country: 0, zipPlus4: false, upper: false,
};

/** A random but plausible style, leaning towards the canonical one. */
export function drawAddressStyle(rng: Rng): AddressStyle {
  return {
    streetType: rng.weighted([['long', 5], ['short', 3], ['short-dot', 2]] as const),
    unit: rng.weighted([['word', 5], ['abbrev-dot', 2], ['hash', 2], ['long', 1]] as const),
    unitLine: rng.chance(0.6) ? 'own' : 'same',
    state: rng.chance(0.75) ? 'code' : 'full',
    country: rng.chance(0.6) ? 0 : rng.int(1, 3),
    zipPlus4: rng.chance(0.1),
    upper: rng.chance(0.03),
  };
}

function streetLine(a: PostalAddress, style: AddressStyle): string {
  switch (a.country) {
    case 'DE': {
      // "Hauptstraße 12" — and the everyday abbreviations "Hauptstr. 12", "Hauptstrasse 12".
      const suffix = style.streetType === 'long' ? 'straße' : style.streetType === 'short' ? 'str.' : 'strasse';
      // Adjectival names stand apart and capitalised: "Berliner Straße".
      const name = a.streetName.endsWith('er') ? `${a.streetName} ${suffix[0]?.toUpperCase() ?? ''}${suffix.slice(1)}` : `${a.streetName}${suffix}`;
      return `${name} ${a.houseNumber}`;
    }
    case 'FR':
      return `${a.houseNumber} ${style.streetType === 'long' ? 'rue' : 'r.'} ${a.streetName}`;
    default: {
      const forms = STREET_TYPES[a.streetType] ?? STREET_TYPES[0] ?? ['Street'];
      const type = style.streetType === 'long' ? forms[0] : style.streetType === 'short' ? (forms[2] ?? forms[1] ?? forms[0]) : (forms[1] ?? forms[0]);
      return `${a.houseNumber} ${a.streetName} ${type}`;
    }
  }
}

function unitText(unit: NonNullable<PostalAddress['unit']>, style: AddressStyle): string {
  if (style.unit === 'hash' && unit.kind !== 'Floor' && unit.kind !== 'Flat') return `#${unit.value}`;
  const long = { Apt: 'Apartment', Suite: 'Suite', Unit: 'Unit', Flat: 'Flat', Floor: 'Floor' }[unit.kind];
  if (style.unit === 'long') return `${long} ${unit.value}`;
  if (style.unit === 'abbrev-dot') return `${{ Apt: 'Apt.', Suite: 'Ste.', Unit: 'Unit', Flat: 'Flat', Floor: 'Fl.' }[unit.kind]} ${unit.value}`;
  return `${unit.kind} ${unit.value}`;
}

/**
 * Writes an address in one style.
 *
 * @example
 * formatAddress(a, CANONICAL_STYLE).lines; // ['1820 Market Street', 'Apt 4B']
 */
export function formatAddress(a: PostalAddress, style: AddressStyle): WrittenAddress {
  const lines: string[] = [];
  if (a.building) lines.push(a.building);
  const street = streetLine(a, style);
  if (a.unit && style.unitLine === 'same') {
    const u = unitText(a.unit, style);
    lines.push(u.startsWith('#') ? `${street} ${u}` : `${street}, ${u}`);
  } else {
    lines.push(street);
    if (a.unit) lines.push(unitText(a.unit, style));
  }
  const spellings = COUNTRY_NAMES[a.country] ?? [a.country];
  const country = spellings[Math.min(style.country, spellings.length - 1)] ?? a.country;
  const postal = style.zipPlus4 && a.plus4 ? `${a.postalCode}-${a.plus4}` : a.postalCode;
  const written: WrittenAddress = {
    lines,
    city: a.city.city,
    state: style.state === 'code' ? a.city.stateCode : a.city.state,
    postalCode: postal,
    country,
  };
  if (!style.upper) return written;
  return {
    lines: written.lines.map((l) => l.toUpperCase()),
    city: written.city.toUpperCase(),
    state: written.state.toUpperCase(),
    postalCode: written.postalCode.toUpperCase(),
    country: written.country.toUpperCase(),
  };
}
