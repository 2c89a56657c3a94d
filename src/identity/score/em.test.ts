import { describe, expect, it } from 'vitest';
import { rec, tinyComparison } from '../../../test/identity/tiny-comparisons.js';
import { vectorCodec } from './comparison-vector.js';
import { defaultM, seededM, trainEm } from './em.js';
import { mulberry32 } from '../../core/random.js';
import { estimateU } from './estimate-u.js';
import { compileWeights, probabilityFromWeight, weightFromProbability, type ModelParameters } from './parameters.js';
import { patternWeights } from './pattern-weights.js';
import { NULL_LEVEL } from '../types.js';

const comparisons = [tinyComparison('a'), tinyComparison('b'), tinyComparison('c')];
const codec = vectorCodec(comparisons);

/** Draws comparison vectors from known m, u and λ, as pattern counts. */
function simulate(m: number[], u: number[], lambda: number, pairs: number): Map<number, number> {
  const random = mulberry32(7);
  const draw = (p: number[]) => {
    const x = random();
    return x < p[0]! ? 0 : x < p[0]! + p[1]! ? 1 : 2;
  };
  const counts = new Map<number, number>();
  for (let k = 0; k < pairs; k++) {
    const match = random() < lambda;
    let code = 0;
    for (let c = 0; c < 3; c++) code += (draw(match ? m : u) + 1) * codec.strides[c]!;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}

describe('comparison vectors', () => {
  it('round-trips levels, NULL included', () => {
    const a = rec('1', { a: 'ann', b: 'x', c: 'q' });
    const b = rec('2', { a: 'ann', b: 'xy' });
    const code = codec.encodePair(a, b);
    expect(Array.from(codec.decode(code))).toEqual([0, 1, NULL_LEVEL]);
    expect(codec.space).toBe(64);
  });
});

describe('EM', () => {
  it('recovers m and λ from unlabelled vectors drawn with known parameters', () => {
    const m = [0.85, 0.1, 0.05];
    const u = [0.02, 0.08, 0.9];
    const patterns = simulate(m, u, 0.2, 200_000);
    const result = trainEm(patterns, codec, { u: [[0.1, 0.2, 0.7], [0.1, 0.2, 0.7], [0.1, 0.2, 0.7]] });
    expect(result.converged).toBe(true);
    expect(result.lambda).toBeCloseTo(0.2, 1);
    for (let c = 0; c < 3; c++) {
      expect(result.m[c]![0]).toBeCloseTo(0.85, 1);
      expect(result.u[c]![2]).toBeCloseTo(0.9, 1);
    }
  });

  it('pulls the re-estimated u towards the starting u by uPriorPairs pseudo-pairs', () => {
    // Vectors whose non-match class agrees often (u of level 0 = 0.3); the starting u says 0.02.
    const truth = [0.3, 0.2, 0.5];
    const start = [[0.02, 0.08, 0.9], [0.02, 0.08, 0.9], [0.02, 0.08, 0.9]];
    const patterns = simulate([0.85, 0.1, 0.05], truth, 0.2, 2_000);
    const step = { u: start, m: [[0.85, 0.1, 0.05], [0.85, 0.1, 0.05], [0.85, 0.1, 0.05]], lambda: 0.2, maxIterations: 1 };
    const free = trainEm(patterns, codec, step).u[0]![0]!;
    const weak = trainEm(patterns, codec, { ...step, uPriorPairs: 100 }).u[0]![0]!;
    const strong = trainEm(patterns, codec, { ...step, uPriorPairs: 1_000_000 }).u[0]![0]!;
    expect(free).toBeGreaterThan(0.15);
    expect(weak).toBeLessThan(free);
    expect(weak).toBeGreaterThan(0.02);
    expect(strong).toBeCloseTo(0.02, 3);
  });

  it('keeps u fixed when asked', () => {
    const u = [[0.02, 0.08, 0.9], [0.02, 0.08, 0.9], [0.02, 0.08, 0.9]];
    const result = trainEm(simulate([0.85, 0.1, 0.05], u[0]!, 0.2, 50_000), codec, { u, fixU: true });
    expect(result.u).toEqual(u);
  });

  it('refuses to train on nothing', () => {
    expect(() => trainEm(new Map(), codec, { u: [[1, 0, 0]] })).toThrow(/blocking produced none/);
  });
});

describe('u from random pairs', () => {
  it('counts levels among random pairs and never returns 0', () => {
    const records = Array.from({ length: 300 }, (_, i) => rec(String(i), { a: `v${i % 10}`, b: `w${i}`, c: i % 2 ? 'x' : '' }));
    const { u, pairs } = estimateU(records, comparisons, { pairs: 20_000, seed: 3 });
    expect(pairs).toBe(20_000);
    expect(u[0]![0]).toBeGreaterThan(0.07); // ≈ 1/10 share a value of a
    expect(u[0]![0]).toBeLessThan(0.13);
    expect(u[1]![0]).toBeGreaterThan(0);
    expect(u[1]![0]).toBeLessThan(0.001);
    for (const row of u) expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
  });
});

describe('weights', () => {
  const params: ModelParameters = {
    version: 1,
    comparisons: comparisons.map((c) => ({ name: c.name, levels: c.levels, m: [0.8, 0.15, 0.05], u: [0.01, 0.09, 0.9] })),
    lambda: 0.5,
    trainedOn: { randomPairs: 0, candidatePairs: 0, patterns: 0, emIterations: 0, converged: true },
  };

  it('sums prior and level weights; NULL adds nothing', () => {
    const weightOf = patternWeights(codec, compileWeights(params));
    expect(weightOf(0)).toBe(0);
    const allExact = codec.strides.reduce((s, stride) => s + stride, 0);
    expect(weightOf(allExact)).toBeCloseTo(3 * Math.log2(80), 9);
    expect(probabilityFromWeight(weightOf(allExact))).toBeGreaterThan(0.9999);
  });

  it.each([0.001, 0.5, 0.9, 0.999])('probability ↔ weight round-trip at %s', (p) => {
    expect(probabilityFromWeight(weightFromProbability(p))).toBeCloseTo(p, 12);
  });

  it('refuses parameters trained for other comparisons', () => {
    expect(() => compileWeights(params, [tinyComparison('a')])).toThrow(/trained for other comparisons/);
  });
});

describe('seededM', () => {
  const code = (levels: number[]) => levels.reduce((sum, l, c) => sum + (l + 1) * codec.strides[c]!, 0);

  it('starts m from the known matches, mixed 9 : 1 with the default start', () => {
    // 30 known matches: a exact in 20, level 1 in 10; b always else; c never observed (null).
    const matches = new Map([[code([0, 2, -1]), 20], [code([1, 2, -1]), 10]]);
    const m = seededM(codec, matches);
    const base = defaultM(codec);
    expect(m[0]![0]).toBeCloseTo(0.9 * (20 / 30) + 0.1 * base[0]![0]!, 10);
    expect(m[0]![1]).toBeCloseTo(0.9 * (10 / 30) + 0.1 * base[0]![1]!, 10);
    expect(m[1]![2]).toBeCloseTo(0.9 + 0.1 * base[1]![2]!, 10);
    expect(m[2]).toEqual(base[2]);
    for (const row of m) expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 10);
  });

  it('gives the default start when there are no known matches', () => {
    expect(seededM(codec, new Map())).toEqual(defaultM(codec));
  });
});

describe('trainEm with fixedM', () => {
  it('keeps the fixed m rows as given and re-estimates the others', () => {
    const patterns = simulate([0.8, 0.15, 0.05], [0.1, 0.2, 0.7], 0.2, 20_000);
    const u = [[0.1, 0.2, 0.7], [0.1, 0.2, 0.7], [0.1, 0.2, 0.7]];
    const start = [[0.6, 0.3, 0.1], [0.6, 0.3, 0.1], [0.6, 0.3, 0.1]];
    const em = trainEm(patterns, codec, { u, m: start, fixedM: [true, false, false], maxIterations: 50 });
    expect(em.m[0]).toEqual(start[0]);
    expect(em.m[1]).not.toEqual(start[1]);
    expect(em.m[1]![0]).toBeGreaterThan(0.7);
  });
});
