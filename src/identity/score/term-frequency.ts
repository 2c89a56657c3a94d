/**
 * Term-frequency adjustments: an exact match on a rare value ("quilliam") is stronger evidence than one on a
 * common value ("smith", "london"). For an adjusted comparison, a pair at an adjusted level (where both records
 * hold the same value v) gets, on top of the level's weight log2(m/u), the term
 *
 *     min(maxBoost, weight × log2(ū / f(v))),   f(v) = count(v) / N,   ū = Σ count (count − 1) / (N (N − 1))
 *
 * where N is the number of records with a value and ū is the share of random pairs that agree exactly — the
 * average u of the exact level. Why this form: among non-matches two records agree on v with probability ≈ f(v)²,
 * among matches with ≈ m·f(v), so the Bayes factor of "agree on v" is m / f(v) = (m / ū) · (ū / f(v)) — the level
 * weight times this term (Splink's `term_frequency_adjustments`, u of the exact level replaced by the value's
 * frequency). The level weight itself keeps the u that EM learnt among candidate pairs; the term only moves a
 * pair up or down from it by how rare its value is among all records. Upwards it is capped (`TF_MAX_BOOST`):
 * in the data measured, a rare value was as often a corruption as a rare name.
 *
 * The value counts are part of the model (`ModelParameters.termFrequencies`), counted once over the records the
 * model is trained on and saved with it: a stored model scores every later (incremental or full) run with the
 * same frequencies, so incremental and full resolution stay equal; retraining recounts them. Values seen once
 * are not kept (a value absent from the table counts as seen once), so the table stays small.
 *
 * Scoring keeps the per-vector weight cache: a pair whose vector has no adjusted comparison at an adjusted level
 * costs the same one Map look-up as before; the others add one array read per adjusted comparison.
 *
 * @example
 * const comparisons = [adjustByTermFrequency(nameComparison('last_name')), dobComparison()];
 * const tables = countTermFrequencies(records, comparisons, termFrequencySpecs(comparisons));
 * const weightOf = pairWeights(codec, { ...params, termFrequencies: tables }, records);
 * weightOf(code, left, right); // level weights + prior + the adjustment of the shared last name
 */
import { ConcordError } from '../../core/errors.js';
import type { Comparison, IdentityRecord } from '../types.js';
import type { VectorCodec } from './comparison-vector.js';
import { compileWeights, type ModelParameters } from './parameters.js';
import { patternWeights } from './pattern-weights.js';

/**
 * Default cap, in bits, of an upward adjustment (Splink's `tf_minimum_u_value`, relative to ū: f is never taken
 * below ū / 2^cap). Rare values are often corrupt ones: on the 10,000-person demo a first name copied into the
 * last-name field ("alexander alexander", 6 records) gained +4.2 bits uncapped and joined strangers (cluster-pair
 * F1 0.878 without adjustments → 0.795). Cluster-pair F1 there by cap: 0 → 0.8807, 0.5 → 0.8807, 1 → 0.8799,
 * 2 → 0.8294; FEBRL 1–4 and fake_1000 equal within 0.0003 for caps 0–2. Common values are weighed down in full.
 */
export const TF_MAX_BOOST = 0.5;

/** Which comparison is adjusted, at which levels, by how much of the full adjustment. */
export interface TermFrequencySpec {
  /** Comparison name. */
  readonly comparison: string;
  /** Levels adjusted: levels at which both records hold the same value (default `[0]`, the exact level). */
  readonly levels?: readonly number[];
  /** Share of the adjustment applied, 0–1 (Splink's `tf_adjustment_weight`; default 1). */
  readonly weight?: number;
  /** Largest adjustment upwards, in bits (default `TF_MAX_BOOST`); common values are weighed down in full. */
  readonly maxBoost?: number;
}

/**
 * Term-frequency adjustments of a run: `true` (default) = the comparisons marked with `adjustByTermFrequency`;
 * `false` = none; a list = exactly those.
 */
export type TermFrequencyOption = boolean | readonly TermFrequencySpec[];

/** The value counts of one comparison, as saved in the model (plain JSON). */
export interface TermFrequencyTable {
  readonly comparison: string;
  readonly levels: readonly number[];
  readonly weight: number;
  /** Largest adjustment upwards, in bits (see `TF_MAX_BOOST`). */
  readonly maxBoost: number;
  /** Records holding a value (N). */
  readonly records: number;
  /** Share of random record pairs that agree exactly (ū): Σ count (count − 1) / (N (N − 1)). */
  readonly agreement: number;
  /** Values seen at least twice, most frequent first (ties by value). */
  readonly values: readonly string[];
  readonly counts: readonly number[];
}

/** A comparison carrying its default term-frequency levels. */
export type TermFrequencyAdjusted<C extends Comparison = Comparison> = C & { readonly termFrequencyLevels: readonly number[] };

/**
 * Marks a comparison as term-frequency adjusted by default at `levels` (the exact level unless said).
 *
 * @example
 * adjustByTermFrequency(stringComparison('city')).termFrequencyLevels; // [0]
 */
export function adjustByTermFrequency<C extends Comparison>(comparison: C, levels: readonly number[] = [0]): TermFrequencyAdjusted<C> {
  for (const level of levels) {
    if (!(Number.isInteger(level) && level >= 0 && level < comparison.levels.length)) {
      throw new ConcordError('TERM_FREQUENCY_LEVEL_INVALID', `comparison ${comparison.name} has no level ${level}`, { kind: 'usage' });
    }
  }
  return { ...comparison, termFrequencyLevels: [...levels] };
}

/**
 * The default levels a comparison was marked with, or undefined.
 *
 * @example
 * termFrequencyLevels(adjustByTermFrequency(stringComparison('city'))); // [0]
 */
export function termFrequencyLevels(comparison: Comparison): readonly number[] | undefined {
  const levels = (comparison as Partial<TermFrequencyAdjusted>).termFrequencyLevels;
  return Array.isArray(levels) ? levels : undefined;
}

/**
 * The specs an option stands for over these comparisons; throws on a name no comparison has.
 *
 * @example
 * termFrequencySpecs(defaultPersonComparisons()).map((s) => s.comparison); // ['first_name', 'last_name', 'city']
 * termFrequencySpecs(comparisons, false); // []
 */
export function termFrequencySpecs(comparisons: readonly Comparison[], option: TermFrequencyOption = true): TermFrequencySpec[] {
  if (option === false) return [];
  if (option === true) {
    return comparisons.flatMap((c) => {
      const levels = termFrequencyLevels(c);
      return levels === undefined ? [] : [{ comparison: c.name, levels }];
    });
  }
  const names = new Set(comparisons.map((c) => c.name));
  for (const spec of option) {
    if (!names.has(spec.comparison)) {
      throw new ConcordError('TERM_FREQUENCY_COMPARISON_UNKNOWN', `term-frequency adjustment names comparison ${spec.comparison}, which is not scored`, {
        kind: 'usage', context: { comparisons: [...names].join(', ') },
      });
    }
  }
  return [...option];
}

/** The value a comparison compares on one record, when it is a non-empty string (what its exact level equates). */
function valueOf(comparison: Comparison, record: IdentityRecord): string | undefined {
  const v = comparison.values(record, record)[0];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * Counts each adjusted comparison's values over the records (one pass per comparison; a Map of value → count),
 * and keeps those seen at least `minCount` times (default 2).
 *
 * @example
 * countTermFrequencies(records, comparisons, [{ comparison: 'last_name' }])[0]!.values[0]; // 'smith'
 */
export function countTermFrequencies(records: readonly IdentityRecord[], comparisons: readonly Comparison[], specs: readonly TermFrequencySpec[], options: { minCount?: number } = {}): TermFrequencyTable[] {
  const minCount = options.minCount ?? 2;
  return specs.map((spec) => {
    const comparison = comparisons.find((c) => c.name === spec.comparison);
    if (comparison === undefined) throw new ConcordError('TERM_FREQUENCY_COMPARISON_UNKNOWN', `term-frequency adjustment names comparison ${spec.comparison}, which is not scored`, { kind: 'usage' });
    const weight = spec.weight ?? 1;
    const maxBoost = spec.maxBoost ?? TF_MAX_BOOST;
    if (!(maxBoost >= 0 && maxBoost < 1000)) throw new ConcordError('TERM_FREQUENCY_BOOST_INVALID', `term-frequency maxBoost of ${spec.comparison} must be a number of bits ≥ 0, got ${maxBoost}`, { kind: 'usage' });
    if (!(weight >= 0 && weight <= 1)) throw new ConcordError('TERM_FREQUENCY_WEIGHT_INVALID', `term-frequency weight of ${spec.comparison} must be in [0, 1], got ${weight}`, { kind: 'usage' });
    const counts = new Map<string, number>();
    let n = 0;
    for (const record of records) {
      const value = valueOf(comparison, record);
      if (value === undefined) continue;
      counts.set(value, (counts.get(value) ?? 0) + 1);
      n++;
    }
    let agreeing = 0;
    for (const c of counts.values()) agreeing += c * (c - 1);
    const kept = [...counts].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return {
      comparison: spec.comparison, levels: [...(spec.levels ?? termFrequencyLevels(comparison) ?? [0])], weight, maxBoost, records: n,
      agreement: n > 1 ? agreeing / (n * (n - 1)) : 0, values: kept.map(([v]) => v), counts: kept.map(([, c]) => c),
    };
  });
}

/**
 * The adjustment, in bits, of an exact match on a value seen `count` times: weight × log2(ū / f), f = count / N
 * (a count below 1 counts as 1). 0 when no pair of records agrees (ū = 0) or there are no records.
 *
 * @example
 * termFrequencyAdjustment({ records: 1000, agreement: 0.004, weight: 1, maxBoost: 1 }, 40); // log2(0.004 / 0.04) ≈ -3.32
 */
export function termFrequencyAdjustment(table: Pick<TermFrequencyTable, 'records' | 'agreement' | 'weight' | 'maxBoost'>, count: number): number {
  if (!(table.agreement > 0) || table.records <= 0) return 0;
  const frequency = Math.max(1, count) / table.records;
  return Math.min(table.maxBoost, table.weight * Math.log2(table.agreement / frequency));
}

/** What the adjustment of one value was made of, for explanations. */
export interface TermFrequencyDetail {
  readonly value: string;
  /** Records holding the value when the model was trained (1 when it was not kept: seen once or never). */
  readonly count: number;
  readonly records: number;
  /** count / records: the u of an exact match on this value. */
  readonly frequency: number;
  /** ū: the exact level's average u over all values. */
  readonly averageU: number;
  /** Added to the level's weight. */
  readonly weight: number;
}

/**
 * The adjustment a table gives one value, with its parts.
 *
 * @example
 * termFrequencyDetail(table, 'smith'); // { value: 'smith', count: 40, records: 1000, frequency: 0.04, averageU: 0.004, weight: -3.32 }
 */
export function termFrequencyDetail(table: TermFrequencyTable, value: string): TermFrequencyDetail {
  const at = table.values.indexOf(value);
  const count = at < 0 ? 1 : table.counts[at]!;
  return { value, count, records: table.records, frequency: table.records > 0 ? count / table.records : 0, averageU: table.agreement, weight: termFrequencyAdjustment(table, count) };
}

/**
 * The table of a comparison in saved parameters, when adjustments are on and it adjusts `level`.
 *
 * @example
 * tableAt(params, 'last_name', 0)?.agreement;
 */
export function tableAt(params: ModelParameters, comparison: string, level: number): TermFrequencyTable | undefined {
  const table = params.termFrequencies?.find((t) => t.comparison === comparison);
  return table !== undefined && table.levels.includes(level) ? table : undefined;
}

/** Per adjusted comparison: its index in the vector, the levels adjusted, and each record's adjustment. */
interface RecordAdjustments {
  readonly comparison: number;
  readonly levels: ReadonlySet<number>;
  /** Index into `weights` per record, -1 without a value. */
  readonly slot: Int32Array;
  readonly weights: Float64Array;
}

function recordAdjustments(table: TermFrequencyTable, comparisonIndex: number, comparison: Comparison, records: readonly IdentityRecord[]): RecordAdjustments {
  const position = new Map<string, number>();
  table.values.forEach((v, i) => position.set(v, i));
  const weights = new Float64Array(table.values.length + 1);
  table.counts.forEach((c, i) => (weights[i] = termFrequencyAdjustment(table, c)));
  const unseen = table.values.length;
  weights[unseen] = termFrequencyAdjustment(table, 1);
  const slot = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const value = valueOf(comparison, records[i]!);
    slot[i] = value === undefined ? -1 : (position.get(value) ?? unseen);
  }
  return { comparison: comparisonIndex, levels: new Set(table.levels), slot, weights };
}

/** The weight of a pair: its vector's cached weight, plus its term-frequency adjustments. */
export type PairWeight = (code: number, left: number, right: number) => number;

/**
 * Weight of a candidate pair by its packed vector and its two record indices. Without term-frequency tables (or
 * with `enabled: false`) it is `patternWeights` alone. With them, each distinct vector caches its summed level
 * weights and which adjusted comparisons sit at an adjusted level; only pairs with such a comparison read their
 * record's adjustment (at those levels both records hold the same value, so the left record's is read).
 *
 * @example
 * const weightOf = pairWeights(codec, params, records);
 * weightOf(candidates.code[k]!, candidates.left[k]!, candidates.right[k]!);
 */
export function pairWeights(codec: VectorCodec, params: ModelParameters, records: readonly IdentityRecord[], options: { enabled?: boolean } = {}): PairWeight {
  const base = patternWeights(codec, compileWeights(params, codec.comparisons));
  const tables = options.enabled === false ? [] : (params.termFrequencies ?? []);
  if (tables.length === 0) return (code) => base(code);
  if (tables.length > 30) throw new ConcordError('TERM_FREQUENCY_TOO_MANY', `${tables.length} term-frequency tables; at most 30 are supported`, { kind: 'usage' });
  const adjustments = tables.map((table) => {
    const c = codec.comparisons.findIndex((x) => x.name === table.comparison);
    if (c < 0) {
      throw new ConcordError('MODEL_PARAMETERS_MISMATCH', `model parameters hold term frequencies of comparison ${table.comparison}, which is not scored`, {
        kind: 'usage', hint: 'retrain the model (omit stored parameters) after changing comparisons',
      });
    }
    return recordAdjustments(table, c, codec.comparisons[c]!, records);
  });
  const cache = new Map<number, { readonly weight: number; readonly mask: number }>();
  return function weightOf(code, left) {
    let entry = cache.get(code);
    if (entry === undefined) {
      let mask = 0;
      adjustments.forEach((a, t) => {
        if (a.levels.has(codec.level(code, a.comparison))) mask |= 1 << t;
      });
      entry = { weight: base(code), mask };
      cache.set(code, entry);
    }
    if (entry.mask === 0) return entry.weight;
    let weight = entry.weight;
    for (let t = 0; t < adjustments.length; t++) {
      if ((entry.mask & (1 << t)) === 0) continue;
      const a = adjustments[t]!;
      const s = a.slot[left]!;
      if (s >= 0) weight += a.weights[s]!;
    }
    return weight;
  };
}
