/**
 * Errors as RFC 9457 problem details (`application/problem+json`). A ConcordError's kind decides the status
 * (usage → 400, data → 422, auth → 401, config → 400 or 500 when the server's own configuration is at fault,
 * quota → 429, transient → 503, bug → 500); `*_NOT_FOUND` codes are 404 and a few codes have their own status.
 * Every message is redacted before it leaves the server.
 *
 * @example
 * problemOf(new ConcordError('PROFILE_NOT_FOUND', 'no profile x', { kind: 'usage' }), '/api/profiles/x');
 * // { type: 'https://concord.dev/problems/profile_not_found', title: 'Not Found', status: 404, code: 'PROFILE_NOT_FOUND', … }
 */
import type { ConcordError, ErrorKind } from '../core/errors.js';
import { redact } from '../core/redact.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  hint?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const STATUS_BY_KIND: Record<ErrorKind, number> = { usage: 400, data: 422, auth: 401, config: 400, quota: 429, transient: 503, bug: 500 };

/** Codes whose status the kind does not say. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  SYNC_RUNNING: 409,
  TOKEN_NAME_TAKEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict',
  413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests',
  500: 'Internal Server Error', 503: 'Service Unavailable',
};

/** The HTTP status of a ConcordError (`serverSide`: config errors are the server's own, so 500). */
export function statusOf(error: Pick<ConcordError, 'code' | 'kind'>, serverSide = false): number {
  const byCode = STATUS_BY_CODE[error.code];
  if (byCode !== undefined) return byCode;
  if (error.code.endsWith('_NOT_FOUND')) return 404;
  if (error.kind === 'config' && serverSide) return 500;
  return STATUS_BY_KIND[error.kind];
}

/** A problem with this status and code; `detail` says what to do. */
export function problem(status: number, code: string, detail: string, instance: string, hint?: string): Problem {
  return {
    type: `https://concord.dev/problems/${code.toLowerCase()}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: redact(detail),
    code,
    instance: redact(instance),
    ...(hint !== undefined && { hint: redact(hint) }),
  };
}

/** The problem of a ConcordError raised while answering `instance`. */
export function problemOf(error: ConcordError, instance: string, serverSide = false): Problem {
  return problem(statusOf(error, serverSide), error.code, error.message, instance, error.hint);
}
