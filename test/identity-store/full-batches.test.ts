/**
 * A full resolve writes its profiles a batch of clusters per transaction (`writeBatch`), so that memory does not
 * grow with the store. Batching must not change what is written: two stores with the same people, one resolved
 * with batches of 3 clusters and one with the default (a single batch at this size), end with the same profiles,
 * memberships, history and search index — on the first run, and on a second full run after merges, a split
 * (a never-match decision) and a deletion.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { resolvePersons, type ResolveStoreOptions } from '../../src/identity/resolve.js';
import type { Store } from '../../src/store/store.js';
import { STORES } from '../support/stores.js';
import { distinctPeople, individualId, storePeople, type PersonSpec } from './people.js';

const base = distinctPeople(40);
/** Copies in a second system: same email and last name (a deterministic match), for ten of the people. */
const copies: PersonSpec[] = base.slice(0, 10).map((p, i) => ({ ...p, system: 'erp', id: `erp-${i}`, phone: undefined, email: p.email!.toUpperCase(), modstamp: '2025-06-01T00:00:00.000Z' }));
/** Later: a copy bridging two people that were apart, and a deletion. */
const bridge: PersonSpec = { ...base[20]!, system: 'erp', id: 'erp-bridge', phone: base[21]!.phone, modstamp: '2025-07-01T00:00:00.000Z' };

function fixed(prefix: string): Pick<ResolveStoreOptions, 'newId' | 'clock'> {
  let n = 0;
  let day = 0;
  return { newId: () => `${prefix}-${String(++n).padStart(4, '0')}`, clock: () => new Date(Date.parse('2026-01-01T00:00:00Z') + 86_400_000 * day++) };
}

async function snapshot(store: Store): Promise<unknown> {
  const profiles = await store.listProfiles('person', { limit: 10_000, includeInactive: true });
  const members = await store.listProfileMembers('person');
  const history = await Promise.all(profiles.map(async (p) => [p.unifiedId, await store.profileHistory(p.unifiedId)] as const));
  const found = await store.searchProfiles([{ kind: 'email', values: base.map((p) => p.email!.toLowerCase()) }], { limit: 1000 });
  return { profiles, members: [...members].sort((a, b) => (a.recordId < b.recordId ? -1 : 1)), history, found: [...found].sort() };
}

for (const backend of STORES) {
  describe(`full resolve in write batches (${backend.name})`, () => {
    const open: Store[] = [];
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close();
    });

    async function fresh(): Promise<Store> {
      const store = await backend.open();
      open.push(store);
      await store.migrate();
      return store;
    }

    it('writes what one transaction writes', async () => {
      const [batched, whole] = [await fresh(), await fresh()];
      const idsBatched = fixed('U');
      const idsWhole = fixed('U');
      for (const store of [batched, whole]) await storePeople(store, [...base, ...copies]);
      const first = await resolvePersons(batched, { ...idsBatched, full: true, writeBatch: 3 });
      expect(first.profiles).toMatchObject({ active: 40, created: 40 });
      expect(await resolvePersons(whole, { ...idsWhole, full: true })).toEqual({ ...first, seconds: expect.any(Number) });
      expect(await snapshot(batched)).toEqual(await snapshot(whole));

      for (const store of [batched, whole]) {
        await storePeople(store, [bridge], [{ system: 'crm', id: base[5]!.id }]);
        await store.addIdentityDecision({ kind: 'never-match', recordA: individualId(base[0]!), recordB: individualId(copies[0]!), who: 'test' });
      }
      const second = await resolvePersons(batched, { ...idsBatched, full: true, writeBatch: 3 });
      expect(second.profiles.created + second.profiles.split + second.profiles.retired).toBeGreaterThan(0);
      expect(await resolvePersons(whole, { ...idsWhole, full: true })).toEqual({ ...second, seconds: expect.any(Number) });
      expect(await snapshot(batched)).toEqual(await snapshot(whole));
    });
  });
}
