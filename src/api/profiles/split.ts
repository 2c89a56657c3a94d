/**
 * What a manual split saves, shared by `concord profiles split` and the API: never-match decisions between each
 * leaving record and every member that stays, and — unless told otherwise — the always-match decisions that keep
 * the staying members one profile where the split would break them apart. A chain A–L–C whose middle leaves
 * falls apart into A and C; and the never-match cuts take the weakest link on a path, which can be one between
 * two staying members. Neither is what someone taking L out asked for.
 *
 * The plan replays the resolution's own clustering (`clusterPart`: blocking, the saved model, deterministic rules,
 * guards and every saved decision plus the new never-match ones) over the profile's members, and joins the pieces
 * the staying members end in; a split that breaks nothing adds no always-match decision. What the replay cannot
 * see (block caps and guard values counted over the whole store) is caught after the resolution by
 * `unjoinedPieces`.
 *
 * @example
 * const plan = await planSplit(store, unifiedId, [recordId], { threshold: 0.9, region: 'US' });
 * plan.neverMatch;   // [[recordId, each staying member]…]
 * plan.keepTogether; // [] unless the split breaks the others apart
 */
import { ConcordError } from '../../core/errors.js';
import { latestDecisions, ORGANIZATION_KIND, PERSON_KIND, savedParameters, type EntityKindModel } from '../../identity/resolve.js';
import { assemblePersonsById } from '../../identity/store/assemble.js';
import { keepTogetherPairs, splitMembers, type DecisionBatch, type RecordPair } from '../../identity/store/decision-pairs.js';
import { clusterPart } from '../../identity/store/partition.js';
import type { IdentityDecision } from '../../identity/store/types.js';
import type { IdentityRecord } from '../../identity/types.js';
import type { Store } from '../../store/store.js';
import { organizationMembers } from './organizations.js';

/** Members replayed at most; the staying members of a larger profile are kept together by chaining them. */
export const SPLIT_REPLAYED_MEMBERS = 1000;

export interface SplitPlanOptions {
  /** Match probability threshold of the resolution (default 0.9). */
  threshold?: number | undefined;
  /** Default region for phones and postcodes, as in resolution. */
  region?: string | undefined;
  /** Keep the staying members one profile (default true). */
  keepTogether?: boolean | undefined;
}

export interface SplitPlan {
  leaving: string[];
  /** Staying members, in the profile's member order. */
  staying: string[];
  neverMatch: RecordPair[];
  keepTogether: RecordPair[];
}

export async function planSplit(store: Store, unifiedId: string, recordIds: readonly string[], options: SplitPlanOptions = {}): Promise<SplitPlan> {
  const { leaving, staying, pairs } = await splitMembers(store, unifiedId, recordIds);
  const plan: SplitPlan = { leaving, staying, neverMatch: pairs, keepTogether: [] };
  if (options.keepTogether === false || staying.length < 2) return plan;
  const pieces = staying.length + leaving.length > SPLIT_REPLAYED_MEMBERS ? staying.map((m) => [m]) : await replayedPieces(store, unifiedId, leaving, staying, pairs, options);
  plan.keepTogether = joinPieces(pieces);
  return plan;
}

/** The pieces the staying members fall into when the profile's members are clustered with the split's decisions. */
async function replayedPieces(store: Store, unifiedId: string, leaving: readonly string[], staying: readonly string[], neverMatch: readonly RecordPair[], options: SplitPlanOptions): Promise<string[][]> {
  const profile = await store.getProfile(unifiedId);
  const model: EntityKindModel = profile?.kind === 'organization' ? ORGANIZATION_KIND : PERSON_KIND;
  const comparisons = model.comparisons();
  const parameters = await savedParameters(store, comparisons, model.paramsName);
  const alone = staying.map((m) => [m]);
  // Without a saved model nothing but decisions links them: every member is its own piece.
  if (parameters === undefined) return alone;
  const records = (await recordsOf(store, model, [...staying, ...leaving], options.region)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // The split's decisions as the ones saved after every other (the latest decision on a pair wins).
  const saved = await store.listIdentityDecisions();
  const next = saved.reduce((max, d) => Math.max(max, d.id), 0) + 1;
  const at = new Date().toISOString();
  const split: IdentityDecision[] = neverMatch.map(([recordA, recordB], k) => ({ id: next + k, kind: 'never-match', recordA, recordB, who: 'split', at }));
  try {
    const part = clusterPart(records, {
      comparisons, blockingRules: model.blockingRules, deterministicRules: model.deterministicRules, guards: model.guards,
      over: model.guards.map(() => new Set<string>()), excludedKeys: model.blockingRules.map(() => new Set<number>()),
      parameters, threshold: options.threshold ?? 0.9, decisions: latestDecisions([...saved, ...split]),
    });
    const pieceOf = new Map(records.map((r, i) => [r.id, part.clusters.clusterOf[i]!] as const));
    const pieces = new Map<number, string[]>();
    for (const m of staying) {
      // A member the replay could not assemble (deleted meanwhile) is a piece of its own.
      const key = pieceOf.get(m) ?? -1 - pieces.size;
      pieces.set(key, [...(pieces.get(key) ?? []), m]);
    }
    return [...pieces.values()];
  } catch (error) {
    // Contradicting decisions or nothing to compare: the replay cannot tell, so nothing is assumed linked.
    if (error instanceof ConcordError) return alone;
    throw error;
  }
}

async function recordsOf(store: Store, model: EntityKindModel, ids: readonly string[], region: string | undefined): Promise<IdentityRecord[]> {
  if (model.kind === 'organization') {
    const orgs = await organizationMembers(store, await store.liveCimRecordsByIds('Organization', ids), region);
    const records = orgs.map((o) => o.record);
    return model.prepare ? model.prepare(records) : records;
  }
  return (await assemblePersonsById(store, ids, region === undefined ? {} : { region })).map((p) => p.record);
}

/**
 * After the resolution: the staying members grouped by the profile they are in now, when that is more than one
 * profile (blocking or a guard kept apart what the model links), else undefined. The group still in `unifiedId`
 * comes first.
 */
export async function unjoinedPieces(store: Store, unifiedId: string, staying: readonly string[]): Promise<string[][] | undefined> {
  const groups = new Map<string, string[]>();
  for (const id of staying) {
    const now = (await store.profileOfRecord(id))?.unifiedId ?? `none:${id}`;
    groups.set(now, [...(groups.get(now) ?? []), id]);
  }
  if (groups.size < 2) return undefined;
  return [...groups].sort(([a], [b]) => (a === unifiedId ? -1 : b === unifiedId ? 1 : 0)).map(([, members]) => members);
}

/** The reason saved with the decisions that keep a split profile's other members together. */
export const keptReason = (leaving: readonly string[], unifiedId: string): string =>
  `kept in profile ${unifiedId} when ${leaving.length === 1 ? `record ${leaving[0]}` : `records ${leaving.join(', ')}`} left it`;

/** What a split saves, in order: the never-match pairs with the user's reason, then the pairs that keep the rest together. */
export function splitBatches(plan: SplitPlan, unifiedId: string, reason: string | undefined): DecisionBatch[] {
  return [
    { kind: 'never-match', pairs: plan.neverMatch, reason },
    { kind: 'always-match', pairs: plan.keepTogether, reason: keptReason(plan.leaving, unifiedId) },
  ];
}

/** The always-match pairs that join `pieces` (each a member list): the first member of the first piece with the first of each other. */
export function joinPieces(pieces: ReadonlyArray<readonly string[]>): RecordPair[] {
  const members = pieces.flat();
  const links: RecordPair[] = pieces.flatMap((p) => p.slice(1).map((m) => [p[0]!, m] as const));
  return keepTogetherPairs(members, links);
}
