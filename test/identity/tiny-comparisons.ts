/** Small comparisons for tests of the core, independent of the production comparators. */
import { NULL_LEVEL, type Comparison, type IdentityRecord } from '../../src/identity/types.js';

/** exact → same first letter → else, on a string feature. */
export function tinyComparison(key: string): Comparison {
  const get = (r: IdentityRecord): string | undefined => {
    const v = r.features[key];
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  return {
    name: key,
    levels: ['exact', 'same initial', 'else'],
    compare(a, b) {
      const x = get(a);
      const y = get(b);
      if (x === undefined || y === undefined) return NULL_LEVEL;
      if (x === y) return 0;
      return x[0] === y[0] ? 1 : 2;
    },
    values: (a, b) => [a.features[key], b.features[key]],
  };
}

export function rec(id: string, features: Record<string, unknown>, source?: string): IdentityRecord {
  return source === undefined ? { id, features } : { id, source, features };
}
