import { describe, expect, it } from 'vitest';
import { createScheduler, type SyncJob, type SyncRequest } from './scheduler.js';

/** A job whose runs end when the test says so, recording how many run at once. */
function controlledJob() {
  const finishers: Array<() => void> = [];
  const seen: Array<{ request: SyncRequest; aborted: () => boolean }> = [];
  let active = 0;
  let maxActive = 0;
  const job: SyncJob = async (request, hooks) => {
    active += 1;
    maxActive = Math.max(maxActive, active);
    seen.push({ request, aborted: () => hooks.signal.aborted });
    hooks.onRunStarted(`run-${seen.length}`);
    await new Promise<void>((resolve) => {
      finishers.push(resolve);
      hooks.signal.addEventListener('abort', () => resolve());
    });
    active -= 1;
  };
  const finishNext = async (): Promise<void> => {
    finishers.shift()?.();
    // Let the scheduler start what waited.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { job, seen, finishNext, maxActive: () => maxActive };
}

describe('scheduler', () => {
  it('runs one sync at a time, keeps one waiting request and refuses a third', async () => {
    const c = controlledJob();
    const scheduler = createScheduler({ job: c.job });
    expect(await scheduler.requestSync({ reason: 'a' })).toEqual({ queued: true, runId: 'run-1' });
    expect(scheduler.busy).toBe(true);
    expect(await scheduler.requestSync({ reason: 'b', streams: ['sf/Contact'] })).toEqual({ queued: true });
    await expect(scheduler.requestSync({ reason: 'c' })).rejects.toMatchObject({ code: 'SYNC_RUNNING' });
    expect(c.seen.map((s) => s.request.reason)).toEqual(['a']);

    await c.finishNext();
    expect(c.seen.map((s) => s.request.reason)).toEqual(['a', 'b']);
    expect(c.seen[1]!.request.streams).toEqual(['sf/Contact']);
    await c.finishNext();
    expect(scheduler.busy).toBe(false);
    expect(c.maxActive()).toBe(1);
    expect(scheduler.started).toBe(2);
    await scheduler.stop();
  });

  it('tells the requester why a sync failed before it started, and goes on', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const scheduler = createScheduler({
      job: async (_request, hooks) => {
        calls += 1;
        if (calls === 1) throw new Error('plan failed');
        hooks.onRunStarted('run-2');
        throw new Error('stream failed');
      },
      onError: (error) => errors.push(error),
    });
    await expect(scheduler.requestSync({ reason: 'x' })).rejects.toThrow('plan failed');
    // Once the run is recorded, the requester has its answer; a later failure is the run's (and the log's).
    expect(await scheduler.requestSync({ reason: 'y' })).toEqual({ queued: true, runId: 'run-2' });
    expect(errors.map((e) => (e as Error).message)).toEqual(['plan failed', 'stream failed']);
    expect(calls).toBe(2);
    await scheduler.stop();
  });

  it('stop aborts the running sync, drops the waiting one and refuses new ones', async () => {
    const c = controlledJob();
    const scheduler = createScheduler({ job: c.job });
    await scheduler.requestSync({ reason: 'a' });
    await scheduler.requestSync({ reason: 'b' });
    await scheduler.stop();
    expect(c.seen).toHaveLength(1);
    expect(c.seen[0]!.aborted()).toBe(true);
    expect(scheduler.busy).toBe(false);
    await expect(scheduler.requestSync({ reason: 'c' })).rejects.toMatchObject({ code: 'SERVER_STOPPING' });
  });
});
