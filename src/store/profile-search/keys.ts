/**
 * The keys of profile search, pure: what a profile is indexed under and what a query looks for. Emails are
 * normalized like identity resolution does (`emailKeys`: the lower-cased address, and the Gmail-folded one when
 * it differs), phones to E.164 (or their digits when they are not valid numbers), names to accent-folded
 * lower-case tokens (`normalizePersonName`) searched by prefix, ids as given.
 *
 * @example
 * profileSearchKeys({ unifiedId: 'u1', attributes: { email: { value: 'Ada@Example.com' } }, members: [] });
 * // [{ kind: 'id', value: 'u1' }, { kind: 'email', value: 'ada@example.com' }]
 * searchTermsOf({ q: 'ada lov' }); // [{ kind: 'name', prefix: 'ada' }, { kind: 'name', prefix: 'lov' }]
 */
import { ConcordError } from '../../core/errors.js';
import { emailKeys, phoneKeys } from '../../identity/normalize/contact.js';
import { normalizePersonName } from '../../identity/normalize/person-name.js';

export type SearchKind = 'email' | 'phone' | 'name' | 'id';

/** One row of the index (without its unified id). */
export interface SearchKey {
  kind: SearchKind;
  value: string;
}

/** What a search asks: an exact key (any of `values`) or a name token prefix. Every term of a search must hold. */
export type SearchTerm = { kind: 'email' | 'phone' | 'id'; values: string[] } | { kind: 'name'; prefix: string };

/** The values a member record is indexed under, as the record has them. */
export interface SearchMember {
  recordId: string;
  externalRecordId?: string | undefined;
  names: ReadonlyArray<string | undefined>;
  emails: ReadonlyArray<string | undefined>;
  phones: ReadonlyArray<string | undefined>;
}

/** A profile to index: its golden values and its member records. */
export interface SearchSource {
  unifiedId: string;
  attributes: Readonly<Record<string, { value: string } | undefined>>;
  members: readonly SearchMember[];
}

/** Most name tokens a query may have (more say nothing a user means and cost a join each). */
export const MAX_NAME_TOKENS = 6;
/** Golden values whose words a profile is found by: a person's names and an organisation's name. */
const NAME_ATTRIBUTES = ['personName', 'firstName', 'middleName', 'lastName', 'organizationName'] as const;

/**
 * The index values of an email: the lower-cased address and, for Gmail, the folded mailbox.
 *
 * @example
 * emailSearchValues('J.Smith+x@GoogleMail.com'); // ['j.smith+x@googlemail.com', 'jsmith@gmail.com']
 */
export function emailSearchValues(raw: string): string[] {
  const keys = emailKeys(raw);
  if (keys === undefined || !keys.canonical.includes('@')) return [];
  return keys.providerFolded ? [keys.canonical, keys.provider] : [keys.canonical];
}

/**
 * The index value of a phone: E.164 when valid for `region` (or its own `+` prefix), else its digits.
 *
 * @example
 * phoneSearchValue('(415) 555-2671', 'US'); // '+14155552671'
 */
export function phoneSearchValue(raw: string, region = 'US'): string | undefined {
  const keys = phoneKeys(raw, region);
  if (keys === undefined) return undefined;
  return keys.e164 ?? keys.digits;
}

/**
 * Accent-folded lower-case name tokens.
 *
 * @example
 * nameTokens('José O’Brien-Smith'); // ['jose', 'obrien', 'smith']
 */
export function nameTokens(raw: string): string[] {
  return normalizePersonName(raw).split(' ').filter((t) => t !== '');
}

/**
 * Every key a profile is found by: its unified id, its members' Concord and source ids, and the emails, phones
 * and name tokens of its golden values and of every member record. Deduplicated, in a stable order.
 *
 * @example
 * profileSearchKeys(source).filter((k) => k.kind === 'email').map((k) => k.value);
 */
export function profileSearchKeys(source: SearchSource, region = 'US'): SearchKey[] {
  const seen = new Set<string>();
  const out: SearchKey[] = [];
  const add = (kind: SearchKind, value: string | undefined): void => {
    if (value === undefined || value === '') return;
    const key = `${kind}\u0000${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind, value });
  };
  const names = (raw: string | undefined): void => {
    if (raw !== undefined) for (const t of nameTokens(raw)) add('name', t);
  };
  const emails = (raw: string | undefined): void => {
    if (raw !== undefined) for (const v of emailSearchValues(raw)) add('email', v);
  };
  const phones = (raw: string | undefined): void => {
    if (raw !== undefined) add('phone', phoneSearchValue(raw, region));
  };
  add('id', source.unifiedId);
  for (const a of NAME_ATTRIBUTES) names(source.attributes[a]?.value);
  emails(source.attributes['email']?.value);
  phones(source.attributes['phone']?.value);
  for (const m of source.members) {
    add('id', m.recordId);
    add('id', m.externalRecordId);
    m.names.forEach(names);
    m.emails.forEach(emails);
    m.phones.forEach(phones);
  }
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PHONE_LIKE = /^\+?[\d\s().\-/]+$/;

/** A filter that cannot be searched for: a usage error naming the query parameter (400 BAD_REQUEST in the API). */
function invalid(field: string, message: string, hint: string): ConcordError {
  return new ConcordError('BAD_REQUEST', `query.${field}: ${message}`, { kind: 'usage', hint, context: { field } });
}

function emailTerm(raw: string, field: string): SearchTerm {
  const values = emailSearchValues(raw);
  if (values.length === 0) throw invalid(field, `"${raw}" is not an email address`, 'give an address like ada@example.com');
  return { kind: 'email', values };
}

function phoneTerm(raw: string, field: string, region: string): SearchTerm {
  const value = phoneSearchValue(raw, region);
  if (value === undefined) throw invalid(field, `"${raw}" is not a phone number`, 'give at least 5 digits, with +country code for numbers outside the default region');
  const digits = raw.replace(/\D/g, '');
  return { kind: 'phone', values: [...new Set([value, digits])] };
}

function nameTerms(raw: string, field: string): SearchTerm[] {
  const tokens = [...new Set(nameTokens(raw))];
  if (tokens.length === 0) throw invalid(field, `"${raw}" has no letters or digits to search for`, 'give a name, an email, a phone or an id');
  if (tokens.length > MAX_NAME_TOKENS) throw invalid(field, `at most ${MAX_NAME_TOKENS} name words`, 'search with fewer words');
  // A token that is a prefix of another adds nothing ("jo john" finds what "john" finds).
  return tokens.filter((t) => !tokens.some((o) => o !== t && o.startsWith(t))).map((prefix) => ({ kind: 'name', prefix }));
}

/**
 * What free text looks for: a UUID is an id; text with `@` an email; digits and phone punctuation a phone; one
 * word with a digit (a source id such as a Salesforce id) an id; anything else name prefixes, every word of
 * which must match.
 *
 * @example
 * parseSearchText('ada@example.com');  // [{ kind: 'email', values: ['ada@example.com'] }]
 * parseSearchText('+1 415 555 2671');  // [{ kind: 'phone', values: ['+14155552671', '14155552671'] }]
 */
export function parseSearchText(q: string, region = 'US'): SearchTerm[] {
  const text = q.trim();
  if (text === '') return [];
  if (UUID.test(text)) return [{ kind: 'id', values: [text.toLowerCase()] }];
  if (text.includes('@')) return [emailTerm(text, 'q')];
  if (PHONE_LIKE.test(text) && text.replace(/\D/g, '').length >= 5) return [phoneTerm(text, 'q', region)];
  if (!/\s/.test(text) && /\d/.test(text)) return [{ kind: 'id', values: [...new Set([text, text.toLowerCase()])] }];
  return nameTerms(text, 'q');
}

/** The filters of a profile search (any may be absent; all given must hold). */
export interface SearchFilters {
  q?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  name?: string | undefined;
}

/**
 * Terms of every given filter; an empty list means no filter (list every active profile).
 *
 * @example
 * searchTermsOf({ email: 'ada@example.com', name: 'ada' });
 * // [{ kind: 'email', values: ['ada@example.com'] }, { kind: 'name', prefix: 'ada' }]
 */
export function searchTermsOf(filters: SearchFilters, region = 'US'): SearchTerm[] {
  const terms: SearchTerm[] = [];
  if (filters.q !== undefined) terms.push(...parseSearchText(filters.q, region));
  if (filters.email !== undefined && filters.email.trim() !== '') terms.push(emailTerm(filters.email, 'email'));
  if (filters.phone !== undefined && filters.phone.trim() !== '') terms.push(phoneTerm(filters.phone, 'phone', region));
  if (filters.name !== undefined && filters.name.trim() !== '') terms.push(...nameTerms(filters.name, 'name'));
  return terms;
}
