/**
 * The org session: a token (re-requested once when Salesforce answers INVALID_SESSION_ID), every call through
 * one retry policy, the daily API usage read from each response's `Sforce-Limit-Info`, and the quota guard that
 * stops before the configured share of the limit is spent.
 *
 * Describe goes through jsforce's `Connection` (it knows the resource and its shape). Query, queryMore, the
 * replication resources and Bulk 2.0 go through fetch, because a read needs what jsforce's query API hides:
 * the response headers of every page (the limits header), one retry policy for GET and POST alike (jsforce does
 * not retry POSTs), the 16,384-character URL check before a GET, and the raw CSV pages with their
 * `Sforce-Locator` header.
 *
 * @example
 * const client = new SalesforceClient(config, process.env, 'crm');
 * const page = await client.json<QueryPage>('GET', `/query?q=${encodeURIComponent(soql)}`);
 */
import { Connection } from 'jsforce';
import { ConcordError, isConcordError, type ErrorContext } from '../../core/errors.js';
import { requestToken, type TokenGrant } from './auth.js';
import { networkError, retryAfterMs, salesforceError } from './errors.js';
import { withRetry, type RetryPolicy } from './retry.js';
import type { SalesforceConfig } from './spec.js';

/** Longest GET URL Salesforce accepts (414 URI Too Long beyond it). */
export const MAX_GET_URL_LENGTH = 16_384;

export interface ApiUsage {
  used: number;
  limit: number;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * Parses `Sforce-Limit-Info: api-usage=10018/100000` (A10; older orgs append `; per-app-api-usage=…`).
 *
 * @example
 * parseLimitInfo('api-usage=25/15000; per-app-api-usage=17/250(appName=x)') // { used: 25, limit: 15000 }
 */
export function parseLimitInfo(header: string | null): ApiUsage | undefined {
  const m = header ? /api-usage=(\d+)\/(\d+)/.exec(header) : null;
  return m ? { used: Number(m[1]), limit: Number(m[2]) } : undefined;
}

export class SalesforceClient {
  /** Latest daily API usage the org reported. */
  usage: ApiUsage | undefined;
  /** Token requests made (the first and every re-authentication). */
  tokenRequests = 0;
  /** Retries made, for reports and tests. */
  retries = 0;
  private grant: TokenGrant | undefined;
  private pending: Promise<TokenGrant> | undefined;
  readonly policy: RetryPolicy;

  constructor(
    private readonly config: SalesforceConfig,
    private readonly env: NodeJS.ProcessEnv,
    private readonly system: string,
  ) {
    this.policy = { maxAttempts: config.maxAttempts, baseDelayMs: config.retryBaseSeconds * 1000, maxDelayMs: 60_000 };
  }

  get apiBase(): string {
    return `/services/data/v${this.config.apiVersion}`;
  }

  /** The current token, requesting one when there is none. */
  async session(): Promise<TokenGrant> {
    if (this.grant) return this.grant;
    // Concurrent callers share one token request.
    this.pending ??= withRetry(
      () => {
        this.tokenRequests++;
        return requestToken(this.config, this.env, this.system);
      },
      this.policy,
      () => this.retries++,
    ).finally(() => {
      this.pending = undefined;
    });
    this.grant = await this.pending;
    return this.grant;
  }

  private invalidate(): void {
    this.grant = undefined;
  }

  /**
   * Throws a `quota` error once the reported usage reaches `quotaStopPercent`: the read stops between pages,
   * so every page already yielded keeps its checkpoint (anchors §1.10 #1).
   */
  guardQuota(context: ErrorContext = {}): void {
    if (!this.usage || this.usage.limit <= 0) return;
    const percent = (this.usage.used / this.usage.limit) * 100;
    if (percent >= this.config.quotaStopPercent) {
      throw new ConcordError('SALESFORCE_QUOTA_STOP', `daily API usage ${this.usage.used}/${this.usage.limit} (${percent.toFixed(1)}%) reached quotaStopPercent ${this.config.quotaStopPercent}%`, {
        kind: 'quota',
        context: { system: this.system, ...context, used: this.usage.used, limit: this.usage.limit },
        hint: 'stopped with the checkpoint kept: the next run resumes where this one stopped, once the 24-hour usage window has room (or raise quotaStopPercent)',
      });
    }
  }

  private noteUsage(headers: Headers): void {
    const usage = parseLimitInfo(headers.get('sforce-limit-info'));
    if (usage) this.usage = usage;
  }

  /**
   * One REST call with retries and one re-authentication; a non-2xx answer becomes a ConcordError from the
   * error table. `path` is relative to the API version (`/query?q=…`) or absolute (`/services/data/…`).
   */
  async raw(method: string, path: string, options: { body?: string; headers?: Record<string, string>; context?: ErrorContext } = {}): Promise<RawResponse> {
    const context: ErrorContext = { system: this.system, ...options.context };
    return withRetry(
      async () => {
        this.guardQuota(options.context);
        let reauthenticated = false;
        for (;;) {
          const grant = await this.session();
          const url = `${grant.instanceUrl}${path.startsWith('/services/') ? path : `${this.apiBase}${path}`}`;
          if (method === 'GET' && url.length > MAX_GET_URL_LENGTH) {
            throw new ConcordError('SALESFORCE_URI_TOO_LONG', `a GET of ${url.length} characters is over Salesforce's ${MAX_GET_URL_LENGTH}`, {
              kind: 'bug',
              context,
              hint: 'reads that long go through Bulk API 2.0; report this with the object name',
            });
          }
          let response: Response;
          let text: string;
          try {
            response = await fetch(url, {
              method,
              headers: { Authorization: `Bearer ${grant.accessToken}`, Accept: 'application/json', ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...options.headers },
              ...(options.body === undefined ? {} : { body: options.body }),
              signal: AbortSignal.timeout(this.config.requestTimeoutSeconds * 1000),
            });
            text = await response.text();
          } catch (cause) {
            const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
            throw networkError(cause, context, timedOut);
          }
          this.noteUsage(response.headers);
          if (response.ok) return { status: response.status, headers: response.headers, text };
          const error = salesforceError(response.status, text, context, retryAfterMs(response.headers.get('retry-after')));
          if (error.code === 'SALESFORCE_INVALID_SESSION_ID' && !reauthenticated) {
            reauthenticated = true;
            this.invalidate();
            continue;
          }
          throw error;
        }
      },
      this.policy,
      () => this.retries++,
    );
  }

  async json<T>(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; context?: ErrorContext } = {}): Promise<T> {
    const response = await this.raw(method, path, {
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.context ? { context: options.context } : {}),
    });
    return (response.text === '' ? undefined : JSON.parse(response.text)) as T;
  }

  /**
   * Runs a jsforce call on a Connection bound to the current token, under the same quota guard, retry policy
   * and single re-authentication as `raw`.
   */
  async withConnection<T>(task: (conn: Connection) => Promise<T>, context: ErrorContext = {}): Promise<T> {
    return withRetry(
      async () => {
        this.guardQuota(context);
        let reauthenticated = false;
        for (;;) {
          const grant = await this.session();
          const conn = new Connection({ instanceUrl: grant.instanceUrl, accessToken: grant.accessToken, version: this.config.apiVersion });
          try {
            const result = await task(conn);
            if (conn.limitInfo.apiUsage) this.usage = { used: conn.limitInfo.apiUsage.used, limit: conn.limitInfo.apiUsage.limit };
            return result;
          } catch (cause) {
            if (conn.limitInfo.apiUsage) this.usage = { used: conn.limitInfo.apiUsage.used, limit: conn.limitInfo.apiUsage.limit };
            const error = jsforceError(cause, { system: this.system, ...context });
            if (error.code === 'SALESFORCE_INVALID_SESSION_ID' && !reauthenticated) {
              reauthenticated = true;
              this.invalidate();
              continue;
            }
            throw error;
          }
        }
      },
      this.policy,
      () => this.retries++,
    );
  }
}

/** A jsforce error (HttpApiError carries `errorCode`; `ERROR_HTTP_503` when the body had none) as a ConcordError. */
function jsforceError(cause: unknown, context: ErrorContext): ConcordError {
  if (isConcordError(cause)) return cause;
  const code = cause instanceof Error ? ((cause as Error & { errorCode?: string }).errorCode ?? cause.name) : '';
  const http = /^ERROR_HTTP_(\d{3})$/.exec(code);
  if (http) return salesforceError(Number(http[1]), '', context);
  if (code && code !== 'Error' && code !== 'FetchError' && code !== 'TypeError') {
    const status = code === 'INVALID_SESSION_ID' ? 401 : code === 'REQUEST_LIMIT_EXCEEDED' ? 403 : code === 'NOT_FOUND' ? 404 : 400;
    return salesforceError(status, JSON.stringify([{ errorCode: code, message: cause instanceof Error ? cause.message : '' }]), context);
  }
  return networkError(cause, context, false);
}
