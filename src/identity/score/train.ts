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
import { trainEm } from './em.js';
import { estimateU } from './estimate-u.js';
import type { ModelParameters } from './parameters.js';

export interface TrainOptions {
  readonly randomPairs?: number;
  readonly seed?: number;
  readonly sides?: Uint8Array;
  readonly fixU?: boolean;
  readonly maxIterations?: number;
  readonly initialLambda?: number;
}

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
  const em = trainEm(candidates.patterns, codec, {
    u: estimate.u,
    fixU: options.fixU ?? false,
    ...(options.maxIterations !== undefined && { maxIterations: options.maxIterations }),
    ...(options.initialLambda !== undefined && { lambda: options.initialLambda }),
  });
  return {
    version: 1,
    comparisons: codec.comparisons.map((c, i) => ({ name: c.name, levels: [...c.levels], m: em.m[i]!, u: em.u[i]! })),
    lambda: em.lambda,
    trainedOn: { randomPairs: estimate.pairs, candidatePairs: candidates.count, patterns: candidates.patterns.size, emIterations: em.iterations, converged: em.converged },
  };
}
