import { describe, expect, it } from 'vitest';
import { rec, tinyComparison } from '../../../test/identity/tiny-comparisons.js';
import { defaultPersonComparisons } from '../compare/comparisons.js';
import { vectorCodec } from './comparison-vector.js';
import { compileWeights, type ModelParameters } from './parameters.js';
import { patternWeights } from './pattern-weights.js';
import {
  adjustByTermFrequency, countTermFrequencies, pairWeights, tableAt, termFrequencyAdjustment, termFrequencyDetail, termFrequencyLevels,
  termFrequencySpecs, TF_MAX_BOOST, type TermFrequencyTable,
} from './term-frequency.js';

const last = adjustByTermFrequency(tinyComparison('last'));
const first = tinyComparison('first');
const comparisons = [first, last];
const codec = vectorCodec(comparisons);

// 10 records with a last name: smith × 5, jones × 3, quill × 1, khan × 1; one record without.
const names = ['smith', 'smith', 'smith', 'smith', 'smith', 'jones', 'jones', 'jones', 'quill', 'khan'];
const records = [...names.map((n, i) => rec(`r${i}`, { first: `f${i}`, last: n })), rec('r10', { first: 'f10', last: '' })];

const params: ModelParameters = {
  version: 1,
  comparisons: comparisons.map((c) => ({ name: c.name, levels: c.levels, m: [0.8, 0.15, 0.05], u: [0.01, 0.09, 0.9] })),
  lambda: 0.1,
  trainedOn: { randomPairs: 0, candidatePairs: 0, patterns: 0, emIterations: 0, converged: true },
};

describe('marking and specs', () => {
  it('marks a comparison at the exact level unless told otherwise, and refuses a level it lacks', () => {
    expect(termFrequencyLevels(last)).toEqual([0]);
    expect(termFrequencyLevels(first)).toBeUndefined();
    expect(termFrequencyLevels(adjustByTermFrequency(first, [0, 1]))).toEqual([0, 1]);
    expect(() => adjustByTermFrequency(first, [3])).toThrow(/has no level 3/);
    // The marked copy still compares like the original.
    expect(last.compare(rec('a', { last: 'x' }), rec('b', { last: 'x' }))).toBe(0);
  });

  it.each([
    [true, ['last']],
    [undefined, ['last']],
    [false, []],
    [[{ comparison: 'first' }], ['first']],
  ] as const)('option %j adjusts %j', (option, expected) => {
    expect(termFrequencySpecs(comparisons, option).map((s) => s.comparison)).toEqual(expected);
  });

  it('refuses a spec naming a comparison that is not scored', () => {
    expect(() => termFrequencySpecs(comparisons, [{ comparison: 'city' }])).toThrow(/names comparison city/);
  });

  it('adjusts first name, last name and city among the person defaults', () => {
    expect(termFrequencySpecs(defaultPersonComparisons()).map((s) => s.comparison)).toEqual(['first_name', 'last_name', 'city']);
  });
});

describe('countTermFrequencies', () => {
  const [table] = countTermFrequencies(records, comparisons, [{ comparison: 'last' }]);

  it('counts each value once per record, keeps values seen twice or more, most frequent first', () => {
    expect(table).toMatchObject({ comparison: 'last', levels: [0], weight: 1, maxBoost: TF_MAX_BOOST, records: 10, values: ['smith', 'jones'], counts: [5, 3] });
  });

  it('ū is the share of distinct record pairs that agree exactly', () => {
    // smith: 5·4, jones: 3·2, singletons 0; over 10·9 ordered pairs.
    expect(table!.agreement).toBeCloseTo((20 + 6) / 90, 12);
  });

  it('keeps singletons with minCount 1, and orders ties by value', () => {
    const [all] = countTermFrequencies(records, comparisons, [{ comparison: 'last' }], { minCount: 1 });
    expect(all!.values).toEqual(['smith', 'jones', 'khan', 'quill']);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(table))).toEqual(table);
  });

  it.each([-0.1, 1.5])('refuses weight %s', (weight) => {
    expect(() => countTermFrequencies(records, comparisons, [{ comparison: 'last', weight }])).toThrow(/must be in \[0, 1\]/);
  });
});

describe('termFrequencyAdjustment', () => {
  const base = { records: 1000, agreement: 0.004, weight: 1, maxBoost: 100 };
  it.each([
    // [table, count, expected bits]
    [base, 40, Math.log2(0.004 / 0.04)], // common: weighed down
    [base, 4, 0], // as frequent as the average agreement
    [base, 2, Math.log2(0.004 / 0.002)], // rare: up
    [base, 0, Math.log2(0.004 / 0.001)], // unseen counts as once
    [{ ...base, weight: 0.5 }, 40, 0.5 * Math.log2(0.004 / 0.04)],
    [{ ...base, maxBoost: 0.5 }, 2, 0.5], // capped upwards
    [{ ...base, maxBoost: 0 }, 40, Math.log2(0.004 / 0.04)], // cap 0: down in full
    [{ ...base, agreement: 0 }, 2, 0], // no pair agrees: nothing to adjust
    [{ ...base, records: 0 }, 2, 0],
  ])('%j, count %i → %f bits', (table, count, expected) => {
    expect(termFrequencyAdjustment(table, count)).toBeCloseTo(expected, 12);
  });

  it('details a value: count, frequency, ū and weight', () => {
    const [table] = countTermFrequencies(records, comparisons, [{ comparison: 'last', maxBoost: 100 }]);
    const smith = termFrequencyDetail(table!, 'smith');
    expect(smith).toMatchObject({ value: 'smith', count: 5, records: 10, frequency: 0.5, averageU: table!.agreement });
    expect(smith.weight).toBeCloseTo(Math.log2(table!.agreement / 0.5), 12);
    expect(termFrequencyDetail(table!, 'quill').count).toBe(1);
  });
});

describe('pairWeights', () => {
  const [table] = countTermFrequencies(records, comparisons, [{ comparison: 'last' }]) as [TermFrequencyTable];
  const withTables: ModelParameters = { ...params, termFrequencies: [table] };
  const base = patternWeights(codec, compileWeights(params));
  const code = (i: number, j: number): number => codec.encodePair(records[i]!, records[j]!);

  it('adds the shared value\'s adjustment at the adjusted level only', () => {
    const weightOf = pairWeights(codec, withTables, records);
    expect(weightOf(code(0, 1), 0, 1)).toBeCloseTo(base(code(0, 1)) + termFrequencyAdjustment(table, 5), 12); // smith = smith
    expect(weightOf(code(5, 6), 5, 6)).toBeCloseTo(base(code(5, 6)) + termFrequencyAdjustment(table, 3), 12); // jones = jones
    expect(weightOf(code(0, 5), 0, 5)).toBe(base(code(0, 5))); // smith ≠ jones: else level
    expect(weightOf(code(0, 10), 0, 10)).toBe(base(code(0, 10))); // no last name: null
    expect(termFrequencyAdjustment(table, 5)).toBeLessThan(0);
  });

  it('is the pattern weight alone without tables, or when turned off', () => {
    for (const weightOf of [pairWeights(codec, params, records), pairWeights(codec, withTables, records, { enabled: false })]) {
      expect(weightOf(code(0, 1), 0, 1)).toBe(base(code(0, 1)));
    }
  });

  it('refuses tables of a comparison that is not scored', () => {
    const other: ModelParameters = { ...withTables, termFrequencies: [{ ...table, comparison: 'city' }] };
    expect(() => pairWeights(codec, other, records)).toThrow(/term frequencies of comparison city/);
  });

  it('finds the table of a comparison at an adjusted level', () => {
    expect(tableAt(withTables, 'last', 0)).toBe(table);
    expect(tableAt(withTables, 'last', 1)).toBeUndefined();
    expect(tableAt(params, 'last', 0)).toBeUndefined();
  });
});
