/**
 * Identity resolution over the store: assemble person records from stored CIM records, run the core (block,
 * compare, train or reuse saved parameters, score, cluster, with saved never/always-match decisions applied),
 * give clusters stable unified ids, survive golden values, and persist profiles, memberships and history in one
 * transaction. Re-running on unchanged data changes nothing.
 *
 * @example
 * const summary = await resolvePersons(store, { threshold: 0.9 });
 * summary.profiles.created; // new unified profiles this run
 */
import { randomUUID } from 'node:crypto';
import { ConcordError } from '../core/errors.js';
import { stableStringify } from '../core/ids.js';
import { explainPair, type Explanation } from './explain/explain-pair.js';
import { buildPersonFeatures } from './normalize/features.js';
import { matchRecord, type RecordMatch } from './store/match.js';
import { PERSON_BLOCKING_RULES, PERSON_DETERMINISTIC_RULES, PERSON_GUARDS } from './csv/person-defaults.js';
import { defaultPersonComparisons } from './compare/comparisons.js';
import { clusterPairScores, type PairScores } from './cluster/evaluate.js';
import { dedupeRecords } from './cluster/resolve.js';
import { assertParametersFit, type ModelParameters } from './score/parameters.js';
import { assemblePersons, assemblePersonsById, type PersonRecord } from './store/assemble.js';
import { assignStableIds } from './store/stable-ids.js';
import { survive } from './store/survive.js';
import { truthKey } from './store/truth.js';
import type { IdentityDecision, ProfileHistoryEvent, ProfileMember, UnifiedProfile } from './store/types.js';
import type { Store } from '../store/store.js';
import type { Comparison, IdentityRecord } from './types.js';

/** Name of the saved person model in `identity_params`. */
export const PERSON_PARAMS = 'person';

export interface ResolveStoreOptions {
  /** Match probability threshold (default 0.9). */
  threshold?: number;
  /** Train again even when parameters are saved. */
  retrain?: boolean;
  /** Default region for phones and postcodes (default `US`). */
  region?: string;
  /** Systems most trusted first, for survivorship ties. */
  sourcePriority?: readonly string[];
  /** Ground truth (see `readGroundTruth`): when given, pairwise scores are returned. */
  truth?: ReadonlyMap<string, string>;
  /** Id of what triggered the run (a sync run id), kept in history. */
  run?: string;
  /** New unified ids; default UUIDv4. */
  newId?: () => string;
  clock?: () => Date;
  /** EM seed (default 1): the same data trains the same model. */
  seed?: number;
}

export interface ResolveStoreSummary {
  records: number;
  candidatePairs: number;
  matchedPairs: number;
  trained: boolean;
  profiles: { active: number; created: number; grew: number; merged: number; split: number; moved: number; retired: number };
  seconds: number;
  /** Pairwise precision / recall / F1 of the clusters against the truth, when given. */
  accuracy?: PairScores;
}

/** The person comparisons, blocking and rules Concord resolves stored people with. */
export function personModel(): { comparisons: Comparison[] } {
  return { comparisons: defaultPersonComparisons() };
}

/** Reads every live Individual as a person record. */
export async function loadPersons(store: Store, region?: string): Promise<PersonRecord[]> {
  const people: PersonRecord[] = [];
  for await (const batch of assemblePersons(store, region === undefined ? {} : { region })) people.push(...batch);
  return people;
}

/** Saved parameters that still fit the comparisons, or undefined. */
export async function savedParameters(store: Store, comparisons: readonly Comparison[]): Promise<ModelParameters | undefined> {
  const saved = await store.getIdentityParams(PERSON_PARAMS);
  if (!saved) return undefined;
  const params = saved.params as ModelParameters;
  try {
    assertParametersFit(params, comparisons);
  } catch {
    // Parameters of an older set of comparisons: train again rather than fail.
    return undefined;
  }
  return params;
}

/**
 * One decision per pair of records, the latest (highest id) winning: a later always-match undoes an earlier
 * never-match of the same two records and the other way round.
 *
 * @example
 * latestDecisions([never(a, b, id 1), always(b, a, id 2)]); // → [always(b, a)]
 */
export function latestDecisions(decisions: readonly IdentityDecision[]): IdentityDecision[] {
  const byPair = new Map<string, IdentityDecision>();
  for (const d of [...decisions].sort((x, y) => x.id - y.id)) byPair.set(d.recordA < d.recordB ? `${d.recordA}\u0000${d.recordB}` : `${d.recordB}\u0000${d.recordA}`, d);
  return [...byPair.values()].sort((x, y) => x.id - y.id);
}

/**
 * Resolves every stored person into unified profiles and persists the result.
 *
 * @example
 * await resolvePersons(store, { retrain: true, truth: readGroundTruth('ground-truth.csv') });
 */
export async function resolvePersons(store: Store, options: ResolveStoreOptions = {}): Promise<ResolveStoreSummary> {
  const started = performance.now();
  const clock = options.clock ?? (() => new Date());
  const { comparisons } = personModel();
  const people = await loadPersons(store, options.region);
  const present = new Set(people.map((p) => p.record.id));
  const saved = options.retrain ? undefined : await savedParameters(store, comparisons);
  const decisions = latestDecisions(await store.listIdentityDecisions()).filter((d) => present.has(d.recordA) && present.has(d.recordB));
  const pair = (kind: string) => decisions.filter((d) => d.kind === kind).map((d) => [d.recordA, d.recordB] as const);

  const previous = await store.listProfileMembers('person');
  const existing = new Map<string, UnifiedProfile>();
  for (let after: string | undefined; ;) {
    const page = await store.listProfiles('person', { limit: 5000, ...(after !== undefined && { after }) });
    for (const p of page) existing.set(p.unifiedId, p);
    if (page.length < 5000) break;
    after = page[page.length - 1]!.unifiedId;
  }

  const empty = people.length === 0;
  const result = empty
    ? undefined
    : dedupeRecords(people.map((p) => p.record), {
      comparisons, blockingRules: PERSON_BLOCKING_RULES, deterministicRules: PERSON_DETERMINISTIC_RULES, guards: PERSON_GUARDS,
      threshold: options.threshold ?? 0.9, seed: options.seed ?? 1,
      ...(saved && { parameters: saved }),
      alwaysMatch: pair('always-match'), neverMatch: pair('never-match'),
    });
  const trained = result !== undefined && saved === undefined;
  if (result && trained) await store.saveIdentityParams(PERSON_PARAMS, result.parameters);

  // Clusters as member lists, in order of first member (records are in id order, so this is deterministic).
  const groups: PersonRecord[][] = [];
  if (result) {
    const byCluster = new Map<number, PersonRecord[]>();
    result.matchedRecords.forEach((_r, i) => {
      const c = result.clusters.clusterOf[i]!;
      const members = byCluster.get(c) ?? [];
      members.push(people[i]!);
      if (members.length === 1) byCluster.set(c, members);
    });
    groups.push(...byCluster.values());
  }
  const createdAt = new Map([...existing.values()].map((p) => [p.unifiedId, p.createdAt] as const));
  const stable = assignStableIds(groups.map((g) => g.map((p) => p.record.id)), previous, createdAt, options.newId ?? randomUUID);

  const now = clock().toISOString();
  const prevOf = new Map(previous.map((m) => [m.recordId, m.unifiedId] as const));
  const previousCount = new Map<string, number>();
  for (const m of previous) previousCount.set(m.unifiedId, (previousCount.get(m.unifiedId) ?? 0) + 1);
  const profiles: UnifiedProfile[] = [];
  const members: ProfileMember[] = [];
  groups.forEach((group, i) => {
    const unifiedId = stable.ids[i]!;
    const attributes = survive(group, options.sourcePriority ? { sourcePriority: options.sourcePriority } : {});
    const old = existing.get(unifiedId);
    const joined = group.filter((p) => prevOf.get(p.record.id) !== unifiedId);
    for (const p of joined) members.push({ recordId: p.record.id, unifiedId, since: now });
    // Written when new, when its golden values change, or when its membership does (updated_at moves).
    if (!old || joined.length > 0 || group.length !== (previousCount.get(unifiedId) ?? 0) || stableStringify(old.attributes) !== stableStringify(attributes)) {
      profiles.push({ unifiedId, kind: 'person', createdAt: old?.createdAt ?? now, updatedAt: now, status: 'active', attributes });
    }
  });
  for (const [from, into] of stable.merged) {
    const old = existing.get(from);
    profiles.push({ unifiedId: from, kind: 'person', createdAt: old?.createdAt ?? now, updatedAt: now, mergedInto: into, status: 'merged', attributes: old?.attributes ?? {} });
  }
  for (const id of stable.retired) {
    const old = existing.get(id);
    if (old) profiles.push({ ...old, updatedAt: now, status: 'retired' });
  }
  const removedMembers = previous.filter((m) => !present.has(m.recordId)).map((m) => m.recordId);
  const history: ProfileHistoryEvent[] = stable.events.map((e) => ({ ...e, at: now, ...(options.run !== undefined && { run: options.run }) }));
  if (profiles.length + members.length + removedMembers.length + history.length > 0) {
    await store.applyIdentityChanges({ profiles, members, removedMembers, history });
  }

  const count = (event: string): number => stable.events.filter((e) => e.event === event).length;
  const summary: ResolveStoreSummary = {
    records: people.length,
    candidatePairs: result?.candidatePairs ?? 0,
    matchedPairs: result?.matches.count ?? 0,
    trained,
    profiles: { active: groups.length, created: count('created'), grew: count('grew'), merged: count('merged'), split: count('split'), moved: count('member_moved'), retired: stable.retired.length },
    seconds: (performance.now() - started) / 1000,
  };
  if (options.truth && result) {
    const truth = people.map((p) => options.truth!.get(truthKey(p.system, p.stream, p.sourceRecordId)) ?? `unknown:${p.record.id}`);
    summary.accuracy = clusterPairScores(result.clusters.clusterOf, truth);
  }
  return summary;
}

/** Person attributes of a look-up (`concord match`). */
export interface PersonQuery {
  name?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  dob?: string | undefined;
}

export interface ProfileCandidate {
  unifiedId: string | undefined;
  /** Best probability of any member record. */
  probability: number;
  records: RecordMatch[];
}

async function requireParameters(store: Store, comparisons: readonly Comparison[]): Promise<ModelParameters> {
  const params = await savedParameters(store, comparisons);
  if (!params) throw new ConcordError('IDENTITY_NOT_TRAINED', 'no saved person model in the store', { kind: 'usage', hint: 'run `concord resolve` first' });
  return params;
}

/**
 * Candidate profiles for a person described by a few attributes: stored records sharing a blocking key with it,
 * scored with the saved model and grouped by profile, strongest first. Scans the stored people (no persistent
 * blocking index yet).
 *
 * @example
 * await matchPerson(store, { email: 'ada@example.com', name: 'Ada Lovelace' }); // [{ unifiedId, probability, records }]
 */
export async function matchPerson(store: Store, query: PersonQuery, options: { region?: string; minProbability?: number } = {}): Promise<ProfileCandidate[]> {
  const { comparisons } = personModel();
  const params = await requireParameters(store, comparisons);
  const features = buildPersonFeatures(
    { fullName: query.name, firstName: query.firstName, lastName: query.lastName, email: query.email, phone: query.phone, dob: query.dob },
    { region: options.region ?? 'US' },
  );
  const people = await loadPersons(store, options.region);
  const matches = matchRecord({ id: 'query', features }, people.map((p) => p.record), comparisons, params, {
    rules: PERSON_BLOCKING_RULES, deterministicRules: PERSON_DETERMINISTIC_RULES, minProbability: options.minProbability ?? 0.01,
  });
  const byProfile = new Map<string, ProfileCandidate>();
  for (const m of matches) {
    const unifiedId = (await store.profileOfRecord(m.recordId))?.unifiedId;
    const key = unifiedId ?? `record:${m.recordId}`;
    const entry = byProfile.get(key) ?? { unifiedId, probability: 0, records: [] };
    entry.records.push(m);
    entry.probability = Math.max(entry.probability, m.probability);
    byProfile.set(key, entry);
  }
  return [...byProfile.values()].sort((a, b) => b.probability - a.probability);
}

/**
 * Why two stored person records do or do not match: the waterfall of `explainPair` under the saved model.
 *
 * @example
 * formatExplanation(await explainRecords(store, idA, idB));
 */
export async function explainRecords(store: Store, recordA: string, recordB: string, region?: string): Promise<Explanation> {
  const { comparisons } = personModel();
  const params = await requireParameters(store, comparisons);
  const find = async (ref: string): Promise<IdentityRecord> => {
    const id = await individualIdOf(store, ref);
    const found = id === undefined ? undefined : (await assemblePersonsById(store, [id], region === undefined ? {} : { region }))[0];
    if (!found) throw new ConcordError('RECORD_NOT_FOUND', `no live person record ${ref}`, { kind: 'usage', hint: 'use a Concord id or system/stream/recordId (see `concord profiles show`)' });
    return found.record;
  };
  return explainPair(await find(recordA), await find(recordB), comparisons, params, { deterministicRules: PERSON_DETERMINISTIC_RULES });
}

/** A Concord id as given, or the Individual that `system/stream/recordId` produced. */
async function individualIdOf(store: Store, ref: string): Promise<string | undefined> {
  const parts = ref.split('/');
  if (parts.length < 3) return ref;
  const [system, stream, ...rest] = parts;
  const produced = await store.cimRecordsOfSource(system!, stream!, rest.join('/'));
  return produced.find((r) => r.entity === 'Individual' && !r.deleted)?.id;
}
