import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LruCache } from './lru-cache.js';

describe('LruCache', () => {
  it('keeps recently used entries and drops the least recently used', () => {
    const cache = new LruCache<string, number>(4);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    cache.set('d', 4);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('d')).toBe(4);
  });

  it('updates an existing key without growing', () => {
    const cache = new LruCache<string, number>(10);
    cache.set('a', 1);
    cache.set('a', 2);
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe(2);
  });

  it('never holds more than its capacity, and always holds the last entry set', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 80 }))), (capacity, ops) => {
        const cache = new LruCache<number, number>(capacity);
        for (const [isSet, key] of ops) {
          if (isSet) {
            cache.set(key, key * 2);
            expect(cache.get(key)).toBe(key * 2);
          } else {
            const value = cache.get(key);
            if (value !== undefined) expect(value).toBe(key * 2);
          }
          expect(cache.size).toBeLessThanOrEqual(capacity);
        }
      }),
    );
  });

  it('stores nothing at capacity 0', () => {
    const cache = new LruCache<string, number>(0);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
  });

  it.each([-1, 1.5, Number.NaN])('rejects capacity %s', (capacity) => {
    expect(() => new LruCache(capacity)).toThrow(/cache size/);
  });
});
