import { afterEach, describe, expect, it } from 'vitest';
import { resolvePersons, type ResolveStoreOptions } from '../../src/identity/resolve.js';
import type { Store } from '../../src/store/store.js';
import { STORES } from '../support/stores.js';
import { distinctPeople, individualId, storePeople, type PersonSpec } from './people.js';

/** A clock that moves a day per call, so profiles created in different runs have different ages. */
function days(start = Date.parse('2026-01-01T00:00:00Z')): () => Date {
  let n = 0;
  return () => new Date(start + 86_400_000 * n++);
}

function ids(prefix = 'U'): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}

const base = distinctPeople(60);
const p0 = base[0]!;
const p1 = base[1]!;
/** p0 again in another system: same email and last name (a deterministic match). */
const p0erp: PersonSpec = { ...p0, system: 'erp', id: 'erp-0', phone: undefined, modstamp: '2025-06-01T00:00:00.000Z', email: p0.email!.toUpperCase() };

for (const backend of STORES) {
  describe(`resolvePersons (${backend.name})`, () => {
    let store: Store;
    afterEach(async () => store?.close());

    async function open(): Promise<Store> {
      store = await backend.open();
      await store.migrate();
      return store;
    }

    async function profileOf(spec: Pick<PersonSpec, 'system' | 'id'>): Promise<string | undefined> {
      return (await store.profileOfRecord(individualId(spec)))?.unifiedId;
    }

    it('gives every person a profile; a second run changes nothing', async () => {
      await open();
      await storePeople(store, [...base, p0erp]);
      const options: ResolveStoreOptions = { newId: ids(), clock: days() };
      const first = await resolvePersons(store, options);
      expect(first.records).toBe(61);
      expect(first.trained).toBe(true);
      expect(first.profiles).toMatchObject({ active: 60, created: 60, merged: 0, split: 0 });
      expect(await profileOf(p0)).toBe(await profileOf(p0erp));
      const before = await store.listProfileMembers('person');
      const second = await resolvePersons(store, options);
      expect(second.trained).toBe(false);
      expect(second.profiles).toMatchObject({ active: 60, created: 0, grew: 0, merged: 0, split: 0, moved: 0 });
      expect(await store.listProfileMembers('person')).toEqual(before);
    });

    it('keeps the id when a profile grows and records it', async () => {
      await open();
      await storePeople(store, base);
      await resolvePersons(store, { newId: ids(), clock: days() });
      const id = await profileOf(p0);
      await storePeople(store, [p0erp]);
      const summary = await resolvePersons(store, { newId: ids('V'), clock: days(Date.parse('2026-02-01T00:00:00Z')) });
      expect(summary.profiles).toMatchObject({ created: 0, grew: 1 });
      expect(await profileOf(p0erp)).toBe(id);
      const history = await store.profileHistory(id!);
      expect(history.map((h) => h.event)).toEqual(['created', 'grew']);
      expect(history[1]!.recordIds).toEqual([individualId(p0erp)]);
      expect(await store.getProfile(id!)).toMatchObject({ createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z' });
    });

    it('adding records keeps every existing id', async () => {
      await open();
      await storePeople(store, base.slice(0, 40));
      await resolvePersons(store, { newId: ids('A'), clock: days() });
      const before = await store.listProfileMembers('person');
      await storePeople(store, [...base.slice(40), p0erp]);
      const summary = await resolvePersons(store, { newId: ids('B'), clock: days(Date.parse('2026-02-01T00:00:00Z')) });
      expect(summary.profiles).toMatchObject({ active: 60, created: 20, grew: 1, merged: 0, split: 0, moved: 0 });
      const after = new Map((await store.listProfileMembers('person')).map((m) => [m.recordId, m.unifiedId]));
      for (const m of before) expect(after.get(m.recordId)).toBe(m.unifiedId);
      expect(after.get(individualId(p0erp))).toBe(after.get(individualId(p0)));
    });

    it('an always-match decision merges two profiles: the older id survives, the other is recorded merged into it', async () => {
      await open();
      await storePeople(store, base.slice(0, 30));
      await resolvePersons(store, { newId: ids('OLD'), clock: days() });
      await storePeople(store, base.slice(30));
      await resolvePersons(store, { newId: ids('NEW'), clock: days(Date.parse('2026-03-01T00:00:00Z')) });
      const young = base[45]!;
      const older = await profileOf(p1);
      const younger = await profileOf(young);
      expect(older).toMatch(/^OLD-/);
      expect(younger).toMatch(/^NEW-/);
      await store.addIdentityDecision({ kind: 'always-match', recordA: individualId(young), recordB: individualId(p1), who: 'test', reason: 'same person' });
      const summary = await resolvePersons(store, { newId: ids('X'), clock: days(Date.parse('2026-04-01T00:00:00Z')) });
      expect(summary.profiles.merged).toBe(1);
      expect(await profileOf(young)).toBe(older);
      expect(await store.getProfile(younger!)).toMatchObject({ status: 'merged', mergedInto: older });
      expect((await store.profileHistory(younger!)).map((h) => [h.event, h.unifiedIds])).toContainEqual(['merged', [older, younger]]);
    });

    it('a never-match decision splits a profile and wins over the model; the larger part keeps the id', async () => {
      await open();
      const p0crm2: PersonSpec = { ...p0, id: 'crm-dup', phone: undefined };
      await storePeople(store, [...base, p0erp, p0crm2]);
      await resolvePersons(store, { newId: ids(), clock: days() });
      const id = await profileOf(p0);
      expect(await store.profileMembers(id!)).toHaveLength(3);
      await store.addIdentityDecision({ kind: 'never-match', recordA: individualId(p0), recordB: individualId(p0crm2), who: 'test' });
      await store.addIdentityDecision({ kind: 'never-match', recordA: individualId(p0erp), recordB: individualId(p0crm2), who: 'test' });
      const summary = await resolvePersons(store, { newId: ids('S'), clock: days(Date.parse('2026-05-01T00:00:00Z')) });
      expect(summary.profiles.split).toBe(1);
      expect(await profileOf(p0)).toBe(id);
      expect(await profileOf(p0erp)).toBe(id);
      const splitId = await profileOf(p0crm2);
      expect(splitId).toBe('S-0001');
      expect((await store.profileHistory(id!)).map((h) => [h.event, h.unifiedIds, h.recordIds])).toContainEqual(['split', [id, 'S-0001'], [individualId(p0crm2)]]);
    });

    it('survives golden values with provenance: the most recent record wins', async () => {
      await open();
      await storePeople(store, [...base, p0erp]);
      await resolvePersons(store, { newId: ids(), clock: days() });
      const profile = await store.getProfile((await profileOf(p0))!);
      expect(profile?.attributes['email']).toMatchObject({
        value: p0erp.email, rule: 'most recent', candidates: 2,
        provenance: { system: 'erp', recordId: individualId(p0erp), externalRecordId: 'erp-0', modstamp: p0erp.modstamp },
      });
      expect(profile?.attributes['phone']).toMatchObject({ value: p0.phone, rule: 'only value', provenance: { system: 'crm' } });
    });

    it('drops deleted records from their profile and retires emptied profiles', async () => {
      await open();
      await storePeople(store, [...base, p0erp]);
      await resolvePersons(store, { newId: ids(), clock: days() });
      const id = await profileOf(p0);
      const lone = await profileOf(p1);
      await storePeople(store, [], [p0erp, p1]);
      const summary = await resolvePersons(store, { newId: ids('D'), clock: days(Date.parse('2026-06-01T00:00:00Z')) });
      expect(summary.profiles).toMatchObject({ active: 59, retired: 1 });
      expect((await store.profileMembers(id!)).map((m) => m.recordId)).toEqual([individualId(p0)]);
      expect(await store.getProfile(lone!)).toMatchObject({ status: 'retired' });
    });
  });
}
