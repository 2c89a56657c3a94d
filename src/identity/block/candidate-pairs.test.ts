import { describe, expect, it } from 'vitest';
import { rec } from '../../../test/identity/tiny-comparisons.js';
import { buildBlockIndex, countCandidatePairs, forEachCandidateChunk } from './candidate-pairs.js';
import { blockingHash, blockingKey, placeholderSet } from './rules.js';

function pairsOf(index: ReturnType<typeof buildBlockIndex>): string[] {
  const out: string[] = [];
  forEachCandidateChunk(index, (l, r, n) => {
    for (let k = 0; k < n; k++) out.push(`${l[k]}-${r[k]}`);
  });
  return out.sort();
}

const people = [
  rec('a', { surname: 'smith', year: 1970, email: 'x@y.com' }),
  rec('b', { surname: 'smith', year: 1970, email: 'x@y.com' }),
  rec('c', { surname: 'smith', year: 1971, email: 'x@y.com' }),
  rec('d', { surname: 'jones', year: 1970, email: 'n/a' }),
  rec('e', { surname: 'jones', year: 1970, email: 'N/A' }),
];

describe('blocking', () => {
  it('unions rules and emits each pair once, by the first rule that produces it', () => {
    const index = buildBlockIndex(people, [{ name: 'surname+year', parts: ['surname', 'year'] }, { name: 'email', parts: ['email'] }], { mode: 'dedupe' });
    expect(pairsOf(index)).toEqual(['0-1', '0-2', '1-2', '3-4']);
    const stats = countCandidatePairs(index);
    expect(stats.perRule.map((r) => [r.name, r.pairs])).toEqual([['surname+year', 2], ['email', 2]]);
  });

  it('never blocks on placeholder values', () => {
    const index = buildBlockIndex(people, [{ name: 'email', parts: ['email'] }], { mode: 'dedupe' });
    expect(pairsOf(index)).toEqual(['0-1', '0-2', '1-2']);
  });

  it('drops an oversized block with a warning naming rule, key and size', () => {
    const index = buildBlockIndex(people, [{ name: 'surname', parts: ['surname'] }], { mode: 'dedupe', maxBlockSize: 2 });
    expect(index.warnings).toEqual([{ rule: 'surname', key: 'smith', records: 3, cap: 2 }]);
    expect(pairsOf(index)).toEqual(['3-4']);
  });

  it('link mode pairs only across sides, left side first', () => {
    const records = [rec('l1', { k: 'kx' }, 'A'), rec('r1', { k: 'kx' }, 'B'), rec('l2', { k: 'kx' }, 'A'), rec('r2', { k: 'y' }, 'B')];
    const index = buildBlockIndex(records, [{ name: 'k', parts: ['k'] }], { mode: 'link' });
    expect(pairsOf(index)).toEqual(['0-1', '2-1']);
  });

  it('streams in chunks of the configured size', () => {
    const many = Array.from({ length: 50 }, (_, i) => rec(String(i), { k: 'shared' }));
    const sizes: number[] = [];
    const stats = forEachCandidateChunk(buildBlockIndex(many, [{ name: 'k', parts: ['k'] }], { mode: 'dedupe', chunkSize: 500 }), (_l, _r, n) => sizes.push(n));
    expect(stats.pairs).toBe(1225);
    expect(sizes).toEqual([500, 500, 225]);
  });

  it.each([
    [{ a: 'kx', b: 2 }, 'kx\u001f2'],
    [{ a: 'kx' }, undefined],
    [{ a: ' NULL ', b: 1 }, undefined],
    [{ a: (r: unknown) => r, b: 1 }, undefined],
  ])('blockingKey(%o)', (features, expected) => {
    expect(blockingKey(rec('1', features), { name: 'r', parts: ['a', 'b'] }, placeholderSet())).toBe(expected);
  });

  it('blockingHash agrees with blockingKey on presence and equality', () => {
    const rule = { name: 'r', parts: ['a', 'b'] };
    const hash = (features: Record<string, unknown>) => blockingHash(rec('1', features), rule, placeholderSet());
    expect(hash({ a: 'kx', b: 1971 })).toBe(hash({ a: 'kx', b: 1971, c: 'other' }));
    expect(hash({ a: 'kx', b: 1971 })).not.toBe(hash({ a: 'kx', b: '1971' }));
    expect(hash({ a: 'kx', b: 1971 })).not.toBe(hash({ a: 'ky', b: 1971 }));
    expect(hash({ a: 'kx' })).toBe(-1);
    expect(hash({ a: 'N/A', b: 1 })).toBe(-1);
    expect(hash({ a: 'kx', b: 1 })).toBeGreaterThanOrEqual(0);
  });

  it('refuses an empty rule list', () => {
    expect(() => buildBlockIndex(people, [], { mode: 'dedupe' })).toThrow(/at least one blocking rule/);
  });
});
