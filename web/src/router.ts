/**
 * Hash routes (`#/profiles/:id`, `#/search?q=…`): the server serves one page, and a link to a profile is
 * something a steward can paste into a ticket.
 *
 * @example
 * parseRoute('#/profiles/abc')          // { name: 'profile', params: { id: 'abc' }, query: URLSearchParams }
 * href('explain', {}, { a: 'r1', b: 'r2' }) // '#/explain?a=r1&b=r2'
 */

export type RouteName = 'dashboard' | 'sign-in' | 'search' | 'profile' | 'record' | 'explain' | 'runs' | 'run' | 'mappings' | 'mapping' | 'decisions' | 'not-found';

export interface Route {
  name: RouteName;
  params: Record<string, string>;
  query: URLSearchParams;
}

const PATTERNS: ReadonlyArray<[RouteName, string]> = [
  ['dashboard', '/'],
  ['sign-in', '/sign-in'],
  ['search', '/search'],
  ['profile', '/profiles/:id'],
  ['record', '/records/:system/:stream/:externalId'],
  ['explain', '/explain'],
  ['runs', '/runs'],
  ['run', '/runs/:id'],
  ['mappings', '/mappings'],
  ['decisions', '/decisions'],
  ['mapping', '/mappings/:system/:stream'],
];

function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const value = got[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}

export function parseRoute(hash: string): Route {
  const body = hash.replace(/^#/, '') || '/';
  const q = body.indexOf('?');
  const path = q < 0 ? body : body.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : body.slice(q + 1));
  for (const [name, pattern] of PATTERNS) {
    const params = match(pattern, path);
    if (params) return { name, params, query };
  }
  return { name: 'not-found', params: { path }, query };
}

/** What the customer list shows: the API's `kind` filter (people, organisations, or both). */
export type KindFilter = 'person' | 'organization' | 'any';

/**
 * The filter a `kind` query value names; anything else shows people, as the list did before organisations.
 *
 * @example
 * kindFilterOf(parseRoute('#/search?kind=organization').query.get('kind')) // 'organization'
 */
export function kindFilterOf(value: string | null): KindFilter {
  return value === 'organization' || value === 'any' ? value : 'person';
}

/** Builds a hash link; parameters are URI-encoded. */
export function href(name: Exclude<RouteName, 'not-found'>, params: Record<string, string> = {}, query: Record<string, string | undefined> = {}): string {
  const pattern = PATTERNS.find(([n]) => n === name)?.[1] ?? '/';
  const path = pattern.replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(params[key] ?? ''));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') search.set(key, value);
  const text = search.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}
