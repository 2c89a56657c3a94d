/**
 * Compares every candidate pair once and keeps, per pair, only the two record indices, the packed comparison
 * vector and — when deterministic rules are given — the first rule the pair satisfies (14 bytes a pair, in
 * growable typed arrays), plus the count of each distinct vector for EM. Evaluating the rules here, once per
 * pair, spares the two later passes (EM's starting matches, scoring) a second and third look at the records.
 *
 * @example
 * const candidates = compareCandidates(records, index, codec, { rules, placeholders });
 * candidates.count; candidates.patterns.size; candidates.rule[0]; candidates.blocking.perRule;
 */
import { forEachCandidateChunk, type BlockIndex, type BlockingStats } from '../block/candidate-pairs.js';
import type { IdentityRecord } from '../types.js';
import type { VectorCodec } from './comparison-vector.js';
import { matchingRule, type DeterministicRule } from './deterministic.js';
import type { PackedComparer } from '../compare/packed.js';

export interface CandidatePairs {
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Packed comparison vector of each pair (see `vectorCodec`). */
  readonly code: Int32Array;
  /** Index of the first deterministic rule the pair satisfies, -1 for none (all -1 when no rules were given). */
  readonly rule: Int16Array;
  readonly count: number;
  /** Distinct vector → number of pairs with it, in order of first appearance. */
  readonly patterns: Map<number, number>;
  readonly blocking: BlockingStats;
}

export interface CompareOptions {
  /** Deterministic rules evaluated on every pair (`CandidatePairs.rule`). */
  readonly rules?: readonly DeterministicRule[];
  /** Values the rules ignore (see `matchingRule`). */
  readonly placeholders?: ReadonlySet<string>;
  /** The records packed for these comparisons and rules (`packRecords`): the same vectors and rules, faster. */
  readonly packed?: PackedComparer;
}

/** Vector spaces up to this size are counted in a typed array (4 bytes a vector) instead of a Map. */
const DENSE_PATTERN_SPACE = 1 << 22;

/**
 * @example
 * compareCandidates(records, buildBlockIndex(records, rules, { mode: 'dedupe' }), vectorCodec(comparisons));
 */
export function compareCandidates(records: readonly IdentityRecord[], index: BlockIndex, codec: VectorCodec, options: CompareOptions = {}): CandidatePairs {
  let capacity = 1 << 16;
  let left = new Int32Array(capacity);
  let right = new Int32Array(capacity);
  let code = new Int32Array(capacity);
  let rule = new Int16Array(capacity);
  let count = 0;
  const counter = patternCounter(codec.space);
  const rules = options.rules ?? [];
  const placeholders = options.placeholders ?? new Set<string>();
  // By index either way: over the packed copy, or over the records' feature objects.
  const encode = options.packed?.encode ?? ((a: number, b: number) => codec.encodePair(records[a]!, records[b]!));
  const ruleOf = rules.length === 0 ? undefined
    : options.packed?.rule ?? ((a: number, b: number) => matchingRule(records[a]!, records[b]!, rules, placeholders));
  const blocking = forEachCandidateChunk(index, (l, r, n) => {
    if (count + n > capacity) {
      while (count + n > capacity) capacity *= 2;
      left = grow(left, capacity);
      right = grow(right, capacity);
      code = grow(code, capacity);
      rule = growShort(rule, capacity);
    }
    for (let k = 0; k < n; k++) {
      const a = l[k]!;
      const b = r[k]!;
      const c = encode(a, b);
      left[count] = a;
      right[count] = b;
      code[count] = c;
      rule[count] = ruleOf === undefined ? -1 : ruleOf(a, b);
      count++;
      counter.add(c);
    }
  });
  return { left, right, code, rule, count, patterns: counter.done(), blocking };
}

/**
 * Counts of each vector, handed over as a Map in order of first appearance (EM sums over the Map in that order,
 * so a dense and a sparse count give bit-identical parameters). Small spaces count in an Int32Array: a Map
 * look-up and update per pair is a good share of the loop above.
 */
function patternCounter(space: number): { add(code: number): void; done(): Map<number, number> } {
  if (space > DENSE_PATTERN_SPACE) return sparsePatternCounter();
  const counts = new Int32Array(space);
  const order: number[] = [];
  return {
    add(c) {
      if (counts[c]!++ === 0) order.push(c);
    },
    done() {
      const patterns = new Map<number, number>();
      for (const c of order) patterns.set(c, counts[c]!);
      return patterns;
    },
  };
}

/**
 * Counts over a large vector space (the nine person comparisons span 5.8 M vectors, of which a few thousand
 * occur): an open-addressing table of typed arrays, slot → order of first appearance. A Map cost a look-up and
 * an update per pair.
 */
function sparsePatternCounter(): { add(code: number): void; done(): Map<number, number> } {
  let mask = 4095;
  let slots = new Int32Array(mask + 1).fill(-1);
  const order: number[] = [];
  let counts = new Int32Array(2048);
  const slotOf = (c: number): number => {
    const h = Math.imul(c, 0x9e3779b1);
    let slot = (h ^ (h >>> 16)) & mask;
    while (slots[slot] !== -1 && order[slots[slot]!] !== c) slot = (slot + 1) & mask;
    return slot;
  };
  return {
    add(c) {
      const slot = slotOf(c);
      const id = slots[slot]!;
      if (id !== -1) {
        counts[id]!++;
        return;
      }
      slots[slot] = order.length;
      if (order.length === counts.length) counts = grow(counts, counts.length * 2);
      counts[order.length] = 1;
      order.push(c);
      if (order.length * 2 > mask) {
        mask = mask * 2 + 1;
        slots = new Int32Array(mask + 1).fill(-1);
        for (let i = 0; i < order.length; i++) slots[slotOf(order[i]!)] = i;
      }
    },
    done() {
      const patterns = new Map<number, number>();
      for (let i = 0; i < order.length; i++) patterns.set(order[i]!, counts[i]!);
      return patterns;
    },
  };
}

function grow(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(capacity);
  next.set(array);
  return next;
}

function growShort(array: Int16Array, capacity: number): Int16Array<ArrayBuffer> {
  const next = new Int16Array(capacity);
  next.set(array);
  return next;
}
