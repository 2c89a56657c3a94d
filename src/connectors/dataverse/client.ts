/**
 * The Web API session: a token (re-requested when it is about to expire, and once when Dataverse answers 401),
 * the OData headers every call needs, and every call through one retry policy that honours `Retry-After`
 * (service protection limits answer 429 with it, vendor notes C6).
 *
 * @example
 * const client = new DataverseClient(config, process.env, 'dynamics');
 * const page = await client.json<{ value: unknown[] }>('/contacts?$select=fullname', { prefer: ['odata.maxpagesize=500'] });
 */
import type { ErrorContext } from '../../core/errors.js';
import { retryAfterMs } from '../salesforce/errors.js';
import { withRetry, type RetryPolicy } from '../salesforce/retry.js';
import { requestToken, resourceOf, type AccessToken } from './auth.js';
import { dataverseError, networkError } from './errors.js';
import type { DataverseConfig } from './spec.js';

export interface CallOptions {
  method?: string;
  /** `Prefer` preferences (`odata.maxpagesize=500`, `odata.track-changes` …). */
  prefer?: string[];
  body?: unknown;
  /** A body sent as it is (a `$batch` multipart body), instead of `body` as JSON. */
  rawBody?: { contentType: string; body: string };
  headers?: Record<string, string>;
  context?: ErrorContext;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

export class DataverseClient {
  /** Token requests made (the first and every refresh). */
  tokenRequests = 0;
  /** Retries made, for reports and tests. */
  retries = 0;
  readonly policy: RetryPolicy;
  readonly apiBase: string;
  private token: AccessToken | undefined;
  private pending: Promise<AccessToken> | undefined;

  constructor(
    private readonly config: DataverseConfig,
    private readonly env: NodeJS.ProcessEnv,
    private readonly system: string,
    private readonly now: () => number = Date.now,
  ) {
    // Retry-After under service protection can be minutes; capped at 5 so a bogus header cannot park a run.
    this.policy = { maxAttempts: config.maxAttempts, baseDelayMs: config.retryBaseSeconds * 1000, maxDelayMs: 300_000 };
    this.apiBase = `${resourceOf(config.environmentUrl)}/api/data/v${config.apiVersion}`;
  }

  /** The current token, requesting one when there is none or it is about to expire. */
  async accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.refreshAt) return this.token.accessToken;
    // Concurrent callers share one token request.
    this.pending ??= withRetry(
      () => {
        this.tokenRequests++;
        return requestToken(this.config, this.env, this.system, this.now);
      },
      this.policy,
      () => this.retries++,
    ).finally(() => {
      this.pending = undefined;
    });
    this.token = await this.pending;
    return this.token.accessToken;
  }

  /**
   * One Web API call with retries and one token refresh on 401; a non-2xx answer becomes a ConcordError from
   * the error table. `path` is relative to the API base (`/contacts?…`) or a full URL (a nextLink or deltaLink,
   * followed verbatim as the documentation asks).
   */
  async json<T>(path: string, options: CallOptions = {}): Promise<T> {
    const response = await this.raw(path, options);
    return (response.text === '' ? undefined : JSON.parse(response.text)) as T;
  }

  /** {@link json}, but the status, headers and body text as they came (writes read `OData-EntityId` and 201 vs 200). */
  async raw(path: string, options: CallOptions = {}): Promise<RawResponse> {
    const context: ErrorContext = { system: this.system, ...options.context };
    const url = /^https?:\/\//.test(path) ? path : `${this.apiBase}${path}`;
    const method = options.method ?? 'GET';
    return withRetry(
      async () => {
        let refreshed = false;
        for (;;) {
          const token = await this.accessToken();
          let response: Response;
          let text: string;
          try {
            response = await fetch(url, {
              method,
              headers: {
                Authorization: `Bearer ${token}`,
                Accept: 'application/json',
                'OData-Version': '4.0',
                'OData-MaxVersion': '4.0',
                ...(options.prefer && options.prefer.length > 0 ? { Prefer: options.prefer.join(',') } : {}),
                ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
                ...(options.rawBody === undefined ? {} : { 'Content-Type': options.rawBody.contentType }),
                ...options.headers,
              },
              ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
              ...(options.rawBody === undefined ? {} : { body: options.rawBody.body }),
              signal: AbortSignal.timeout(this.config.requestTimeoutSeconds * 1000),
            });
            text = await response.text();
          } catch (cause) {
            throw networkError(cause, context, cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError'));
          }
          if (response.ok) return { status: response.status, headers: response.headers, text };
          if (response.status === 401 && !refreshed) {
            // The token expired or was revoked early: one fresh token, then the answer stands.
            refreshed = true;
            this.token = undefined;
            continue;
          }
          throw dataverseError(response.status, text, context, retryAfterMs(response.headers.get('retry-after')));
        }
      },
      this.policy,
      () => this.retries++,
    );
  }
}
