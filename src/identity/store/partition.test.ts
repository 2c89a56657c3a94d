import { describe, expect, it } from 'vitest';
import { guardIdentifiers } from '../cluster/chaining-guard.js';
import { defaultPersonComparisons } from '../compare/comparisons.js';
import { PERSON_BLOCKING_RULES, PERSON_DETERMINISTIC_RULES, PERSON_GUARDS } from '../csv/person-defaults.js';
import { buildPersonFeatures } from '../normalize/features.js';
import type { IdentityRecord } from '../types.js';
import { applyGuards, assertIndependentGuards, blockingRows, clusterPart, guardRule, type PartOptions } from './partition.js';
import type { IdentityDecision } from './types.js';

const person = (id: string, first: string, last: string, email?: string, phone?: string, dob?: string): IdentityRecord => ({
  id, features: buildPersonFeatures({ firstName: first, lastName: last, email, phone, dob }, { region: 'US' }),
});

/** Two people, each in two systems, plus a family sharing one mailbox (12 holders: over the guard's cap of 10). */
const records: IdentityRecord[] = [
  person('a1', 'Ada', 'Lovelace', 'ada@lovelace.io', '+14155550101', '1815-12-10'),
  person('a2', 'Ada', 'Lovelace', 'ada@lovelace.io', undefined, '1815-12-10'),
  person('a3', 'Adah', 'Lovelace', undefined, '+14155550101', '1815-12-10'),
  person('g1', 'Grace', 'Hopper', 'grace@hopper.io', '+14155550202', '1906-12-09'),
  person('g2', 'Grace', 'Hopper', 'grace@hopper.io', undefined, '1906-12-09'),
  ...Array.from({ length: 12 }, (_, i) => person(`f${String(i).padStart(2, '0')}`, ['Tom', 'Ann', 'Joe', 'Sue'][i % 4]!, `Family${i}`, 'home@family.io')),
];

const decision = (id: number, kind: IdentityDecision['kind'], recordA: string, recordB: string): IdentityDecision => ({ id, kind, recordA, recordB, who: 'test', at: '2026-01-01T00:00:00.000Z' });

function options(overrides: Partial<PartOptions> = {}): PartOptions {
  return {
    comparisons: defaultPersonComparisons(), blockingRules: PERSON_BLOCKING_RULES, deterministicRules: PERSON_DETERMINISTIC_RULES, guards: PERSON_GUARDS,
    over: [new Set(['home@family.io']), new Set()], excludedKeys: PERSON_BLOCKING_RULES.map(() => new Set<number>()), threshold: 0.9, decisions: [], ...overrides,
  };
}

const partition = (ids: readonly string[], clusterOf: Int32Array): string[][] => {
  const groups = new Map<number, string[]>();
  ids.forEach((id, i) => groups.set(clusterOf[i]!, [...(groups.get(clusterOf[i]!) ?? []), id]));
  return [...groups.values()].sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
};

describe('applyGuards', () => {
  it('clears what guardIdentifiers clears when given the values it found over the cap', () => {
    const expected = guardIdentifiers(records, PERSON_GUARDS);
    const over = PERSON_GUARDS.map((g) => new Set(expected.dropped.filter((d) => d.key === g.key).map((d) => d.value)));
    expect(over[0]).toEqual(new Set(['home@family.io']));
    expect(applyGuards(records, PERSON_GUARDS, over)).toEqual(expected.records);
  });

  it('leaves records without an over-shared value as they are (same objects)', () => {
    const out = applyGuards(records, PERSON_GUARDS, [new Set(), new Set()]);
    out.forEach((r, i) => expect(r).toBe(records[i]));
  });
});

describe('blockingRows', () => {
  it('keeps the raw guarded value and the keys of the guarded record', () => {
    const raw = records[5]!;
    const [guarded] = applyGuards([raw], PERSON_GUARDS, [new Set(['home@family.io']), new Set()]);
    const rows = blockingRows(raw, guarded!, PERSON_BLOCKING_RULES, PERSON_GUARDS);
    expect(rows.filter((r) => r.rule < 0)).toEqual([{ recordId: raw.id, rule: guardRule(0), key: 'home@family.io' }]);
    const emailRule = PERSON_BLOCKING_RULES.findIndex((r) => r.name === 'email');
    expect(rows.some((r) => r.rule === emailRule)).toBe(false);
    expect(blockingRows(raw, raw, PERSON_BLOCKING_RULES, PERSON_GUARDS).some((r) => r.rule === emailRule)).toBe(true);
  });

  it('refuses guards that clear each other\'s keys', () => {
    expect(() => assertIndependentGuards([{ key: 'email', clear: ['email', 'phone'] }, { key: 'phone' }])).toThrow(/clears "phone"/);
    expect(() => assertIndependentGuards(PERSON_GUARDS)).not.toThrow();
  });
});

describe('clusterPart', () => {
  const whole = clusterPart(records, options());
  const parameters = whole.parameters;

  it('clusters the two people and keeps the guarded family apart', () => {
    const groups = partition(records.map((r) => r.id), whole.clusters.clusterOf);
    expect(groups).toContainEqual(['a1', 'a2', 'a3']);
    expect(groups).toContainEqual(['g1', 'g2']);
    expect(groups.filter((g) => g[0]!.startsWith('f')).every((g) => g.length === 1)).toBe(true);
  });

  it.each([
    ['no decisions', []],
    ['a never-match inside a cluster', [decision(1, 'never-match', 'a2', 'a3')]],
    ['an always-match across clusters and a never-match', [decision(1, 'always-match', 'a1', 'g1'), decision(2, 'never-match', 'a1', 'a3')]],
  ])('a part holding whole components clusters them as the whole does (%s)', (_name, decisions) => {
    const all = clusterPart(records, options({ parameters, decisions }));
    const part = records.filter((r) => r.id.startsWith('a') || r.id.startsWith('g'));
    const some = clusterPart(part, options({ parameters, decisions }));
    const wholeGroups = partition(records.map((r) => r.id), all.clusters.clusterOf).filter((g) => !g[0]!.startsWith('f'));
    expect(partition(part.map((r) => r.id), some.clusters.clusterOf)).toEqual(wholeGroups);
  });

  it('drops the excluded keys as if their blocks were capped', () => {
    const emailRule = PERSON_BLOCKING_RULES.findIndex((r) => r.name === 'email');
    const excluded = PERSON_BLOCKING_RULES.map(() => new Set<number>());
    for (const row of blockingRows(records[3]!, records[3]!, PERSON_BLOCKING_RULES, PERSON_GUARDS)) if (row.rule >= 0) excluded[row.rule]!.add(Number(row.key));
    const pair = [records[3]!, records[4]!];
    expect(clusterPart(pair, options({ parameters })).candidatePairs).toBeGreaterThan(0);
    expect(clusterPart(pair, options({ parameters, excludedKeys: excluded })).candidatePairs).toBe(0);
    expect(emailRule).toBeGreaterThanOrEqual(0);
  });
});
