import { describe, expect, it } from 'vitest';
import { PERSON_BLOCKING_RULES } from '../csv/person-defaults.js';
import { defaultPersonComparisons } from '../compare/comparisons.js';
import { buildPersonFeatures, type PersonAttributes } from '../normalize/features.js';
import type { ModelParameters } from '../score/parameters.js';
import { matchRecord } from './match.js';
import { parseGroundTruth, truthKey } from './truth.js';

const comparisons = defaultPersonComparisons();
/** Agreement is strong evidence, disagreement weak: every level from exact (m high) to else (u high). */
const params: ModelParameters = {
  version: 1, lambda: 0.01,
  trainedOn: { randomPairs: 0, candidatePairs: 0, patterns: 0, emIterations: 0, converged: true },
  comparisons: comparisons.map((c) => {
    const n = c.levels.length;
    const m = c.levels.map((_, i) => (i === n - 1 ? 0.05 : 0.95 / (n - 1)));
    const u = c.levels.map((_, i) => (i === n - 1 ? 0.99 : 0.01 / (n - 1)));
    return { name: c.name, levels: c.levels, m, u };
  }),
};
const rec = (id: string, a: PersonAttributes) => ({ id, features: buildPersonFeatures(a, { region: 'US' }) });

describe('matchRecord', () => {
  const stored = [
    rec('r1', { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@analytical.co.uk', dob: '1815-12-10' }),
    rec('r2', { firstName: 'Ada', lastName: 'Lovelace', email: 'countess@lovelace.org' }),
    rec('r3', { firstName: 'Grace', lastName: 'Hopper', email: 'grace@navy.mil' }),
  ];

  it('finds records sharing a blocking key, strongest first, and skips the rest', () => {
    const found = matchRecord(rec('q', { fullName: 'Ada Lovelace', email: 'ada@analytical.co.uk' }), stored, comparisons, params, { rules: PERSON_BLOCKING_RULES });
    expect(found.map((m) => m.recordId)).toEqual(['r1', 'r2']);
    expect(found[0]!.rules).toContain('email');
    expect(found[0]!.probability).toBeGreaterThan(found[1]!.probability);
  });

  it('drops matches under minProbability', () => {
    const found = matchRecord(rec('q', { fullName: 'Ada Lovelace', email: 'ada@analytical.co.uk' }), stored, comparisons, params, { rules: PERSON_BLOCKING_RULES, minProbability: 0.99 });
    expect(found.map((m) => m.recordId)).toEqual(['r1']);
  });
});

describe('parseGroundTruth', () => {
  it('keys truth ids by system, stream and record id', () => {
    const truth = parseGroundTruth('system,stream,record_id,entity_kind,truth_id\ncrm,Contact,1,person,p-1\n');
    expect(truth.get(truthKey('crm', 'Contact', '1'))).toBe('p-1');
  });

  it('rejects a file without the columns', () => {
    expect(() => parseGroundTruth('a,b\n1,2\n', 'x.csv')).toThrow(/x.csv needs the columns/);
  });
});
