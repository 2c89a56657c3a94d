/**
 * Term-frequency adjustments in the store: the value counts are counted over every stored person when the model
 * is trained (the first full resolve) and saved with it, so every later run — incremental or full — scores with
 * the same counts (which is what keeps incremental = full; test/identity-store/incremental.test.ts checks the
 * clusters). `concord explain` shows the adjustment as its own step.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { explainRecords, personModel, resolvePersons, savedParameters } from '../../src/identity/resolve.js';
import type { Store } from '../../src/store/store.js';
import { STORES } from '../support/stores.js';
import { distinctPeople, individualId, storePeople, type PersonSpec } from './people.js';

for (const backend of STORES) {
  describe(`term frequencies in the store (${backend.name})`, () => {
    const open: Store[] = [];
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
    });

    it('are counted over all stored people, saved with the model and kept by later runs; explain shows them', async () => {
      const store = await backend.open();
      await store.migrate();
      open.push(store);
      const crm = distinctPeople(80);
      // A copy of crm-0 in a second system: same email and last name (a deterministic match), a first-name typo.
      const copy: PersonSpec = { ...crm[0]!, system: 'erp', id: 'erp-0', first: `${crm[0]!.first}e`, phone: undefined };
      await storePeople(store, [...crm, copy]);
      expect((await resolvePersons(store)).mode).toBe('full');

      const { comparisons } = personModel();
      const trained = await savedParameters(store, comparisons);
      const tables = trained?.termFrequencies ?? [];
      expect(tables.map((t) => t.comparison)).toEqual(['first_name', 'last_name', 'city']);
      const lastName = tables.find((t) => t.comparison === 'last_name')!;
      const stored = [...crm, copy];
      expect(lastName.records).toBe(stored.length);
      const lovelace = stored.filter((p) => p.last === crm[0]!.last).length;
      expect(lastName.counts[lastName.values.indexOf(crm[0]!.last.toLowerCase())]).toBe(lovelace);

      // More people with that surname: an incremental run scores with the saved counts, which do not move.
      await storePeople(store, distinctPeople(10, 'web').map((p) => ({ ...p, last: crm[0]!.last })));
      expect((await resolvePersons(store)).mode).toBe('incremental');
      expect((await savedParameters(store, comparisons))?.termFrequencies).toStrictEqual(trained?.termFrequencies);
      expect((await resolvePersons(store, { full: true })).mode).toBe('full');
      expect((await savedParameters(store, comparisons))?.termFrequencies).toStrictEqual(trained?.termFrequencies);

      const e = await explainRecords(store, individualId(crm[0]!), individualId(copy));
      const step = e.steps.find((s) => s.termFrequency !== undefined && s.comparison === 'last_name');
      expect(step?.termFrequency).toMatchObject({ value: crm[0]!.last.toLowerCase(), count: lovelace, records: stored.length });
      expect(e.finalWeight).toBeCloseTo(e.priorWeight + e.steps.reduce((s, x) => s + x.weight, 0), 9);
    });
  });
}
