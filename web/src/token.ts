/**
 * The API token lives in sessionStorage under `concord.token`: gone when the tab closes, never in a cookie.
 * `concord demo` opens the UI with `#token=…` in the fragment (never sent to the server); it is taken from
 * there once and removed from the address bar so it does not linger in history or screenshots.
 *
 * @example
 * adoptTokenFromFragment(window.location, window.history, sessionStorage);
 * const token = readToken(sessionStorage);
 */

export const TOKEN_KEY = 'concord.token';

/** The part of `Storage` used here (declared locally so the module also loads outside a browser, in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function readToken(storage: KeyValueStorage): string | null {
  return storage.getItem(TOKEN_KEY);
}

export function saveToken(storage: KeyValueStorage, token: string): void {
  storage.setItem(TOKEN_KEY, token.trim());
}

export function clearToken(storage: KeyValueStorage): void {
  storage.removeItem(TOKEN_KEY);
}

/**
 * Splits a fragment such as `#token=cct_x` or `#/profiles/p1?token=cct_x` into the token and the fragment
 * to keep. Pure, so it is tested without a browser.
 *
 * @example
 * tokenFromFragment('#token=abc')            // { token: 'abc', rest: '#/' }
 * tokenFromFragment('#/runs?token=abc&x=1')  // { token: 'abc', rest: '#/runs?x=1' }
 */
export function tokenFromFragment(fragment: string): { token: string | null; rest: string } {
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const q = body.indexOf('?');
  const [path, query] = body.startsWith('/') ? [q < 0 ? body : body.slice(0, q), q < 0 ? '' : body.slice(q + 1)] : ['/', body];
  const params = new URLSearchParams(query);
  const token = params.get('token');
  if (token === null || token === '') return { token: null, rest: fragment };
  params.delete('token');
  const remaining = params.toString();
  return { token, rest: `#${path}${remaining ? `?${remaining}` : ''}` };
}

/** Moves a token from the address bar into storage; answers whether one was found. */
export function adoptTokenFromFragment(
  location: { readonly hash: string; readonly pathname: string; readonly search: string },
  history: { replaceState(data: unknown, unused: string, url?: string | null): void },
  storage: KeyValueStorage,
): boolean {
  const { token, rest } = tokenFromFragment(location.hash);
  if (token === null) return false;
  saveToken(storage, token);
  history.replaceState(null, '', `${location.pathname}${location.search}${rest}`);
  return true;
}
