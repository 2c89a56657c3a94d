/**
 * Feature builders: raw person / organization attributes → the plain feature objects that comparisons read
 * (`IdentityRecord.features`). Everything a comparison needs is computed here once per record — normalized
 * strings, nickname groups, phonetic codes, sorted token arrays, date parts, E.164 and digit keys — so scoring a
 * pair allocates nothing. Placeholders ("n/a", "test@test.com", "0000000000") are dropped, and every key is
 * always present (undefined when missing) so all feature objects share one shape.
 */
import { splitFullName } from '../../mapping/normalize/name.js';
import { normalizePostalCode } from '../../mapping/normalize/address.js';
import { doubleMetaphone } from '../compare/double-metaphone.js';
import { nysiis, soundex } from '../compare/phonetic.js';
import { wordTokens } from '../compare/strings.js';
import { normalizeCompanyName } from './company.js';
import { emailKeys, phoneKeys } from './contact.js';
import { daysSinceEpoch, normalizeDob } from './dob.js';
import type { DobOptions } from './dob.js';
import { nicknameGroups } from './nicknames.js';
import { normalizePersonName } from './person-name.js';
import { isPlaceholder } from './placeholder.js';
import type { PlaceholderDetector, PlaceholderKind } from './placeholder.js';
import { addressTokens, normalizeStreet } from './street.js';

/** Raw person attributes as a source carries them; any may be missing. */
export interface PersonAttributes {
  firstName?: string | undefined;
  middleName?: string | undefined;
  lastName?: string | undefined;
  /** Used for the name parts the record lacks ("King, Ada" or "Dr. Ada B. King"). */
  fullName?: string | undefined;
  dob?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  street?: string | undefined;
  streetNumber?: string | undefined;
  city?: string | undefined;
  postcode?: string | undefined;
  state?: string | undefined;
  country?: string | undefined;
  /** Social-security, tax or government identifier. */
  identifier?: string | undefined;
  gender?: string | undefined;
}

export interface FeatureOptions {
  /** Default region for phones without `+` and for postcodes (ISO alpha-2, e.g. `US`, `AU`). */
  region: string;
  /** Placeholder detector; default lists when absent. */
  placeholder?: PlaceholderDetector;
  /** How to read ambiguous `a/b/yyyy` dates of birth; rejected when absent. */
  dobOrder?: DobOptions['order'];
}

/** Person features; the keys `defaultPersonComparisons()` reads. */
export type PersonFeatures = {
  /** Placeholders were removed when these features were built (comparisons need not check again). */
  screened: true;
  first_name: string | undefined;
  first_name_nick: readonly string[] | undefined;
  /** Double Metaphone [primary, alternate]. */
  first_name_dm: readonly [string, string] | undefined;
  first_name_nysiis: string | undefined;
  first_name_soundex: string | undefined;
  middle_name: string | undefined;
  last_name: string | undefined;
  last_name_dm: readonly [string, string] | undefined;
  last_name_nysiis: string | undefined;
  last_name_soundex: string | undefined;
  /** "first middle last", normalized, and its sorted tokens (for swapped-name checks). */
  full_name: string | undefined;
  full_name_tokens: readonly string[] | undefined;
  dob: string | undefined;
  dob_year: number | undefined;
  dob_month: number | undefined;
  dob_day: number | undefined;
  dob_digits: string | undefined;
  dob_days: number | undefined;
  email: string | undefined;
  email_local: string | undefined;
  email_domain: string | undefined;
  email_provider: string | undefined;
  email_provider_folded: boolean;
  phone: string | undefined;
  phone_digits: string | undefined;
  phone_last7: string | undefined;
  phone_last9: string | undefined;
  street: string | undefined;
  street_tokens: readonly string[] | undefined;
  street_number: string | undefined;
  city: string | undefined;
  postcode: string | undefined;
  state: string | undefined;
  country: string | undefined;
  identifier: string | undefined;
  gender: string | undefined;
};

/** Organization features; the keys `defaultOrganizationComparisons()` reads. */
export type OrganizationFeatures = {
  screened: true;
  name: string | undefined;
  legal_form: string | undefined;
  name_tokens: readonly string[] | undefined;
  name_nysiis: string | undefined;
  website: string | undefined;
  phone: string | undefined;
  phone_digits: string | undefined;
  phone_last7: string | undefined;
  phone_last9: string | undefined;
  street: string | undefined;
  street_tokens: readonly string[] | undefined;
  city: string | undefined;
  postcode: string | undefined;
  country: string | undefined;
  identifier: string | undefined;
};

function present(value: string | undefined, kind: PlaceholderKind, detect: PlaceholderDetector): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' || detect(kind, trimmed) ? undefined : trimmed;
}

function nameOf(value: string | undefined, detect: PlaceholderDetector): string | undefined {
  const raw = present(value, 'name', detect);
  if (raw === undefined) return undefined;
  const name = normalizePersonName(raw);
  return name === '' || detect('name', name) ? undefined : name;
}

function postcodeOf(value: string | undefined, region: string, detect: PlaceholderDetector): string | undefined {
  const raw = present(value, 'postcode', detect);
  if (raw === undefined) return undefined;
  let code = (normalizePostalCode(region, raw) ?? raw).toUpperCase().replace(/[\s-]+/g, '');
  // ZIP+4 and plain ZIP name the same delivery area for matching.
  if (/^\d{9}$/.test(code) && region.toUpperCase() === 'US') code = code.slice(0, 5);
  return code === '' || detect('postcode', code) ? undefined : code;
}

function identifierOf(value: string | undefined, detect: PlaceholderDetector): string | undefined {
  const raw = present(value, 'identifier', detect);
  if (raw === undefined) return undefined;
  const id = raw.toUpperCase().replace(/[\s\-./]+/g, '');
  return id === '' ? undefined : id;
}

function textOf(value: string | undefined, detect: PlaceholderDetector): string | undefined {
  const raw = present(value, 'text', detect);
  if (raw === undefined) return undefined;
  const text = normalizePersonName(raw);
  return text === '' ? undefined : text;
}

function phoneFeatures(value: string | undefined, region: string, detect: PlaceholderDetector) {
  const raw = present(value, 'phone', detect);
  const keys = raw === undefined ? undefined : phoneKeys(raw, region);
  if (keys === undefined || detect('phone', keys.digits)) {
    return { phone: undefined, phone_digits: undefined, phone_last7: undefined, phone_last9: undefined };
  }
  return { phone: keys.e164 ?? keys.digits, phone_digits: keys.digits, phone_last7: keys.last7, phone_last9: keys.last9 };
}

function streetFeatures(street: string | undefined, number: string | undefined, detect: PlaceholderDetector) {
  const s = present(street, 'address', detect);
  const n = present(number, 'text', detect);
  if (s === undefined && n === undefined) return { street: undefined, street_tokens: undefined };
  // The number leads, wherever the source put it, so "12 Main St" and "Main St 12" normalize alike.
  const line = normalizeStreet([n, s].filter((p) => p !== undefined).join(' '));
  if (line === '' || detect('address', line)) return { street: undefined, street_tokens: undefined };
  return { street: line, street_tokens: addressTokens(line) };
}

/**
 * Builds person features.
 *
 * @example
 * const f = buildPersonFeatures({ firstName: 'Bob', lastName: 'Smith', dob: '19560112', phone: '(415) 555-2671' },
 *   { region: 'US' });
 * f.first_name; // 'bob'
 * f.first_name_nick; // ['robert']
 * f.dob; // '1956-01-12'
 * f.phone; // '+14155552671'
 */
export function buildPersonFeatures(attrs: PersonAttributes, options: FeatureOptions): PersonFeatures {
  const detect = options.placeholder ?? isPlaceholder;
  const split = attrs.fullName === undefined ? {} : splitFullName(attrs.fullName);
  const first = nameOf(attrs.firstName ?? split.firstName, detect);
  const middle = nameOf(attrs.middleName ?? split.middleName, detect);
  const last = nameOf(attrs.lastName ?? split.lastName, detect);
  const full = [first, middle, last].filter((p) => p !== undefined).join(' ');

  const dobRaw = present(attrs.dob, 'dob', detect);
  const dobParsed = dobRaw === undefined ? undefined : normalizeDob(dobRaw, options.dobOrder === undefined ? {} : { order: options.dobOrder });
  const dob = dobParsed === undefined || detect('dob', dobParsed.iso) ? undefined : dobParsed;

  const emailRaw = present(attrs.email, 'email', detect);
  const emailParsed = emailRaw === undefined ? undefined : emailKeys(emailRaw);
  const email = emailParsed === undefined || detect('email', emailParsed.canonical) ? undefined : emailParsed;

  const nick = first === undefined ? [] : nicknameGroups(first);
  const phone = phoneFeatures(attrs.phone, options.region, detect);
  const street = streetFeatures(attrs.street, attrs.streetNumber, detect);
  // One literal with every key (no spreads), so all properties sit inside the object: scoring reads them
  // without a second hop to an out-of-object property store.
  return {
    screened: true,
    first_name: first,
    first_name_nick: nick.length > 0 ? nick : undefined,
    first_name_dm: first === undefined ? undefined : doubleMetaphone(first),
    first_name_nysiis: first === undefined ? undefined : nysiis(first),
    first_name_soundex: first === undefined ? undefined : soundex(first),
    middle_name: middle,
    last_name: last,
    last_name_dm: last === undefined ? undefined : doubleMetaphone(last),
    last_name_nysiis: last === undefined ? undefined : nysiis(last),
    last_name_soundex: last === undefined ? undefined : soundex(last),
    full_name: full === '' ? undefined : full,
    full_name_tokens: full === '' ? undefined : wordTokens(full),
    dob: dob?.iso,
    dob_year: dob?.year,
    dob_month: dob?.month,
    dob_day: dob?.day,
    dob_digits: dob === undefined ? undefined : dob.iso.replace(/-/g, ''),
    dob_days: dob === undefined ? undefined : daysSinceEpoch(dob),
    email: email?.canonical,
    email_local: email?.local,
    email_domain: email?.domain,
    email_provider: email?.provider,
    email_provider_folded: email?.providerFolded ?? false,
    phone: phone.phone,
    phone_digits: phone.phone_digits,
    phone_last7: phone.phone_last7,
    phone_last9: phone.phone_last9,
    street: street.street,
    street_tokens: street.street_tokens,
    street_number: textOf(attrs.streetNumber, detect),
    city: textOf(attrs.city, detect),
    postcode: postcodeOf(attrs.postcode, attrs.country ?? options.region, detect),
    state: textOf(attrs.state, detect),
    country: textOf(attrs.country, detect),
    identifier: identifierOf(attrs.identifier, detect),
    gender: textOf(attrs.gender, detect),
  };
}

/** Raw organization attributes. */
export interface OrganizationAttributes {
  name?: string | undefined;
  website?: string | undefined;
  phone?: string | undefined;
  street?: string | undefined;
  city?: string | undefined;
  postcode?: string | undefined;
  country?: string | undefined;
  /** Registration, tax or DUNS number. */
  identifier?: string | undefined;
}

/**
 * The host of a website, lower-cased, without scheme, `www.`, port, path or trailing dot.
 *
 * @example
 * websiteHost('https://WWW.Acme.com/about'); // 'acme.com'
 */
export function websiteHost(raw: string): string | undefined {
  const host = raw
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/^www\d?\./, '')
    .replace(/\.$/, '');
  return host.includes('.') ? host : undefined;
}

/**
 * Builds organization features.
 *
 * @example
 * const f = buildOrganizationFeatures({ name: 'The Acme Corporation', website: 'https://www.acme.com' }, { region: 'US' });
 * f.name; // 'acme'
 * f.legal_form; // 'corp'
 * f.website; // 'acme.com'
 */
export function buildOrganizationFeatures(attrs: OrganizationAttributes, options: FeatureOptions): OrganizationFeatures {
  const detect = options.placeholder ?? isPlaceholder;
  const rawName = present(attrs.name, 'name', detect);
  const company = rawName === undefined ? undefined : normalizeCompanyName(rawName);
  const name = company === undefined || company.name === '' || detect('name', company.name) ? undefined : company;
  const website = present(attrs.website, 'text', detect);
  const phone = phoneFeatures(attrs.phone, options.region, detect);
  const street = streetFeatures(attrs.street, undefined, detect);
  return {
    screened: true,
    name: name?.name,
    legal_form: name?.legalForm,
    name_tokens: name === undefined ? undefined : wordTokens(name.name),
    name_nysiis: name === undefined ? undefined : nysiis(name.name),
    website: website === undefined ? undefined : websiteHost(website),
    phone: phone.phone,
    phone_digits: phone.phone_digits,
    phone_last7: phone.phone_last7,
    phone_last9: phone.phone_last9,
    street: street.street,
    street_tokens: street.street_tokens,
    city: textOf(attrs.city, detect),
    postcode: postcodeOf(attrs.postcode, attrs.country ?? options.region, detect),
    country: textOf(attrs.country, detect),
    identifier: identifierOf(attrs.identifier, detect),
  };
}
