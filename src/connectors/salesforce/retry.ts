/**
 * The retry policy as a pure predicate (STYLE.md), apart from the loop that runs it. Transient errors (429, 5xx,
 * 420, timeouts, resets, lock contention) are retried with exponential backoff or the server's Retry-After;
 * quota exhaustion is resumable, not retryable; auth, config and data errors are not retried.
 *
 * @example
 * shouldRetry(err503, 0, { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60000 }); // { retry: true, delayMs: 1000 }
 * shouldRetry(quotaError, 0, policy); // { retry: false }
 */
import { isConcordError } from '../../core/errors.js';

export interface RetryPolicy {
  /** Tries in all, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * Whether to try again after `attempt` (0-based) failed with `error`, and how long to wait.
 *
 * @example
 * shouldRetry(new ConcordError('SALESFORCE_NETWORK', 'reset', { kind: 'transient' }), 1, policy) // { retry: true, delayMs: 2 * base }
 */
export function shouldRetry(error: unknown, attempt: number, policy: RetryPolicy): RetryDecision {
  if (!isConcordError(error) || error.kind !== 'transient') return { retry: false };
  if (attempt + 1 >= policy.maxAttempts) return { retry: false };
  const serverSays = error.context['retryAfterMs'];
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  // Retry-After is the server's word; still capped, so a bogus header cannot park a run for hours.
  return { retry: true, delayMs: typeof serverSays === 'number' ? Math.min(policy.maxDelayMs, serverSays) : backoff };
}

/**
 * Runs `task` until it succeeds or `shouldRetry` says stop; `onRetry` hears each retry (for logs and tests).
 *
 * @example
 * await withRetry(() => fetchPage(url), policy);
 */
export async function withRetry<T>(task: (attempt: number) => Promise<T>, policy: RetryPolicy, onRetry?: (error: unknown, attempt: number, delayMs: number) => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await task(attempt);
    } catch (error) {
      const decision = shouldRetry(error, attempt, policy);
      if (!decision.retry) throw error;
      onRetry?.(error, attempt, decision.delayMs);
      await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
    }
  }
}
