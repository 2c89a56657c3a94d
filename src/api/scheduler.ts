/**
 * The scheduler of `concord serve`: runs syncs one at a time — on request (`POST /api/runs`) and, when
 * `serve.intervalMinutes` is set, on an interval. At most one request waits behind the running sync; another
 * one is refused with SYNC_RUNNING (409). `stop()` drops the waiting request, asks the running sync to stop
 * after its current page (AbortSignal) and resolves once it has.
 *
 * @example
 * const scheduler = createScheduler({ job: configuredSyncJob(…), intervalMinutes: 15 });
 * await scheduler.requestSync({ reason: 'api' }); // { queued: true, runId: '…' }
 * await scheduler.stop();
 */
import { ConcordError } from '../core/errors.js';
import type { SyncRequester } from './context.js';

export interface SyncRequest {
  streams?: readonly string[] | undefined;
  full?: boolean | undefined;
  reason: string;
}

/** What the job tells the scheduler while it runs. */
export interface SyncJobHooks {
  /** Aborted when the server shuts down: finish the page in flight and return. */
  signal: AbortSignal;
  /** Called once the run is recorded in the store (so a request can answer with its id). */
  onRunStarted(runId: string): void;
}

/** One sync (and whatever follows it, such as identity resolution). Its errors are reported, not thrown on. */
export type SyncJob = (request: SyncRequest, hooks: SyncJobHooks) => Promise<void>;

export interface SchedulerOptions {
  job: SyncJob;
  /** Minutes between scheduled syncs; undefined: only on request. */
  intervalMinutes?: number | undefined;
  /** A job that threw (the scheduler goes on). */
  onError?: ((error: unknown, request: SyncRequest) => void) | undefined;
  /** A scheduled tick skipped because a sync was running. */
  onSkip?: ((request: SyncRequest) => void) | undefined;
}

export interface Scheduler extends SyncRequester {
  /** Requests that waited or ran, in order (for logs and tests). */
  readonly started: number;
  /** Stops the interval, drops the waiting request, aborts the running sync and waits for it. */
  stop(): Promise<void>;
}

interface Pending {
  request: SyncRequest;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  let running: Promise<void> | undefined;
  let pending: Pending | undefined;
  let controller = new AbortController();
  let stopped = false;
  let started = 0;

  /**
   * Starts `request` now. Resolves with the run id once the run is recorded, or undefined if the job ends
   * without one; rejects when the job fails before it records a run (a stream that does not exist, a
   * configuration without systems), so the requester hears why.
   */
  function start(request: SyncRequest): Promise<string | undefined> {
    started += 1;
    let settled = false;
    let announce: (runId: string | undefined) => void = () => undefined;
    let refuse: (error: unknown) => void = () => undefined;
    const runId = new Promise<string | undefined>((resolve, reject) => {
      announce = (id) => {
        if (!settled) resolve(id);
        settled = true;
      };
      refuse = (error) => {
        if (!settled) reject(error);
        settled = true;
      };
    });
    const job = (async () => {
      try {
        await options.job(request, { signal: controller.signal, onRunStarted: (id) => announce(id) });
      } catch (error) {
        options.onError?.(error, request);
        refuse(error);
      }
    })();
    running = job.finally(() => {
      announce(undefined);
      running = undefined;
      const next = pending;
      pending = undefined;
      // A waiting request's failure has no one to tell but the log (onError).
      if (next && !stopped) start(next.request).catch(() => undefined);
    });
    return runId;
  }

  const timer =
    options.intervalMinutes === undefined
      ? undefined
      : setInterval(() => {
          const request: SyncRequest = { reason: 'schedule' };
          if (stopped) return;
          if (running) options.onSkip?.(request);
          else start(request).catch(() => undefined);
        }, options.intervalMinutes * 60_000);
  // The interval alone must not keep the process alive.
  timer?.unref();

  return {
    get busy() {
      return running !== undefined;
    },
    get started() {
      return started;
    },
    async requestSync(request) {
      if (stopped) throw new ConcordError('SERVER_STOPPING', 'the server is shutting down', { kind: 'transient', hint: 'ask again once it is back' });
      if (!running) {
        const runId = await start(request);
        return runId === undefined ? { queued: true } : { queued: true, runId };
      }
      if (pending) {
        throw new ConcordError('SYNC_RUNNING', 'a sync is running and another one is already waiting', {
          kind: 'usage',
          hint: 'wait for the running sync to finish (GET /api/runs), then ask again',
        });
      }
      pending = { request };
      return { queued: true };
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      pending = undefined;
      controller.abort();
      while (running) await running;
      controller = new AbortController();
    },
  };
}
