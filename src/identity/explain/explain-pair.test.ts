import { describe, expect, it } from 'vitest';
import { rec, tinyComparison } from '../../../test/identity/tiny-comparisons.js';
import type { ModelParameters } from '../score/parameters.js';
import { explainPair, formatExplanation } from './explain-pair.js';

const comparisons = [tinyComparison('first'), tinyComparison('last'), tinyComparison('email')];
const params: ModelParameters = {
  version: 1,
  comparisons: comparisons.map((c) => ({ name: c.name, levels: c.levels, m: [0.8, 0.15, 0.05], u: [0.01, 0.09, 0.9] })),
  lambda: 0.01,
  trainedOn: { randomPairs: 10, candidatePairs: 10, patterns: 3, emIterations: 4, converged: true },
};

describe('explainPair', () => {
  const a = rec('c1', { first: 'jon', last: 'smith', email: 'j@x.io' });
  const b = rec('c2', { first: 'john', last: 'smith', email: 'j@x.io' });

  it('steps add up to the final weight, and the probability follows from it', () => {
    const e = explainPair(a, b, comparisons, params);
    expect(e.steps.map((s) => [s.comparison, s.label])).toEqual([['first', 'same initial'], ['last', 'exact'], ['email', 'exact']]);
    const sum = e.priorWeight + e.steps.reduce((s, x) => s + x.weight, 0);
    expect(e.finalWeight).toBeCloseTo(sum, 12);
    expect(e.steps.at(-1)!.cumulative).toBeCloseTo(e.finalWeight, 12);
    expect(e.probability).toBeCloseTo(2 ** e.finalWeight / (1 + 2 ** e.finalWeight), 12);
    expect(e.steps[1]!.weight).toBeCloseTo(Math.log2(80), 12);
  });

  it('a missing value is a NULL step of weight 0', () => {
    const e = explainPair(a, rec('c3', { first: 'jon' }), comparisons, params);
    expect(e.steps[1]).toMatchObject({ level: -1, label: 'null', weight: 0 });
  });

  it('names the deterministic rule that forced a match', () => {
    const e = explainPair(rec('x', { first: 'ann', email: 'a@b.io' }), rec('y', { first: 'zed', email: 'a@b.io' }), comparisons, params, { deterministicRules: [{ name: 'same email', keys: ['email'] }] });
    expect(e.deterministicRule).toBe('same email');
    expect(e.probability).toBe(1);
    expect(e.modelProbability).toBeLessThan(1);
  });

  it('renders a table with every comparison, the prior and the total', () => {
    const table = formatExplanation(explainPair(a, b, comparisons, params));
    expect(table).toMatch(/^comparison\s+level\s+left\s+right\s+m\s+u\s+weight/);
    expect(table).toMatch(/\(prior\)\s+λ = 0\.010\s+-6\.63/);
    expect(table).toMatch(/last\s+exact\s+smith\s+smith\s+0\.800\s+0\.010\s+\+6\.32/);
    expect(table).toMatch(/c1 ↔ c2: match probability 0\.\d{4}/);
  });
});
