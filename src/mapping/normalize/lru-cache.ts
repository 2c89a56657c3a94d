/**
 * A bounded least-recently-used cache over a `Map`. A `Map` iterates in insertion order, so re-inserting a key on
 * every hit keeps the oldest entry first and eviction is one `keys().next()`: O(1) per operation, no linked list.
 *
 * @example
 * const cache = new LruCache<string, number>(2);
 * cache.set('a', 1); cache.set('b', 2); cache.get('a'); cache.set('c', 3); // evicts 'b'
 */
import { ConcordError } from '../../core/errors.js';

export class LruCache<K, V> {
  readonly capacity: number;
  private readonly entries = new Map<K, V>();

  constructor(capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 0) {
      throw new ConcordError('CACHE_SIZE_INVALID', `cache size must be a non-negative integer, got ${capacity}`, {
        kind: 'config',
        hint: 'use 0 to disable caching, or a positive integer such as 100000',
      });
    }
    this.capacity = capacity;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached value, marking it most recently used; `undefined` when absent. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores a value, evicting the least recently used entry when full. `undefined` values are not cached. */
  set(key: K, value: V): void {
    if (this.capacity === 0) return;
    if (this.entries.has(key)) this.entries.delete(key);
    else if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
  }

  clear(): void {
    this.entries.clear();
  }
}
