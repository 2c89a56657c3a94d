/**
 * Shares equal strings among the records of one full read. A million people repeat the same first names,
 * phonetic codes, birth dates, email domains and modstamps, yet every record built them as strings of its own
 * (20–50 bytes each); holding all their features for clustering, that is a few hundred megabytes of copies.
 * Per key the pool keeps one instance of each value — and gives up on a key whose values hardly repeat
 * (emails, phone numbers), so the pool never holds more than it saves. Strings compare by value, so sharing
 * them changes nothing a comparison sees.
 *
 * @example
 * const pool = new StringPool();
 * pool.share('first_name', 'ada') === pool.share('first_name', 'ad' + 'a'); // one instance
 * pool.shareFeatures(record.features);
 */
export interface StringPoolOptions {
  /** Values of a key looked at before deciding whether it repeats enough (default 10,000). */
  readonly sample?: number;
  /** Keep a key when at most this share of its sampled values were new (default 0.5). */
  readonly maxNewShare?: number;
}

interface KeyPool {
  readonly values: Map<string, string>;
  seen: number;
  active: boolean;
}

export class StringPool {
  private readonly keys = new Map<string, KeyPool>();
  private readonly sample: number;
  private readonly maxNewShare: number;

  constructor(options: StringPoolOptions = {}) {
    this.sample = options.sample ?? 10_000;
    this.maxNewShare = options.maxNewShare ?? 0.5;
  }

  /** The pool's instance of `value` under `key` (the value itself the first time, or when the key is dropped). */
  share(key: string, value: string): string {
    let pool = this.keys.get(key);
    if (pool === undefined) this.keys.set(key, (pool = { values: new Map(), seen: 0, active: true }));
    if (!pool.active) return value;
    const known = pool.values.get(value);
    if (known === undefined) pool.values.set(value, value);
    if (++pool.seen === this.sample && pool.values.size > this.sample * this.maxNewShare) {
      pool.active = false;
      pool.values.clear();
    }
    return known ?? value;
  }

  /**
   * Shares, in place, the string values of a feature object and the strings inside its arrays (arrays stay
   * the record's own: a comparison may tell two records' arrays apart by identity). Frozen arrays are left.
   */
  shareFeatures(features: Record<string, unknown>): void {
    for (const key of Object.keys(features)) {
      const value = features[key];
      if (typeof value === 'string') features[key] = this.share(key, value);
      else if (Array.isArray(value) && !Object.isFrozen(value)) {
        const list = value as unknown[];
        for (let i = 0; i < list.length; i++) {
          const item = list[i];
          if (typeof item === 'string') list[i] = this.share(key, item);
        }
      }
    }
  }
}
