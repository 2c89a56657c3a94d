import { describe, expect, it } from 'vitest';
import { buildPersonFeatures } from '../normalize/features.js';
import { StringPool } from './string-pool.js';

describe('StringPool', () => {
  it('gives back equal values, for kept and for dropped keys', () => {
    const pool = new StringPool({ sample: 4, maxNewShare: 0.5 });
    const repeated = ['ada', 'ada', 'bob', 'ada', 'bob', 'ada'];
    const unique = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
    expect(repeated.map((v) => pool.share('first', v))).toEqual(repeated);
    expect(unique.map((v) => pool.share('email', v))).toEqual(unique);
  });

  it('shares a feature object in place without changing it; arrays stay the record\'s own', () => {
    const pool = new StringPool();
    const a = buildPersonFeatures({ firstName: 'Jon', lastName: 'Smith', dob: '1971-06-24', email: 'jon@x.com' }, { region: 'US' });
    const b = buildPersonFeatures({ firstName: 'Jon', lastName: 'Smith', dob: '1971-06-24', email: 'jon@y.com' }, { region: 'US' });
    const [copyA, copyB] = [structuredClone(a), structuredClone(b)];
    const tokens = a.full_name_tokens;
    pool.shareFeatures(a);
    pool.shareFeatures(b);
    expect(a).toStrictEqual(copyA);
    expect(b).toStrictEqual(copyB);
    expect(a.full_name_tokens).toBe(tokens);
    expect(Object.keys(a)).toEqual(Object.keys(copyA));
  });

  it('leaves frozen arrays alone', () => {
    const frozen = Object.freeze(['x', 'y']);
    const features: Record<string, unknown> = { codes: frozen, name: 'x' };
    expect(() => new StringPool().shareFeatures(features)).not.toThrow();
    expect(features['codes']).toBe(frozen);
  });
});
