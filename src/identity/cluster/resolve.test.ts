import { describe, expect, it } from 'vitest';
import { rec, tinyComparison } from '../../../test/identity/tiny-comparisons.js';
import { bcubed, clusterPairScores, pairwiseScores } from './evaluate.js';
import { dedupeRecords, linkRecords } from './resolve.js';
import { mulberry32 } from '../../core/random.js';

/** People with a few corrupted copies each: names and emails from seeded random letters. */
function population(entities: number, seed: number): { records: ReturnType<typeof rec>[]; truth: string[] } {
  const random = mulberry32(seed);
  const word = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
  const records: ReturnType<typeof rec>[] = [];
  const truth: string[] = [];
  for (let e = 0; e < entities; e++) {
    const person = { first: word(5), last: word(7), email: `${word(6)}@x.io`, city: word(4) };
    const copies = e % 3 === 0 ? 2 : 0;
    for (let c = 0; c <= copies; c++) {
      const p = { ...person };
      if (c > 0) {
        if (random() < 0.5) p.first = p.first[0] + word(4);
        else p.email = '';
      }
      records.push(rec(`r${records.length}`, p));
      truth.push(String(e));
    }
  }
  return { records, truth };
}

const comparisons = ['first', 'last', 'email', 'city'].map(tinyComparison);
const blockingRules = [{ name: 'last', parts: ['last'] }, { name: 'email', parts: ['email'] }];

describe('dedupeRecords', () => {
  it('finds the duplicates without labels', () => {
    const { records, truth } = population(600, 11);
    const result = dedupeRecords(records, { comparisons, blockingRules, randomPairs: 50_000 });
    expect(result.parameters.trainedOn.converged).toBe(true);
    expect(pairwiseScores(result.matches, truth).f1).toBeGreaterThan(0.95);
    expect(clusterPairScores(result.clusters.clusterOf, truth).f1).toBeGreaterThan(0.95);
    expect(bcubed(result.clusters.clusterOf, truth).f1).toBeGreaterThan(0.95);
    expect(JSON.parse(JSON.stringify(result.parameters))).toEqual(result.parameters);
  });

  it('reuses stored parameters and applies deterministic rules and overrides', () => {
    const { records } = population(300, 12);
    const first = dedupeRecords(records, { comparisons, blockingRules, randomPairs: 20_000 });
    const forced = [rec('a1', { first: 'qq', last: 'kowalczyk', city: 'x1' }), rec('a2', { first: 'zz', last: 'kowalczyk', city: 'y2' })];
    const again = dedupeRecords([...records, ...forced], {
      comparisons, blockingRules, parameters: first.parameters,
      deterministicRules: [{ name: 'last', keys: ['last'] }],
      neverMatch: [[records[0]!.id, records[1]!.id]],
    });
    expect(again.parameters).toBe(first.parameters);
    const n = records.length;
    expect(again.clusters.clusterIds[n]).toBe(again.clusters.clusterIds[n + 1]);
    expect(again.clusters.clusterOf[0]).not.toBe(again.clusters.clusterOf[1]);
  });

  it('scores the pairs inside a cluster that blocking missed, on request, without changing the clusters', () => {
    // Per person: the original, a copy without email (blocked with it by first name) and a copy with another first
    // name (blocked with it by email); the two copies share no blocking key, only the cluster.
    const random = mulberry32(21);
    const word = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
    const records: ReturnType<typeof rec>[] = [];
    const truth: string[] = [];
    for (let e = 0; e < 200; e++) {
      const person = { first: word(5), last: word(7), email: `${word(6)}@x.io`, city: word(4) };
      for (const p of [person, { ...person, email: '' }, { ...person, first: word(5) }]) {
        records.push(rec(`r${records.length}`, p));
        truth.push(String(e));
      }
    }
    const rules = [{ name: 'first', parts: ['first'] }, { name: 'email', parts: ['email'] }];
    const plain = dedupeRecords(records, { comparisons, blockingRules: rules, randomPairs: 20_000 });
    const within = dedupeRecords(records, { comparisons, blockingRules: rules, randomPairs: 20_000, scoreWithinClusters: true });
    const capped = dedupeRecords(records, { comparisons, blockingRules: rules, randomPairs: 20_000, scoreWithinClusters: true, withinClusterLimit: 2 });
    expect(plain.withinClusterPairs).toBe(0);
    expect(capped.withinClusterPairs).toBe(0);
    expect(within.clusters.clusterIds).toEqual(plain.clusters.clusterIds);
    expect(within.withinClusterPairs).toBeGreaterThan(150);
    expect(within.matches.count).toBe(plain.matches.count + within.withinClusterPairs);
    const key = (m: typeof within.matches, k: number) => `${Math.min(m.left[k]!, m.right[k]!)}-${Math.max(m.left[k]!, m.right[k]!)}`;
    const keys = Array.from({ length: within.matches.count }, (_, k) => key(within.matches, k));
    expect(new Set(keys).size).toBe(keys.length);
    for (let k = plain.matches.count; k < within.matches.count; k++) {
      const [a, b] = [within.matches.left[k]!, within.matches.right[k]!];
      expect(within.clusters.clusterOf[a]).toBe(within.clusters.clusterOf[b]);
      expect(within.matches.probability[k]).toBeGreaterThanOrEqual(0.9);
      expect(a % 3 === 1 && b === a + 1).toBe(true);
    }
    expect(pairwiseScores(within.matches, truth).recall).toBeGreaterThan(pairwiseScores(plain.matches, truth).recall + 0.25);
    expect(pairwiseScores(within.matches, truth).precision).toBe(1);
  });

  it('names an override that points at an unknown record', () => {
    const { records } = population(30, 13);
    expect(() => dedupeRecords(records, { comparisons, blockingRules, randomPairs: 1000, alwaysMatch: [['r0', 'nobody']] })).toThrow(/override names record nobody/);
  });
});

describe('linkRecords', () => {
  it('links across two sets only, one-to-one on request', () => {
    const { records, truth } = population(300, 14);
    const left = records.filter((_, i) => i % 2 === 0);
    const right = records.filter((_, i) => i % 2 === 1);
    const all = linkRecords(left, right, { comparisons, blockingRules, randomPairs: 20_000 });
    const single = linkRecords(left, right, { comparisons, blockingRules, randomPairs: 20_000, oneToOne: true });
    expect(single.links.count).toBeLessThanOrEqual(all.links.count);
    const leftTruth = truth.filter((_, i) => i % 2 === 0);
    const rightTruth = truth.filter((_, i) => i % 2 === 1);
    for (let k = 0; k < single.links.count; k++) expect(leftTruth[single.links.left[k]!]).toBe(rightTruth[single.links.right[k]!]);
    expect(new Set(single.links.left).size).toBe(single.links.count);
  });
});
