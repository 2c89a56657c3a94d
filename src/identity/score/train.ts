/**
 * Training without labels: u from random pairs, then m and λ by EM over the candidate pairs' distinct
 * comparison vectors. Returns `ModelParameters` ready to store.
 *
 * Which u scores pairs: EM re-estimates u among candidate pairs by default (`fixU: false`), because blocking
 * selects pairs that agree on the blocking keys — a u from random pairs would then call every same-surname
 * non-match strong evidence. The random-pair u still seeds EM and is what `fixU: true` keeps (Splink's way,
 * which also needs per-rule training runs that drop the blocked comparisons). Measured on FEBRL: see
 * docs/identity.md.
 *
 * @example
 * const params = trainModel(records, codec, candidates, { randomPairs: 1_000_000 });
 * JSON.stringify(params); // store it; pass it back as `parameters` to skip training
 */
import type { IdentityRecord } from '../types.js';
import type { VectorCodec } from './comparison-vector.js';
import type { CandidatePairs } from './candidates.js';
import { seededM, trainEm } from './em.js';
import { estimateU } from './estimate-u.js';
import type { ModelParameters } from './parameters.js';
import { countTermFrequencies, termFrequencySpecs, type TermFrequencyOption } from './term-frequency.js';

export interface TrainOptions {
  readonly randomPairs?: number;
  readonly seed?: number;
  readonly sides?: Uint8Array;
  readonly fixU?: boolean;
  readonly maxIterations?: number;
  readonly initialLambda?: number;
  /**
   * Comparison vectors (with counts) of candidate pairs known to match — those a deterministic rule forces. When
   * given and non-empty, EM starts from their m (`seededM`) and from λ = their share of the candidates, instead of
   * the generic start, which at 100,000 demo people converged to a class of same-first-name non-matches.
   */
  readonly matchPatterns?: ReadonlyMap<number, number>;
  /**
   * Feature keys the rules that forced `matchPatterns` read (`email`, `last_name` …). A comparison named after one
   * of them is biased among the forced pairs (they agree on it by construction), so EM re-estimates its m; every
   * other comparison keeps the forced pairs' m — which is what stops EM drifting to a class of same-city or
   * same-first-name non-matches.
   */
  readonly matchKeys?: readonly string[];
  /** Prior weight of the random-pair u, in pairs (default `U_PRIOR_PAIRS`; 0 = u from candidate pairs alone). */
  readonly uPriorPairs?: number;
  /**
   * Term-frequency adjustments whose value counts the model keeps (default true: the comparisons marked with
   * `adjustByTermFrequency`). Counted over `records`; EM itself runs without them, as Splink's does.
   */
  readonly termFrequencies?: TermFrequencyOption;
}

/**
 * EM steps taken from the known matches' start. One step re-estimates u, λ and the free m rows from the
 * posterior of the seeded model; further steps drift towards the largest correlated group of candidate pairs.
 * Measured on the demo at 100,000 people (174,814 records, 8.6 M candidate pairs), pairwise F1: 0.854 after one
 * step, 0.821 at convergence (32 steps), with the m rows of the comparisons the rules do not read kept fixed;
 * with every m row free 0.838 after one step, 0.767 after two, ~0 at convergence. At 10,000 people 0.880 either
 * way. An explicit `maxIterations` wins.
 */
export const SEEDED_EM_STEPS = 1;

/**
 * Known matches needed before their m rows are kept fixed: from a handful of pairs (a small store) the shares are
 * noise — two pairs with identical first names would make every nickname or typo look like a non-match — so EM
 * re-estimates every row then.
 */
export const FIXED_M_MIN_PAIRS = 1000;

/**
 * Weight, in pairs, of the random-pair u as the prior of the u that EM re-estimates among candidate pairs in the
 * step from the known matches (see `EmOptions.uPriorPairs`). Why: where the candidates are nearly all matches
 * (splink fake_1000: ~1,700 candidate pairs, ~92% matches), the few hundred pairs EM puts in the non-match class
 * are mostly badly corrupted matches, and u learnt from them alone made an exact email or date of birth look common
 * among non-matches (exact date of birth u 0.25, weight +1.0 bit): fake_1000 pairwise F1 0.73, 0.83 with this prior
 * alone. A large candidate set (the demo's ~95,000 candidate pairs at 10,000 people, FEBRL's thousands of
 * non-matches) still learns its own u, which blocking makes differ from random pairs (same surname). Measured
 * with 0 / 1,000 / 3,000 / 10,000 / 30,000: docs/identity.md "Scoring".
 */
export const U_PRIOR_PAIRS = 3000;

/**
 * @example
 * trainModel(records, codec, candidates).lambda; // share of candidate pairs that are matches
 */
export function trainModel(records: readonly IdentityRecord[], codec: VectorCodec, candidates: Pick<CandidatePairs, 'patterns' | 'count'>, options: TrainOptions = {}): ModelParameters {
  const estimate = estimateU(records, codec.comparisons, {
    ...(options.randomPairs !== undefined && { pairs: options.randomPairs }),
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(options.sides !== undefined && { sides: options.sides }),
  });
  let seeded = 0;
  for (const n of options.matchPatterns?.values() ?? []) seeded += n;
  const em = trainEm(candidates.patterns, codec, {
    u: estimate.u,
    ...(seeded > 0 && options.matchPatterns && {
      m: seededM(codec, options.matchPatterns),
      lambda: Math.min(0.5, Math.max(1e-4, seeded / candidates.count)),
      maxIterations: SEEDED_EM_STEPS,
      ...(seeded >= FIXED_M_MIN_PAIRS && { fixedM: codec.comparisons.map((c) => !(options.matchKeys ?? []).includes(c.name)) }),
    }),
    ...(options.maxIterations !== undefined && { maxIterations: options.maxIterations }),
    fixU: options.fixU ?? false,
    // Only for the step from the known matches: run to convergence from the generic start with u held near the
    // random-pair u, EM drifts to λ → 1 on a small store (every candidate agrees on its blocking key), as `fixU` does.
    ...(seeded > 0 && { uPriorPairs: options.uPriorPairs ?? U_PRIOR_PAIRS }),
    ...(options.initialLambda !== undefined && { lambda: options.initialLambda }),
  });
  const termFrequencies = countTermFrequencies(records, codec.comparisons, termFrequencySpecs(codec.comparisons, options.termFrequencies));
  return {
    version: 1,
    comparisons: codec.comparisons.map((c, i) => ({ name: c.name, levels: [...c.levels], m: em.m[i]!, u: em.u[i]! })),
    lambda: em.lambda,
    trainedOn: { randomPairs: estimate.pairs, candidatePairs: candidates.count, patterns: candidates.patterns.size, emIterations: em.iterations, converged: em.converged },
    ...(termFrequencies.length > 0 && { termFrequencies }),
  };
}
