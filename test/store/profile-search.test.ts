import { afterEach, describe, expect, it } from 'vitest';
import { resolvePersons } from '../../src/identity/resolve.js';
import { searchTermsOf, type SearchFilters } from '../../src/store/profile-search/keys.js';
import type { Store } from '../../src/store/store.js';
import { distinctPeople, individualId, storePeople, type PersonSpec } from '../identity-store/people.js';
import { STORES } from '../support/stores.js';

function ids(prefix = 'U'): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}

const base = distinctPeople(60);
const [p0, p1, p5] = [base[0]!, base[1]!, base[5]!];
/** p0 again in another system: same email and last name (a deterministic match), its own phone. */
const p0erp: PersonSpec = { ...p0, system: 'erp', id: 'erp-0', phone: '+1 212 555 0100', modstamp: '2025-06-01T00:00:00.000Z', email: p0.email!.toUpperCase() };
/** p1 in another system under another last name, email and phone: joined to p1 only by a decision. */
const p1erp: PersonSpec = { ...p1, system: 'erp', id: 'erp-1', last: 'Brewster', email: 'grace.old@legacy.example', phone: '+1 646 555 0199', dob: undefined, modstamp: '2025-07-01T00:00:00.000Z' };

for (const backend of STORES) {
  describe(`profile search (${backend.name})`, () => {
    let store: Store;
    afterEach(async () => store?.close());

    async function resolved(people: readonly PersonSpec[]): Promise<Store> {
      store = await backend.open();
      await store.migrate();
      await storePeople(store, people);
      await resolvePersons(store, { newId: ids() });
      return store;
    }
    const find = async (filters: SearchFilters, limit = 50, after?: string) => store.searchProfiles(searchTermsOf(filters), { limit, ...(after !== undefined && { after }) });
    const profileOf = async (p: PersonSpec) => (await store.profileOfRecord(individualId(p)))!.unifiedId;

    it('finds a profile by a member\'s new phone although no golden value changed', async () => {
      await resolved([...base, p0erp]);
      const ada = await profileOf(p0);
      const golden = (await store.getProfile(ada))!.attributes;
      // The crm record (older than the erp one, so not the golden phone) gets a new phone.
      await storePeople(store, [{ ...p0, phone: '+1 415 555 7777', modstamp: '2025-02-01T00:00:00.000Z' }]);
      await resolvePersons(store, { newId: ids('V') });
      expect((await store.getProfile(ada))!.attributes).toEqual(golden);
      expect(await find({ phone: '+14155557777' })).toEqual([ada]);
    });

    it('finds a profile by email, phone, name prefixes and ids', async () => {
      await resolved([...base, p0erp]);
      const ada = await profileOf(p0);
      expect(await profileOf(p0erp)).toBe(ada);
      expect(await find({ email: 'PERSON0@Example0.com' })).toEqual([ada]);
      expect(await find({ q: 'person0@example0.com' })).toEqual([ada]);
      expect(await find({ phone: '(415) 555-1000' })).toEqual([ada]);
      // The second member's own phone finds the profile too.
      expect(await find({ q: '212-555-0100' })).toEqual([ada]);
      expect(await find({ q: 'ada lov' })).toEqual([ada]);
      expect(await find({ q: 'LOVELACE ad' })).toEqual([ada]);
      const adas = [p0, base[20]!, base[40]!];
      expect(await find({ name: 'ada' })).toEqual((await Promise.all(adas.map(profileOf))).sort());
      expect(await find({ q: ada })).toEqual([ada]);
      expect(await find({ q: individualId(p0erp) })).toEqual([ada]);
      expect(await find({ q: 'crm-0' })).toEqual([ada]);
      expect(await find({ email: 'person0@example0.com', name: 'turing' })).toEqual([]);
      expect(await find({ email: 'nobody@example.com' })).toEqual([]);
      expect(await store.indexedSearchKeys(ada)).toEqual(expect.arrayContaining([
        { kind: 'email', value: 'person0@example0.com' }, { kind: 'phone', value: '+12125550100' }, { kind: 'id', value: 'erp-0' }, { kind: 'name', value: 'lovelace' },
      ]));
    });

    it('pages by unified id with no repeats and no gaps', async () => {
      await resolved(base);
      // "Lovelace" is the last name of the first 20 people.
      const all = await find({ name: 'lov' }, 100);
      expect(all).toHaveLength(20);
      const seen: string[] = [];
      for (let after: string | undefined, page = 0; page < 10; page++) {
        const ids = await find({ name: 'lov' }, 7, after);
        seen.push(...ids);
        if (ids.length < 7) break;
        after = ids[ids.length - 1];
      }
      expect(seen).toEqual(all);
      expect([...all].sort()).toEqual(all);
      const everyone = await find({}, 1000);
      expect(everyone).toHaveLength(60);
      expect(await find({}, 10, everyone[54])).toEqual(everyone.slice(55));
    });

    it('keeps the index in step with a merge, a split and a deleted record', async () => {
      await resolved([...base, p0erp, p1erp]);
      const grace = await profileOf(p1);
      const graceErp = await profileOf(p1erp);
      expect(graceErp).not.toBe(grace);
      expect(await find({ email: 'grace.old@legacy.example' })).toEqual([graceErp]);

      // Merge: the old email now finds the surviving profile only; the merged one is no longer indexed.
      await store.addIdentityDecision({ kind: 'always-match', recordA: individualId(p1), recordB: individualId(p1erp), who: 'test' });
      await resolvePersons(store, { newId: ids('M') });
      const survivor = await profileOf(p1erp);
      expect(await profileOf(p1)).toBe(survivor);
      const merged = survivor === grace ? graceErp : grace;
      expect((await store.getProfile(merged))!.status).toBe('merged');
      expect(await find({ email: 'grace.old@legacy.example' })).toEqual([survivor]);
      expect(await find({ email: p1.email! })).toEqual([survivor]);
      expect(await find({ phone: '+1 646 555 0199' })).toEqual([survivor]);
      expect(await store.indexedSearchKeys(merged)).toEqual([]);

      // Split: p0erp leaves Ada's profile and is found under its own.
      const ada = await profileOf(p0);
      await store.addIdentityDecision({ kind: 'never-match', recordA: individualId(p0erp), recordB: individualId(p0), who: 'test' });
      await resolvePersons(store, { newId: ids('S') });
      const split = await profileOf(p0erp);
      expect(split).not.toBe(ada);
      expect(await profileOf(p0)).toBe(ada);
      expect(await find({ q: 'erp-0' })).toEqual([split]);
      expect(await find({ phone: '212 555 0100' })).toEqual([split]);
      expect(await find({ phone: '415 555 1000' })).toEqual([ada]);
      expect((await store.indexedSearchKeys(ada)).filter((k) => k.kind === 'id')).not.toContainEqual({ kind: 'id', value: 'erp-0' });

      // A deleted record: its profile retires and is not found; a deleted member's own keys go with it.
      await storePeople(store, [], [p5, p1erp]);
      await resolvePersons(store, { newId: ids('D') });
      expect(await find({ email: p5.email! })).toEqual([]);
      expect(await find({ q: 'crm-5' })).toEqual([]);
      expect(await find({ email: 'grace.old@legacy.example' })).toEqual([]);
      expect(await find({ email: p1.email! })).toEqual([await profileOf(p1)]);
    });

    it('rebuilds the whole index to the same keys', async () => {
      await resolved([...base, p0erp]);
      const ada = await profileOf(p0);
      const before = await store.indexedSearchKeys(ada);
      expect(await store.profileSearchNeedsRebuild()).toBe(false);
      const written = await store.rebuildProfileSearch();
      expect(written).toBeGreaterThan(60 * 4);
      expect(await store.indexedSearchKeys(ada)).toEqual(before);
      expect(await find({ q: 'ada lov' })).toEqual([ada]);
    });

    it('summarizes profiles with members per system, in the order asked', async () => {
      await resolved([...base, p0erp]);
      const ada = await profileOf(p0);
      const other = await profileOf(base[3]!);
      const rows = await store.profileSummaries([other, 'no-such-profile', ada]);
      expect(rows.map((r) => r.profile.unifiedId)).toEqual([other, ada]);
      expect(rows[1]).toMatchObject({ members: 2, systems: [{ system: 'crm', records: 1 }, { system: 'erp', records: 1 }] });
      expect(rows[1]!.profile.attributes['email']!.value.toLowerCase()).toBe(p0.email);
    });

    it('finds records linked to a person through the indexed fields', async () => {
      await resolved([p0, p0erp]);
      const points = await store.linkedRecords('ContactPoint', 'partyId', [individualId(p0), individualId(p0erp)]);
      expect(points).toHaveLength(4);
      expect(new Set(points.map((p) => p.data['partyId']))).toEqual(new Set([individualId(p0), individualId(p0erp)]));
      expect(await store.linkedRecords('ContactPoint', 'partyId', ['nobody'])).toEqual([]);
      // Newest first by a JSON field, bounded: p0erp's points are stamped later than p0's.
      const newest = await store.linkedRecords('ContactPoint', 'partyId', [individualId(p0), individualId(p0erp)], { newestBy: 'systemModstamp', limit: 2 });
      expect(newest.map((p) => p.data['partyId'])).toEqual([individualId(p0erp), individualId(p0erp)]);
    });
  });
}
