/**
 * Fellegi–Sunter model parameters as plain, JSON-serialisable data, so a store can save a trained model and a
 * later run can reuse it without retraining. Per comparison level: `m` = P(level | match), `u` = P(level |
 * non-match); the level's match weight is log2(m / u). `lambda` is the prior probability that a candidate pair
 * is a match; its weight log2(λ / (1 − λ)) starts every pair's sum. A NULL level adds 0.
 *
 * @example
 * const weights = compileWeights(params);
 * const w = weights.prior + weights.table[0]![levelOfFirstComparison]!; // … + every other comparison
 * probabilityFromWeight(w); // 2^w / (1 + 2^w)
 */
import { ConcordError } from '../../core/errors.js';
import type { Comparison } from '../types.js';
import type { TermFrequencyTable } from './term-frequency.js';

export interface ComparisonParameters {
  readonly name: string;
  readonly levels: readonly string[];
  /** P(level | match), one per level. */
  readonly m: readonly number[];
  /** P(level | non-match), one per level. */
  readonly u: readonly number[];
}

export interface ModelParameters {
  readonly version: 1;
  readonly comparisons: readonly ComparisonParameters[];
  /** Prior P(match) of a candidate pair. */
  readonly lambda: number;
  readonly trainedOn: {
    /** Random pairs sampled for u. */
    readonly randomPairs: number;
    /** Candidate pairs EM ran over. */
    readonly candidatePairs: number;
    /** Distinct comparison vectors among them. */
    readonly patterns: number;
    readonly emIterations: number;
    readonly converged: boolean;
  };
  /**
   * Value counts of the term-frequency adjusted comparisons, counted over the records the model was trained on
   * (see `term-frequency.ts`). Absent in models saved before adjustments existed: those score without them.
   */
  readonly termFrequencies?: readonly TermFrequencyTable[];
}

/** Weights ready for the scoring loop: one Float64Array of level weights per comparison. */
export interface CompiledWeights {
  readonly prior: number;
  readonly table: readonly Float64Array[];
}

/** Probabilities are clamped here before logs so a level never seen in training cannot give ±Infinity. */
export const PROBABILITY_FLOOR = 1e-6;

/**
 * Level weights log2(m/u) and the prior weight, checked against the comparisons when given.
 *
 * @example
 * compileWeights(params, comparisons).table[2]![0]; // weight of an exact dob match
 */
export function compileWeights(params: ModelParameters, comparisons?: readonly Comparison[]): CompiledWeights {
  if (comparisons !== undefined) assertParametersFit(params, comparisons);
  const table = params.comparisons.map((c) => {
    const weights = new Float64Array(c.levels.length);
    for (let l = 0; l < c.levels.length; l++) weights[l] = Math.log2(clamp(c.m[l] ?? 0) / clamp(c.u[l] ?? 0));
    return weights;
  });
  return { prior: priorWeight(params.lambda), table };
}

/** log2(λ / (1 − λ)). */
export function priorWeight(lambda: number): number {
  const p = clamp(lambda);
  return Math.log2(p / (1 - p));
}

/** 2^w / (1 + 2^w), stable for large |w|. */
export function probabilityFromWeight(weight: number): number {
  if (weight >= 0) return 1 / (1 + 2 ** -weight);
  const e = 2 ** weight;
  return e / (1 + e);
}

/** The match weight equal to a probability: the inverse of `probabilityFromWeight`. */
export function weightFromProbability(probability: number): number {
  if (probability >= 1) return Infinity;
  if (probability <= 0) return -Infinity;
  return Math.log2(probability / (1 - probability));
}

function clamp(p: number): number {
  return Math.min(1 - PROBABILITY_FLOOR, Math.max(PROBABILITY_FLOOR, p));
}

/**
 * Throws when stored parameters were trained for other comparisons (names or level labels differ): reusing
 * them would silently score with the wrong weights.
 */
export function assertParametersFit(params: ModelParameters, comparisons: readonly Comparison[]): void {
  const wanted = comparisons.map((c) => `${c.name}[${c.levels.join('|')}]`).join(', ');
  const got = params.comparisons.map((c) => `${c.name}[${c.levels.join('|')}]`).join(', ');
  if (wanted !== got) {
    throw new ConcordError('MODEL_PARAMETERS_MISMATCH', 'model parameters were trained for other comparisons', {
      kind: 'usage', context: { expected: wanted, found: got }, hint: 'retrain the model (omit stored parameters) after changing comparisons',
    });
  }
}
