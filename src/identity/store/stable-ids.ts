/**
 * Stable unified ids: given the new clusters and the memberships stored before, decide which cluster keeps
 * which profile id and what happened (created, grew, merged, split, member_moved). Pure.
 *
 * Rules: every old profile has a "home" — the new cluster holding the largest share of its old members (tie:
 * the cluster holding its oldest member, by `since` then record id). A cluster that is home to several old
 * profiles keeps the oldest of them (by creation, then id) and the others are merged into it; a cluster that is
 * home to none gets a fresh id (a split when its members came from an existing profile, else created).
 *
 * @example
 * assignStableIds([['a', 'b', 'c']], [{ recordId: 'a', unifiedId: 'P1', since }], new Map([['P1', t]]), newId);
 * // → ids ['P1'], events [{ event: 'grew', unifiedIds: ['P1'], recordIds: ['b', 'c'] }]
 */
import type { HistoryEventType, ProfileMember } from './types.js';

export interface StableIdEvent {
  event: HistoryEventType;
  unifiedIds: string[];
  recordIds: string[];
}

export interface StableIdResult {
  /** The unified id of each cluster, in input order. */
  ids: string[];
  /** Ids that were new this time. */
  created: Set<string>;
  /** Old id → the id it was merged into. */
  merged: Map<string, string>;
  /** Old ids none of whose members is in any cluster any more. */
  retired: string[];
  events: StableIdEvent[];
}

export function assignStableIds(
  clusters: readonly (readonly string[])[],
  previous: readonly ProfileMember[],
  createdAt: ReadonlyMap<string, string>,
  newId: () => string,
): StableIdResult {
  const oldOf = new Map(previous.map((m) => [m.recordId, m] as const));
  // Per old profile: members counted per new cluster, and its oldest member's cluster.
  const shares = new Map<string, Map<number, number>>();
  const oldest = new Map<string, { member: ProfileMember; cluster: number }>();
  clusters.forEach((members, c) => {
    for (const id of members) {
      const old = oldOf.get(id);
      if (!old) continue;
      const perCluster = shares.get(old.unifiedId) ?? new Map<number, number>();
      perCluster.set(c, (perCluster.get(c) ?? 0) + 1);
      shares.set(old.unifiedId, perCluster);
      const o = oldest.get(old.unifiedId);
      if (!o || old.since < o.member.since || (old.since === o.member.since && old.recordId < o.member.recordId)) oldest.set(old.unifiedId, { member: old, cluster: c });
    }
  });
  const homesOf = new Map<number, string[]>();
  const homeOf = new Map<string, number>();
  for (const [uid, perCluster] of [...shares].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const best = Math.max(...perCluster.values());
    const tied = [...perCluster].filter(([, n]) => n === best).map(([c]) => c);
    const home = tied.length === 1 ? tied[0]! : (tied.includes(oldest.get(uid)!.cluster) ? oldest.get(uid)!.cluster : Math.min(...tied));
    homeOf.set(uid, home);
    homesOf.set(home, [...(homesOf.get(home) ?? []), uid]);
  }
  const older = (a: string, b: string): number => {
    const ta = createdAt.get(a) ?? '';
    const tb = createdAt.get(b) ?? '';
    return ta < tb ? -1 : ta > tb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  };
  const result: StableIdResult = { ids: [], created: new Set(), merged: new Map(), retired: [], events: [] };
  clusters.forEach((members, c) => {
    const homes = [...(homesOf.get(c) ?? [])].sort(older);
    let id: string;
    if (homes.length > 0) {
      id = homes[0]!;
      for (const other of homes.slice(1)) {
        result.merged.set(other, id);
        result.events.push({ event: 'merged', unifiedIds: [id, other], recordIds: members.filter((r) => oldOf.get(r)?.unifiedId === other) });
      }
    } else {
      id = newId();
      result.created.add(id);
    }
    result.ids.push(id);
    const fresh = members.filter((r) => !oldOf.has(r));
    const movedFrom = new Map<string, string[]>();
    for (const r of members) {
      const old = oldOf.get(r);
      if (old && old.unifiedId !== id && homeOf.get(old.unifiedId) !== c) movedFrom.set(old.unifiedId, [...(movedFrom.get(old.unifiedId) ?? []), r]);
    }
    if (homes.length === 0 && movedFrom.size === 0) result.events.push({ event: 'created', unifiedIds: [id], recordIds: [...members] });
    for (const [from, recordIds] of movedFrom) {
      result.events.push({ event: homes.length === 0 ? 'split' : 'member_moved', unifiedIds: homes.length === 0 ? [from, id] : [id, from], recordIds });
    }
    if (fresh.length > 0 && (homes.length > 0 || movedFrom.size > 0)) result.events.push({ event: 'grew', unifiedIds: [id], recordIds: fresh });
  });
  const present = new Set(previous.map((m) => m.unifiedId));
  for (const uid of [...present].sort()) if (!homeOf.has(uid)) result.retired.push(uid);
  return result;
}
