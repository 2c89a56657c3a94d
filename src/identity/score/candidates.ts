/**
 * Compares every candidate pair once and keeps, per pair, only the two record indices and the packed
 * comparison vector (12 bytes a pair, in growable typed arrays), plus the count of each distinct vector for EM.
 *
 * @example
 * const candidates = compareCandidates(records, index, codec);
 * candidates.count; candidates.patterns.size; candidates.blocking.perRule;
 */
import { forEachCandidateChunk, type BlockIndex, type BlockingStats } from '../block/candidate-pairs.js';
import type { IdentityRecord } from '../types.js';
import type { VectorCodec } from './comparison-vector.js';

export interface CandidatePairs {
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Packed comparison vector of each pair (see `vectorCodec`). */
  readonly code: Int32Array;
  readonly count: number;
  /** Distinct vector → number of pairs with it. */
  readonly patterns: Map<number, number>;
  readonly blocking: BlockingStats;
}

/**
 * @example
 * compareCandidates(records, buildBlockIndex(records, rules, { mode: 'dedupe' }), vectorCodec(comparisons));
 */
export function compareCandidates(records: readonly IdentityRecord[], index: BlockIndex, codec: VectorCodec): CandidatePairs {
  let capacity = 1 << 16;
  let left = new Int32Array(capacity);
  let right = new Int32Array(capacity);
  let code = new Int32Array(capacity);
  let count = 0;
  const patterns = new Map<number, number>();
  const blocking = forEachCandidateChunk(index, (l, r, n) => {
    if (count + n > capacity) {
      while (count + n > capacity) capacity *= 2;
      left = grow(left, capacity);
      right = grow(right, capacity);
      code = grow(code, capacity);
    }
    for (let k = 0; k < n; k++) {
      const a = l[k]!;
      const b = r[k]!;
      const c = codec.encodePair(records[a]!, records[b]!);
      left[count] = a;
      right[count] = b;
      code[count] = c;
      count++;
      patterns.set(c, (patterns.get(c) ?? 0) + 1);
    }
  });
  return { left, right, code, count, patterns, blocking };
}

function grow(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(capacity);
  next.set(array);
  return next;
}
