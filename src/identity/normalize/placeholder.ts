/**
 * Placeholder detection: values that fill a required field without identifying anyone ("n/a", "test@test.com",
 * "0000000000", "1900-01-01"). Two records sharing a placeholder are not evidence of a match, so feature builders
 * drop them and comparisons treat them as missing (NULL_LEVEL).
 */

export type PlaceholderKind = 'name' | 'email' | 'phone' | 'dob' | 'address' | 'postcode' | 'identifier' | 'text';

/** Placeholder values per kind, compared after trimming and lower-casing. */
export type PlaceholderLists = Readonly<Partial<Record<PlaceholderKind, readonly string[]>>>;

/** Decides whether a value of a kind is a placeholder. */
export type PlaceholderDetector = (kind: PlaceholderKind, value: string) => boolean;

/** Values meaning "no value" in any field. */
const GENERIC = [
  '', 'null', 'nil', 'none', 'n/a', 'n.a.', 'n/k', 'unknown', 'unk', 'not known', 'not available',
  'not provided', 'not applicable', 'undefined', 'blank', 'empty', 'missing', '-', '--', '---', '?', '??', '.',
  '0', 'xx', 'xxx', 'xxxx', 'test', 'testing', 'asdf', 'asdfgh', 'qwerty', 'abcd', 'aaa', 'zzz',
  'dummy', 'sample', 'placeholder', 'tbd', 'tba', 'default', 'nothing', 'void', '#n/a',
];
// Stand-ins that are also real names ("Na" is a Korean family name, "Nan" a short form of Anne): never names.
const NOT_FOR_NAMES = ['na', 'nan', 'nk', 'no', 'x', 'abc'];

/**
 * The default lists; the generic stand-ins ("n/a", "unknown", "asdf"…) apply to every kind.
 *
 * @example
 * DEFAULT_PLACEHOLDERS.dob.includes('1900-01-01'); // true
 */
export const DEFAULT_PLACEHOLDERS: Readonly<Record<PlaceholderKind, readonly string[]>> = {
  text: [...GENERIC, ...NOT_FOR_NAMES],
  name: ['no name', 'noname', 'firstname', 'first name', 'lastname', 'last name', 'name', 'customer', 'client',
    'test user', 'john doe', 'jane doe', 'fnu', 'lnu', 'baby', 'infant'],
  email: [...NOT_FOR_NAMES, 'test@test.com', 'test@example.com', 'a@a.com', 'x@x.com', 'none@none.com', 'na@na.com',
    'email@email.com', 'asdf@asdf.com', 'abc@abc.com', 'no@no.com', 'noemail@noemail.com', 'user@domain.com',
    'name@domain.com', 'email@domain.com'],
  phone: [...NOT_FOR_NAMES, '0000000000', '1111111111', '1234567890', '0123456789', '9999999999', '5555555555', '123456789',
    '12345678', '1234567'],
  dob: [...NOT_FOR_NAMES, '1900-01-01', '1901-01-01', '1899-12-31', '0001-01-01', '1800-01-01', '1111-11-11', '9999-12-31',
    '2099-12-31'],
  address: [...NOT_FOR_NAMES, 'no address', 'address', 'street', 'homeless', 'no fixed abode', 'nfa', 'unknown address', 'same'],
  postcode: [...NOT_FOR_NAMES, '00000', '99999', '12345', '0000', '9999', 'zzzz', 'xxxxx'],
  identifier: [...NOT_FOR_NAMES, '000000000', '111111111', '123456789', '999999999', '000-00-0000', '123-45-6789'],
};

// Local parts and domains that only ever stand in for an address.
const PLACEHOLDER_LOCAL = new Set([
  'noemail', 'no-email', 'no_email', 'no.email', 'nomail', 'no-mail', 'none', 'noreply', 'no-reply',
  'donotreply', 'do-not-reply', 'do_not_reply', 'unknown', 'null', 'test', 'dummy', 'fake', 'na', 'n/a', 'noaddress',
  'no-address', 'declined', 'refused', 'optout', 'opt-out', 'x', 'xx', 'xxx', 'asdf',
]);
const PLACEHOLDER_DOMAIN = new Set([
  'example.com', 'example.org', 'example.net', 'test.com', 'none.com', 'noemail.com', 'nomail.com', 'no-email.com',
  'domain.com', 'email.test', 'invalid', 'localhost',
]);
const ASCENDING = '01234567890123456789';
const DESCENDING = '98765432109876543210';

/**
 * Builds a detector from extra (or, with `replaceDefaults`, replacement) lists. Beyond the lists: emails whose
 * local part or domain is a stand-in ("noemail@…", "…@example.com"); phones and identifiers whose digits are
 * fewer than 5, all one digit, or an ascending/descending run of 7 or more ("+1 123-456-7890").
 *
 * @example
 * const detect = createPlaceholderDetector({ name: ['mickey mouse'] });
 * detect('name', 'Mickey Mouse'); // true
 * detect('email', 'NoEmail@acme.com'); // true
 */
export function createPlaceholderDetector(
  lists: PlaceholderLists = {},
  options: { replaceDefaults?: boolean } = {},
): PlaceholderDetector {
  const base: PlaceholderLists = options.replaceDefaults === true ? {} : DEFAULT_PLACEHOLDERS;
  const generic = new Set([...(options.replaceDefaults === true ? [] : GENERIC), ...(lists.text ?? [])].map(fold));
  const sets = new Map<PlaceholderKind, Set<string>>();
  for (const kind of ['name', 'email', 'phone', 'dob', 'address', 'postcode', 'identifier', 'text'] as const) {
    const values = [...(base[kind] ?? []), ...(lists[kind] ?? [])].map(fold);
    sets.set(kind, new Set([...generic, ...values]));
  }
  return (kind, value) => {
    const v = fold(value);
    if (sets.get(kind)?.has(v) === true) return true;
    if (kind === 'email') return emailPlaceholder(v);
    if (kind === 'phone' || kind === 'identifier') return digitsPlaceholder(v);
    return false;
  };
}

function fold(value: string): string {
  return value.trim().toLowerCase();
}

function emailPlaceholder(v: string): boolean {
  const at = v.lastIndexOf('@');
  if (at < 0) return false;
  return PLACEHOLDER_LOCAL.has(v.slice(0, at)) || PLACEHOLDER_DOMAIN.has(v.slice(at + 1));
}

function digitsPlaceholder(v: string): boolean {
  let digits = '';
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += v[i];
  }
  if (digits.length < 5) return true;
  // Judge the last ten digits, so a country code does not hide "+1 999 999 9999" or "+1 123-456-7890".
  const tail = digits.length > 10 ? digits.slice(-10) : digits;
  let same = true;
  for (let i = 1; i < tail.length && same; i++) same = tail.charCodeAt(i) === tail.charCodeAt(0);
  if (same) return true;
  return tail.length >= 7 && (ASCENDING.includes(tail) || DESCENDING.includes(tail));
}

/**
 * The default detector.
 *
 * @example
 * isPlaceholder('email', 'test@test.com'); // true
 * isPlaceholder('phone', '+1 (999) 999-9999'); // true
 * isPlaceholder('name', 'Ada'); // false
 */
export const isPlaceholder: PlaceholderDetector = createPlaceholderDetector();
