/**
 * Comparison vectors: the level of each comparison for a pair, packed into one integer (mixed radix, NULL = 0,
 * level l = l + 1), so a million pairs are a million numbers and EM can run over distinct vectors with counts
 * instead of over pairs.
 *
 * @example
 * const codec = vectorCodec(comparisons);
 * const code = codec.encodePair(records[i]!, records[j]!); // one number
 * codec.level(code, 0);                                   // level of the first comparison, or NULL_LEVEL
 */
import { ConcordError } from '../../core/errors.js';
import { NULL_LEVEL, type Comparison, type IdentityRecord } from '../types.js';

export interface VectorCodec {
  readonly comparisons: readonly Comparison[];
  /** Multiplier of each comparison's digit. */
  readonly strides: Int32Array;
  /** Levels + 1 of each comparison. */
  readonly radix: Int32Array;
  /** Number of distinct codes (product of radixes). */
  readonly space: number;
  encodePair(a: IdentityRecord, b: IdentityRecord): number;
  level(code: number, comparison: number): number;
  decode(code: number): Int8Array;
}

/**
 * Builds the codec; throws when comparisons return levels out of range at encode time, or when the vector space
 * would not fit in a 31-bit integer (too many comparisons × levels).
 *
 * @example
 * vectorCodec([firstName, surname, dob]).space; // (4+1) × (4+1) × (3+1) = 100
 */
export function vectorCodec(comparisons: readonly Comparison[]): VectorCodec {
  const count = comparisons.length;
  const strides = new Int32Array(count);
  const radix = new Int32Array(count);
  let space = 1;
  for (let c = 0; c < count; c++) {
    const levels = comparisons[c]!.levels.length;
    if (levels < 2 || levels > 126) throw new ConcordError('COMPARISON_LEVELS_INVALID', `comparison ${comparisons[c]!.name} has ${levels} levels; 2 to 126 are allowed`, { kind: 'usage' });
    strides[c] = space;
    radix[c] = levels + 1;
    space *= levels + 1;
  }
  if (space > 0x7fffffff) throw new ConcordError('COMPARISON_SPACE_TOO_LARGE', `${count} comparisons span ${space} level combinations; at most 2^31 fit`, { kind: 'usage', hint: 'use fewer comparisons or fewer levels' });
  const compareFns = comparisons.map((c) => c);
  function encodePair(a: IdentityRecord, b: IdentityRecord): number {
    let code = 0;
    for (let c = 0; c < count; c++) {
      const level = compareFns[c]!.compare(a, b);
      if (level === NULL_LEVEL) continue;
      if (!(level >= 0 && level < radix[c]! - 1)) {
        throw new ConcordError('COMPARISON_LEVEL_OUT_OF_RANGE', `comparison ${compareFns[c]!.name} returned level ${level} for ${a.id} / ${b.id}`, { kind: 'bug' });
      }
      code += (level + 1) * strides[c]!;
    }
    return code;
  }
  function level(code: number, comparison: number): number {
    return (Math.floor(code / strides[comparison]!) % radix[comparison]!) - 1;
  }
  function decode(code: number): Int8Array {
    const levels = new Int8Array(count);
    for (let c = 0; c < count; c++) levels[c] = level(code, c);
    return levels;
  }
  return { comparisons, strides, radix, space, encodePair, level, decode };
}
