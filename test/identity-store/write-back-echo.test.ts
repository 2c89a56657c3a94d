/**
 * A write-back moves the written record's modstamp in its system although nobody changed its other values; the
 * next resolution must not take those other values as "most recent". A real change after the write still wins.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ECHO_WINDOW_MS, resolvePersons } from '../../src/identity/resolve.js';
import type { Store } from '../../src/store/store.js';
import { STORES } from '../support/stores.js';
import { distinctPeople, individualId, storePeople, type PersonSpec } from './people.js';

const people = distinctPeople(40);
const p0 = { ...people[0]!, modstamp: '2025-06-01T00:00:00.000Z', phone: '+14155550001' };
/** p0 in the erp: same email and name, an older phone, an older change. */
const erp: PersonSpec = { ...p0, system: 'erp', id: 'erp-0', phone: '+14155550999', modstamp: '2025-01-01T00:00:00.000Z' };

for (const backend of STORES) {
  describe(`write-back echoes in survivorship (${backend.name})`, () => {
    let store: Store | undefined;
    afterEach(async () => store?.close());

    it.each([
      ['the echo of Concord\'s write changes no golden value', 30_000, 'crm', '+14155550001'],
      ['a change after the echo window is a real one and wins', ECHO_WINDOW_MS + 3_600_000, 'erp', '+14155550999'],
    ])('%s', async (_name, changedAfterWriteMs, phoneFrom, phone) => {
      store = await backend.open();
      await store.migrate();
      await storePeople(store, [...people.slice(1), p0, erp]);
      await resolvePersons(store);
      const unifiedId = (await store.profileOfRecord(individualId(p0)))!.unifiedId;
      expect((await store.profileOfRecord(individualId(erp)))?.unifiedId).toBe(unifiedId);
      expect((await store.getProfile(unifiedId))!.attributes['phone']).toMatchObject({ value: '+14155550001', provenance: { system: 'crm' } });

      // Concord writes the golden first name to the erp record; the erp echoes the write with a new modstamp.
      await store.recordWriteBackOutcomes([{ runId: 'r1', system: 'erp', stream: 'Contact', recordId: 'erp-0', unifiedId, key: 'erp-0', outcome: 'updated', values: { FirstName: p0.first }, previousModstamp: erp.modstamp }]);
      const echoes = await store.writeBackEchoes();
      expect(echoes).toEqual([expect.objectContaining({ system: 'erp', stream: 'Contact', recordId: 'erp-0', previousModstamp: erp.modstamp })]);
      // The erp record comes back from the next sync with its modstamp moved, its phone unchanged.
      const changed = new Date(Date.parse(echoes[0]!.at) + changedAfterWriteMs).toISOString();
      await storePeople(store, [{ ...erp, modstamp: changed }]);
      await resolvePersons(store);

      const golden = (await store.getProfile(unifiedId))!.attributes;
      expect(golden['phone']).toMatchObject({ value: phone, provenance: { system: phoneFrom } });
    });
  });
}
