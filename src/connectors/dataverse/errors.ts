/**
 * Dataverse error responses → ConcordErrors whose hint names the fix (anchors §1.10 #2: raw vendor errors
 * confuse users). The Web API answers `{"error":{"code":"0x…","message":"…"}}` (the code is often empty, so the
 * HTTP status and the message decide); Entra ID's token endpoint answers `{"error","error_description"}` with
 * `AADSTS…` codes in the description (vendor notes C1, C6).
 *
 * @example
 * const e = dataverseError(429, '{"error":{"code":"0x80072322","message":"Number of requests exceeded"}}', { system: 'dv' }, 5000);
 * e.code; // 'DATAVERSE_0X80072322'
 * e.kind; // 'transient' (retried after Retry-After)
 */
import { ConcordError, type ErrorContext, type ErrorKind } from '../../core/errors.js';

interface ErrorAdvice {
  kind: ErrorKind;
  hint: string;
}

/** What each Dataverse / Entra ID error code means for a sync, and what the user should do about it. */
export const DATAVERSE_ERROR_TABLE: Readonly<Record<string, ErrorAdvice>> = {
  '0x80072322': { kind: 'transient', hint: 'service protection limit: more than 6,000 requests in 5 minutes for this user; retried after Retry-After — if it repeats, lower the run\'s concurrency or page count' },
  '0x80072321': { kind: 'transient', hint: 'service protection limit: over 1,200 s of combined execution time in 5 minutes; retried after Retry-After — larger pages or fewer columns help' },
  '0x80072326': { kind: 'transient', hint: 'service protection limit: more than 52 concurrent requests for this user; retried after Retry-After' },
  '0x80040217': { kind: 'data', hint: 'the record does not exist (deleted meanwhile); the next read reconciles it' },
  '0x80040220': { kind: 'config', hint: 'the application user lacks a privilege on this table: give it a security role with Read (organization level) on the table in Power Platform admin center → environment → Settings → Application users' },
  '0x80048306': { kind: 'config', hint: 'the application user has no security role in this environment; assign one (Application users → Manage roles)' },
  '0x80060888': { kind: 'config', hint: 'a column or query option does not exist on this table; run `concord discover` and check the table and column logical names' },
  '0x8004430d': { kind: 'config', hint: 'the table does not exist or is not visible to the application user; check its logical name with `concord discover`' },
  '0x80044352': { kind: 'data', hint: 'the change-tracking token expired (older than the org\'s ExpireChangeTrackingInDays, default 7) — Concord reads the whole table again and reconciles deletions' },
  '0x80072491': { kind: 'config', hint: 'change tracking is not enabled on this table: turn on "Track changes" in the table\'s properties (make.powerapps.com → Tables → Properties → Advanced)' },
  invalid_client: { kind: 'auth', hint: 'the client secret is wrong or expired: create a new one under App registrations → Certificates & secrets and put it in the variable clientSecretEnv names' },
  unauthorized_client: { kind: 'auth', hint: 'the application id is not known in this tenant: check clientIdEnv\'s value and tenantId' },
  invalid_request: { kind: 'auth', hint: 'the token request was refused: check tenantId and authorityHost (another cloud needs its own host)' },
  invalid_scope: { kind: 'config', hint: 'the scope <environmentUrl>/.default was refused: check environmentUrl (no path, the environment\'s own host)' },
  invalid_grant: { kind: 'auth', hint: 'the grant was refused: the app registration may be disabled or the secret revoked' },
  HTTP_401: { kind: 'auth', hint: 'the token was refused: the app registration must be added to the environment as an application user (Power Platform admin center → environment → Settings → Application users)' },
  HTTP_403: { kind: 'config', hint: 'the application user lacks a privilege: give it a security role with Read on the table' },
  HTTP_404: { kind: 'config', hint: 'no such table or resource: check environmentUrl and the table logical name (`concord discover`)' },
};

/** Pulls `code`/`message` out of a Web API error or an OAuth error body. */
export function parseErrorBody(body: string): { code: string | undefined; message: string | undefined } {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const inner = parsed['error'];
    if (inner !== null && typeof inner === 'object') {
      const e = inner as Record<string, unknown>;
      return { code: typeof e['code'] === 'string' && e['code'] !== '' ? e['code'].toLowerCase() : undefined, message: typeof e['message'] === 'string' ? e['message'] : undefined };
    }
    if (typeof inner === 'string') return { code: inner, message: typeof parsed['error_description'] === 'string' ? parsed['error_description'] : undefined };
  } catch {
    // Not JSON: a gateway page (502, 504 …).
  }
  return { code: undefined, message: undefined };
}

/** Statuses worth another try whatever the body says (vendor notes C6). */
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/**
 * True when an error says the change-tracking (delta) token can no longer be used, so the read must start over.
 * Dataverse answers 400 with a message about the token; the code is not always set (vendor notes C3).
 *
 * @example
 * isExpiredDeltaToken(dataverseError(400, '{"error":{"code":"0x80044352","message":"Version stamp associated with the client has expired"}}', {})) // true
 */
export function isExpiredDeltaToken(error: ConcordError): boolean {
  return error.code === 'DATAVERSE_0X80044352' || (error.context['status'] === 400 && /delta ?token|version stamp|change tracking token/i.test(error.message) && /expire|invalid|not valid/i.test(error.message));
}

/**
 * A ConcordError for a failed Dataverse response: code `DATAVERSE_<code>` (the Web API's hex code, the OAuth
 * error, or `HTTP_<status>`), kind from the table or the status, and the status and Retry-After in the context
 * for the retry policy.
 *
 * @example
 * dataverseError(503, '', { system: 'dv' }).kind; // 'transient'
 */
export function dataverseError(status: number, body: string, context: ErrorContext, retryAfterMs?: number): ConcordError {
  const parsed = parseErrorBody(body);
  const code = parsed.code ?? `HTTP_${status}`;
  const advice = DATAVERSE_ERROR_TABLE[code] ?? (parsed.code === undefined ? undefined : DATAVERSE_ERROR_TABLE[`HTTP_${status}`]);
  let kind: ErrorKind = advice?.kind ?? (status === 401 ? 'auth' : status >= 500 ? 'transient' : 'data');
  if (RETRYABLE_STATUS.has(status)) kind = 'transient';
  const message = `Dataverse answered ${status}${parsed.code ? ` ${parsed.code}` : ''}${parsed.message ? `: ${parsed.message}` : ''}`;
  return new ConcordError(`DATAVERSE_${code.toUpperCase()}`, message, {
    kind,
    context: { ...context, status, ...(parsed.code ? { errorCode: parsed.code } : {}), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
    hint: advice?.hint ?? (kind === 'transient' ? 'retried with backoff; if it persists, check the environment\'s health in the Power Platform admin center' : `see the Dataverse Web API error ${code}`),
  });
}

/** A network failure (reset, refused, timeout) as a transient ConcordError. */
export function networkError(cause: unknown, context: ErrorContext, timedOut: boolean): ConcordError {
  const detail = cause instanceof Error ? (cause.cause instanceof Error ? `${cause.message}: ${cause.cause.message}` : cause.message) : String(cause);
  return new ConcordError(timedOut ? 'DATAVERSE_TIMEOUT' : 'DATAVERSE_NETWORK', timedOut ? 'Dataverse did not answer in time' : `connection to Dataverse failed (${detail})`, {
    kind: 'transient',
    context: { ...context, network: true },
    hint: timedOut ? 'retried; raise requestTimeoutSeconds if the environment is slow' : 'retried; check the network path to the environment URL',
    cause,
  });
}
