/**
 * Salesforce error responses → ConcordErrors whose hint names the fix (anchors §1.10 #2: raw vendor errors
 * confuse users). REST errors are a JSON array `[{"message","errorCode","fields"?}]`; the token endpoint answers
 * `{"error","error_description"}`; the edge answers 414 with an HTML page (vendor notes A1, A9).
 *
 * @example
 * const e = salesforceError(401, '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]', { system: 'crm' });
 * e.code;  // 'SALESFORCE_INVALID_SESSION_ID'
 * e.kind;  // 'auth'
 */
import { ConcordError, type ErrorContext, type ErrorKind } from '../../core/errors.js';

interface ErrorAdvice {
  kind: ErrorKind;
  hint: string;
}

/** What each Salesforce error code means for a sync, and what the user should do about it. */
export const SALESFORCE_ERROR_TABLE: Readonly<Record<string, ErrorAdvice>> = {
  INVALID_SESSION_ID: { kind: 'auth', hint: 'the access token expired or was revoked; Concord re-authenticates once — if this persists, check the connected app\'s session policies and that the run-as user is active' },
  REQUEST_LIMIT_EXCEEDED: { kind: 'quota', hint: 'the org\'s daily API request limit is used up; the run stopped with its checkpoint kept — run again after the 24-hour window rolls, or lower quotaStopPercent to leave room for other integrations' },
  API_DISABLED_FOR_ORG: { kind: 'config', hint: 'the org\'s edition or the run-as user\'s profile lacks "API Enabled"; grant it in Setup → Profiles (or a permission set)' },
  API_CURRENTLY_DISABLED: { kind: 'config', hint: 'API access is disabled for this user; enable "API Enabled" on the profile or permission set' },
  INSUFFICIENT_ACCESS: { kind: 'config', hint: 'the run-as user cannot read this object; grant Read on it (and View All Data for objects such as EntitySubscription)' },
  INVALID_TYPE: { kind: 'config', hint: 'the object does not exist or the run-as user cannot see it; check the name in `concord discover` and the user\'s object permissions' },
  INVALID_FIELD: { kind: 'config', hint: 'a field is not visible to the run-as user (field-level security) or was deleted; run `concord discover` again and grant field access' },
  MALFORMED_QUERY: { kind: 'bug', hint: 'Concord built a query Salesforce rejects; report it with the object name and apiVersion' },
  INVALID_QUERY_LOCATOR: { kind: 'transient', hint: 'a query cursor expired (idle over 15 minutes or too many open); the read restarts from the last checkpoint' },
  QUERY_TIMEOUT: { kind: 'transient', hint: 'Salesforce timed the query out; the next run resumes from the checkpoint — if it repeats, lower queryChunkRows' },
  INVALID_REPLICATION_DATE: { kind: 'data', hint: 'the deleted-records window is older than 30 days; the next read is a full read that reconciles deletions' },
  EXCEEDED_ID_LIMIT: { kind: 'data', hint: 'more than 600,000 changes in the window; a full read reconciles instead' },
  UNABLE_TO_LOCK_ROW: { kind: 'transient', hint: 'another process holds the record lock; retried' },
  SERVER_UNAVAILABLE: { kind: 'transient', hint: 'Salesforce is busy or in maintenance; retried with backoff' },
  TXN_SECURITY_METERING_ERROR: { kind: 'config', hint: 'a Transaction Security policy blocked the request; grant the run-as user "Exempt from Transaction Security" or adjust the policy' },
  INVALIDJOB: { kind: 'data', hint: 'Bulk API rejected the query job; the read falls back to REST' },
  JOB_NOT_COMPLETE: { kind: 'transient', hint: 'the Bulk job is not complete yet' },
  URI_TOO_LONG: { kind: 'data', hint: 'the query URL is over 16,384 characters; Concord sends such reads through Bulk API 2.0' },
  invalid_client_id: { kind: 'auth', hint: 'the consumer key is wrong: check the variable named by auth.clientIdEnv against the app (Setup → App Manager → View → Consumer Key)' },
  invalid_client: { kind: 'auth', hint: 'the consumer secret is wrong or client credentials are not enabled on the app; check auth.clientSecretEnv and "Enable Client Credentials Flow" with a run-as user' },
  invalid_grant: { kind: 'auth', hint: 'the grant was refused: for client credentials use the My Domain login URL; for JWT check the certificate, that the user is pre-authorized and the clock; for refresh tokens issue a new one' },
  unsupported_grant_type: { kind: 'auth', hint: 'the flow is not enabled on this app or host; client credentials only work on the My Domain URL' },
};

/** Pulls `errorCode`/`message` out of a REST error array or an OAuth error object. */
export function parseErrorBody(body: string): { errorCode: string | undefined; message: string | undefined } {
  try {
    const parsed = JSON.parse(body) as unknown;
    const first = Array.isArray(parsed) ? (parsed[0] as Record<string, unknown> | undefined) : (parsed as Record<string, unknown>);
    if (first && typeof first === 'object') {
      const code = first['errorCode'] ?? first['error'];
      const message = first['message'] ?? first['error_description'];
      return { errorCode: typeof code === 'string' ? code : undefined, message: typeof message === 'string' ? message : undefined };
    }
  } catch {
    // Not JSON: an HTML page from the edge (414, 502 …).
  }
  return { errorCode: undefined, message: undefined };
}

/** The HTTP statuses that are worth another try whatever the body says (vendor notes A9, jsforce's list). */
const RETRYABLE_STATUS = new Set([408, 420, 429, 500, 502, 503, 504]);

/**
 * A ConcordError for a failed Salesforce response: code `SALESFORCE_<errorCode>`, kind from the table (or the
 * status), the status, error code and Retry-After in the context for the retry policy.
 *
 * @example
 * salesforceError(503, '', { system: 'crm' }, 2000).kind; // 'transient'
 */
export function salesforceError(status: number, body: string, context: ErrorContext, retryAfterMs?: number): ConcordError {
  const parsed = parseErrorBody(body);
  const errorCode = parsed.errorCode ?? (status === 414 ? 'URI_TOO_LONG' : `HTTP_${status}`);
  const advice = SALESFORCE_ERROR_TABLE[errorCode];
  let kind: ErrorKind = advice?.kind ?? (RETRYABLE_STATUS.has(status) ? 'transient' : status === 401 ? 'auth' : status >= 500 ? 'transient' : 'data');
  // 403 REQUEST_LIMIT_EXCEEDED is also the concurrent long-request limit, which clears in seconds: retry that one.
  if (RETRYABLE_STATUS.has(status) || (errorCode === 'REQUEST_LIMIT_EXCEEDED' && /concurrent/i.test(parsed.message ?? ''))) kind = 'transient';
  const message = `Salesforce answered ${status} ${errorCode}${parsed.message ? `: ${parsed.message}` : ''}`;
  return new ConcordError(`SALESFORCE_${errorCode.toUpperCase()}`, message, {
    kind,
    context: { ...context, status, errorCode, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
    hint: advice?.hint ?? (kind === 'transient' ? 'retried with backoff; if it persists, check https://status.salesforce.com' : `see the Salesforce error code ${errorCode}`),
  });
}

/** A network failure (reset, refused, timeout) as a transient ConcordError. */
export function networkError(cause: unknown, context: ErrorContext, timedOut: boolean): ConcordError {
  const detail = cause instanceof Error ? (cause.cause instanceof Error ? `${cause.message}: ${cause.cause.message}` : cause.message) : String(cause);
  return new ConcordError(timedOut ? 'SALESFORCE_TIMEOUT' : 'SALESFORCE_NETWORK', timedOut ? 'Salesforce did not answer in time' : `connection to Salesforce failed (${detail})`, {
    kind: 'transient',
    context: { ...context, network: true },
    hint: timedOut ? 'retried; raise requestTimeoutSeconds if the org is slow' : 'retried; check the network path to the instance URL',
    cause,
  });
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.round(Number(header) * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
