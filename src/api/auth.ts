/**
 * Bearer-token auth for the API. The presented token is hashed (SHA-256) and looked up by its hash; the stored
 * hash is compared in constant time before it is trusted. A token's `lastUsedAt` is written at most once a
 * minute, so a busy client does not turn every read into a write.
 *
 * @example
 * const auth = createAuthenticator(store);
 * await auth('Bearer cct_…'); // { ok: true, name: 'ops' } or { ok: false, code: 'AUTH_INVALID', … }
 */
import type { Store } from '../store/store.js';
import { hashesEqual, hashToken } from './tokens.js';

export interface AuthOptions {
  /** Least time between two writes of a token's lastUsedAt (default one minute). */
  touchEveryMs?: number;
  clock?: () => Date;
}

export type AuthOutcome =
  | { ok: true; name: string }
  | { ok: false; code: 'AUTH_REQUIRED' | 'AUTH_INVALID'; detail: string; challenge: string };

const TOUCH_EVERY_MS = 60_000;

/** Routes that carry no data: health, the OpenAPI document and the docs page. */
export function isPublicPath(method: string, path: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  return path === '/api/health' || path === '/api/openapi.json' || path === '/api/docs' || path.startsWith('/api/docs/');
}

/** An authenticator over the store's tokens. */
export function createAuthenticator(store: Store, options: AuthOptions = {}): (header: string | undefined) => Promise<AuthOutcome> {
  const clock = options.clock ?? (() => new Date());
  const every = options.touchEveryMs ?? TOUCH_EVERY_MS;
  const touched = new Map<number, number>();

  return async (header) => {
    const match = header === undefined ? null : /^Bearer\s+(.*)$/is.exec(header);
    if (!match) {
      return { ok: false, code: 'AUTH_REQUIRED', detail: 'this route needs an API token', challenge: 'Bearer realm="concord"' };
    }
    const presented = hashToken(match[1]!.trim());
    const token = await store.findApiToken(presented);
    if (!token || !hashesEqual(token.tokenHash, presented) || token.revokedAt !== undefined) {
      return { ok: false, code: 'AUTH_INVALID', detail: 'the API token is unknown or revoked', challenge: 'Bearer realm="concord", error="invalid_token"' };
    }
    const now = clock();
    const last = touched.get(token.id) ?? (token.lastUsedAt === undefined ? 0 : Date.parse(token.lastUsedAt));
    if (now.getTime() - last >= every) {
      touched.set(token.id, now.getTime());
      await store.touchApiToken(token.id, now);
    }
    return { ok: true, name: token.name };
  };
}
