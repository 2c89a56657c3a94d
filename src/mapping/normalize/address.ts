/**
 * Postal addresses: street lines (crosswalk T1), ISO 3166-1 countries, ISO 3166-2 subdivisions for the US,
 * Canada and Australia, and postal code clean-up.
 */
import { ConcordError } from '../../core/errors.js';
import { COUNTRY_TABLE, SUBDIVISION_TABLE } from './countries.js';
import { lookupKey } from './match-key.js';

const LINE_BREAK = /\r\n|\r|\n/;
const MAX_STREET_LINES = 4;

export interface Country {
  /** ISO 3166-1 alpha-2, e.g. `DE`. */
  readonly code: string;
  readonly alpha3: string;
  /** English short name, e.g. `Germany`. */
  readonly name: string;
}

export interface Subdivision {
  /** The ISO 3166-2 subdivision code without the country prefix, e.g. `CA`, `ON`, `NSW`. */
  readonly code: string;
  readonly name: string;
}

/**
 * Street text → up to four trimmed, non-blank lines (T1); a fifth and later line join line 4 with ", ".
 *
 * @example
 * splitStreet('1 Main St\r\n\r\n  Suite 5 '); // ['1 Main St', 'Suite 5']
 */
export function splitStreet(street: string): string[] {
  const lines: string[] = [];
  for (const part of street.split(LINE_BREAK)) {
    const line = part.trim();
    if (line === '') continue;
    if (lines.length < MAX_STREET_LINES) lines.push(line);
    else lines[MAX_STREET_LINES - 1] = `${lines[MAX_STREET_LINES - 1] ?? ''}, ${line}`;
  }
  return lines;
}

/**
 * Street lines → one text, non-empty lines joined with "\n" (the reverse of T1).
 *
 * @example
 * joinStreet(['1 Main St', undefined, 'Suite 5']); // '1 Main St\nSuite 5'
 */
export function joinStreet(lines: ReadonlyArray<string | undefined>): string {
  return lines.filter((line): line is string => line !== undefined && line.trim() !== '').join('\n');
}

const countryIndex = buildCountryIndex();
const subdivisionIndex = buildSubdivisionIndex();

/** Every ISO 3166-1 country, in alpha-2 order. */
export const COUNTRIES: ReadonlyArray<Country> = [...new Set(countryIndex.values())].sort((a, b) =>
  a.code.localeCompare(b.code),
);

/**
 * A country from its alpha-2 or alpha-3 code, English name or a common variant, ignoring case, accents and
 * punctuation; `undefined` when unknown.
 *
 * @example
 * normalizeCountry('U.S.A.'); // { code: 'US', alpha3: 'USA', name: 'United States' }
 * normalizeCountry('deutschland')?.code; // 'DE'
 */
export function normalizeCountry(input: string): Country | undefined {
  return countryIndex.get(lookupKey(input));
}

/**
 * A subdivision (state, province, territory) of the US, Canada or Australia from its code or name; the country
 * may be given any way `normalizeCountry` accepts, the subdivision as `CA`, `US-CA` or `California`.
 *
 * @example
 * normalizeState('US', 'calif.'); // { code: 'CA', name: 'California' }
 * normalizeState('Canada', 'Québec'); // { code: 'QC', name: 'Quebec' }
 */
export function normalizeState(country: string, input: string): Subdivision | undefined {
  const resolved = normalizeCountry(country);
  if (resolved === undefined) return undefined;
  const table = subdivisionIndex.get(resolved.code);
  if (table === undefined) return undefined;
  let key = lookupKey(input);
  const prefix = `${resolved.code.toLowerCase()} `;
  if (key.startsWith(prefix) && /^[A-Za-z]{2}-/.test(input.trim())) key = key.slice(prefix.length);
  return table.get(key);
}

/**
 * A postal code trimmed, upper-cased and spaced the national way: US `12345` / `12345-6789` (ZIP+4 kept),
 * UK `SW1A 1AA`, Canada `K1A 0B1`; other countries (or codes that do not fit the pattern) keep their characters
 * with whitespace collapsed. `undefined` for blank input.
 *
 * @example
 * normalizePostalCode('GB', 'sw1a1aa'); // 'SW1A 1AA'
 * normalizePostalCode('US', '123456789'); // '12345-6789'
 */
export function normalizePostalCode(country: string, raw: string): string | undefined {
  const text = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  if (text === '') return undefined;
  const code = normalizeCountry(country)?.code;
  if (code === 'US') {
    const zip = /^(\d{5})(?:\s?[-\s]?\s?(\d{4}))?$/.exec(text);
    if (zip !== null) return zip[2] === undefined ? (zip[1] ?? text) : `${zip[1] ?? ''}-${zip[2]}`;
  } else if (code === 'GB' || code === 'GG' || code === 'JE' || code === 'IM') {
    const compact = text.replace(/ /g, '');
    if (/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(compact)) return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
  } else if (code === 'CA') {
    const postal = /^([A-Z]\d[A-Z])\s?-?\s?(\d[A-Z]\d)$/.exec(text);
    if (postal !== null) return `${postal[1] ?? ''} ${postal[2] ?? ''}`;
  }
  return text;
}

function parseLine(line: string): { head: string[]; names: string[] } {
  const [first = '', ...variants] = line.split(';').map((part) => part.trim());
  const words = first.split(' ');
  return { head: words, names: variants };
}

function addKey<V extends { code: string }>(index: Map<string, V>, key: string, value: V, table: string): void {
  const existing = index.get(key);
  if (existing !== undefined && existing.code !== value.code) {
    throw new ConcordError('LOOKUP_TABLE_CONFLICT', `"${key}" names both ${existing.code} and ${value.code} in ${table}`, {
      kind: 'bug',
    });
  }
  index.set(key, value);
}

function buildCountryIndex(): Map<string, Country> {
  const index = new Map<string, Country>();
  for (const line of COUNTRY_TABLE.split('\n')) {
    if (line.trim() === '') continue;
    const { head, names } = parseLine(line);
    const [code = '', alpha3 = '', ...nameWords] = head;
    const country: Country = Object.freeze({ code, alpha3, name: nameWords.join(' ') });
    for (const key of [code, alpha3, country.name, ...names]) addKey(index, lookupKey(key), country, 'countries');
  }
  return index;
}

function buildSubdivisionIndex(): Map<string, Map<string, Subdivision>> {
  const byCountry = new Map<string, Map<string, Subdivision>>();
  for (const [country, text] of Object.entries(SUBDIVISION_TABLE)) {
    const index = new Map<string, Subdivision>();
    for (const line of text.split('\n')) {
      const { head, names } = parseLine(line);
      const [code = '', ...nameWords] = head;
      const subdivision: Subdivision = Object.freeze({ code, name: nameWords.join(' ') });
      for (const key of [code, subdivision.name, ...names]) addKey(index, lookupKey(key), subdivision, country);
    }
    byCountry.set(country, index);
  }
  return byCountry;
}
