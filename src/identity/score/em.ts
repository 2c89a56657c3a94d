/**
 * Expectation–maximisation for the Fellegi–Sunter model, without labels. It runs over the distinct comparison
 * vectors of the candidate pairs with their counts (a few thousand vectors stand for millions of pairs), so an
 * iteration costs microseconds. The E-step gives each vector its match probability under the current m, u and
 * λ; the M-step re-estimates λ and m (and u unless `fixU`) from those probabilities.
 *
 * @example
 * const em = trainEm(patterns, codec, { u: estimate.u });
 * em.m[0]; em.lambda; em.iterations;
 */
import { ConcordError } from '../../core/errors.js';
import { PROBABILITY_FLOOR } from './parameters.js';
import type { VectorCodec } from './comparison-vector.js';

export interface EmOptions {
  /** Starting u (e.g. from random sampling); also the fixed u when `fixU`. */
  readonly u: readonly (readonly number[])[];
  /** Starting m; default: 0.9 for the first level, the rest shared out decreasingly. */
  readonly m?: readonly (readonly number[])[];
  /** Starting prior of a candidate pair being a match (default 0.1). */
  readonly lambda?: number;
  /** Keep u as given (Splink's default when u came from random sampling). Default false: u of candidate pairs is re-estimated. */
  readonly fixU?: boolean;
  readonly maxIterations?: number;
  /** Stop when no parameter moves by more than this (default 1e-5). */
  readonly tolerance?: number;
  /** Per comparison (by index): keep its m row as given instead of re-estimating it (see `trainModel`). */
  readonly fixedM?: readonly boolean[];
  /**
   * Prior of the re-estimated u (ignored with `fixU`): the starting u counts as this many non-matching pairs in
   * every M-step (a Dirichlet prior centred on it; the M-step is then the MAP estimate). Default 0: u from the
   * candidate pairs alone.
   */
  readonly uPriorPairs?: number;
}

export interface EmResult {
  readonly m: number[][];
  readonly u: number[][];
  readonly lambda: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * @example
 * trainEm(new Map([[code, 1200], [otherCode, 90000]]), codec, { u, fixU: false, maxIterations: 100 });
 */
export function trainEm(patterns: ReadonlyMap<number, number>, codec: VectorCodec, options: EmOptions): EmResult {
  const C = codec.comparisons.length;
  const P = patterns.size;
  if (P === 0) throw new ConcordError('EM_NO_PAIRS', 'EM needs candidate pairs; blocking produced none', { kind: 'data', hint: 'loosen the blocking rules' });
  const levels = new Int8Array(P * C);
  const counts = new Float64Array(P);
  let p = 0;
  for (const [code, count] of patterns) {
    for (let c = 0; c < C; c++) levels[p * C + c] = codec.level(code, c);
    counts[p++] = count;
  }
  let m = (options.m ?? defaultM(codec)).map((row) => [...row]);
  let u = options.u.map((row) => [...row]);
  const u0 = options.u;
  const prior = options.uPriorPairs ?? 0;
  let lambda = options.lambda ?? 0.1;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-5;
  const weights = new Float64Array(P);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    // E-step in log space: long vectors multiply many small probabilities.
    const logPrior = Math.log(lambda) - Math.log(1 - lambda);
    const logM = m.map((row) => row.map((v) => Math.log(Math.max(v, PROBABILITY_FLOOR))));
    const logU = u.map((row) => row.map((v) => Math.log(Math.max(v, PROBABILITY_FLOOR))));
    for (let q = 0; q < P; q++) {
      let w = logPrior;
      for (let c = 0; c < C; c++) {
        const l = levels[q * C + c]!;
        if (l >= 0) w += logM[c]![l]! - logU[c]![l]!;
      }
      weights[q] = w >= 0 ? 1 / (1 + Math.exp(-w)) : Math.exp(w) / (1 + Math.exp(w));
    }
    // M-step.
    let matchMass = 0;
    let total = 0;
    const mCounts = m.map((row) => new Float64Array(row.length));
    const uCounts = u.map((row) => new Float64Array(row.length));
    for (let q = 0; q < P; q++) {
      const n = counts[q]!;
      const pm = weights[q]! * n;
      const pu = n - pm;
      matchMass += pm;
      total += n;
      for (let c = 0; c < C; c++) {
        const l = levels[q * C + c]!;
        if (l < 0) continue;
        mCounts[c]![l]! += pm;
        uCounts[c]![l]! += pu;
      }
    }
    const nextLambda = Math.min(1 - PROBABILITY_FLOOR, Math.max(PROBABILITY_FLOOR, matchMass / total));
    const nextM = mCounts.map((row, c) => (options.fixedM?.[c] === true ? m[c]! : normalize(row)));
    const nextU = options.fixU ? u : prior > 0 ? uCounts.map((row, c) => normalize(row.map((v, l) => v + prior * u0[c]![l]!))) : uCounts.map(normalize);
    const delta = Math.max(Math.abs(nextLambda - lambda), maxDelta(m, nextM), maxDelta(u, nextU));
    m = nextM;
    u = nextU;
    lambda = nextLambda;
    if (delta < tolerance) {
      converged = true;
      break;
    }
  }
  return { m, u, lambda, iterations, converged };
}

function normalize(row: Float64Array): number[] {
  const total = row.reduce((s, v) => s + v, 0);
  // A level with no mass keeps a floor so log2(m/u) stays finite.
  if (total <= 0) return Array.from(row, () => 1 / row.length);
  return Array.from(row, (v) => Math.max(v / total, PROBABILITY_FLOOR));
}

function maxDelta(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  let d = 0;
  for (let c = 0; c < a.length; c++) for (let l = 0; l < a[c]!.length; l++) d = Math.max(d, Math.abs(a[c]![l]! - b[c]![l]!));
  return d;
}

/** Starting m: most similar level 0.9, the remaining 0.1 halving level by level (the `else` level least). */
export function defaultM(codec: VectorCodec): number[][] {
  return codec.comparisons.map((c) => {
    const L = c.levels.length;
    const row = [0.9];
    let rest = 0.1;
    for (let l = 1; l < L; l++) {
      const share = l === L - 1 ? rest : rest / 2;
      row.push(share);
      rest -= share;
    }
    return row;
  });
}

/**
 * Starting m from pairs known to match (e.g. those a deterministic rule forces: same email and surname), mixed
 * 9 : 1 with `defaultM` so no level starts at zero. Why: at scale the candidate pairs hold large correlated groups
 * of non-matches (many people share a first name and a mailbox name `john@…`); EM started from the generic m
 * can take such a group for the match class. Started from real matches it converges to the matches. A comparison
 * the known pairs never observe (all null) keeps the default row.
 *
 * @example
 * trainEm(patterns, codec, { u, m: seededM(codec, forcedPatterns) });
 */
export function seededM(codec: VectorCodec, matches: ReadonlyMap<number, number>): number[][] {
  const base = defaultM(codec);
  return codec.comparisons.map((c, i) => {
    const counts = new Float64Array(c.levels.length);
    for (const [code, n] of matches) {
      const l = codec.level(code, i);
      if (l >= 0) counts[l]! += n;
    }
    const total = counts.reduce((s, v) => s + v, 0);
    if (total <= 0) return base[i]!;
    return Array.from(counts, (v, l) => 0.9 * (v / total) + 0.1 * base[i]![l]!);
  });
}

