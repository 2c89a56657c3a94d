import { afterEach, describe, expect, it } from 'vitest';
import { assemblePersons, assemblePersonsById, type PersonRecord } from '../../src/identity/store/assemble.js';
import type { Store } from '../../src/store/store.js';
import { STORES } from '../support/stores.js';
import { distinctPeople, individualId, storePeople } from './people.js';

async function all(store: Store, pageSize: number): Promise<PersonRecord[]> {
  const out: PersonRecord[] = [];
  for await (const batch of assemblePersons(store, { pageSize })) out.push(...batch);
  return out;
}

for (const backend of STORES) {
  describe(`assembling people from CIM records (${backend.name})`, () => {
    let store: Store;
    afterEach(async () => store?.close());

    it('joins each Individual with its email and phone through ContactPoint.partyId, page by page', async () => {
      store = await backend.open();
      await store.migrate();
      const people = distinctPeople(25);
      await storePeople(store, people);
      await storePeople(store, [{ ...people[3]!, id: 'crm-3-gone' }], [{ system: 'crm', id: 'crm-3-gone' }]);
      const assembled = await all(store, 7);
      expect(assembled).toHaveLength(25);
      const ada = assembled.find((p) => p.record.id === individualId(people[0]!))!;
      expect(ada.values).toMatchObject({ firstName: people[0]!.first, lastName: people[0]!.last, email: people[0]!.email, phone: people[0]!.phone, birthDate: people[0]!.dob });
      expect(ada.record.features['email']).toBe(people[0]!.email);
      expect(ada).toMatchObject({ system: 'crm', stream: 'Contact', sourceRecordId: people[0]!.id, modstamp: people[0]!.modstamp });
    });

    it('assembles a few people by id exactly as the bulk read does, and leaves out unknown or deleted ones', async () => {
      store = await backend.open();
      await store.migrate();
      const people = distinctPeople(12);
      await storePeople(store, people);
      await storePeople(store, [], [{ system: 'crm', id: people[5]!.id }]);
      const bulk = await all(store, 5);
      const wanted = [people[2]!, people[9]!, people[5]!].map(individualId);
      const few = await assemblePersonsById(store, [...wanted, 'no-such-id']);
      expect(few.map((p) => p.record.id)).toEqual(wanted.slice(0, 2));
      for (const p of few) expect(p).toEqual(bulk.find((b) => b.record.id === p.record.id));
      expect((await store.contactPointsOfParties(wanted.slice(0, 1))).map((cp) => cp.externalRecordId).sort()).toEqual([`${people[2]!.id}/Email`, `${people[2]!.id}/Phone`]);
    });
  });
}
