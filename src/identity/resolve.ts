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
import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { ConcordError } from '../core/errors.js';
import { stableStringify } from '../core/ids.js';
import { processAlive } from '../core/process-alive.js';
import { holderProcess, leaseHolder } from '../store/leases.js';
import { explainPair, type Explanation } from './explain/explain-pair.js';
import { buildPersonFeatures } from './normalize/features.js';
import { matchRecord, type RecordMatch } from './store/match.js';
import { PERSON_BLOCKING_RULES, PERSON_DETERMINISTIC_RULES, PERSON_GUARDS } from './csv/person-defaults.js';
import { defaultPersonComparisons } from './compare/comparisons.js';
import { clusterPairScores, type PairScores } from './cluster/evaluate.js';
import { blockingHash, DEFAULT_BLOCKING_PLACEHOLDERS, placeholderSet } from './block/rules.js';
import { assertParametersFit, type ModelParameters } from './score/parameters.js';
import { assemblePersons, assemblePersonsById, cimPages, type PersonRecord } from './store/assemble.js';
import { assembleOrganizations, ORGANIZATION_ATTRIBUTES, type OrganizationRecord, type OrganizationValues } from './store/assemble-organizations.js';
import { guardChainPhones, ORGANIZATION_BLOCKING_RULES, ORGANIZATION_DETERMINISTIC_RULES, ORGANIZATION_GUARDS } from './csv/organization-defaults.js';
import { organizationComparisons } from './csv/organization-features.js';
import type { BlockingRule } from './block/rules.js';
import type { IdentifierGuard } from './cluster/chaining-guard.js';
import type { DeterministicRule } from './score/deterministic.js';
import { blockingKeyId, type BlockingKey, type BlockingKeyRow } from './store/blocking-queries.js';
import {
  applyGuards, assertIndependentGuards, blockingRows, clusterPart, guardCap, guardRule, guardValue, matchingCandidates, MAX_BLOCK_SIZE, type PartResult,
} from './store/partition.js';
import { assignStableIds } from './store/stable-ids.js';
import { survive, type SurviveOptions, type SurvivorshipRule } from './store/survive.js';
import { truthKey } from './store/truth.js';
import type { IdentityDecision, ProfileHistoryEvent, ProfileKind, ProfileMember, UnifiedProfile } from './store/types.js';
import type { Store } from '../store/store.js';
import type { Comparison, IdentityRecord } from './types.js';

/** Name of the saved person model in `identity_params`. */
export const PERSON_PARAMS = 'person';
/** Name of the saved organisation model in `identity_params`. */
export const ORGANIZATION_PARAMS = 'organization';

/**
 * What differs between the kinds of profile Concord resolves: the comparisons, blocking and deterministic rules,
 * chaining guards, golden attributes and the name its model is saved under. Stable ids, history, survivorship
 * and decisions are the same machinery for every kind.
 *
 * @example
 * ORGANIZATION_KIND.comparisons().map((c) => c.name); // ['name', 'website', 'phone', 'address', …]
 */
export interface EntityKindModel {
  readonly kind: ProfileKind;
  readonly paramsName: string;
  comparisons(): Comparison[];
  readonly blockingRules: readonly BlockingRule[];
  readonly deterministicRules: readonly DeterministicRule[];
  readonly guards: readonly IdentifierGuard[];
  /** Golden attributes in order; the person attributes when absent. */
  readonly attributes?: readonly string[];
  /** Clears what must not link before clustering (organisations: a chain's switchboard number). */
  prepare?(records: IdentityRecord[]): IdentityRecord[];
}

export const PERSON_KIND: EntityKindModel = {
  kind: 'person', paramsName: PERSON_PARAMS, comparisons: defaultPersonComparisons,
  blockingRules: PERSON_BLOCKING_RULES, deterministicRules: PERSON_DETERMINISTIC_RULES, guards: PERSON_GUARDS,
};

export const ORGANIZATION_KIND: EntityKindModel = {
  kind: 'organization', paramsName: ORGANIZATION_PARAMS, comparisons: organizationComparisons,
  blockingRules: ORGANIZATION_BLOCKING_RULES, deterministicRules: ORGANIZATION_DETERMINISTIC_RULES, guards: ORGANIZATION_GUARDS,
  attributes: ORGANIZATION_ATTRIBUTES, prepare: (records) => guardChainPhones(records).records,
};

export interface ResolveStoreOptions {
  /** Match probability threshold (default 0.9). */
  threshold?: number;
  /** Train again even when parameters are saved. */
  retrain?: boolean;
  /** Default region for phones and postcodes (default `US`). */
  region?: string;
  /** Systems most trusted first, for survivorship ties. */
  sourcePriority?: readonly string[];
  /** Survivorship rule chains (default most-recent, most-complete, source-priority for every attribute). */
  survivorship?: { rules?: readonly SurvivorshipRule[]; attributes?: Readonly<Partial<Record<string, readonly SurvivorshipRule[]>>> };
  /** Ground truth (see `readGroundTruth`): when given, pairwise scores are returned. */
  truth?: ReadonlyMap<string, string>;
  /** Id of what triggered the run (a sync run id), kept in history. */
  run?: string;
  /** New unified ids; default UUIDv4. */
  newId?: () => string;
  clock?: () => Date;
  /** EM seed (default 1): the same data trains the same model. */
  seed?: number;
  /** Re-resolve every stored person and rebuild the blocking index (default: only what changed, when possible). */
  full?: boolean;
  /** How long to wait while another process resolves the same store (default 10 minutes), then IDENTITY_BUSY. */
  waitMs?: number;
  /** Clusters whose profiles a full run writes per transaction (default 20,000), so memory does not grow with the store. */
  writeBatch?: number;
  /** Resolve the stored organisations too, after the people (default true). */
  organizations?: boolean;
}

export interface ResolveStoreSummary {
  /** `full`: every person re-read; `incremental`: only the changed records and what they reach. */
  mode: 'full' | 'incremental';
  /** Person records new, changed or deleted since the last run (all of them in a full run). */
  changed: number;
  /** Person records clustered this run. */
  records: number;
  candidatePairs: number;
  matchedPairs: number;
  trained: boolean;
  profiles: { active: number; created: number; grew: number; merged: number; split: number; moved: number; retired: number };
  seconds: number;
  /** Pairwise precision / recall / F1 of the clusters against the truth, when given. */
  accuracy?: PairScores;
  /** The organisations' resolution of the same run (always full), unless turned off. */
  organizations?: ResolveStoreSummary;
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
export async function savedParameters(store: Store, comparisons: readonly Comparison[], name = PERSON_PARAMS): Promise<ModelParameters | undefined> {
  const saved = await store.getIdentityParams(name);
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

/** Name of the blocking index's state in `identity_params`: what it reflects and under which settings. */
export const PERSON_INDEX_STATE = 'person-index';

interface IndexState {
  version: 1;
  /** Settings the index and the profiles were made under; another fingerprint means a full resolve. */
  fingerprint: string;
  /** `updated_at` of the newest CIM row already resolved. */
  watermark?: string | undefined;
  /** Rows (`entity/id`) stamped exactly `watermark` that were resolved. */
  seen: string[];
  /** Highest decision id already applied. */
  lastDecision: number;
}

/** What a full and an incremental run must agree on: settings that change features, pairs or golden values. */
function fingerprintOf(options: ResolveStoreOptions): string {
  return stableStringify({
    threshold: options.threshold ?? 0.9, region: options.region ?? 'US', sourcePriority: options.sourcePriority ?? [], survivorship: options.survivorship ?? {}, maxBlockSize: MAX_BLOCK_SIZE,
    rules: PERSON_BLOCKING_RULES.map((r) => r.name), guards: PERSON_GUARDS.map((g) => [g.key, g.clear ?? [g.key], guardCap(g)]),
  });
}

async function readIndexState(store: Store): Promise<IndexState | undefined> {
  const saved = await store.getIdentityParams(PERSON_INDEX_STATE);
  const state = saved?.params as Partial<IndexState> | undefined;
  return state?.version === 1 ? (state as IndexState) : undefined;
}

/**
 * Resolves the stored people into unified profiles and persists the result. Incremental when it can be: only the
 * person records changed since the last run (and what they can reach) are re-clustered, against the persistent
 * blocking index. A full run (the first, `full`, `retrain`, or changed settings) re-reads every person and
 * rebuilds the index. Both give the same clusters on the same data.
 *
 * @example
 * await resolvePersons(store, { run: report.runId });            // incremental after a sync
 * await resolvePersons(store, { full: true, truth: readGroundTruth('ground-truth.csv') });
 */
export async function resolvePersons(store: Store, options: ResolveStoreOptions = {}): Promise<ResolveStoreSummary> {
  const holder = await holdResolveLease(store, options.waitMs ?? 600_000);
  try {
    const summary = await resolveHeld(store, options);
    if (options.organizations !== false) summary.organizations = await resolveOrganizations(store, options);
    return summary;
  } finally {
    await store.releaseLease(RESOLVE_LEASE, holder);
  }
}

/** The store lease that makes resolution exclusive: it reads every membership it may change before it writes. */
export const RESOLVE_LEASE = 'identity-resolve';
/** Long enough for a full resolve of a million people; a holder killed on this machine is replaced at once. */
const RESOLVE_LEASE_SECONDS = 3600;

/** Takes the resolve lease, waiting while another live holder has it; IDENTITY_BUSY after `waitMs`. */
async function holdResolveLease(store: Store, waitMs: number): Promise<string> {
  const holder = leaseHolder();
  const until = Date.now() + waitMs;
  for (;;) {
    const state = await store.acquireLease(RESOLVE_LEASE, holder, RESOLVE_LEASE_SECONDS);
    if (state.acquired) return holder;
    const other = holderProcess(state.holder);
    if (other && other.host === hostname() && !processAlive(other.pid) && (await store.takeOverLease(RESOLVE_LEASE, state.holder, holder, RESOLVE_LEASE_SECONDS))) return holder;
    if (Date.now() >= until) {
      throw new ConcordError('IDENTITY_BUSY', `another process (${state.holder}) is resolving identities in this store (its lease ends at ${state.expiresAt} at the latest)`, {
        kind: 'transient', hint: 'run again when it has finished; nothing is lost: the next resolution picks up every change since the last one',
      });
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(200, Math.max(1, until - Date.now()))));
  }
}

async function resolveHeld(store: Store, options: ResolveStoreOptions): Promise<ResolveStoreSummary> {
  const started = performance.now();
  const { comparisons } = personModel();
  const saved = options.retrain ? undefined : await savedParameters(store, comparisons);
  const state = await readIndexState(store);
  const incremental = !options.full && saved !== undefined && state !== undefined && state.fingerprint === fingerprintOf(options);
  const summary = incremental ? await resolveChanged(store, options, saved, state) : await resolveAll(store, options, saved);
  if (options.truth) summary.accuracy = await profileAccuracy(store, options.truth);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/**
 * Every stored person, clustered; the blocking index rebuilt. Memory: the features of every person are held while
 * clustering (the pipeline needs them all); survivorship's values are kept without features, which are let go
 * before profiles are written, batch by batch.
 */
async function resolveAll(store: Store, options: ResolveStoreOptions, saved: ModelParameters | undefined): Promise<ResolveStoreSummary> {
  assertIndependentGuards(PERSON_GUARDS);
  // Taken before reading: what changes while this run reads is seen again by the next one.
  const changed = await store.personWatermark();
  // The index is marked stale first: the profiles below are written in batches, so a run that dies half-way
  // leaves a full resolve to the next run.
  await store.applyBlockingChanges({ clear: true, records: [], rows: [], state: { name: PERSON_INDEX_STATE, value: { version: 0 } } });
  let raw: IdentityRecord[] = [];
  // Survivorship's inputs wait off the heap while clustering (see PackedRows); row i is person i.
  const rows = new PackedRows();
  for await (const batch of assemblePersons(store, options.region === undefined ? {} : { region: options.region })) {
    for (const p of batch) {
      raw.push(p.record);
      rows.add(packedRow(p));
    }
  }
  const over = overGuardValues(raw, PERSON_GUARDS);
  const placeholders = placeholderSet(DEFAULT_BLOCKING_PLACEHOLDERS);
  const hashes = blockingHashes(applyGuards(raw, PERSON_GUARDS, over), placeholders);
  const excludedKeys = hashes.map((list) => overCap(list, MAX_BLOCK_SIZE));
  const decisions = latestDecisions(await store.listIdentityDecisions());
  const present = decisions.length === 0 ? new Set<string>() : new Set(raw.map((r) => r.id));
  let part: Pick<PartResult, 'clusters' | 'candidatePairs' | 'matchedPairs' | 'parameters'> | undefined;
  try {
    if (raw.length > 0) {
      // Over the objects, not a packed copy: a full run holds every person's features and survivorship inputs and
      // is bound by its writes (~10 min at a million), so the ~320 MB copy would raise its peak (3.50 GB at a
      // million) for a few seconds of comparing.
      const { clusters, candidatePairs, matchedPairs, parameters } = clusterPart(raw, {
        ...modelOptions(options), over, excludedKeys, parameters: saved, packed: false,
        decisions: decisions.filter((d) => present.has(d.recordA) && present.has(d.recordB)),
      });
      part = { clusters, candidatePairs, matchedPairs, parameters };
    }
  } catch (error) {
    // Too few people to share any blocking key: nothing to learn from and nothing to join. Each is a profile of
    // its own; no model is saved, so the next run is full again and trains once there is something to train on.
    if (!(error instanceof ConcordError && error.code === 'EM_NO_PAIRS')) throw error;
  }
  present.clear();
  const trained = part !== undefined && saved === undefined;
  if (part && trained) await store.saveIdentityParams(PERSON_PARAMS, part.parameters);
  const groupsOf = part ?? (raw.length === 0 ? undefined : alone(raw.length));

  // The features go before anything is written: the index needs only each record's guarded values and key hashes.
  const guarded = PERSON_GUARDS.map((guard) => raw.map((r) => guardValue(r, guard)));
  const people: HeldPerson[] = raw.map((r, row) => ({ record: { id: r.id }, rows, row }));
  raw = [];
  await writeBlockingIndex(store, people, guarded, hashes);

  const previous = await store.listProfileMembers('person');
  // Only the creation time of every stored profile: the rest is read batch by batch while writing.
  const outcome = await persist(store, people, groupsOf, previous, await storedProfiles(store, 'person'), options, [], options.writeBatch ?? PERSIST_BATCH);

  const lastDecision = decisions.reduce((m, d) => Math.max(m, d.id), 0);
  const state: IndexState = { version: 1, fingerprint: fingerprintOf(options), watermark: changed.newest, seen: changed.atNewest, lastDecision };
  await store.applyBlockingChanges({ records: [], rows: [], state: { name: PERSON_INDEX_STATE, value: state } });

  return {
    mode: 'full', changed: people.length, records: people.length, candidatePairs: part?.candidatePairs ?? 0, matchedPairs: part?.matchedPairs ?? 0,
    trained, profiles: { ...outcome, active: await store.countActiveProfiles('person') }, seconds: 0,
  };
}

/**
 * Guarded values held by more records than their guard allows, per guard (they no longer link). Counted without
 * spreading a million-entry map into arrays: that garbage, not the data, set the peak memory of a full run.
 */
function overGuardValues(records: readonly IdentityRecord[], guards: EntityKindModel['guards']): Array<Set<string>> {
  return guards.map((guard) => {
    const counts = new Map<string, number>();
    for (const r of records) {
      const v = guardValue(r, guard);
      if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const values = new Set<string>();
    for (const [v, n] of counts) if (n > guardCap(guard)) values.add(v);
    return values;
  });
}

/**
 * What a full run's `persist` needs of the stored profiles of one kind: only every profile's creation time up
 * front; the rest is loaded batch by batch while writing.
 */
async function storedProfiles(store: Store, kind: ProfileKind): Promise<ExistingProfiles> {
  const createdAt = new Map<string, string>();
  for (let after: string | undefined; ;) {
    const page = await store.listProfiles(kind, { limit: 5000, ...(after !== undefined && { after }) });
    for (const p of page) createdAt.set(p.unifiedId, p.createdAt);
    if (page.length < 5000) break;
    after = page[page.length - 1]!.unifiedId;
  }
  return {
    createdAt,
    load: async (ids) => new Map((await store.profilesByIds(ids)).filter((p) => p.status === 'active' && p.kind === kind).map((p) => [p.unifiedId, p] as const)),
  };
}

/**
 * Every stored organisation, clustered with the organisation model, and its profiles kept like people's (stable
 * ids, history, survivorship, decisions). Always a full run: there is no blocking index for organisations, and
 * the Organizations and their contact points are read by party, so the cost follows the number of organisations.
 * Unchanged data writes nothing.
 */
async function resolveOrganizations(store: Store, options: ResolveStoreOptions): Promise<ResolveStoreSummary> {
  const started = performance.now();
  const model = ORGANIZATION_KIND;
  const comparisons = model.comparisons();
  // Taken before reading: what changes while this run reads is seen again by the next one.
  const watermark = await store.personWatermark();
  const digest = await organizationsDigest(store, options, comparisons);
  const state = (await store.getIdentityParams(ORGANIZATION_STATE))?.params as OrganizationState | undefined;
  const nextState: OrganizationState = { version: 1, digest, watermark: watermark.newest, seen: watermark.atNewest };
  if (!options.full && !options.retrain && state?.version === 1 && state.digest === digest && !(await organizationContactsChanged(store, state))) {
    if (state.watermark !== nextState.watermark) await store.saveIdentityParams(ORGANIZATION_STATE, nextState);
    return {
      mode: 'incremental', changed: 0, records: 0, candidatePairs: 0, matchedPairs: 0, trained: false,
      profiles: { active: await store.countActiveProfiles(model.kind), created: 0, grew: 0, merged: 0, split: 0, moved: 0, retired: 0 },
      seconds: (performance.now() - started) / 1000,
      ...(options.truth && { accuracy: await profileAccuracy(store, options.truth, model.kind) }),
    };
  }
  const previous = await store.listProfileMembers(model.kind);
  const raw: IdentityRecord[] = [];
  const orgs: PersonInfo[] = [];
  for await (const batch of assembleOrganizations(store, options.region === undefined ? {} : { region: options.region })) {
    for (const o of batch) {
      raw.push(o.record);
      orgs.push(withoutFeatures(o));
    }
  }
  const summary: ResolveStoreSummary = {
    mode: 'full', changed: orgs.length, records: orgs.length, candidatePairs: 0, matchedPairs: 0, trained: false,
    profiles: { active: 0, created: 0, grew: 0, merged: 0, split: 0, moved: 0, retired: 0 }, seconds: 0,
  };
  if (raw.length === 0 && previous.length === 0) {
    await store.saveIdentityParams(ORGANIZATION_STATE, nextState);
    return summary;
  }
  assertIndependentGuards(model.guards);
  const saved = options.retrain ? undefined : await savedParameters(store, comparisons, model.paramsName);
  const prepared = model.prepare ? model.prepare(raw) : raw;
  const over = overGuardValues(prepared, model.guards);
  const placeholders = placeholderSet(DEFAULT_BLOCKING_PLACEHOLDERS);
  const guarded = applyGuards(prepared, model.guards, over);
  const excludedKeys = model.blockingRules.map((rule) => {
    const counts = new Map<number, number>();
    for (const r of guarded) {
      const h = blockingHash(r, rule, placeholders);
      if (h >= 0) counts.set(h, (counts.get(h) ?? 0) + 1);
    }
    return new Set([...counts].filter(([, n]) => n > MAX_BLOCK_SIZE).map(([h]) => h));
  });
  let part: Pick<PartResult, 'clusters' | 'candidatePairs' | 'matchedPairs' | 'parameters'> | undefined;
  try {
    if (prepared.length > 0) {
      part = clusterPart(prepared, {
        comparisons, blockingRules: model.blockingRules, deterministicRules: model.deterministicRules, guards: model.guards,
        threshold: options.threshold ?? 0.9, seed: options.seed ?? 1, over, excludedKeys, parameters: saved,
        decisions: latestDecisions(await store.listIdentityDecisions()),
      });
    }
  } catch (error) {
    // Too few organisations to share a blocking key: each is a profile of its own, and no model is saved.
    if (!(error instanceof ConcordError && error.code === 'EM_NO_PAIRS')) throw error;
  }
  const trained = part !== undefined && saved === undefined;
  if (part && trained) await store.saveIdentityParams(model.paramsName, part.parameters);
  const outcome = await persist(store, orgs, part ?? (orgs.length === 0 ? undefined : alone(orgs.length)), previous, await storedProfiles(store, model.kind), options, [], options.writeBatch ?? PERSIST_BATCH, model);
  // Saved only when parameters are (or were already): without a model the next run tries again.
  if (part !== undefined || orgs.length === 0) await store.saveIdentityParams(ORGANIZATION_STATE, nextState);
  if (options.truth) summary.accuracy = await profileAccuracy(store, options.truth, model.kind);
  return {
    ...summary, candidatePairs: part?.candidatePairs ?? 0, matchedPairs: part?.matchedPairs ?? 0, trained,
    profiles: { ...outcome, active: await store.countActiveProfiles(model.kind) }, seconds: (performance.now() - started) / 1000,
  };
}

/** Name of the organisations' resolution state in `identity_params`: what the profiles were made from. */
export const ORGANIZATION_STATE = 'organization-state';

interface OrganizationState {
  version: 1;
  /** Hash of every live Organization row (id and content), the settings, the model and the latest decision. */
  digest: string;
  /** `updated_at` of the newest person or contact-point row when the profiles were made, and the rows stamped with it. */
  watermark?: string | undefined;
  seen: string[];
}

/**
 * What the organisation profiles depend on, apart from contact points: the live Organization rows (their content
 * hash moves with the source record's modstamp), the settings, the comparisons and rules, and the decisions.
 */
async function organizationsDigest(store: Store, options: ResolveStoreOptions, comparisons: readonly Comparison[]): Promise<string> {
  const hash = createHash('sha256');
  hash.update(fingerprintOf(options));
  hash.update(stableStringify({ comparisons: comparisons.map((c) => [c.name, c.levels]), rules: ORGANIZATION_KIND.blockingRules.map((r) => r.name), deterministic: ORGANIZATION_KIND.deterministicRules }));
  hash.update(String((await store.listIdentityDecisions()).reduce((m, d) => Math.max(m, d.id), 0)));
  for await (const page of cimPages(store, 'Organization')) for (const r of page) hash.update(`${r.id}\u0000${r.hash}\n`);
  return hash.digest('hex');
}

/** Whether a contact point (or its email, phone, address) changed since `state` for a party that is an Organization. */
async function organizationContactsChanged(store: Store, state: OrganizationState): Promise<boolean> {
  const changed = await store.changedPersons(state.watermark, new Set(state.seen));
  if (changed.ids.length === 0) return false;
  // A deleted Organization leaves the digest; a live one whose contact point changed is found here.
  return (await store.liveCimRecordsByIds('Organization', changed.ids)).length > 0;
}

/** Clusters per transaction when a full run writes its profiles (one transaction would hold every row in memory). */
const PERSIST_BATCH = 20_000;

/** What writing a person's profile needs of it: everything but the features. */
type PersonInfo = Omit<PersonRecord, 'record' | 'values'> & { record: { id: string }; values: PersonRecord['values'] | OrganizationValues };

function withoutFeatures(p: PersonRecord | OrganizationRecord): PersonInfo {
  return { record: { id: p.record.id }, system: p.system, stream: p.stream, sourceRecordId: p.sourceRecordId, externalRecordId: p.externalRecordId, modstamp: p.modstamp, values: p.values };
}

/**
 * A full run holds everyone's provenance and values, for survivorship, while clustering: as one JSON row a person
 * (an array: shape, system, stream, ids, modstamp, values) in 16 MB buffers outside the JavaScript heap, rather
 * than two objects and a dozen strings on it. The heap is what the garbage collector lets grow by a factor before
 * it collects, so every byte kept off it while the million features are held lowers the peak by more than itself.
 */
class PackedRows {
  private static readonly CHUNK = 1 << 24;
  private readonly full: Buffer[] = [];
  private chunk = Buffer.allocUnsafe(PackedRows.CHUNK);
  private used = 0;
  /** Per row: chunk, offset, byte length. */
  private where = new Int32Array(3 * 4096);
  private count = 0;

  add(text: string): number {
    const bytes = Buffer.byteLength(text);
    if (this.used + bytes > this.chunk.length) {
      this.full.push(this.chunk.subarray(0, this.used));
      this.chunk = Buffer.allocUnsafe(Math.max(PackedRows.CHUNK, bytes));
      this.used = 0;
    }
    this.chunk.write(text, this.used);
    if (3 * this.count + 3 > this.where.length) {
      const next = new Int32Array(this.where.length * 2);
      next.set(this.where);
      this.where = next;
    }
    this.where.set([this.full.length, this.used, bytes], 3 * this.count);
    this.used += bytes;
    return this.count++;
  }

  get(row: number): string {
    const c = this.where[3 * row]!;
    const start = this.where[3 * row + 1]!;
    return (c === this.full.length ? this.chunk : this.full[c]!).toString('utf8', start, start + this.where[3 * row + 2]!);
  }
}

interface PackedPerson {
  readonly record: { readonly id: string };
  readonly rows: PackedRows;
  readonly row: number;
}

/** A person as persist takes it: whole (incremental runs, a few thousand), or packed (full runs). */
type HeldPerson = PersonInfo | PackedPerson;

/** Key orders of the values objects packed so far (people and organisations: two). */
const VALUE_SHAPES: string[][] = [];

function packedRow(p: PersonRecord | OrganizationRecord): string {
  const keys = Object.keys(p.values);
  let shape = VALUE_SHAPES.findIndex((k) => k.length === keys.length && k.every((key, i) => key === keys[i]));
  if (shape < 0) shape = VALUE_SHAPES.push(keys) - 1;
  const values = p.values as Readonly<Record<string, string | undefined>>;
  // undefined is written as null: no value is ever null (a value is a non-empty string or absent).
  const row = [shape, p.system, p.stream, p.sourceRecordId, p.externalRecordId, p.modstamp ?? null, ...keys.map((k) => values[k] ?? null)];
  return JSON.stringify(row);
}

function unpacked(p: HeldPerson): PersonInfo {
  if (!('rows' in p)) return p;
  const row = JSON.parse(p.rows.get(p.row)) as unknown[];
  const keys = VALUE_SHAPES[row[0] as number]!;
  const text = (i: number): string | undefined => (row[i] as string | null) ?? undefined;
  const values: Record<string, string | undefined> = {};
  keys.forEach((key, i) => { values[key] = text(6 + i); });
  return {
    record: p.record, system: row[1] as string, stream: row[2] as string, sourceRecordId: row[3] as string, externalRecordId: row[4] as string, modstamp: text(5),
    values: values as PersonInfo['values'],
  };
}

/** Key hashes held by more than `cap` records, counted on a sorted copy (no million-entry map). */
function overCap(hashes: Int32Array, cap: number): Set<number> {
  const sorted = hashes.slice().sort();
  const out = new Set<number>();
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (sorted[i]! >= 0 && j - i > cap) out.add(sorted[i]!);
    i = j;
  }
  return out;
}

/** Each blocking rule's key hash of every (guarded) record, -1 for none. */
function blockingHashes(guarded: readonly IdentityRecord[], placeholders: ReadonlySet<string>): Int32Array[] {
  return PERSON_BLOCKING_RULES.map((rule) => Int32Array.from(guarded, (r) => blockingHash(r, rule, placeholders)));
}

/** The persistent blocking index of every record: its guarded values (before the guard) and its key hash under each rule. */
async function writeBlockingIndex(store: Store, people: readonly HeldPerson[], guarded: ReadonlyArray<ReadonlyArray<string | undefined>>, hashes: readonly Int32Array[]): Promise<void> {
  const BATCH = 5_000;
  for (let start = 0; start < people.length; start += BATCH) {
    const rows: BlockingKeyRow[] = [];
    for (let i = start; i < Math.min(people.length, start + BATCH); i++) {
      const id = people[i]!.record.id;
      guarded.forEach((values, g) => {
        const v = values[i];
        if (v !== undefined) rows.push({ recordId: id, rule: guardRule(g), key: v });
      });
      hashes.forEach((list, r) => {
        if (list[i]! >= 0) rows.push({ recordId: id, rule: r, key: String(list[i]!) });
      });
    }
    await store.applyBlockingChanges({ records: [], rows });
  }
}

/** Every record a cluster of its own. */
function alone(n: number): Pick<PartResult, 'clusters'> {
  const clusterOf = Int32Array.from({ length: n }, (_, i) => i);
  return { clusters: { clusterOf, clusterIds: [], clusters: n, cut: [] } };
}

/** Comparisons, rules and threshold of the person model, for `clusterPart`. */
function modelOptions(options: ResolveStoreOptions) {
  return {
    comparisons: personModel().comparisons, blockingRules: PERSON_BLOCKING_RULES, deterministicRules: PERSON_DETERMINISTIC_RULES, guards: PERSON_GUARDS,
    threshold: options.threshold ?? 0.9, seed: options.seed ?? 1,
  };
}

/** Counts of blocking-index keys: stored counts (read once per key) plus this run's changes. */
class KeyCounts {
  private readonly before = new Map<string, number>();
  private readonly delta = new Map<string, number>();
  private readonly keys = new Map<string, BlockingKey>();

  constructor(private readonly store: Store) {}

  change(rule: number, key: string, by: number): void {
    const id = blockingKeyId(rule, key);
    this.keys.set(id, { rule, key });
    this.delta.set(id, (this.delta.get(id) ?? 0) + by);
  }

  /** Keys whose count this run changes. */
  changed(filter: (rule: number) => boolean): BlockingKey[] {
    return [...this.delta].filter(([id, d]) => d !== 0 && filter(this.keys.get(id)!.rule)).map(([id]) => this.keys.get(id)!);
  }

  async load(keys: readonly BlockingKey[]): Promise<void> {
    const missing = keys.filter((k) => !this.before.has(blockingKeyId(k.rule, k.key)));
    if (missing.length === 0) return;
    const counts = await this.store.countBlockingKeys(missing);
    for (const k of missing) {
      const id = blockingKeyId(k.rule, k.key);
      this.before.set(id, counts.get(id) ?? 0);
    }
  }

  /** Stored count (`load` first). */
  was(rule: number, key: string): number {
    return this.before.get(blockingKeyId(rule, key)) ?? 0;
  }

  /** Count after this run's changes (`load` first). */
  now(rule: number, key: string): number {
    const id = blockingKeyId(rule, key);
    return (this.before.get(id) ?? 0) + (this.delta.get(id) ?? 0);
  }
}

/** The cap a key of `rule` is held to: a guard's own cap, or the block cap. */
const capOf = (rule: number): number => (rule < 0 ? guardCap(PERSON_GUARDS[-rule - 1]!) : MAX_BLOCK_SIZE);

/** Live persons by id (batches of 500). */
async function assembleMany(store: Store, ids: Iterable<string>, region: string | undefined, into: Map<string, PersonRecord>): Promise<void> {
  const todo = [...ids].filter((id) => !into.has(id));
  for (let i = 0; i < todo.length; i += 500) {
    for (const p of await assemblePersonsById(store, todo.slice(i, i + 500), region === undefined ? {} : { region })) into.set(p.record.id, p);
  }
}

/**
 * The person records changed since the last run, and everything they can reach, re-clustered.
 *
 * Which records: the changed ones (C: new, changed, deleted, or named by a new decision); the holders of a
 * guarded value or a block whose over-the-cap state the change flips; the stored records that share a blocking
 * key with a changed one and match it. Then, until nothing is added, every member of those records' profiles
 * and the other record of every decision naming one of them. That set is closed under the new match graph — an
 * edge between two unchanged records existed before, so both ends were in one old profile (or in two pieces of
 * one old component cut apart by never-match decisions, which the decisions join) — so its clusters are the
 * clusters a full run finds.
 */
async function resolveChanged(store: Store, options: ResolveStoreOptions, params: ModelParameters, state: IndexState): Promise<ResolveStoreSummary> {
  const changed = await store.changedPersons(state.watermark, new Set(state.seen));
  const allDecisions = await store.listIdentityDecisions();
  const newDecisions = allDecisions.filter((d) => d.id > state.lastDecision);
  const lastDecision = allDecisions.reduce((m, d) => Math.max(m, d.id), state.lastDecision);
  const watermark = changed.newest ?? state.watermark;
  const seen = changed.newest === undefined ? state.seen : changed.newest === state.watermark ? [...state.seen, ...changed.atNewest] : changed.atNewest;
  const nextState: IndexState = { ...state, watermark, seen, lastDecision };
  const idle = { mode: 'incremental' as const, changed: 0, records: 0, candidatePairs: 0, matchedPairs: 0, trained: false, seconds: 0 };
  if (changed.ids.length === 0 && newDecisions.length === 0) {
    if (changed.newest !== undefined) await store.applyBlockingChanges({ records: [], rows: [], state: { name: PERSON_INDEX_STATE, value: nextState } });
    return { ...idle, profiles: { active: await store.countActiveProfiles('person'), created: 0, grew: 0, merged: 0, split: 0, moved: 0, retired: 0 } };
  }
  const persons = new Map<string, PersonRecord>();
  const counts = new KeyCounts(store);
  const changedIds = changed.ids;
  await assembleMany(store, changedIds, options.region, persons);

  // 1. Guarded values: whose over-the-cap state flips? Their holders' features change: re-key them too.
  const oldRows = await store.blockingKeysOfRecords(changedIds);
  for (const row of oldRows) if (row.rule < 0) counts.change(row.rule, row.key, -1);
  for (const id of changedIds) {
    const p = persons.get(id);
    if (p) PERSON_GUARDS.forEach((guard, g) => { const v = guardValue(p.record, guard); if (v !== undefined) counts.change(guardRule(g), v, +1); });
  }
  const guardKeys = counts.changed((rule) => rule < 0);
  await counts.load(guardKeys);
  const flippedGuards = guardKeys.filter((k) => (counts.was(k.rule, k.key) > capOf(k.rule)) !== (counts.now(k.rule, k.key) > capOf(k.rule)));
  const rekeyed = new Set(changedIds);
  for (const row of await store.recordsWithBlockingKeys(flippedGuards)) rekeyed.add(row.recordId);
  const alsoRekeyed = [...rekeyed].filter((id) => !changedIds.includes(id));
  await assembleMany(store, alsoRekeyed, options.region, persons);
  for (const row of await store.blockingKeysOfRecords(alsoRekeyed)) oldRows.push(row);

  // 2. New keys of the re-keyed records, under the guard state after this run.
  const keyed = [...rekeyed].filter((id) => persons.has(id)).sort().map((id) => persons.get(id)!.record);
  const over = await overSets(counts, keyed);
  const keyedGuarded = applyGuards(keyed, PERSON_GUARDS, over);
  const newRows = keyed.flatMap((r, i) => blockingRows(r, keyedGuarded[i]!, PERSON_BLOCKING_RULES, PERSON_GUARDS));
  for (const row of oldRows) if (row.rule >= 0) counts.change(row.rule, row.key, -1);
  for (const row of newRows) if (row.rule >= 0) counts.change(row.rule, row.key, +1);

  // 3. Blocks whose capped state flips: all their holders gain or lose pairs.
  const blockKeys = counts.changed((rule) => rule >= 0);
  const newBlockKeys = newRows.filter((r) => r.rule >= 0);
  await counts.load([...blockKeys, ...newBlockKeys]);
  const flippedBlocks = blockKeys.filter((k) => (counts.was(k.rule, k.key) > MAX_BLOCK_SIZE) !== (counts.now(k.rule, k.key) > MAX_BLOCK_SIZE));
  const affected = new Set<string>([...rekeyed, ...newDecisions.flatMap((d) => [d.recordA, d.recordB])]);
  for (const row of await store.recordsWithBlockingKeys(flippedBlocks)) affected.add(row.recordId);

  // 4. Stored records sharing an uncapped key with a re-keyed record, kept when they match it.
  const open = newBlockKeys.filter((k) => counts.now(k.rule, k.key) <= MAX_BLOCK_SIZE);
  const candidates = new Set<string>();
  for (const row of await store.recordsWithBlockingKeys(open)) if (!rekeyed.has(row.recordId)) candidates.add(row.recordId);
  await assembleMany(store, candidates, options.region, persons);
  if (candidates.size > 0 && keyed.length > 0) {
    // Only pairs across the two sets: a stored record reached through another stored one shares its old profile,
    // which step 5 adds. The caps that matter are those of the re-keyed records' keys (a cross pair shares one),
    // counted in step 3; their guard state is `over` from step 2.
    const stored = [...candidates].filter((id) => persons.has(id)).sort().map((id) => persons.get(id)!.record);
    const excludedKeys = PERSON_BLOCKING_RULES.map(() => new Set<number>());
    for (const k of newBlockKeys) if (counts.now(k.rule, k.key) > MAX_BLOCK_SIZE) excludedKeys[k.rule]!.add(Number(k.key));
    const storedOver = await overSets(counts, stored);
    const bothOver = over.map((values, g) => new Set([...values, ...storedOver[g]!]));
    const matched = matchingCandidates(keyed, stored, { ...modelOptions(options), over: bothOver, excludedKeys, parameters: params });
    for (const i of matched) affected.add(stored[i]!.id);
  }

  // 5. Closure over old profiles and decisions.
  const profileOf = new Map<string, string>();
  const profileIds = new Set<string>();
  let frontier = [...affected];
  while (frontier.length > 0) {
    const added: string[] = [];
    const add = (id: string): void => { if (!affected.has(id)) { affected.add(id); added.push(id); } };
    const owners = await store.profilesOfRecords(frontier);
    let fresh = [...new Set(owners.values())].filter((u) => !profileIds.has(u));
    // Person profiles only: a changed contact point of an organisation names its Organization as the party.
    const others = new Set((await store.profilesByIds(fresh)).filter((p) => p.kind !== 'person').map((p) => p.unifiedId));
    if (others.size > 0) {
      fresh = fresh.filter((u) => !others.has(u));
      for (const [r, u] of owners) if (others.has(u)) owners.delete(r);
    }
    for (const [r, u] of owners) profileOf.set(r, u);
    for (const u of fresh) profileIds.add(u);
    for (const m of await store.membersOfProfiles(fresh)) add(m.recordId);
    const inFrontier = new Set(frontier);
    for (const d of allDecisions) {
      if (inFrontier.has(d.recordA)) add(d.recordB);
      if (inFrontier.has(d.recordB)) add(d.recordA);
    }
    frontier = added;
  }

  // 6. Re-cluster the affected records with the global guard and cap decisions.
  await assembleMany(store, affected, options.region, persons);
  const people = [...affected].filter((id) => persons.has(id)).sort().map((id) => persons.get(id)!);
  const raw = people.map((p) => p.record);
  const decisions = latestDecisions(allDecisions);
  const part = raw.length === 0 ? undefined : clusterPart(raw, { ...modelOptions(options), ...(await partSettings(counts, raw)), parameters: params, decisions });
  const previous = await store.membersOfProfiles([...profileIds]);
  const existing = new Map((await store.profilesByIds([...profileIds])).filter((p) => p.status === 'active').map((p) => [p.unifiedId, p] as const));
  const outcome = await persist(store, people, part, previous, existingOf(existing), options, changedIds);
  await store.applyBlockingChanges({ records: [...rekeyed], rows: newRows, state: { name: PERSON_INDEX_STATE, value: nextState } });
  return {
    ...idle, changed: changedIds.length, records: people.length, candidatePairs: part?.candidatePairs ?? 0, matchedPairs: part?.matchedPairs ?? 0,
    profiles: { ...outcome, active: await store.countActiveProfiles('person') },
  };
}

/** Per guard, the values of `records` held by more records than the guard allows (counts after this run). */
async function overSets(counts: KeyCounts, records: readonly IdentityRecord[]): Promise<Array<Set<string>>> {
  const keys = records.flatMap((r) => PERSON_GUARDS.flatMap((guard, g) => { const v = guardValue(r, guard); return v === undefined ? [] : [{ rule: guardRule(g), key: v }]; }));
  await counts.load(keys);
  return PERSON_GUARDS.map((guard, g) => new Set(keys.filter((k) => k.rule === guardRule(g) && counts.now(k.rule, k.key) > guardCap(guard)).map((k) => k.key)));
}

/** The global guard and cap decisions for clustering `records` (a part of the stored people). */
async function partSettings(counts: KeyCounts, records: readonly IdentityRecord[]): Promise<{ over: Array<Set<string>>; excludedKeys: Array<Set<number>> }> {
  const over = await overSets(counts, records);
  const guarded = applyGuards(records, PERSON_GUARDS, over);
  const placeholders = placeholderSet(DEFAULT_BLOCKING_PLACEHOLDERS);
  const keys = guarded.flatMap((r) => PERSON_BLOCKING_RULES.flatMap((rule, i) => { const h = blockingHash(r, rule, placeholders); return h < 0 ? [] : [{ rule: i, key: String(h) }]; }));
  await counts.load(keys);
  const excludedKeys = PERSON_BLOCKING_RULES.map(() => new Set<number>());
  for (const k of keys) if (counts.now(k.rule, k.key) > MAX_BLOCK_SIZE) excludedKeys[k.rule]!.add(Number(k.key));
  return { over, excludedKeys };
}

/** How far a record's modstamp may sit from Concord's write to it and still be that write's echo (clock skew, slow vendors). */
export const ECHO_WINDOW_MS = 10 * 60_000;

/**
 * Records whose latest change is Concord's own write-back, mapped to their modstamp from before that write: a
 * write-back moves the record's modstamp although nobody changed its other values, and survivorship's
 * "most recent" must not count it. A change made more than ECHO_WINDOW_MS after the write counts as a real one.
 */
async function echoedModstamps(store: Store, groups: ReadonlyArray<readonly HeldPerson[]>): Promise<Map<string, string | undefined>> {
  const out = new Map<string, string | undefined>();
  const echoes = await store.writeBackEchoes();
  if (echoes.length === 0) return out;
  const byRecord = new Map(echoes.map((e) => [`${e.system}\u0000${e.stream}\u0000${e.recordId}`, e] as const));
  for (const group of groups) {
    for (const held of group) {
      const person = unpacked(held);
      const echo = byRecord.get(`${person.system}\u0000${person.stream}\u0000${person.sourceRecordId}`);
      if (echo === undefined || person.modstamp === undefined) continue;
      const distance = Math.abs(Date.parse(person.modstamp) - Date.parse(echo.at));
      if (distance <= ECHO_WINDOW_MS) out.set(person.record.id, echo.previousModstamp);
    }
  }
  return out;
}

/** The stored profiles a run may change: every creation time up front, the profiles themselves when needed. */
interface ExistingProfiles {
  /** Creation time of each active stored profile (for which id survives a merge). */
  readonly createdAt: ReadonlyMap<string, string>;
  /** The active person profiles among `ids`. */
  load(ids: readonly string[]): Promise<Map<string, UnifiedProfile>>;
}

/** Profiles already in memory (an incremental run reads the few it touches). */
function existingOf(profiles: ReadonlyMap<string, UnifiedProfile>): ExistingProfiles {
  return {
    createdAt: new Map([...profiles.values()].map((p) => [p.unifiedId, p.createdAt] as const)),
    load: async (ids) => new Map(ids.flatMap((id) => { const p = profiles.get(id); return p ? [[id, p] as const] : []; })),
  };
}

/**
 * Stable ids, golden values, memberships and history for the clusters of `people` (one part, or all), against
 * the memberships and profiles stored for the same records. One transaction by default; with `batch`, the
 * profiles and memberships of `batch` clusters per transaction, then the retired and merged profiles, then the
 * history (a full run: the caller has marked the index stale, so a run that dies half-way is redone in full).
 */
async function persist(
  store: Store, people: readonly HeldPerson[], part: Pick<PartResult, 'clusters'> | undefined, previous: readonly ProfileMember[],
  existing: ExistingProfiles, options: ResolveStoreOptions, changedRecords: readonly string[] = [], batch = Number.POSITIVE_INFINITY,
  entity: EntityKindModel = PERSON_KIND,
): Promise<Omit<ResolveStoreSummary['profiles'], 'active'>> {
  const clock = options.clock ?? (() => new Date());
  const present = new Set(people.map((p) => p.record.id));
  // Clusters as member lists, in order of first member (records are in id order, so this is deterministic).
  const groups: HeldPerson[][] = [];
  if (part) {
    const byCluster = new Map<number, HeldPerson[]>();
    people.forEach((person, i) => {
      const c = part.clusters.clusterOf[i]!;
      const members = byCluster.get(c) ?? [];
      members.push(person);
      if (members.length === 1) byCluster.set(c, members);
    });
    // One push per group: spreading a million groups into push() overflows the stack.
    for (const group of byCluster.values()) groups.push(group);
  }
  const stable = assignStableIds(groups.map((g) => g.map((p) => p.record.id)), previous, existing.createdAt, options.newId ?? randomUUID);

  const now = clock().toISOString();
  const prevOf = new Map(previous.map((m) => [m.recordId, m.unifiedId] as const));
  const previousCount = new Map<string, number>();
  for (const m of previous) previousCount.set(m.unifiedId, (previousCount.get(m.unifiedId) ?? 0) + 1);
  const echoed = await echoedModstamps(store, groups);
  const surviveOptions: SurviveOptions = {
    ...(echoed.size > 0 && { recency: (m) => (echoed.has(m.record.id) ? echoed.get(m.record.id) : m.modstamp) }),
    ...(options.sourcePriority && { sourcePriority: options.sourcePriority }),
    ...(options.survivorship?.rules && { defaultRules: options.survivorship.rules }),
    ...(options.survivorship?.attributes && { rules: options.survivorship.attributes }),
    ...(entity.attributes && { attributes: entity.attributes }),
  };
  const single = !(batch < groups.length);
  const step = single ? Math.max(1, groups.length) : batch;
  const write = async (changes: Parameters<Store['applyIdentityChanges']>[0]): Promise<void> => {
    const size = changes.profiles.length + changes.members.length + changes.removedMembers.length + changes.history.length + (changes.reindex?.length ?? 0);
    if (size > 0) await store.applyIdentityChanges(changes);
  };
  const known = (ids: readonly string[]): string[] => ids.filter((id) => existing.createdAt.has(id));
  let profiles: UnifiedProfile[] = [];
  let members: ProfileMember[] = [];
  for (let start = 0; start < groups.length; start += step) {
    const end = Math.min(groups.length, start + step);
    const old = await existing.load(known(stable.ids.slice(start, end)));
    for (let i = start; i < end; i++) {
      const group = groups[i]!.map(unpacked);
      const unifiedId = stable.ids[i]!;
      const attributes = survive(group, surviveOptions);
      const before = old.get(unifiedId);
      const joined = group.filter((p) => prevOf.get(p.record.id) !== unifiedId);
      for (const p of joined) members.push({ recordId: p.record.id, unifiedId, since: now });
      // Written when new, when its golden values change, or when its membership does (updated_at moves).
      if (!before || joined.length > 0 || group.length !== (previousCount.get(unifiedId) ?? 0) || stableStringify(before.attributes) !== stableStringify(attributes)) {
        profiles.push({ unifiedId, kind: entity.kind, createdAt: before?.createdAt ?? now, updatedAt: now, status: 'active', attributes });
      }
    }
    if (!single) {
      await write({ profiles, members, removedMembers: [], history: [] });
      profiles = [];
      members = [];
    }
  }
  const gone = await existing.load(known([...stable.merged.keys(), ...stable.retired]));
  for (const [from, into] of stable.merged) {
    const old = gone.get(from);
    profiles.push({ unifiedId: from, kind: entity.kind, createdAt: old?.createdAt ?? now, updatedAt: now, mergedInto: into, status: 'merged', attributes: old?.attributes ?? {} });
  }
  for (const id of stable.retired) {
    const old = gone.get(id);
    if (old) profiles.push({ ...old, updatedAt: now, status: 'retired' });
  }
  const removedMembers = previous.filter((m) => !present.has(m.recordId)).map((m) => m.recordId);
  const historyOf = (events: typeof stable.events): ProfileHistoryEvent[] => events.map((e) => ({ ...e, at: now, ...(options.run !== undefined && { run: options.run }) }));
  // Changed records whose profile kept its golden values and members still change what finds it (an old email).
  const reindex = changedRecords.filter((id) => present.has(id));
  if (single) {
    await write({ profiles, members, removedMembers, history: historyOf(stable.events), reindex });
  } else {
    await write({ profiles, members, removedMembers, history: [], reindex });
    for (let start = 0; start < stable.events.length; start += batch) {
      await write({ profiles: [], members: [], removedMembers: [], history: historyOf(stable.events.slice(start, start + batch)) });
    }
  }
  const count = (event: string): number => stable.events.filter((e) => e.event === event).length;
  return { created: count('created'), grew: count('grew'), merged: count('merged'), split: count('split'), moved: count('member_moved'), retired: stable.retired.length };
}

/**
 * Pairwise precision, recall and F1 of the stored profiles against a ground truth (records without a profile
 * count as alone).
 *
 * @example
 * (await profileAccuracy(store, readGroundTruth('ground-truth.csv'))).f1;
 */
export async function profileAccuracy(store: Store, truth: ReadonlyMap<string, string>, kind: ProfileKind = 'person'): Promise<PairScores> {
  const profileOf = new Map((await store.listProfileMembers(kind)).map((m) => [m.recordId, m.unifiedId] as const));
  const clusterNumber = new Map<string, number>();
  const clusters: number[] = [];
  const truths: string[] = [];
  for await (const page of cimPages(store, kind === 'person' ? 'Individual' : 'Organization')) {
    for (const r of page) {
      const key = profileOf.get(r.id) ?? `record:${r.id}`;
      let c = clusterNumber.get(key);
      if (c === undefined) clusterNumber.set(key, (c = clusterNumber.size));
      clusters.push(c);
      truths.push(truth.get(truthKey(r.sourceSystem, r.sourceStream, r.sourceRecordId)) ?? `unknown:${r.id}`);
    }
  }
  return clusterPairScores(Int32Array.from(clusters), truths);
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
  return groupByProfile(matches, await store.profilesOfRecords(matches.map((m) => m.recordId)));
}

/**
 * Pure: matched records grouped by the profile each belongs to (a record without one stands alone), strongest first.
 *
 * @example
 * groupByProfile(matches, new Map([['r1', 'u1']]))[0]?.unifiedId; // 'u1'
 */
export function groupByProfile(matches: readonly RecordMatch[], profileOf: ReadonlyMap<string, string>): ProfileCandidate[] {
  const byProfile = new Map<string, ProfileCandidate>();
  for (const m of matches) {
    const unifiedId = profileOf.get(m.recordId);
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
