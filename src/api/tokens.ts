/**
 * API tokens: `cct_` and 32 random bytes in base64url (43 characters). Only the SHA-256 of a token is stored,
 * so a leaked database does not leak working tokens; a presented token is hashed and its hash compared in
 * constant time with the stored one.
 *
 * @example
 * const token = generateToken();        // 'cct_9Jx…' (printed once)
 * await store.createApiToken('ops', hashToken(token));
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ConcordError } from '../core/errors.js';
import type { Store } from '../store/store.js';

export const TOKEN_PREFIX = 'cct_';
/** A well-formed token: the prefix and 43 base64url characters. */
export const TOKEN_PATTERN = /^cct_[A-Za-z0-9_-]{43}$/;

/** A new random token. */
export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** sha256 of the token, lower-case hex (what the store keeps). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two hex hashes in constant time (false when their lengths differ). */
export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/**
 * Creates a token named `name` in the store and returns it: the only time it exists in clear.
 *
 * @example
 * const token = await issueToken(store, 'ops'); // 'cct_…'
 */
export async function issueToken(store: Store, name: string): Promise<string> {
  if (!NAME.test(name)) {
    throw new ConcordError('TOKEN_NAME_INVALID', `token name "${name}" is not valid`, { kind: 'usage', hint: 'use 1–64 letters, digits, . _ @ - (starting with a letter or digit)' });
  }
  const token = generateToken();
  await store.createApiToken(name, hashToken(token));
  return token;
}
