/**
 * Clustering a part of the stored people as the whole would cluster it. Incremental resolution re-clusters only
 * the records a change can reach; for that to give the clusters of a full run, the two global decisions of the
 * batch pipeline — which identifier values are over-shared (the chaining guard) and which blocks are over the
 * cap — are made from counts over all records (the persistent blocking index) and passed in, instead of being
 * counted over the part. Edges are clustered in a canonical order (by record index, records in id order), so
 * never-match cuts fall on the same edges whether the run holds the whole graph or one component of it. Pure.
 *
 * @example
 * const guarded = applyGuards(records, PERSON_GUARDS, over);
 * const rows = blockingRows(records[0]!, guarded[0]!, PERSON_BLOCKING_RULES, PERSON_GUARDS);
 * const part = clusterPart(records, { over, excludedKeys, parameters, threshold: 0.9, decisions: [] });
 */
import { ConcordError } from '../../core/errors.js';
import { blockingHash, DEFAULT_BLOCKING_PLACEHOLDERS, placeholderSet, type BlockingRule } from '../block/rules.js';
import { clusterPairs, type ClusterResult } from '../cluster/clusters.js';
import type { IdentifierGuard } from '../cluster/chaining-guard.js';
import { dedupeRecords, linkRecords } from '../cluster/resolve.js';
import type { DeterministicRule } from '../score/deterministic.js';
import type { ModelParameters } from '../score/parameters.js';
import type { Comparison, IdentityRecord } from '../types.js';
import type { BlockingKeyRow } from './blocking-queries.js';
import type { IdentityDecision } from './types.js';

/** Records one block may hold before it is dropped (the pipeline's default `maxBlockSize`). */
export const MAX_BLOCK_SIZE = 1000;

/** The blocking-index rule number of guard `g` (guards are stored below zero, rules from zero up). */
export const guardRule = (g: number): number => -(g + 1);

/** Most records one guarded value may link (the guard's own cap, default 10 as in `guardIdentifiers`). */
export const guardCap = (guard: IdentifierGuard): number => guard.maxRecords ?? 10;

/** A guarded feature's value as the chaining guard counts it (text; numbers as text; empty = none). */
export function guardValue(record: IdentityRecord, guard: IdentifierGuard): string | undefined {
  const value = record.features[guard.key];
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/**
 * Records with the features of over-shared values cleared, as `guardIdentifiers` clears them; `over[g]` holds
 * guard g's values counted over every record. Untouched records are the same objects.
 *
 * @example
 * applyGuards(records, [{ key: 'email' }], [new Set(['family@example.com'])]);
 */
export function applyGuards(records: readonly IdentityRecord[], guards: readonly IdentifierGuard[], over: ReadonlyArray<ReadonlySet<string>>): IdentityRecord[] {
  return records.map((record) => {
    let features: Record<string, unknown> | undefined;
    guards.forEach((guard, g) => {
      const value = guardValue(record, guard);
      if (value === undefined || !over[g]?.has(value)) return;
      features ??= { ...record.features };
      for (const key of guard.clear ?? [guard.key]) delete features[key];
    });
    return features === undefined ? record : { ...record, features };
  });
}

/**
 * The blocking-index rows of one record: its value of each guard (from `raw`, before the guard cleared
 * anything) and its key hash under each rule (from `guarded`, as blocking sees it).
 *
 * @example
 * blockingRows(raw, guarded, rules, guards); // [{ recordId, rule: -1, key: 'ada@example.com' }, { recordId, rule: 0, key: '18446' }, …]
 */
export function blockingRows(raw: IdentityRecord, guarded: IdentityRecord, rules: readonly BlockingRule[], guards: readonly IdentifierGuard[], placeholders = PLACEHOLDERS): BlockingKeyRow[] {
  const rows: BlockingKeyRow[] = [];
  guards.forEach((guard, g) => {
    const value = guardValue(raw, guard);
    if (value !== undefined) rows.push({ recordId: raw.id, rule: guardRule(g), key: value });
  });
  rules.forEach((rule, r) => {
    const hash = blockingHash(guarded, rule, placeholders);
    if (hash >= 0) rows.push({ recordId: raw.id, rule: r, key: String(hash) });
  });
  return rows;
}

const PLACEHOLDERS = placeholderSet(DEFAULT_BLOCKING_PLACEHOLDERS);

/**
 * Guards whose key another guard clears would make one guard's counts depend on another's outcome; the
 * blocking index stores raw values, so it refuses such a set rather than count wrongly.
 */
export function assertIndependentGuards(guards: readonly IdentifierGuard[]): void {
  guards.forEach((guard, g) => {
    guards.forEach((other, o) => {
      if (o !== g && (other.clear ?? [other.key]).includes(guard.key)) {
        throw new ConcordError('IDENTITY_GUARDS_DEPENDENT', `guard "${other.key}" clears "${guard.key}", the key of another guard`, { kind: 'usage', hint: 'guards must not clear each other\'s keys' });
      }
    });
  });
}

export interface PartOptions {
  readonly comparisons: readonly Comparison[];
  readonly blockingRules: readonly BlockingRule[];
  readonly deterministicRules: readonly DeterministicRule[];
  readonly guards: readonly IdentifierGuard[];
  /** Per guard, the values over its cap counted over every record. */
  readonly over: ReadonlyArray<ReadonlySet<string>>;
  /** Per rule, the key hashes over the block cap counted over every record. */
  readonly excludedKeys: ReadonlyArray<ReadonlySet<number>>;
  /** Saved parameters; without them EM trains on this part (only ever the whole). */
  readonly parameters?: ModelParameters | undefined;
  readonly threshold: number;
  readonly seed?: number;
  /** Decisions (latest per pair); those naming a record outside the part are ignored. */
  readonly decisions: readonly IdentityDecision[];
  /** Compare over a packed copy of the features (default true; see `ResolveOptions.packed`). */
  readonly packed?: boolean;
}

export interface PartResult {
  /** Cluster per record (input order), numbered in order of first member. */
  clusters: ClusterResult;
  candidatePairs: number;
  matchedPairs: number;
  parameters: ModelParameters;
  /** The records as matched (guarded features cleared). */
  guarded: IdentityRecord[];
}

/**
 * Clusters `records` (in record-id order) with the global guard and cap decisions given.
 *
 * @example
 * clusterPart(records, { comparisons, blockingRules, deterministicRules, guards, over, excludedKeys, parameters, threshold: 0.9, decisions });
 */
export function clusterPart(records: readonly IdentityRecord[], options: PartOptions): PartResult {
  const guarded = applyGuards(records, options.guards, options.over);
  const result = dedupeRecords(guarded, {
    comparisons: options.comparisons, blockingRules: options.blockingRules, deterministicRules: options.deterministicRules,
    threshold: options.threshold, seed: options.seed ?? 1, excludedKeys: options.excludedKeys, maxBlockSize: MAX_BLOCK_SIZE,
    ...(options.parameters && { parameters: options.parameters }), ...(options.packed === false && { packed: false }),
  });
  // Canonical edge order: by smaller index, then larger (records are in id order, so a part orders its edges
  // as the whole does), so breadth-first paths and weakest-edge ties of never-match cuts agree.
  const m = result.matches;
  const order = Array.from({ length: m.count }, (_, k) => k);
  const lo = (k: number): number => Math.min(m.left[k]!, m.right[k]!);
  const hi = (k: number): number => Math.max(m.left[k]!, m.right[k]!);
  order.sort((a, b) => lo(a) - lo(b) || hi(a) - hi(b));
  const edges = {
    left: Int32Array.from(order, lo), right: Int32Array.from(order, hi), weight: Float64Array.from(order, (k) => m.weight[k]!), count: m.count,
  };
  // Record positions only when there are decisions to place (a million-entry map otherwise, for nothing).
  const position = options.decisions.length === 0 ? new Map<string, number>() : new Map(records.map((r, i) => [r.id, i] as const));
  const pairs = (kind: string): Array<[number, number]> => options.decisions
    .filter((d) => d.kind === kind && position.has(d.recordA) && position.has(d.recordB))
    .map((d) => [position.get(d.recordA)!, position.get(d.recordB)!]);
  const clusters = clusterPairs(records.map((r) => r.id), edges, { alwaysMatch: pairs('always-match'), neverMatch: pairs('never-match') });
  return { clusters, candidatePairs: result.candidatePairs, matchedPairs: m.count, parameters: result.parameters, guarded };
}

/**
 * Which of `candidates` match one of `keyed` at the threshold, comparing only pairs across the two sets (what an
 * incremental run needs to learn which stored records a changed one reaches). Pairs among the stored candidates
 * are left out on purpose: an edge between two unchanged records existed before, so both ends already share an
 * old profile, which the run's closure over profiles adds. At the 100,000-person demo, 1,000 new records had
 * 53,775 candidates and 3.3 M pairs among them when the probe was a dedupe of both sets.
 *
 * @example
 * matchingCandidates(keyed, stored, { comparisons, blockingRules, deterministicRules, guards, over, excludedKeys, parameters, threshold: 0.9 });
 * // Set { 0, 4 }: indices into `stored`
 */
export function matchingCandidates(keyed: readonly IdentityRecord[], candidates: readonly IdentityRecord[], options: Omit<PartOptions, 'decisions'>): Set<number> {
  const result = linkRecords(applyGuards(keyed, options.guards, options.over), applyGuards(candidates, options.guards, options.over), {
    comparisons: options.comparisons, blockingRules: options.blockingRules, deterministicRules: options.deterministicRules,
    threshold: options.threshold, seed: options.seed ?? 1, excludedKeys: options.excludedKeys, maxBlockSize: MAX_BLOCK_SIZE,
    ...(options.parameters && { parameters: options.parameters }),
  });
  const matched = new Set<number>();
  for (let k = 0; k < result.links.count; k++) matched.add(result.links.right[k]!);
  return matched;
}
