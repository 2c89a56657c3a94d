/**
 * A bounded cache that keeps recently used entries: two generations of `Map` ("hashlru"). New and re-used
 * entries go into the current generation; when it holds half the capacity it becomes the previous generation
 * and the old previous one is dropped whole. Entries used at least once per half-capacity insertions survive,
 * the rest age out — least-recently-used in effect, at O(1) with no per-hit bookkeeping.
 *
 * Why not one `Map` re-inserted on every hit: V8 leaves deleted `Map` entries as holes until it rehashes, and
 * finding the oldest key walks over them; measured on 200,000 distinct phone numbers with a 100,000-entry bound
 * that design halved throughput, this one does not.
 *
 * @example
 * const cache = new LruCache<string, number>(4);
 * cache.set('a', 1); cache.get('a'); // 1
 */
import { ConcordError } from '../../core/errors.js';

export class LruCache<K, V> {
  /** Most entries ever held at once. */
  readonly capacity: number;
  private readonly generationSize: number;
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  constructor(capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 0) {
      throw new ConcordError('CACHE_SIZE_INVALID', `cache size must be a non-negative integer, got ${capacity}`, {
        kind: 'config',
        hint: 'use 0 to disable caching, or a positive integer such as 100000',
      });
    }
    this.capacity = capacity;
    // current < generationSize and previous ≤ generationSize, so size ≤ 2·generationSize − 1 ≤ capacity.
    this.generationSize = Math.ceil(capacity / 2);
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }

  /** The cached value, keeping it for another generation; `undefined` when absent. */
  get(key: K): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const old = this.previous.get(key);
    if (old !== undefined) {
      this.previous.delete(key);
      this.insert(key, old);
    }
    return old;
  }

  /** Stores a value; at capacity the least recently used generation is dropped. */
  set(key: K, value: V): void {
    if (this.capacity === 0) return;
    if (this.current.has(key)) {
      this.current.set(key, value);
      return;
    }
    this.previous.delete(key);
    this.insert(key, value);
  }

  clear(): void {
    this.current = new Map();
    this.previous = new Map();
  }

  private insert(key: K, value: V): void {
    this.current.set(key, value);
    if (this.current.size >= this.generationSize) {
      this.previous = this.current;
      this.current = new Map();
    }
  }
}
