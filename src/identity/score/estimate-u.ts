/**
 * u-probabilities from random pairs, as Splink's `estimate_u_using_random_sampling`: draw pairs uniformly
 * (excluding nothing — the few true matches among random pairs barely move u), compare them, and count each
 * comparison's levels among pairs where it is not NULL.
 *
 * @example
 * const u = estimateU(records, comparisons, { pairs: 200_000, seed: 1 });
 * u.u[0]; // [P(exact first name | random pair), …]
 */
import { mulberry32 } from '../../core/random.js';
import { ConcordError } from '../../core/errors.js';
import type { Comparison, IdentityRecord } from '../types.js';
import { NULL_LEVEL } from '../types.js';

/**
 * Random pairs drawn by default. With `fixU: false` (the default of training) these u values only seed EM,
 * which re-estimates u among candidate pairs; FEBRL 1–3 scores were identical with 200,000 and 1,000,000.
 */
export const DEFAULT_RANDOM_PAIRS = 200_000;

export interface EstimateUOptions {
  /** Random pairs to draw (default `DEFAULT_RANDOM_PAIRS`; fewer when the records have fewer distinct pairs). */
  readonly pairs?: number;
  readonly seed?: number;
  /** Link mode: side of each record; only pairs across sides are drawn. */
  readonly sides?: Uint8Array;
}

export interface UEstimate {
  /** Per comparison, per level. */
  readonly u: number[][];
  readonly pairs: number;
}

/**
 * @example
 * estimateU(records, [emailComparison()], { pairs: 200_000 }).u[0]![0]; // ≈ chance two random people share an email
 */
export function estimateU(records: readonly IdentityRecord[], comparisons: readonly Comparison[], options: EstimateUOptions = {}): UEstimate {
  const n = records.length;
  if (n < 2) throw new ConcordError('U_TOO_FEW_RECORDS', `u needs at least two records, got ${n}`, { kind: 'data' });
  const random = mulberry32(options.seed ?? 0x5eed);
  const { sides } = options;
  let left: Int32Array | undefined;
  let right: Int32Array | undefined;
  if (sides !== undefined) {
    [left, right] = splitSides(sides);
    if (left.length === 0 || right.length === 0) throw new ConcordError('U_ONE_SIDE', 'link mode needs records on both sides', { kind: 'data' });
  }
  const possible = left !== undefined ? left.length * right!.length : (n * (n - 1)) / 2;
  const wanted = Math.max(1, Math.min(options.pairs ?? DEFAULT_RANDOM_PAIRS, possible));
  const counts = comparisons.map((c) => new Float64Array(c.levels.length));
  for (let k = 0; k < wanted; k++) {
    let a: number;
    let b: number;
    if (left !== undefined) {
      a = left[Math.floor(random() * left.length)]!;
      b = right![Math.floor(random() * right!.length)]!;
    } else {
      a = Math.floor(random() * n);
      b = Math.floor(random() * (n - 1));
      if (b >= a) b++;
    }
    const ra = records[a]!;
    const rb = records[b]!;
    for (let c = 0; c < comparisons.length; c++) {
      const level = comparisons[c]!.compare(ra, rb);
      if (level !== NULL_LEVEL) counts[c]![level]!++;
    }
  }
  // Add-half smoothing: a level never seen among random pairs (an exact SSN match) gets u ≈ 0.5 / pairs, not 0.
  const u = counts.map((row) => {
    const total = row.reduce((s, v) => s + v, 0) + row.length * 0.5;
    return Array.from(row, (v) => (v + 0.5) / total);
  });
  return { u, pairs: wanted };
}

function splitSides(sides: Uint8Array): [Int32Array, Int32Array] {
  let ones = 0;
  for (const s of sides) ones += s;
  const left = new Int32Array(sides.length - ones);
  const right = new Int32Array(ones);
  let l = 0;
  let r = 0;
  for (let i = 0; i < sides.length; i++) {
    if (sides[i] === 1) right[r++] = i;
    else left[l++] = i;
  }
  return [left, right];
}

