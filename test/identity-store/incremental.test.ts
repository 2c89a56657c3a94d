/**
 * Incremental resolution gives the clusters of a full one. Two stores receive the same seeded sequence of syncs —
 * new people, duplicates in a second system, changed emails and phones, deletions (one of them a bridge between
 * two people), a shared family email crossing the chaining guard's cap and falling back under it, and
 * never-match / always-match decisions. One store resolves incrementally after every step, the other re-resolves
 * everything; their partitions must agree after every step, and a final full run over the incremental store must
 * change no unified id.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/core/random.js';
import { resolvePersons } from '../../src/identity/resolve.js';
import type { Store } from '../../src/store/store.js';
import { STORES } from '../support/stores.js';
import { distinctPeople, individualId, storePeople, type PersonSpec } from './people.js';

type Ref = Pick<PersonSpec, 'system' | 'id'>;

interface Step {
  name: string;
  upsert: PersonSpec[];
  remove: Ref[];
  decisions: Array<{ kind: 'never-match' | 'always-match'; a: Ref; b: Ref }>;
}

const typo = (name: string): string => (name.length > 3 ? `${name.slice(0, 2)}${name[3]}${name[2]}${name.slice(4)}` : `${name}e`);

/** The seeded sequence: every step is a sync. */
function steps(seed: number): Step[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const crm = distinctPeople(140);
  const live = new Map<string, PersonSpec>();
  const key = (r: Ref): string => `${r.system}/${r.id}`;
  let erpCount = 0;
  const duplicate = (p: PersonSpec): PersonSpec => {
    const kind = random();
    const base = { ...p, system: 'erp', id: `erp-${erpCount++}`, modstamp: '2025-06-01T00:00:00.000Z' };
    // Same email and last name (a deterministic match), or a typo with the same phone and birth date, or only a name.
    if (kind < 0.4) return { ...base, phone: undefined, email: p.email?.toUpperCase() };
    if (kind < 0.8) return { ...base, first: typo(p.first), email: undefined };
    return { ...base, email: `other${erpCount}@mailbox.io`, phone: undefined };
  };
  const family = (i: number): PersonSpec => ({ ...crm[100 + i]!, email: 'family@homemail.net' });
  const record = (list: PersonSpec[]): PersonSpec[] => {
    for (const p of list) live.set(key(p), p);
    return list;
  };
  const forget = (list: Ref[]): Ref[] => {
    for (const r of list) live.delete(key(r));
    return list;
  };

  const out: Step[] = [];
  // 1. A first load: 80 people, 30 duplicates, 9 people on one family email (under the cap of 10).
  const first = crm.slice(0, 80);
  out.push({ name: 'first load', upsert: record([...first, ...Array.from({ length: 30 }, () => duplicate(pick(first))), ...Array.from({ length: 9 }, (_, i) => family(i))]), remove: [], decisions: [] });
  // 2. New people, duplicates of old and new ones, and three more on the family email (over the cap).
  const added = crm.slice(80, 100);
  out.push({ name: 'new people', upsert: record([...added, ...Array.from({ length: 15 }, () => duplicate(pick([...first, ...added]))), ...[9, 10, 11].map(family)]), remove: [], decisions: [] });
  // 3. A bridge (one record sharing an email with one person and a phone with another), changed emails and phones.
  const [x, y] = [crm[3]!, crm[4]!];
  const bridge: PersonSpec = { system: 'erp', id: 'erp-bridge', first: x.first, last: x.last, email: x.email, phone: y.phone, dob: x.dob, modstamp: '2025-07-01T00:00:00.000Z' };
  const people = [...live.values()].filter((p) => p.email !== 'family@homemail.net');
  const changed = Array.from({ length: 12 }, () => {
    const p = pick(people);
    const other = pick(people);
    return random() < 0.5 ? { ...p, email: other.email, last: other.last } : { ...p, phone: other.phone, dob: other.dob, first: other.first, last: other.last };
  });
  out.push({ name: 'changes', upsert: record([bridge, ...changed]), remove: [], decisions: [] });
  // 4. Decisions: records of one profile kept apart, records of two profiles joined.
  const dupes = [...live.values()].filter((p) => p.system === 'erp' && p.email !== undefined && p.id !== 'erp-bridge');
  const d1 = dupes[0]!;
  const d1crm = [...live.values()].find((p) => p.system === 'crm' && p.email?.toLowerCase() === d1.email?.toLowerCase())!;
  out.push({
    name: 'decisions', upsert: record([duplicate(pick(first))]), remove: [],
    decisions: [
      { kind: 'never-match', a: d1, b: d1crm },
      { kind: 'always-match', a: crm[20]!, b: crm[21]! },
    ],
  });
  // 5. Deletions: the bridge (its two people part again), two family members (back under the cap), random others.
  const victims = Array.from({ length: 6 }, () => pick([...live.values()].filter((p) => p.id !== 'erp-bridge' && p.email !== 'family@homemail.net')));
  out.push({ name: 'deletions', upsert: [], remove: forget([bridge, family(0), family(1), ...victims]), decisions: [] });
  // 6. A mix of everything once more.
  const more = crm.slice(120, 135);
  out.push({
    name: 'mix', upsert: record([...more, ...Array.from({ length: 8 }, () => duplicate(pick([...live.values()].filter((p) => p.system === 'crm')))), { ...crm[5]!, email: crm[6]!.email }]),
    remove: forget([pick([...live.values()])]), decisions: [{ kind: 'always-match', a: crm[30]!, b: crm[40]! }],
  });
  return out;
}

/** The profiles as sets of record ids, in a canonical order (ids themselves differ between stores). */
async function partition(store: Store): Promise<string[][]> {
  const byProfile = new Map<string, string[]>();
  for (const m of await store.listProfileMembers('person')) byProfile.set(m.unifiedId, [...(byProfile.get(m.unifiedId) ?? []), m.recordId]);
  return [...byProfile.values()].map((list) => list.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

async function apply(store: Store, step: Step): Promise<void> {
  await storePeople(store, step.upsert, step.remove);
  for (const d of step.decisions) await store.addIdentityDecision({ kind: d.kind, recordA: individualId(d.a), recordB: individualId(d.b), who: 'test' });
}

for (const backend of STORES) {
  describe(`incremental resolution (${backend.name})`, () => {
    const open: Store[] = [];
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
    });
    async function fresh(): Promise<Store> {
      const store = await backend.open();
      await store.migrate();
      open.push(store);
      return store;
    }

    it.each([7, 19])('gives the clusters of a full resolve after every sync (seed %i)', async (seed) => {
      const incremental = await fresh();
      const full = await fresh();
      const modes: string[] = [];
      for (const step of steps(seed)) {
        await apply(incremental, step);
        await apply(full, step);
        const a = await resolvePersons(incremental);
        const b = await resolvePersons(full, { full: true });
        modes.push(a.mode);
        expect(b.mode).toBe('full');
        expect(await partition(incremental), `after "${step.name}"`).toEqual(await partition(full));
        expect(a.profiles.active, `active profiles after "${step.name}"`).toBe(b.profiles.active);
      }
      expect(modes).toEqual(['full', 'incremental', 'incremental', 'incremental', 'incremental', 'incremental']);
      // A full run over the incremental store finds nothing to change: every unified id is where it should be.
      const before = await incremental.listProfileMembers('person');
      const check = await resolvePersons(incremental, { full: true });
      expect(check.profiles).toMatchObject({ created: 0, grew: 0, merged: 0, split: 0, moved: 0, retired: 0 });
      expect(await incremental.listProfileMembers('person')).toEqual(before);
    }, 60_000);

    it('re-clusters only what a change reaches, and nothing when nothing changed', async () => {
      const store = await fresh();
      await storePeople(store, distinctPeople(60));
      expect(await resolvePersons(store)).toMatchObject({ mode: 'full', changed: 60, records: 60 });
      const idle = await resolvePersons(store);
      expect(idle).toMatchObject({ mode: 'incremental', changed: 0, records: 0 });
      const p = distinctPeople(60)[7]!;
      await storePeople(store, [{ ...p, system: 'erp', id: 'erp-7', email: p.email!.toUpperCase(), phone: undefined }]);
      const one = await resolvePersons(store, { run: 'run-42' });
      expect(one).toMatchObject({ mode: 'incremental', changed: 1, records: 2, profiles: { created: 0, grew: 1, active: 60 } });
      const id = (await store.profileOfRecord(individualId(p)))!.unifiedId;
      expect((await store.profileHistory(id)).map((h) => [h.event, h.run])).toEqual([['created', undefined], ['grew', 'run-42']]);
    });

    it('a deleted bridge splits its profile, and the split is recorded', async () => {
      const store = await fresh();
      const x: PersonSpec = { system: 'crm', id: 'x', first: 'Ada', last: 'Quill', email: 'ada.quill@quillmail.com' };
      const z: PersonSpec = { system: 'crm', id: 'z', first: 'Bea', last: 'Quill', phone: '+14155550999', dob: '1970-03-04' };
      // The bridge is x by email and last name (a deterministic rule) and z by a saved always-match decision.
      const bridge: PersonSpec = { system: 'erp', id: 'erp-b', first: 'Bea', last: 'Quill', email: x.email, phone: z.phone, dob: z.dob };
      await storePeople(store, [...distinctPeople(40), x, z, bridge]);
      await store.addIdentityDecision({ kind: 'always-match', recordA: individualId(bridge), recordB: individualId(z), who: 'test' });
      await resolvePersons(store);
      const of = async (p: Ref): Promise<string | undefined> => (await store.profileOfRecord(individualId(p)))?.unifiedId;
      const joined = await of(x);
      expect(await of(bridge)).toBe(joined);
      expect(await of(z)).toBe(joined);
      await storePeople(store, [], [bridge]);
      const summary = await resolvePersons(store);
      expect(summary).toMatchObject({ mode: 'incremental', changed: 1, records: 2, profiles: { split: 1 } });
      expect(await of(bridge)).toBeUndefined();
      expect(await of(z)).not.toBe(await of(x));
      expect((await store.profileHistory(joined!)).map((h) => h.event)).toContain('split');
    });
  });
}
