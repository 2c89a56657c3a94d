/**
 * The record pairs behind a manual merge or split, shared by `concord profiles merge|split` and the API.
 * Decisions are per record pair and the latest one on a pair wins, so:
 * - a split is a never-match between each leaving record and every member that stays;
 * - a merge is an always-match between one member of each profile, plus an always-match for every pair across
 *   the profiles whose latest decision is a never-match (an earlier split) — otherwise the old never-match would
 *   keep part of the merged profile apart;
 * - the members that stay after a split stay one profile: where they were joined only through a leaving record,
 *   always-match pairs join their pieces again (`keepTogetherPairs`).
 *
 * @example
 * const pairs = await mergePairs(store, ['u1', 'u2']);
 * await saveDecisions(store, [{ kind: 'always-match', pairs }], 'ops');
 */
import { ConcordError } from '../../core/errors.js';
import type { Store } from '../../store/store.js';
import type { DecisionKind, IdentityDecision } from './types.js';

export type RecordPair = readonly [string, string];

const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Pure: the latest decision of each record pair, keyed by the unordered pair. */
export function latestByPair(decisions: readonly IdentityDecision[]): Map<string, IdentityDecision> {
  const byPair = new Map<string, IdentityDecision>();
  for (const d of [...decisions].sort((x, y) => x.id - y.id)) byPair.set(pairKey(d.recordA, d.recordB), d);
  return byPair;
}

/**
 * Pure: the always-match pairs that join `groups` (member lists of the profiles, first member first): the first
 * member of the first group with the first of each other, and every cross-group pair held apart by a never-match.
 */
export function mergePairsOf(groups: ReadonlyArray<readonly string[]>, decisions: readonly IdentityDecision[]): RecordPair[] {
  const latest = latestByPair(decisions);
  const pairs: RecordPair[] = [];
  const seen = new Set<string>();
  const add = (a: string, b: string): void => {
    const key = pairKey(a, b);
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push([a, b]);
  };
  const head = groups[0]?.[0];
  if (head === undefined) return pairs;
  for (const group of groups.slice(1)) if (group[0] !== undefined) add(head, group[0]);
  // Only pairs that carry a decision can be held apart by one: walk the decisions, not the cross product.
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((r) => groupOf.set(r, i)));
  for (const d of latest.values()) {
    if (d.kind !== 'never-match') continue;
    const ga = groupOf.get(d.recordA);
    const gb = groupOf.get(d.recordB);
    if (ga !== undefined && gb !== undefined && ga !== gb) add(d.recordA, d.recordB);
  }
  return pairs;
}

/**
 * Pure: the always-match pairs that make `members` one connected group given the `links` between them (pairs
 * outside `members` are ignored): the first member of the first piece with the first member of every other
 * piece, pieces ordered by their first member's position in `members`. No pairs when they are connected already.
 *
 * @example
 * keepTogetherPairs(['a', 'b', 'c'], [['a', 'b']]); // [['a', 'c']]
 */
export function keepTogetherPairs(members: readonly string[], links: ReadonlyArray<RecordPair>): RecordPair[] {
  const index = new Map(members.map((m, i) => [m, i] as const));
  const parent = members.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const [a, b] of links) {
    const ia = index.get(a);
    const ib = index.get(b);
    if (ia === undefined || ib === undefined) continue;
    const [ra, rb] = [find(ia), find(ib)];
    // The smaller index becomes the root, so a piece's root is its first member.
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const pairs: RecordPair[] = [];
  for (let i = 1; i < members.length; i++) if (find(i) === i) pairs.push([members[0]!, members[i]!]);
  return pairs;
}

async function activeMembers(store: Store, unifiedId: string): Promise<string[]> {
  const profile = await store.getProfile(unifiedId);
  if (!profile) throw new ConcordError('PROFILE_NOT_FOUND', `no profile ${unifiedId}`, { kind: 'usage', hint: 'search profiles with `concord profiles list` or GET /api/profiles' });
  if (profile.status !== 'active') {
    throw new ConcordError('PROFILE_NOT_ACTIVE', `profile ${unifiedId} is ${profile.status}${profile.mergedInto ? ` into ${profile.mergedInto}` : ''}`, { kind: 'usage', hint: 'merge the profile it became instead' });
  }
  const members = (await store.profileMembers(unifiedId)).map((m) => m.recordId);
  if (members.length === 0) throw new ConcordError('PROFILE_NOT_FOUND', `profile ${unifiedId} has no members`, { kind: 'usage' });
  return members;
}

/**
 * The always-match pairs that merge the given active profiles.
 *
 * @example
 * await mergePairs(store, ['u1', 'u2']); // [['rec-of-u1', 'rec-of-u2'], …pairs an earlier split held apart]
 */
export async function mergePairs(store: Store, unifiedIds: readonly string[]): Promise<RecordPair[]> {
  const ids = [...new Set(unifiedIds)];
  if (ids.length < 2) throw new ConcordError('BAD_REQUEST', 'unifiedIds: give two different profiles to merge', { kind: 'usage', context: { field: 'unifiedIds' } });
  const groups = await Promise.all(ids.map((id) => activeMembers(store, id)));
  return mergePairsOf(groups, await store.listIdentityDecisions());
}

/**
 * The members that leave and stay in a split, and its never-match pairs (each leaving record against every
 * member that stays), after checking that every leaving record is a member and one member stays.
 *
 * @example
 * await splitMembers(store, 'u1', ['r3']); // { leaving: ['r3'], staying: ['r1', 'r2'], pairs: [['r3', 'r1'], ['r3', 'r2']] }
 */
export async function splitMembers(store: Store, unifiedId: string, recordIds: readonly string[]): Promise<{ leaving: string[]; staying: string[]; pairs: RecordPair[] }> {
  const members = await activeMembers(store, unifiedId);
  const leaving = [...new Set(recordIds)];
  for (const id of leaving) {
    if (!members.includes(id)) throw new ConcordError('RECORD_NOT_IN_PROFILE', `record ${id} is not a member of ${unifiedId}`, { kind: 'usage', context: { field: 'recordIds' }, hint: 'list the members with `concord profiles show` or GET /api/profiles/{unifiedId}' });
  }
  const staying = members.filter((m) => !leaving.includes(m));
  if (staying.length === 0) throw new ConcordError('BAD_REQUEST', 'recordIds: a split must leave at least one member in the profile', { kind: 'usage', context: { field: 'recordIds' } });
  return { leaving, staying, pairs: leaving.flatMap((l) => staying.map((s) => [l, s] as const)) };
}

/** Decisions of one kind, with the reason kept with each. */
export interface DecisionBatch {
  kind: DecisionKind;
  pairs: readonly RecordPair[];
  reason?: string | undefined;
}

/** Saves one decision per pair, batch by batch, in order (the latest decision on a pair wins). */
export async function saveDecisions(store: Store, batches: readonly DecisionBatch[], who: string): Promise<IdentityDecision[]> {
  const decisions: IdentityDecision[] = [];
  for (const { kind, pairs, reason } of batches) {
    for (const [recordA, recordB] of pairs) decisions.push(await store.addIdentityDecision({ kind, recordA, recordB, who, reason }));
  }
  return decisions;
}
