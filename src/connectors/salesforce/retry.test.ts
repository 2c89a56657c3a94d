import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { salesforceError } from './errors.js';
import { shouldRetry, withRetry, type RetryPolicy } from './retry.js';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };

describe('shouldRetry', () => {
  it.each([
    ['503 without Retry-After, first failure', salesforceError(503, '', {}), 0, { retry: true, delayMs: 100 }],
    ['503, third failure: backoff doubles', salesforceError(503, '', {}), 2, { retry: true, delayMs: 400 }],
    ['429 with Retry-After 0.25 s', salesforceError(429, '', {}, 250), 0, { retry: true, delayMs: 250 }],
    ['Retry-After beyond the cap is capped', salesforceError(429, '', {}, 3_600_000), 0, { retry: true, delayMs: 1000 }],
    ['attempts used up', salesforceError(503, '', {}), 3, { retry: false }],
    ['a reset connection', new ConcordError('SALESFORCE_NETWORK', 'reset', { kind: 'transient' }), 1, { retry: true, delayMs: 200 }],
    ['daily limit: resumable, not retryable', salesforceError(403, '[{"errorCode":"REQUEST_LIMIT_EXCEEDED","message":"TotalRequests Limit exceeded."}]', {}), 0, { retry: false }],
    ['concurrent-request limit clears in seconds', salesforceError(403, '[{"errorCode":"REQUEST_LIMIT_EXCEEDED","message":"ConcurrentPerOrgLongTxn Limit exceeded."}]', {}), 0, { retry: true, delayMs: 100 }],
    ['bad query', salesforceError(400, '[{"errorCode":"MALFORMED_QUERY","message":"x"}]', {}), 0, { retry: false }],
    ['expired session (re-auth is not a retry)', salesforceError(401, '[{"errorCode":"INVALID_SESSION_ID","message":"x"}]', {}), 0, { retry: false }],
    ['not a ConcordError (a bug)', new TypeError('x is undefined'), 0, { retry: false }],
  ])('%s', (_name, error, attempt, expected) => {
    expect(shouldRetry(error, attempt, policy)).toEqual(expected);
  });
});

describe('withRetry', () => {
  it('retries transient failures and returns the first success', async () => {
    let calls = 0;
    const heard: number[] = [];
    const value = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw salesforceError(503, '', {});
        return 'ok';
      },
      { ...policy, baseDelayMs: 1 },
      (_e, attempt) => heard.push(attempt),
    );
    expect(value).toBe('ok');
    expect(heard).toEqual([0, 1]);
  });

  it('gives up with the last error', async () => {
    await expect(withRetry(async () => Promise.reject(salesforceError(502, '', {})), { ...policy, baseDelayMs: 1 })).rejects.toMatchObject({ code: 'SALESFORCE_HTTP_502', kind: 'transient' });
  });
});
