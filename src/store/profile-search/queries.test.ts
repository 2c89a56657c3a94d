/**
 * Profile search over people and organisations on both stores: the `kind` filter of a search and of the plain
 * list, organisation profiles indexed by their names, phones and member ids, their member counts per system, and
 * a store whose organisation profiles were indexed before their members were (found and indexed again).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { resolvePersons } from '../../identity/resolve.js';
import type { ProfileKind } from '../../identity/store/types.js';
import { distinctOrganizations, organizationId, storeOrganizations, type OrgSpec } from '../../../test/identity-store/organizations.js';
import { distinctPeople, individualId, storePeople } from '../../../test/identity-store/people.js';
import { STORES } from '../../../test/support/stores.js';
import type { Store } from '../store.js';
import { searchTermsOf, type SearchFilters } from './keys.js';

function ids(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}

const orgs = distinctOrganizations(12);
const acme = orgs[0]!;
/** Acme again in another system: same phone and building, its name written otherwise. */
const acmeErp: OrgSpec = { system: 'erp', id: 'erp-acme-1', name: 'ACME INDUSTRIES, INC.', phone: acme.phone, street: acme.street, city: acme.city, postcode: acme.postcode, modstamp: '2025-06-01T00:00:00.000Z' };
const people = distinctPeople(20);

for (const backend of STORES) {
  describe(`profile search of people and organisations (${backend.name})`, () => {
    let store: Store;
    afterEach(async () => store?.close());

    async function resolved(): Promise<Store> {
      store = await backend.open();
      await store.migrate();
      await storePeople(store, people);
      await storeOrganizations(store, [...orgs, acmeErp]);
      await resolvePersons(store, { newId: ids('U') });
      return store;
    }
    const find = (filters: SearchFilters, kind?: ProfileKind | ProfileKind[]) => store.searchProfiles(searchTermsOf(filters), { limit: 100, ...(kind !== undefined && { kind }) });
    const profileOf = async (id: string) => (await store.profileOfRecord(id))!.unifiedId;

    it('lists and searches people by default, organisations or both when asked', async () => {
      await resolved();
      const personIds = (await store.listProfiles('person', { limit: 100 })).map((p) => p.unifiedId);
      const orgIds = (await store.listProfiles('organization', { limit: 100 })).map((p) => p.unifiedId);
      expect(orgIds).toHaveLength(orgs.length);
      expect(await find({})).toEqual(personIds);
      expect(await find({}, 'organization')).toEqual(orgIds);
      expect(await find({}, ['person', 'organization'])).toEqual([...personIds, ...orgIds].sort());
      // Paging with a kind: after the first organisation, the rest.
      expect(await store.searchProfiles([], { limit: 100, after: orgIds[0], kind: 'organization' })).toEqual(orgIds.slice(1));

      const acmeId = await profileOf(organizationId(acme));
      expect(await profileOf(organizationId(acmeErp))).toBe(acmeId);
      expect(await find({ q: acmeId })).toEqual([]);
      expect(await find({ q: acmeId }, 'organization')).toEqual([acmeId]);
      expect(await find({ q: acmeId }, ['person', 'organization'])).toEqual([acmeId]);
      expect(await find({ q: individualId(people[0]!) }, 'organization')).toEqual([]);
    });

    it('finds an organisation by its name words, its members\' names, its phone and its members\' ids', async () => {
      await resolved();
      const acmeId = await profileOf(organizationId(acme));
      const words = acme.name.split(/\W+/).filter((w) => w.length > 2);
      expect(await find({ q: words.map((w) => w.slice(0, 3)).join(' ') }, 'organization')).toContain(acmeId);
      expect(await find({ name: 'acme industries inc' }, 'organization')).toEqual([acmeId]);
      expect(await find({ phone: acme.phone! }, 'organization')).toEqual([acmeId]);
      for (const id of [organizationId(acme), organizationId(acmeErp), acme.id, acmeErp.id]) expect({ id, found: await find({ q: id }, 'organization') }).toEqual({ id, found: [acmeId] });
      const [row] = await store.profileSummaries([acmeId]);
      expect(row).toMatchObject({ members: 2, systems: [{ system: 'crm', records: 1 }, { system: 'erp', records: 1 }] });
    });

    it('rebuilds the index of organisations as resolution wrote it, member ids included', async () => {
      await resolved();
      const acmeId = await profileOf(organizationId(acme));
      expect(await store.profileSearchNeedsRebuild()).toBe(false);
      const before = await store.indexedSearchKeys(acmeId);
      expect(before).toEqual(expect.arrayContaining([{ kind: 'id', value: organizationId(acme) }, { kind: 'id', value: acmeErp.id }, { kind: 'name', value: 'acme' }]));
      await store.rebuildProfileSearch();
      expect(await store.indexedSearchKeys(acmeId)).toEqual(before);
      expect(await find({}, 'organization')).toHaveLength(orgs.length);
    });
  });
}
