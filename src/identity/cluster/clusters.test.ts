import { describe, expect, it } from 'vitest';
import { rec } from '../../../test/identity/tiny-comparisons.js';
import { guardIdentifiers } from './chaining-guard.js';
import { clusterPairs, type Edges } from './clusters.js';
import { UnionFind } from './union-find.js';

function edges(list: [number, number, number][]): Edges {
  return {
    left: Int32Array.from(list.map((e) => e[0])),
    right: Int32Array.from(list.map((e) => e[1])),
    weight: Float64Array.from(list.map((e) => e[2])),
    count: list.length,
  };
}

const ids = ['r5', 'r2', 'r9', 'r1', 'r7'];

describe('clusterPairs', () => {
  it('joins connected records; the id is the smallest member id', () => {
    const result = clusterPairs(ids, edges([[0, 1, 5], [1, 2, 5], [3, 4, 5]]));
    expect(result.clusterIds).toEqual(['r2', 'r2', 'r2', 'r1', 'r1']);
    expect(result.clusters).toBe(2);
  });

  it('never-match drops the pair’s edge and cuts the weakest edge on a remaining path', () => {
    // 0–1 strong, 1–2 weak, 0–2 direct: never(0, 2) removes 0–2 and then cuts 1–2.
    const result = clusterPairs(ids, edges([[0, 1, 9], [1, 2, 1], [0, 2, 4]]), { neverMatch: [[0, 2]] });
    expect(result.clusterIds.slice(0, 3)).toEqual(['r2', 'r2', 'r9']);
    expect(result.cut).toEqual([[1, 2]]);
  });

  it('always-match joins records without an edge and is never cut', () => {
    const result = clusterPairs(ids, edges([[0, 1, 1], [1, 2, 1]]), { alwaysMatch: [[2, 3]], neverMatch: [[1, 3]] });
    expect(result.clusterOf[2]).toBe(result.clusterOf[3]);
    expect(result.clusterOf[1]).not.toBe(result.clusterOf[3]);
  });

  it.each([
    ['the same pair in both lists', { alwaysMatch: [[0, 1]], neverMatch: [[1, 0]] }],
    ['always-match pairs that join a never-match pair', { alwaysMatch: [[0, 1], [1, 2]], neverMatch: [[0, 2]] }],
  ] as const)('refuses contradicting overrides: %s', (_label, options) => {
    expect(() => clusterPairs(ids, edges([]), options)).toThrow(/overrides contradict/);
  });

  it('union-find keeps sets apart until joined', () => {
    const sets = new UnionFind(4);
    expect(sets.union(0, 1)).toBe(true);
    expect(sets.union(1, 0)).toBe(false);
    expect(sets.find(2)).not.toBe(sets.find(0));
  });
});

describe('chaining guard', () => {
  it('clears an identifier shared by more records than the cap, and only there', () => {
    const records = [
      ...Array.from({ length: 4 }, (_, i) => rec(`f${i}`, { email: 'family@x.com', email_user: 'family' })),
      rec('s1', { email: 'me@x.com', email_user: 'me' }),
      rec('s2', { email: 'me@x.com', email_user: 'me' }),
    ];
    const { records: out, dropped } = guardIdentifiers(records, [{ key: 'email', clear: ['email', 'email_user'], maxRecords: 3 }]);
    expect(dropped).toEqual([{ key: 'email', value: 'family@x.com', records: 4 }]);
    expect(out[0]!.features).toEqual({});
    expect(out[4]).toBe(records[4]);
  });

  it('counts many distinct values exactly, numbers as their text, and reports the over-shared largest first', () => {
    const values = [
      ...Array.from({ length: 5000 }, (_, i) => `p${i}@x.com`),
      ...Array.from({ length: 4 }, () => 'b@x.com'),
      ...Array.from({ length: 4 }, () => 'a@x.com'),
      ...Array.from({ length: 3 }, () => 7),
      '7',
      ...Array.from({ length: 6 }, () => 'c@x.com'),
    ];
    const records = values.map((email, i) => rec(`r${i}`, { email }));
    const { records: out, dropped } = guardIdentifiers(records, [{ key: 'email', maxRecords: 3 }]);
    expect(dropped).toEqual([
      { key: 'email', value: 'c@x.com', records: 6 },
      { key: 'email', value: '7', records: 4 },
      { key: 'email', value: 'a@x.com', records: 4 },
      { key: 'email', value: 'b@x.com', records: 4 },
    ]);
    expect(out.filter((r) => r.features['email'] === undefined)).toHaveLength(18);
    expect(out[0]).toBe(records[0]);
  });
});
