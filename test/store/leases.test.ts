/**
 * Store leases on both backends: one holder at a time, expiry, take-over of a holder known to be gone, release;
 * and identity resolution made exclusive by one (two resolutions at once wait for each other; a lease left by a
 * killed process on this machine does not block; a live one ends in IDENTITY_BUSY).
 */
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { RESOLVE_LEASE, resolvePersons } from '../../src/identity/resolve.js';
import { holderProcess, leaseHolder } from '../../src/store/leases.js';
import type { Store } from '../../src/store/store.js';
import { distinctPeople, storePeople } from '../identity-store/people.js';
import { STORES } from '../support/stores.js';

describe('holderProcess', () => {
  it.each([
    ['host-1:4242:0a1b2c3d', { host: 'host-1', pid: 4242 }],
    ['a:b:77:deadbeef', { host: 'a:b', pid: 77 }],
    ['no-pid', undefined],
  ])('%s', (holder, expected) => {
    expect(holderProcess(holder)).toEqual(expected);
  });

  it('names this process', () => {
    expect(holderProcess(leaseHolder())).toEqual({ host: hostname(), pid: process.pid });
  });
});

for (const backend of STORES) {
  describe(`leases (${backend.name})`, () => {
    let store: Store | undefined;
    afterEach(async () => store?.close());

    it('one holder at a time; expired leases and the holder itself may take it again', async () => {
      let now = Date.parse('2026-01-01T00:00:00Z');
      store = await backend.open({ clock: () => new Date(now) });
      await store.migrate();
      expect(await store.acquireLease('job', 'a', 60)).toMatchObject({ acquired: true, holder: 'a', expiresAt: '2026-01-01T00:01:00.000Z' });
      expect(await store.acquireLease('job', 'b', 60)).toMatchObject({ acquired: false, holder: 'a' });
      expect((await store.acquireLease('job', 'a', 120)).expiresAt).toBe('2026-01-01T00:02:00.000Z');
      expect(await store.acquireLease('other', 'b', 60)).toMatchObject({ acquired: true });
      now += 121_000;
      expect(await store.acquireLease('job', 'b', 60)).toMatchObject({ acquired: true, holder: 'b' });
      expect(await store.takeOverLease('job', 'a', 'c', 60)).toBe(false); // a no longer holds it
      expect(await store.takeOverLease('job', 'b', 'c', 60)).toBe(true);
      await store.releaseLease('job', 'b'); // not b's any more: nothing happens
      expect(await store.acquireLease('job', 'd', 60)).toMatchObject({ acquired: false, holder: 'c' });
      await store.releaseLease('job', 'c');
      expect(await store.acquireLease('job', 'd', 60)).toMatchObject({ acquired: true });
    });

    it('two resolutions at once run one after the other and agree with one alone', async () => {
      store = await backend.open();
      await store.migrate();
      await storePeople(store, distinctPeople(60));
      const [a, b] = await Promise.all([resolvePersons(store), resolvePersons(store)]);
      expect([a.mode, b.mode].sort()).toEqual(['full', 'incremental']);
      expect(await store.countActiveProfiles('person')).toBe(60);
      expect(await store.acquireLease(RESOLVE_LEASE, 'probe', 1)).toMatchObject({ acquired: true }); // released after both
    });

    it('takes over a lease left by a process of this machine that is gone, and waits for a live one', async () => {
      store = await backend.open();
      await store.migrate();
      await storePeople(store, distinctPeople(40));
      // A pid above Linux's limit cannot be alive.
      await store.acquireLease(RESOLVE_LEASE, `${hostname()}:${2 ** 22 + 7}:0a1b2c3d`, 3600);
      await expect(resolvePersons(store)).resolves.toMatchObject({ records: 40 });
      // Held by this (live) process under another name: the resolution waits, then says so.
      await store.acquireLease(RESOLVE_LEASE, `${hostname()}:${process.pid}:0a1b2c3d`, 3600);
      await expect(resolvePersons(store, { waitMs: 300 })).rejects.toMatchObject({ code: 'IDENTITY_BUSY', kind: 'transient' });
      // Another machine's holder is never taken over before its expiry.
      await store.releaseLease(RESOLVE_LEASE, `${hostname()}:${process.pid}:0a1b2c3d`);
      await store.acquireLease(RESOLVE_LEASE, `elsewhere:1:0a1b2c3d`, 3600);
      await expect(resolvePersons(store, { waitMs: 300 })).rejects.toMatchObject({ code: 'IDENTITY_BUSY' });
    });
  });
}
