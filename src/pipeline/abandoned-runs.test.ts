import { afterEach, describe, expect, it } from 'vitest';
import { STORES } from '../../test/support/stores.js';
import type { Run, Store } from '../store/store.js';
import { closeAbandonedRuns, isAbandoned, processAlive } from './abandoned-runs.js';

const run = (status: Run['status'], owner?: unknown): Run => ({
  id: 'r1', startedAt: '2026-01-01T00:00:00Z', status, request: owner === undefined ? {} : { owner },
  counts: { read: 0, loaded: 0, unchanged: 0, deleted: 0, deadLettered: 0 }, streams: [],
});
const dead = (): boolean => false;
const living = (): boolean => true;

describe('isAbandoned', () => {
  it.each([
    ['running, owner on this host is gone', run('running', { host: 'h1', pid: 999_999 }), dead, true],
    ['running, owner still alive', run('running', { host: 'h1', pid: 999_999 }), living, false],
    ['running, owned by another host', run('running', { host: 'h2', pid: 999_999 }), dead, false],
    ['running, no owner recorded (older runs)', run('running'), dead, false],
    ['running, malformed owner', run('running', { host: 'h1', pid: 'x' }), dead, false],
    ['running, owned by this very process', run('running', { host: 'h1', pid: process.pid }), dead, false],
    ['finished', run('succeeded', { host: 'h1', pid: 999_999 }), dead, false],
  ] as const)('%s', (_name, r, alive, expected) => {
    expect(isAbandoned(r, 'h1', alive)).toBe(expected);
  });
});

describe('processAlive', () => {
  it('sees this process and not a pid that cannot exist', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(2 ** 22 + 7)).toBe(false); // above Linux's pid_max limit
  });
});

for (const backend of STORES) {
  describe(`closeAbandonedRuns on ${backend.name}`, () => {
    let store: Store | undefined;
    afterEach(async () => store?.close());

    it('closes only the runs whose owner on this host is gone, with a reason', async () => {
      store = await backend.open();
      await store.migrate();
      const gone = await store.startRun({ owner: { host: 'h1', pid: 4242 } });
      const alive = await store.startRun({ owner: { host: 'h1', pid: 4343 } });
      const elsewhere = await store.startRun({ owner: { host: 'h2', pid: 4242 } });
      const done = await store.startRun({ owner: { host: 'h1', pid: 4242 } });
      await store.finishRun(done.id, 'succeeded');

      const closed = await closeAbandonedRuns(store, { host: 'h1', alive: (pid) => pid === 4343 });
      expect(closed).toEqual([gone.id]);
      const after = await store.getRun(gone.id);
      expect(after?.status).toBe('failed');
      expect(after?.error).toMatch(/^interrupted: the process \(pid 4242 on h1\)/);
      expect((await store.getRun(alive.id))?.status).toBe('running');
      expect((await store.getRun(elsewhere.id))?.status).toBe('running');
      expect((await store.getRun(done.id))?.status).toBe('succeeded');
      // A second pass has nothing left to do.
      expect(await closeAbandonedRuns(store, { host: 'h1', alive: (pid) => pid === 4343 })).toEqual([]);
    });
  });
}
