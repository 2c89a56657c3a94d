/**
 * Accuracy against ground truth: pairwise precision / recall / F1 over predicted pairs, cluster-level B-cubed
 * precision / recall / F1 (each record's cluster compared with its true entity), and blocking recall (share of
 * true pairs that became candidates). Truth is an entity label per record.
 *
 * @example
 * pairwiseScores(predictedPairs, truth); // { truePairs: 500, predicted: 497, correct: 492, precision, recall, f1 }
 * bcubed(clusterOf, truth).f1;
 */

export interface PairScores {
  readonly truePairs: number;
  readonly predicted: number;
  readonly correct: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Number of record pairs that share a label. */
export function truePairCount(truth: readonly string[]): number {
  const sizes = new Map<string, number>();
  for (const t of truth) sizes.set(t, (sizes.get(t) ?? 0) + 1);
  let pairs = 0;
  for (const s of sizes.values()) pairs += (s * (s - 1)) / 2;
  return pairs;
}

/**
 * Scores predicted pairs (record indices; duplicates counted once).
 *
 * @example
 * pairwiseScores({ left: Int32Array.of(0), right: Int32Array.of(1), count: 1 }, ['e1', 'e1', 'e2']).f1; // 1
 */
export function pairwiseScores(pairs: { left: Int32Array; right: Int32Array; count: number }, truth: readonly string[]): PairScores {
  const seen = new Set<number>();
  let correct = 0;
  let predicted = 0;
  const n = truth.length;
  for (let k = 0; k < pairs.count; k++) {
    const a = Math.min(pairs.left[k]!, pairs.right[k]!);
    const b = Math.max(pairs.left[k]!, pairs.right[k]!);
    const key = a * n + b;
    if (seen.has(key)) continue;
    seen.add(key);
    predicted++;
    if (truth[a] === truth[b]) correct++;
  }
  return scores(truePairCount(truth), predicted, correct);
}

/**
 * Pairs implied by clusters (every pair within a cluster) scored against truth, without listing them.
 *
 * @example
 * clusterPairScores(Int32Array.of(0, 0, 1), ['a', 'a', 'b']).f1; // 1
 */
export function clusterPairScores(clusterOf: Int32Array, truth: readonly string[]): PairScores {
  const clusterSizes = new Map<number, number>();
  const both = new Map<string, number>();
  for (let i = 0; i < clusterOf.length; i++) {
    clusterSizes.set(clusterOf[i]!, (clusterSizes.get(clusterOf[i]!) ?? 0) + 1);
    const key = `${clusterOf[i]}\u0000${truth[i]}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  let predicted = 0;
  for (const s of clusterSizes.values()) predicted += (s * (s - 1)) / 2;
  let correct = 0;
  for (const s of both.values()) correct += (s * (s - 1)) / 2;
  return scores(truePairCount(truth), predicted, correct);
}

/**
 * B-cubed: per record, precision = |cluster ∩ entity| / |cluster|, recall = |cluster ∩ entity| / |entity|, averaged.
 *
 * @example
 * bcubed(Int32Array.of(0, 0, 0), ['a', 'a', 'b']); // precision 5/9, recall 1
 */
export function bcubed(clusterOf: Int32Array, truth: readonly string[]): { precision: number; recall: number; f1: number } {
  const clusterSizes = new Map<number, number>();
  const entitySizes = new Map<string, number>();
  const both = new Map<string, number>();
  for (let i = 0; i < clusterOf.length; i++) {
    clusterSizes.set(clusterOf[i]!, (clusterSizes.get(clusterOf[i]!) ?? 0) + 1);
    entitySizes.set(truth[i]!, (entitySizes.get(truth[i]!) ?? 0) + 1);
    const key = `${clusterOf[i]}\u0000${truth[i]}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < clusterOf.length; i++) {
    const overlap = both.get(`${clusterOf[i]}\u0000${truth[i]}`)!;
    precision += overlap / clusterSizes.get(clusterOf[i]!)!;
    recall += overlap / entitySizes.get(truth[i]!)!;
  }
  const n = clusterOf.length || 1;
  precision /= n;
  recall /= n;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function scores(truePairs: number, predicted: number, correct: number): PairScores {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = truePairs === 0 ? 0 : correct / truePairs;
  return { truePairs, predicted, correct, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
