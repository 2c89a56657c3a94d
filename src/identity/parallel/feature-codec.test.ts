import { describe, expect, it } from 'vitest';
import { personFeatures } from '../csv/person-features.js';
import { decodeFeatures, encodeFeatures } from './feature-codec.js';

const roundTrip = (list: Record<string, unknown>[]): Record<string, unknown>[] => decodeFeatures(structuredClone(encodeFeatures(list)));

describe('encodeFeatures / decodeFeatures', () => {
  it.each([
    ['strings, numbers, booleans, null', { a: 'x', b: 1.5, c: true, d: null }],
    ['undefined properties stay, in place', { a: undefined, b: 'y', c: undefined }],
    ['nested arrays and plain objects', { tokens: ['a', 'b'], dm: ['JN', 'AN'], deep: { x: [1, { y: 'z' }] } }],
    ['a lone surrogate and control characters', { s: '\ud800x\u0000\u001f"\\' }],
    ['NaN, Infinity and -0 (cloned)', { a: Number.NaN, b: Number.POSITIVE_INFINITY, c: -0 }],
    ['a Set, a Map and a Date (cloned)', { s: new Set(['a']), m: new Map([['k', 1]]), d: new Date(0) }],
    ['undefined inside an array (cloned)', { a: ['x', undefined] }],
    ['an array with a hole (cloned)', { a: Object.assign(new Array<string>(3), { 0: 'x', 2: 'y' }) }],
    ['an own __proto__ key (cloned)', JSON.parse('{"__proto__": {"x": 1}, "a": 1}') as Record<string, unknown>],
  ])('keeps %s', (_, features) => {
    const [back] = roundTrip([features]);
    expect(back).toStrictEqual(features);
    expect(Object.keys(back!)).toEqual(Object.keys(features));
    for (const key of Object.keys(features)) expect(Object.is(back![key], features[key]) || typeof features[key] === 'object').toBe(true);
  });

  it('keeps the order of records with different shapes and cloned ones between them', () => {
    const list = [{ a: 1, b: 'x' }, { b: 'y', a: 2 }, { a: Number.NaN }, { a: 3, b: undefined }, { a: 4, b: 'z' }];
    const back = roundTrip(list);
    expect(back).toStrictEqual(list);
    expect(back.map((f) => Object.keys(f))).toEqual(list.map((f) => Object.keys(f)));
    expect(encodeFeatures(list).shapes).toEqual([['a', 'b'], ['b', 'a']]);
  });

  it('gives back person features equal to the built ones', () => {
    const list = [
      personFeatures({ first_name: 'Jon', last_name: 'Smith', dob: '1971-06-24', email: 'JON@x.com', phone: '+14155550100', postcode: '94105' }, 'US'),
      personFeatures({ full_name: 'Dr. Ada B. King' }, 'GB'),
      personFeatures({}, 'AU'),
    ];
    expect(roundTrip(list)).toStrictEqual(list);
  });

  it('encodes an empty batch', () => {
    expect(roundTrip([])).toEqual([]);
  });
});
