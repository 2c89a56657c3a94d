/**
 * Manual merges and splits as record-pair decisions: a split followed by a merge of the same profiles gives
 * back the whole profile (the merge overrides every never-match the split wrote), on both store backends.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { keepTogetherPairs, mergePairs, mergePairsOf, splitMembers } from '../../src/identity/store/decision-pairs.js';
import { joinPieces } from '../../src/api/profiles/split.js';
import { resolvePersons } from '../../src/identity/resolve.js';
import type { IdentityDecision } from '../../src/identity/store/types.js';
import type { Store } from '../../src/store/store.js';
import { STORES } from '../support/stores.js';
import { distinctPeople, individualId, storePeople, type PersonSpec } from './people.js';

const decision = (id: number, kind: IdentityDecision['kind'], recordA: string, recordB: string): IdentityDecision => ({ id, kind, recordA, recordB, who: 't', at: '2026-01-01T00:00:00Z' });

describe('mergePairsOf', () => {
  it.each([
    ['no decisions: one pair joins the heads', [['a1', 'a2'], ['b1']], [], [['a1', 'b1']]],
    ['three profiles: the first head with each other head', [['a1'], ['b1'], ['c1']], [], [['a1', 'b1'], ['a1', 'c1']]],
    ['a never-match across the profiles is overridden', [['a1', 'a2'], ['b1']], [decision(1, 'never-match', 'b1', 'a2'), decision(2, 'never-match', 'b1', 'a1')], [['a1', 'b1'], ['b1', 'a2']]],
    ['a never-match later undone by an always-match needs nothing', [['a1', 'a2'], ['b1']], [decision(1, 'never-match', 'a2', 'b1'), decision(2, 'always-match', 'b1', 'a2')], [['a1', 'b1']]],
    ['a never-match inside one profile or with outsiders is left alone', [['a1', 'a2'], ['b1']], [decision(1, 'never-match', 'a1', 'a2'), decision(2, 'never-match', 'b1', 'zz')], [['a1', 'b1']]],
  ] as const)('%s', (_name, groups, decisions, expected) => {
    expect(mergePairsOf(groups, decisions)).toEqual(expected);
  });
});

describe('keepTogetherPairs', () => {
  it.each([
    ['connected already: nothing', ['a', 'b', 'c'], [['a', 'b'], ['b', 'c']], []],
    ['a chain whose middle left: its two ends', ['a', 'c'], [['a', 'l'], ['l', 'c']], [['a', 'c']]],
    ['three pieces: the first member with the head of each other piece', ['a', 'b', 'c', 'd'], [['b', 'd']], [['a', 'b'], ['a', 'c']]],
    ['links to outsiders are ignored', ['a', 'b'], [['a', 'x'], ['x', 'b']], [['a', 'b']]],
    ['a piece is named by its first member, whatever the link order', ['a', 'b', 'c', 'd'], [['d', 'c'], ['c', 'b']], [['a', 'b']]],
    ['one member: nothing', ['a'], [], []],
  ] as const)('%s', (_name, members, links, expected) => {
    expect(keepTogetherPairs(members, links)).toEqual(expected);
  });

  it.each([
    ['two pieces', [['a', 'b'], ['c']], [['a', 'c']]],
    ['three pieces, heads joined to the first', [['a'], ['b', 'c'], ['d', 'e', 'f']], [['a', 'b'], ['a', 'd']]],
    ['one piece: nothing', [['a', 'b', 'c']], []],
  ] as const)('joinPieces: %s', (_name, pieces, expected) => {
    expect(joinPieces(pieces)).toEqual(expected);
  });
});

const people = distinctPeople(40);
const p0 = people[0]!;
/** p0 in two more systems: same email and last name, so the model joins all three. */
const copies: PersonSpec[] = [
  { ...p0, system: 'erp', id: 'erp-0', modstamp: '2025-06-01T00:00:00.000Z' },
  { ...p0, system: 'mkt', id: 'mkt-0', phone: undefined, modstamp: '2025-07-01T00:00:00.000Z' },
];

for (const backend of STORES) {
  describe(`split then merge (${backend.name})`, () => {
    let store: Store | undefined;
    afterEach(async () => store?.close());

    it('gives back the whole profile', async () => {
      store = await backend.open();
      await store.migrate();
      await storePeople(store, [...people, ...copies]);
      await resolvePersons(store);
      const ids = [p0, ...copies].map(individualId);
      const profile = (await store.profileOfRecord(ids[0]!))!.unifiedId;
      expect((await store.profileMembers(profile)).map((m) => m.recordId).sort()).toEqual([...ids].sort());

      // Split the erp record out: never-match against both others.
      for (const [a, b] of (await splitMembers(store, profile, [ids[1]!])).pairs) await store.addIdentityDecision({ kind: 'never-match', recordA: a, recordB: b, who: 't' });
      await resolvePersons(store);
      const apart = (await store.profileOfRecord(ids[1]!))!.unifiedId;
      const rest = (await store.profileOfRecord(ids[0]!))!.unifiedId;
      expect(apart).not.toBe(rest);
      expect((await store.profileOfRecord(ids[2]!))!.unifiedId).toBe(rest);

      // Merge the two profiles back: every member ends in one profile again.
      const pairs = await mergePairs(store, [rest, apart]);
      expect(pairs).toHaveLength(2); // the heads, and the second never-match the split wrote
      for (const [a, b] of pairs) await store.addIdentityDecision({ kind: 'always-match', recordA: a, recordB: b, who: 't' });
      await resolvePersons(store);
      const together = new Set(await Promise.all(ids.map(async (id) => (await store!.profileOfRecord(id))!.unifiedId)));
      expect(together.size).toBe(1);
    });

    it('refuses to merge a profile with itself or a split that empties the profile, naming the field', async () => {
      store = await backend.open();
      await store.migrate();
      await storePeople(store, people);
      await resolvePersons(store);
      const profile = (await store.profileOfRecord(individualId(p0)))!.unifiedId;
      await expect(mergePairs(store, [profile, profile])).rejects.toMatchObject({ code: 'BAD_REQUEST', context: { field: 'unifiedIds' } });
      await expect(splitMembers(store, profile, [individualId(p0)])).rejects.toMatchObject({ code: 'BAD_REQUEST', context: { field: 'recordIds' } });
      await expect(splitMembers(store, profile, ['nope'])).rejects.toMatchObject({ code: 'RECORD_NOT_IN_PROFILE' });
      await expect(mergePairs(store, [profile, 'missing'])).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
    });
  });
}
