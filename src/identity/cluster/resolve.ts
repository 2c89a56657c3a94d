/**
 * The batch pipeline over prepared records: guard identifiers → block → compare → train (or reuse parameters)
 * → score → deterministic rules → threshold → cluster (dedupe) or pick links (link). Pure: records in, typed
 * arrays and plain objects out; timings are measured, nothing is read or written.
 *
 * @example
 * const result = dedupeRecords(records, { comparisons, blockingRules, threshold: 0.9 });
 * result.clusters.clusterIds; // cluster id per record
 * result.parameters;          // JSON-serialisable, reusable via `parameters`
 */
import { ConcordError } from '../../core/errors.js';
import { buildBlockIndex } from '../block/candidate-pairs.js';
import type { BlockingStats } from '../block/candidate-pairs.js';
import { DEFAULT_BLOCKING_PLACEHOLDERS, placeholderSet, type BlockingRule } from '../block/rules.js';
import { compareCandidates, type CandidatePairs } from '../score/candidates.js';
import { createPacker } from '../compare/packed.js';
import { vectorCodec } from '../score/comparison-vector.js';
import { matchingRule, type DeterministicRule } from '../score/deterministic.js';
import { probabilityFromWeight, type ModelParameters } from '../score/parameters.js';
import { pairWeights, type TermFrequencyOption } from '../score/term-frequency.js';
import { trainModel } from '../score/train.js';
import type { Comparison, IdentityRecord } from '../types.js';
import { guardIdentifiers, type DroppedIdentifier, type IdentifierGuard } from './chaining-guard.js';
import { clusterPairs, type ClusterResult } from './clusters.js';

export interface ResolveOptions {
  readonly comparisons: readonly Comparison[];
  readonly blockingRules: readonly BlockingRule[];
  readonly deterministicRules?: readonly DeterministicRule[];
  /** Stored parameters: skip training and score with these. */
  readonly parameters?: ModelParameters;
  /** Match when probability ≥ threshold (default 0.9). */
  readonly threshold?: number;
  /** Pairs with reviewThreshold ≤ probability < threshold are counted (and returned) for clerical review. */
  readonly reviewThreshold?: number;
  readonly maxBlockSize?: number;
  /** Per blocking rule, key hashes that never block (see `BlockingOptions.excludedKeys`). */
  readonly excludedKeys?: ReadonlyArray<ReadonlySet<number> | undefined>;
  readonly placeholders?: readonly string[];
  readonly guards?: readonly IdentifierGuard[];
  readonly randomPairs?: number;
  readonly seed?: number;
  readonly fixU?: boolean;
  /**
   * Term-frequency adjustments (score/term-frequency.ts): default true, the comparisons marked with
   * `adjustByTermFrequency`; false = none; or a list. Their value counts are trained into the parameters, so
   * given `parameters` score with the counts they hold (false turns them off).
   */
  readonly termFrequencies?: TermFrequencyOption;
  /**
   * Compare over a packed copy of the features (`compare/packed.ts`) when every comparison has a plan (default
   * true): the same vectors, faster; ~300 bytes a person while comparing and scoring.
   */
  readonly packed?: boolean;
}

export interface DedupeOptions extends ResolveOptions {
  /** Pairs of record ids. */
  readonly alwaysMatch?: readonly (readonly [string, string])[];
  readonly neverMatch?: readonly (readonly [string, string])[];
  /**
   * After clustering, also score the pairs inside each cluster of 3 to `withinClusterLimit` records that blocking
   * never produced, and add those at or above the threshold to `matches` (at its end: see
   * `DedupeResult.withinClusterPairs`). Clusters do not change — their records are already together — but the list
   * of matched pairs then holds what the model says of every pair in a profile, not only of the blocked ones
   * (blocking as a second pass over what the first one joined, as in iterative blocking). Default false.
   */
  readonly scoreWithinClusters?: boolean;
  /** Largest cluster whose pairs are scored by `scoreWithinClusters` (default 50: at most 1,225 pairs each). */
  readonly withinClusterLimit?: number;
}

export interface LinkOptions extends ResolveOptions {
  /** Keep each record in at most one link, best probability first (greedy). Default false: every pair above the threshold. */
  readonly oneToOne?: boolean;
}

/** Pairs by record index with probability and the deterministic rule that forced them (-1 = none). */
export interface ScoredPairs {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly probability: Float64Array;
  readonly weight: Float64Array;
  readonly rule: Int16Array;
  readonly count: number;
}

export interface Timings {
  guardSeconds: number;
  /** Building the block index (keys of every record under every rule), and packing the compared features in the same pass. */
  blockIndexSeconds: number;
  /** Streaming candidate pairs and computing their comparison vectors. */
  compareSeconds: number;
  trainSeconds: number;
  scoreSeconds: number;
  clusterSeconds: number;
  /** Scoring the pairs inside clusters that blocking missed (`scoreWithinClusters`); 0 when off. */
  withinClusterSeconds: number;
}

export interface ResolveSummary {
  readonly records: number;
  readonly candidatePairs: number;
  readonly blocking: BlockingStats;
  readonly parameters: ModelParameters;
  readonly matches: ScoredPairs;
  readonly review: ScoredPairs;
  readonly dropped: readonly DroppedIdentifier[];
  /** The records as matched (identifiers over the chaining cap cleared). */
  readonly matchedRecords: readonly IdentityRecord[];
  readonly timings: Timings;
}

export interface DedupeResult extends ResolveSummary {
  readonly clusters: ClusterResult;
  /**
   * How many of `matches` (its last ones) were found by `scoreWithinClusters`: pairs inside a cluster that
   * blocking never produced, scored at or above the threshold. 0 when off.
   */
  readonly withinClusterPairs: number;
}

export interface LinkResult extends ResolveSummary {
  /** `matches` with left = index into the left records, right = index into the right records. */
  readonly links: ScoredPairs;
}

/**
 * Deduplicates one set of records into clusters.
 *
 * @example
 * dedupeRecords(records, { comparisons, blockingRules, neverMatch: [['c1', 'c9']] }).clusters.clusters;
 */
export function dedupeRecords(records: readonly IdentityRecord[], options: DedupeOptions): DedupeResult {
  const { summary, scorePair } = resolveCore(records, undefined, options);
  let started = performance.now();
  const position = new Map<string, number>();
  const ids = summary.matchedRecords.map((r, i) => (position.set(r.id, i), r.id));
  if (position.size !== ids.length) throw duplicateIds(ids);
  const toIndex = (pair: readonly [string, string]): [number, number] => [indexOf(position, pair[0]), indexOf(position, pair[1])];
  const clusters = clusterPairs(ids, summary.matches, {
    ...(options.alwaysMatch && { alwaysMatch: options.alwaysMatch.map(toIndex) }),
    ...(options.neverMatch && { neverMatch: options.neverMatch.map(toIndex) }),
  });
  summary.timings.clusterSeconds = (performance.now() - started) / 1000;
  if (options.scoreWithinClusters !== true) return { ...summary, clusters, withinClusterPairs: 0 };
  started = performance.now();
  const limit = options.withinClusterLimit ?? 50;
  const added = scoreWithinClusters(clusters.clusterOf, clusters.clusters, summary.matches, limit, scorePair);
  summary.timings.withinClusterSeconds = (performance.now() - started) / 1000;
  return { ...summary, matches: added.matches, clusters, withinClusterPairs: added.count };
}

/** The score of one pair of record indices with the trained model, deterministic rules included. */
type PairScorer = (a: number, b: number) => { probability: number; weight: number; rule: number };

/**
 * Scores every pair inside clusters of 3 to `limit` records that is not already a match, and appends those at
 * or above the threshold (pairs blocking produced and scored below it score the same again and stay out).
 * Members are taken in index order, so the result does not depend on the order of the matches.
 */
function scoreWithinClusters(clusterOf: Int32Array, clusterCount: number, matches: ScoredPairs, limit: number, scorePair: PairScorer): { matches: ScoredPairs; count: number } {
  const n = clusterOf.length;
  const size = new Int32Array(clusterCount);
  for (let i = 0; i < n; i++) size[clusterOf[i]!]!++;
  // Members of the clusters in range, grouped by cluster (counting sort).
  const start = new Int32Array(size.length + 1);
  for (let c = 0; c < size.length; c++) start[c + 1] = start[c]! + (size[c]! >= 3 && size[c]! <= limit ? size[c]! : 0);
  const members = new Int32Array(start[size.length]!);
  const fill = start.slice(0, size.length);
  for (let i = 0; i < n; i++) {
    const c = clusterOf[i]!;
    if (size[c]! >= 3 && size[c]! <= limit) members[fill[c]!++] = i;
  }
  // Matched pairs among those members, as lo * n + hi (exact in a double up to 2^53 / n² = 94 M records).
  const matched = new Set<number>();
  for (let k = 0; k < matches.count; k++) {
    const a = matches.left[k]!;
    const b = matches.right[k]!;
    const s = size[clusterOf[a]!]!;
    if (s >= 3 && s <= limit) matched.add(Math.min(a, b) * n + Math.max(a, b));
  }
  const sink = new PairSink();
  for (let k = 0; k < matches.count; k++) sink.push(matches.left[k]!, matches.right[k]!, matches.probability[k]!, matches.weight[k]!, matches.rule[k]!);
  let count = 0;
  for (let c = 0; c < size.length; c++) {
    for (let i = start[c]!; i < start[c + 1]!; i++) {
      for (let j = i + 1; j < start[c + 1]!; j++) {
        const a = members[i]!;
        const b = members[j]!;
        if (matched.has(a * n + b)) continue;
        const scored = scorePair(a, b);
        if (scored.probability < 0) continue;
        sink.push(a, b, scored.probability, scored.weight, scored.rule);
        count++;
      }
    }
  }
  return { matches: sink.done(), count };
}

/**
 * Links two sets of records: pairs only across them.
 *
 * @example
 * linkRecords(crm, billing, { comparisons, blockingRules, oneToOne: true }).links;
 */
export function linkRecords(left: readonly IdentityRecord[], right: readonly IdentityRecord[], options: LinkOptions): LinkResult {
  const all = [...left, ...right];
  const sides = new Uint8Array(all.length);
  sides.fill(1, left.length);
  const { summary } = resolveCore(all, sides, options);
  const started = performance.now();
  const matches = options.oneToOne ? oneToOne(summary.matches) : summary.matches;
  const shift = (pairs: ScoredPairs): ScoredPairs => ({ ...pairs, right: pairs.right.map((r) => r - left.length) });
  summary.timings.clusterSeconds = (performance.now() - started) / 1000;
  return { ...summary, links: shift(matches) };
}

/**
 * Everything but clustering; also returns a scorer of any pair of record indices with the same model, rules and
 * threshold (probability -1 below it), for pairs blocking did not produce.
 */
function resolveCore(input: readonly IdentityRecord[], sides: Uint8Array | undefined, options: ResolveOptions): { summary: ResolveSummary; scorePair: PairScorer } {
  const timings: Timings = { guardSeconds: 0, blockIndexSeconds: 0, compareSeconds: 0, trainSeconds: 0, scoreSeconds: 0, clusterSeconds: 0, withinClusterSeconds: 0 };
  const threshold = options.threshold ?? 0.9;
  if (!(threshold > 0 && threshold <= 1)) throw new ConcordError('THRESHOLD_INVALID', `threshold must be in (0, 1], got ${threshold}`, { kind: 'usage' });
  let t = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const seconds = (now - t) / 1000;
    t = now;
    return seconds;
  };
  const { records, dropped } = options.guards ? guardIdentifiers(input, options.guards) : { records: [...input], dropped: [] };
  timings.guardSeconds = lap();
  const placeholders = options.placeholders ?? DEFAULT_BLOCKING_PLACEHOLDERS;
  const codec = vectorCodec(options.comparisons);
  const rules = options.deterministicRules ?? [];
  const placeholderValues = placeholderSet(placeholders);
  // Packed when every comparison is a factory one (it has a plan); packed in the block index's pass over the
  // records, which reads each of them anyway. Else the comparisons read the feature objects.
  const packer = options.packed === false ? undefined : createPacker(records.length, options.comparisons, codec, rules, placeholderValues);
  const index = buildBlockIndex(records, options.blockingRules, {
    ...(packer && { visit: (record: IdentityRecord) => packer.add(record.features) }),
    mode: sides ? 'link' : 'dedupe',
    ...(sides && { sides }),
    ...(options.maxBlockSize !== undefined && { maxBlockSize: options.maxBlockSize }),
    ...(options.excludedKeys !== undefined && { excludedKeys: options.excludedKeys }),
    placeholders,
  });
  timings.blockIndexSeconds = lap();
  const packed = packer?.done(records);
  const candidates = compareCandidates(records, index, codec, { rules, placeholders: placeholderValues, ...(packed && { packed }) });
  timings.compareSeconds = lap();
  const parameters = options.parameters ?? trainModel(records, codec, candidates, {
    ...(rules.length > 0 && forcedPatterns(candidates, rules)),
    ...(options.randomPairs !== undefined && { randomPairs: options.randomPairs }),
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(options.fixU !== undefined && { fixU: options.fixU }),
    ...(options.termFrequencies !== undefined && { termFrequencies: options.termFrequencies }),
    ...(sides && { sides }),
  });
  timings.trainSeconds = lap();
  const weightOf = pairWeights(codec, parameters, records, { enabled: options.termFrequencies !== false });
  const review = options.reviewThreshold;
  const matches = new PairSink();
  const reviewed = new PairSink();
  for (let k = 0; k < candidates.count; k++) {
    const weight = weightOf(candidates.code[k]!, candidates.left[k]!, candidates.right[k]!);
    let probability = probabilityFromWeight(weight);
    let rule = -1;
    if (probability < threshold && candidates.rule[k]! >= 0) {
      rule = candidates.rule[k]!;
      probability = 1;
    }
    if (probability >= threshold) matches.push(candidates.left[k]!, candidates.right[k]!, probability, weight, rule);
    else if (review !== undefined && probability >= review) reviewed.push(candidates.left[k]!, candidates.right[k]!, probability, weight, -1);
  }
  timings.scoreSeconds = lap();
  const scorePair: PairScorer = (a, b) => {
    const ra = records[a]!;
    const rb = records[b]!;
    const weight = weightOf(packed ? packed.encode(a, b) : codec.encodePair(ra, rb), a, b);
    const probability = probabilityFromWeight(weight);
    if (probability >= threshold) return { probability, weight, rule: -1 };
    const rule = rules.length === 0 ? -1 : packed ? packed.rule(a, b) : matchingRule(ra, rb, rules, placeholderValues);
    return rule >= 0 ? { probability: 1, weight, rule } : { probability: -1, weight, rule: -1 };
  };
  const summary: ResolveSummary = {
    records: records.length, candidatePairs: candidates.count, blocking: candidates.blocking, parameters,
    matches: matches.done(), review: reviewed.done(), dropped, matchedRecords: records, timings,
  };
  return { summary, scorePair };
}

/**
 * Comparison vectors, with counts, of the candidate pairs a deterministic rule forces — EM's starting matches —
 * and the feature keys of the rules that forced at least one.
 */
function forcedPatterns(candidates: CandidatePairs, rules: readonly DeterministicRule[]): { matchPatterns: Map<number, number>; matchKeys: string[] } {
  const matchPatterns = new Map<number, number>();
  const fired = new Set<number>();
  for (let k = 0; k < candidates.count; k++) {
    const rule = candidates.rule[k]!;
    if (rule < 0) continue;
    fired.add(rule);
    const code = candidates.code[k]!;
    matchPatterns.set(code, (matchPatterns.get(code) ?? 0) + 1);
  }
  return { matchPatterns, matchKeys: [...fired].flatMap((r) => rules[r]!.keys) };
}

/** Greedy one-to-one: strongest pairs first, each record used once. */
function oneToOne(pairs: ScoredPairs): ScoredPairs {
  const order = Array.from({ length: pairs.count }, (_, k) => k).sort((a, b) => pairs.weight[b]! - pairs.weight[a]! || pairs.rule[b]! - pairs.rule[a]!);
  const used = new Set<number>();
  const sink = new PairSink();
  for (const k of order) {
    const l = pairs.left[k]!;
    const r = pairs.right[k]!;
    if (used.has(l) || used.has(r)) continue;
    used.add(l).add(r);
    sink.push(l, r, pairs.probability[k]!, pairs.weight[k]!, pairs.rule[k]!);
  }
  return sink.done();
}

class PairSink {
  private capacity = 1024;
  private count = 0;
  private left = new Int32Array(this.capacity);
  private right = new Int32Array(this.capacity);
  private probability = new Float64Array(this.capacity);
  private weight = new Float64Array(this.capacity);
  private rule = new Int16Array(this.capacity);

  push(l: number, r: number, p: number, w: number, rule: number): void {
    if (this.count === this.capacity) {
      this.capacity *= 2;
      this.left = growInt(this.left, this.capacity);
      this.right = growInt(this.right, this.capacity);
      const probability = new Float64Array(this.capacity);
      probability.set(this.probability);
      this.probability = probability;
      const weight = new Float64Array(this.capacity);
      weight.set(this.weight);
      this.weight = weight;
      const rules = new Int16Array(this.capacity);
      rules.set(this.rule);
      this.rule = rules;
    }
    this.left[this.count] = l;
    this.right[this.count] = r;
    this.probability[this.count] = p;
    this.weight[this.count] = w;
    this.rule[this.count] = rule;
    this.count++;
  }

  done(): ScoredPairs {
    const n = this.count;
    return { left: this.left.slice(0, n), right: this.right.slice(0, n), probability: this.probability.slice(0, n), weight: this.weight.slice(0, n), rule: this.rule.slice(0, n), count: n };
  }
}

function growInt(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(capacity);
  next.set(array);
  return next;
}

function indexOf(position: ReadonlyMap<string, number>, id: string): number {
  const i = position.get(id);
  if (i === undefined) throw new ConcordError('OVERRIDE_UNKNOWN_RECORD', `override names record ${id}, which is not in the input`, { kind: 'usage', context: { recordId: id } });
  return i;
}

function duplicateIds(ids: readonly string[]): ConcordError {
  const seen = new Set<string>();
  const dup = ids.find((id) => (seen.has(id) ? true : (seen.add(id), false)));
  return new ConcordError('RECORD_ID_DUPLICATE', `record id ${dup} appears more than once`, { kind: 'data', context: { recordId: dup ?? '' }, hint: 'record ids must be unique within a dedupe job' });
}
