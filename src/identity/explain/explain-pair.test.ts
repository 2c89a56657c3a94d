import { describe, expect, it } from 'vitest';
import { rec, tinyComparison } from '../../../test/identity/tiny-comparisons.js';
import type { ModelParameters } from '../score/parameters.js';
import { adjustByTermFrequency, countTermFrequencies, termFrequencyAdjustment } from '../score/term-frequency.js';
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

describe('explainPair with term frequencies', () => {
  // "smith" on 4 of 6 records, "quill" on 2: an exact smith is weighed down, an exact quill up (to the cap).
  const marked = [tinyComparison('first'), adjustByTermFrequency(tinyComparison('last')), tinyComparison('email')];
  const people = ['smith', 'smith', 'smith', 'smith', 'quill', 'quill'].map((last, i) => rec(`p${i}`, { first: `f${i}`, last }));
  const tables = countTermFrequencies(people, marked, [{ comparison: 'last', maxBoost: 100 }]);
  const tf: ModelParameters = { ...params, termFrequencies: tables };
  const [a, b] = [rec('c1', { first: 'jon', last: 'smith', email: 'j@x.io' }), rec('c2', { first: 'john', last: 'smith', email: 'j@x.io' })];

  it('adds the adjustment as its own step after its comparison, and the steps still add up', () => {
    const e = explainPair(a, b, marked, tf);
    expect(e.steps.map((s) => s.comparison)).toEqual(['first', 'last', 'last', 'email']);
    const step = e.steps[2]!;
    expect(step.label).toBe('term frequency: "smith" in 4 of 6 records');
    expect(step.termFrequency).toMatchObject({ value: 'smith', count: 4, records: 6, frequency: 4 / 6 });
    expect(step.u).toBeCloseTo(4 / 6, 12);
    expect(step.weight).toBeCloseTo(termFrequencyAdjustment(tables[0]!, 4), 12);
    expect(step.weight).toBeLessThan(0);
    expect(step.cumulative).toBeCloseTo(e.steps[1]!.cumulative + step.weight, 12);
    expect(e.finalWeight).toBeCloseTo(e.priorWeight + e.steps.reduce((s, x) => s + x.weight, 0), 12);
    expect(e.finalWeight).toBeCloseTo(explainPair(a, b, comparisons, params).finalWeight + step.weight, 12);
  });

  it('weighs a rare shared value up', () => {
    const e = explainPair(rec('x', { last: 'quill' }), rec('y', { last: 'quill' }), marked, tf);
    expect(e.steps[2]!.weight).toBeCloseTo(termFrequencyAdjustment(tables[0]!, 2), 12);
    expect(e.steps[2]!.weight).toBeGreaterThan(0);
  });

  it('has no step below the adjusted level, nor when adjustments are off', () => {
    expect(explainPair(rec('x', { last: 'smith' }), rec('y', { last: 'smyth' }), marked, tf).steps).toHaveLength(3);
    expect(explainPair(a, b, marked, tf, { termFrequencies: false }).steps).toHaveLength(3);
  });

  it('prints the adjustment as a line of the table: value, count, frequency and weight change', () => {
    const table = formatExplanation(explainPair(a, b, marked, tf));
    const weight = termFrequencyAdjustment(tables[0]!, 4).toFixed(2);
    expect(table).toMatch(new RegExp(`last \\(tf\\)\\s+term frequency: "smith" in 4 of 6 records\\s+smith\\s+smith\\s+0\\.667\\s+${weight}`));
  });
});
