import { describe, expect, it } from 'vitest';
import { Rng, hash32 } from './prng.js';

describe('Rng', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, (() => { const r = new Rng(seed); return () => r.float(); })());
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('keeps int() within bounds and reaches both ends', () => {
    const r = new Rng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('forks independently of how many draws the parent made', () => {
    const a = new Rng(5);
    const b = new Rng(5);
    b.float();
    b.float();
    expect(a.fork('person:1').float()).toBe(b.fork('person:1').float());
    expect(a.fork('person:1').float()).not.toBe(a.fork('person:2').float());
  });

  it('samples distinct elements and rejects empty lists', () => {
    const r = new Rng(9);
    const s = r.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(s).size).toBe(3);
    expect(() => r.pick([])).toThrow(RangeError);
  });

  it('weights choices', () => {
    const r = new Rng(11);
    let heavy = 0;
    for (let i = 0; i < 1000; i++) if (r.weighted([['a', 9], ['b', 1]] as const) === 'a') heavy++;
    expect(heavy).toBeGreaterThan(850);
    expect(heavy).toBeLessThan(950);
  });

  it.each([['', 0x811c9dc5], ['a', 0xe40c292c]])('hash32(%j) is FNV-1a', (text, expected) => {
    expect(hash32(text)).toBe(expected);
  });
});
