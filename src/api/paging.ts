/**
 * Paging of list routes: `limit` (1..200, default 50) and an opaque `cursor` that encodes where the previous
 * page ended (base64url JSON, so clients cannot depend on its shape). A cursor that does not decode is a 400.
 *
 * @example
 * const after = decodeCursor(query.cursor, isRunPosition);   // undefined on the first page
 * reply.send({ items, nextCursor: items.length === limit ? encodeCursor(last) : null });
 */
import { ConcordError } from '../core/errors.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** JSON schema of the paging query parameters, to spread into a route's `querystring` properties. */
export const pagingQuery = {
  limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT, description: `Items per page (1–${MAX_LIMIT}).` },
  cursor: { type: 'string', minLength: 1, maxLength: 1000, description: 'Opaque position from the `nextCursor` of the previous page.' },
} as const;

export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** Decodes `cursor` and checks its shape with `is`; undefined when there is no cursor. */
export function decodeCursor<T>(cursor: string | undefined, is: (value: unknown) => value is T): T | undefined {
  if (cursor === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!is(value)) {
    throw new ConcordError('BAD_REQUEST', 'cursor is not a cursor this list returned', { kind: 'usage', context: { field: 'cursor' }, hint: 'pass the nextCursor of the previous page unchanged, or leave cursor out for the first page' });
  }
  return value;
}
