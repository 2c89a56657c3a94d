/**
 * Match weight of a packed comparison vector: prior weight + the level weight of each non-NULL comparison.
 * Distinct vectors are few, so each is summed once and cached; the per-pair cost is one Map lookup.
 *
 * @example
 * const weightOf = patternWeights(codec, compileWeights(params));
 * probabilityFromWeight(weightOf(candidates.code[k]!));
 */
import type { VectorCodec } from './comparison-vector.js';
import type { CompiledWeights } from './parameters.js';

/**
 * @example
 * patternWeights(codec, weights)(0); // all comparisons NULL → the prior weight alone
 */
export function patternWeights(codec: VectorCodec, weights: CompiledWeights): (code: number) => number {
  const cache = new Map<number, number>();
  const C = codec.comparisons.length;
  return function weightOf(code: number): number {
    let w = cache.get(code);
    if (w !== undefined) return w;
    w = weights.prior;
    for (let c = 0; c < C; c++) {
      const level = codec.level(code, c);
      if (level >= 0) w += weights.table[c]![level]!;
    }
    cache.set(code, w);
    return w;
  };
}
