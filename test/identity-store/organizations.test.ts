import { afterEach, describe, expect, it } from 'vitest';
import { resolvePersons, type ResolveStoreOptions } from '../../src/identity/resolve.js';
import { assembleOrganizations, type OrganizationRecord } from '../../src/identity/store/assemble-organizations.js';
import { matchOrganizations } from '../../src/identity/store/match-organizations.js';
import type { Store } from '../../src/store/store.js';
import { STORES } from '../support/stores.js';
import { distinctOrganizations, organizationId, storeOrganizations, type OrgSpec } from './organizations.js';
import { distinctPeople, individualId, storePeople } from './people.js';

function days(start = Date.parse('2026-01-01T00:00:00Z')): () => Date {
  let n = 0;
  return () => new Date(start + 86_400_000 * n++);
}

function ids(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}

const base = distinctOrganizations(40);
const o0 = base[0]!;
/** o0 again in the ERP: the legal form spelled otherwise, the same phone and building, no website. */
const o0erp: OrgSpec = { system: 'erp', id: 'erp-org-0', name: 'ACME INDUSTRIES, INC.', phone: '(312) 555-1000', street: '100 Main St.', city: 'Chicago', postcode: '60600', modstamp: '2025-06-01T00:00:00.000Z' };
/** A chain: one switchboard number and one name at three buildings — three organisations' sites, kept apart. */
const chain: OrgSpec[] = ['12 Lake Shore Dr', '4400 N Broadway', '901 W Madison St'].map((street, i) => ({
  system: 'crm', id: `chain-${i}`, name: 'Bright Start Learning Center', phone: '+13125559999', street, city: 'Chicago', postcode: `6061${i}`, modstamp: '2025-01-01T00:00:00.000Z',
}));
/** A company with a fax line: the fax is never its phone. */
const faxed: OrgSpec = { ...base[1]!, fax: '+13125550000', modstamp: '2025-01-01T00:00:00.000Z' };
const people = distinctPeople(60);

for (const backend of STORES) {
  describe(`organisation profiles (${backend.name})`, () => {
    let store: Store;
    afterEach(async () => store?.close());

    async function open(): Promise<Store> {
      store = await backend.open();
      await store.migrate();
      return store;
    }

    async function profileOf(spec: Pick<OrgSpec, 'system' | 'id'>): Promise<string | undefined> {
      return (await store.profileOfRecord(organizationId(spec)))?.unifiedId;
    }

    it('assembles each Organization with its phone (not the fax), address, website and DUNS', async () => {
      await open();
      await storeOrganizations(store, [{ ...faxed, duns: '123456789' }, o0erp]);
      const out: OrganizationRecord[] = [];
      for await (const batch of assembleOrganizations(store, { pageSize: 1 })) out.push(...batch);
      expect(out).toHaveLength(2);
      const f = out.find((o) => o.record.id === organizationId(faxed))!;
      expect(f.values).toEqual({
        organizationName: faxed.name, phone: faxed.phone, website: faxed.website, address: `${faxed.street}, Chicago, ${faxed.postcode}, US`, identifier: '123456789',
      });
      expect(f.record.features).toMatchObject({ name: 'globex industries', legal_form: 'inc', phone_last7: '5551001', website: 'company1.example.com', site: '107 oak' });
      expect(f).toMatchObject({ system: 'crm', stream: 'Account', sourceRecordId: faxed.id });
    });

    it('resolves organisations beside people: kind organization, golden values, people untouched; a second run changes nothing', async () => {
      await open();
      await storePeople(store, people);
      await storeOrganizations(store, [...base.slice(2), faxed, o0, o0erp, ...chain]);
      const options: ResolveStoreOptions = { newId: ids('U'), clock: days() };
      const first = await resolvePersons(store, options);
      // Every person in a person profile, every organisation in an organisation profile, and nothing else.
      expect(new Set((await store.listProfileMembers('person')).map((m) => m.recordId))).toEqual(new Set(people.map(individualId)));
      expect(new Set((await store.listProfileMembers('organization')).map((m) => m.recordId))).toEqual(new Set([...base.slice(2), faxed, o0, o0erp, ...chain].map(organizationId)));
      expect(first.organizations).toMatchObject({ mode: 'full', records: 44, trained: true, profiles: { active: 43, created: 43 } });
      expect(await profileOf(o0)).toBe(await profileOf(o0erp));
      expect(new Set(await Promise.all(chain.map(profileOf))).size).toBe(3);
      const acme = (await store.getProfile((await profileOf(o0))!))!;
      expect(acme.kind).toBe('organization');
      expect(acme.attributes['organizationName']).toMatchObject({ value: 'ACME INDUSTRIES, INC.', rule: 'most recent', candidates: 2 });
      expect(acme.attributes['website']).toMatchObject({ value: o0.website, rule: 'only value' });
      const globex = (await store.getProfile((await profileOf(faxed))!))!;
      expect(globex.attributes['phone']?.value).toBe(faxed.phone);
      expect(await store.listProfiles('person', { limit: 100 })).toHaveLength(first.profiles.active);
      expect((await store.listProfiles('organization', { limit: 100 })).every((p) => p.kind === 'organization')).toBe(true);
      expect((await store.profileOfRecord(individualId(people[0]!)))?.unifiedId).toMatch(/^U-/);

      const members = await store.listProfileMembers('organization');
      const second = await resolvePersons(store, options);
      // Nothing an organisation depends on changed: not even read again.
      expect(second.organizations).toMatchObject({ mode: 'incremental', records: 0, trained: false, profiles: { active: 43, created: 0, grew: 0, merged: 0, split: 0, moved: 0, retired: 0 } });
      expect(await store.listProfileMembers('organization')).toEqual(members);
    });

    it.each([
      ['a contact point alone (same Organization row)', { ...base[2]!, phone: '+13125557777' }, { phone: '+13125557777' }],
      ['the Organization row', { ...base[2]!, name: 'Initech Industries Incorporated', modstamp: '2025-09-01T00:00:00.000Z' }, { organizationName: 'Initech Industries Incorporated' }],
    ])('resolves the organisations again when %s changed', async (_, changed, golden) => {
      await open();
      await storeOrganizations(store, [...base, o0erp]);
      const options: ResolveStoreOptions = { newId: ids('U'), clock: days() };
      await resolvePersons(store, options);
      expect((await resolvePersons(store, options)).organizations).toMatchObject({ mode: 'incremental', records: 0 });
      const id = await profileOf(base[2]!);
      await storeOrganizations(store, [changed]);
      const run = await resolvePersons(store, options);
      expect(run.organizations).toMatchObject({ mode: 'full', records: 41, profiles: { created: 0, merged: 0, split: 0 } });
      expect(await profileOf(base[2]!)).toBe(id);
      const values = Object.fromEntries(Object.entries((await store.getProfile(id!))!.attributes).map(([k, v]) => [k, v.value]));
      expect(values).toMatchObject(golden);
    });

    it('keeps ids, applies decisions and retires emptied profiles, as for people', async () => {
      await open();
      await storeOrganizations(store, [...base, o0erp]);
      const options: ResolveStoreOptions = { newId: ids('U'), clock: days() };
      await resolvePersons(store, options);
      const acme = await profileOf(o0);
      expect(await profileOf(o0erp)).toBe(acme);

      // Held apart by a decision: the profile splits, the older member keeps the id.
      await store.addIdentityDecision({ kind: 'never-match', recordA: organizationId(o0), recordB: organizationId(o0erp), who: 'test' });
      const split = await resolvePersons(store, options);
      expect(split.organizations?.profiles).toMatchObject({ split: 1 });
      expect(await profileOf(o0erp)).not.toBe(await profileOf(o0));
      expect([await profileOf(o0), await profileOf(o0erp)]).toContain(acme);
      expect((await store.profileHistory(acme!)).map((e) => e.event)).toContain('split');

      // Deleted in its system: it leaves; a profile with no member left is retired.
      const lone = base[5]!;
      const loneProfile = await profileOf(lone);
      await storeOrganizations(store, [], [lone]);
      const after = await resolvePersons(store, options);
      expect(after.organizations?.profiles).toMatchObject({ retired: 1 });
      expect((await store.getProfile(loneProfile!))?.status).toBe('retired');
    });

    it('a person-only incremental run leaves organisation profiles alone when an organisation\'s contact point changes', async () => {
      await open();
      await storePeople(store, people);
      await storeOrganizations(store, [...base, o0erp]);
      const options: ResolveStoreOptions = { newId: ids('U'), clock: days() };
      await resolvePersons(store, options);
      const before = await store.listProfileMembers('organization');
      // A new phone for one company and a changed person: the people resolve incrementally.
      await storeOrganizations(store, [{ ...base[3]!, phone: '+13125554321', modstamp: '2025-09-01T00:00:00.000Z' }]);
      await storePeople(store, [{ ...people[2]!, email: 'new.address@example.org', modstamp: '2025-09-01T00:00:00.000Z' }]);
      const run = await resolvePersons(store, { ...options, organizations: false });
      expect(run.mode).toBe('incremental');
      expect(run.organizations).toBeUndefined();
      expect(await store.listProfileMembers('organization')).toEqual(before);
      expect((await store.listProfiles('organization', { limit: 100 })).length).toBe(40);
      const withOrgs = await resolvePersons(store, options);
      expect(withOrgs.organizations?.profiles).toMatchObject({ active: 40, created: 0, merged: 0, split: 0, retired: 0 });
      expect(await store.listProfileMembers('organization')).toEqual(before);
    });

    it('looks a company up: by name and phone it finds the profile of both listings; a stranger finds nothing strong', async () => {
      await open();
      await expect(matchOrganizations(store, { name: 'Acme' }, { region: 'US' })).rejects.toMatchObject({ code: 'IDENTITY_NOT_TRAINED' });
      await storeOrganizations(store, [...base.slice(2), faxed, o0, o0erp, ...chain]);
      await resolvePersons(store, { newId: ids('U'), clock: days() });
      const acme = await profileOf(o0);
      // The legal form spelled another way and the phone in another format still reach both records of one profile.
      const found = await matchOrganizations(store, { name: 'Acme Industries Inc', phone: '312-555-1000' }, { region: 'US' });
      expect(found[0]).toMatchObject({ unifiedId: acme });
      expect(found[0]!.probability).toBeGreaterThan(0.9);
      expect(new Set(found[0]!.records.map((r) => r.recordId))).toEqual(new Set([organizationId(o0), organizationId(o0erp)]));
      // By website alone.
      expect((await matchOrganizations(store, { website: `${o0.website!.toUpperCase()}/about` }, { region: 'US' }))[0]?.unifiedId).toBe(acme);
      // A chain's shared switchboard number does not make its three sites one company.
      const sites = await matchOrganizations(store, { name: 'Bright Start Learning Center', street: '4400 N Broadway', city: 'Chicago' }, { region: 'US' });
      expect(sites[0]?.unifiedId).toBe(await profileOf(chain[1]!));
      expect(sites.filter((c) => c.probability >= 0.9)).toHaveLength(1);
      const stranger = await matchOrganizations(store, { name: 'Zyxwvut Holdings', phone: '+442079460958' }, { region: 'US' });
      expect(stranger.every((c) => c.probability < 0.5)).toBe(true);
      await expect(matchOrganizations(store, { city: 'Chicago' }, { region: 'US' })).rejects.toMatchObject({ code: 'MATCH_EMPTY' });
    });
  });
}
