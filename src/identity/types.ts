/**
 * The seams of identity resolution. The pure core works on `IdentityRecord`s — one per person or organisation
 * record, with attributes already normalized into comparison-ready features — and on `Comparison`s, each of
 * which places a pair of records at one of its levels. Blocking, scoring (Fellegi–Sunter), clustering and
 * explanations are written against these types only.
 *
 * @example
 * const firstName: Comparison = {
 *   name: 'first_name',
 *   levels: ['exact', 'jaro_winkler >= 0.92', 'jaro_winkler >= 0.80', 'else'],
 *   compare: (a, b) => …, // → 0 | 1 | 2 | 3, or NULL_LEVEL when either side has no value
 * };
 */

/** Level returned when either record lacks the attribute: the comparison contributes nothing (weight 0). */
export const NULL_LEVEL = -1;

/**
 * A record prepared for matching. `features` holds normalized values and anything precomputed for fast
 * comparison (lower-cased names, phonetic codes, token sets, E.164 phones, parsed dates); comparisons know
 * which keys they read. `source` is the system (and stream) the record came from, for link-only jobs and
 * explanations.
 */
export interface IdentityRecord {
  readonly id: string;
  readonly source?: string;
  readonly features: Readonly<Record<string, unknown>>;
}

export interface Comparison {
  /** Stable name, used in stored parameters and explanations (`first_name`, `email`, `dob`). */
  readonly name: string;
  /** Level labels, most similar first; the last is the catch-all `else`. */
  readonly levels: readonly string[];
  /** The level index of the pair, or NULL_LEVEL. Pure and fast: it runs on every candidate pair. */
  compare(a: IdentityRecord, b: IdentityRecord): number;
  /** The two values compared, for explanations (`['jon', 'john']`). */
  values(a: IdentityRecord, b: IdentityRecord): readonly [unknown, unknown];
  /**
   * What `compare` computes, for comparisons made by the factories of `compare/comparisons.ts` with the default
   * placeholder handling: lets the packed comparer (`compare/packed.ts`) run the same levels over a compact copy
   * of the features. Absent on hand-written comparisons, which always run as `compare`.
   */
  readonly plan?: ComparisonPlan;
}

/** A factory comparison's parameters (see `Comparison.plan`). */
export type ComparisonPlan =
  | { readonly type: 'name'; readonly key: string; readonly thresholds: readonly number[]; readonly nicknames: boolean; readonly phonetic: boolean; readonly swappedWith: string | undefined; readonly swapThreshold: number }
  | { readonly type: 'dob' }
  | { readonly type: 'email'; readonly localThreshold: number }
  | { readonly type: 'phone' }
  | { readonly type: 'address'; readonly tokenThreshold: number; readonly tokenFloor: number; readonly jaroWinklerThreshold: number }
  | { readonly type: 'postcode'; readonly key: string }
  | { readonly type: 'exact'; readonly key: string }
  | { readonly type: 'string'; readonly key: string; readonly thresholds: readonly number[] }
  | { readonly type: 'identifier'; readonly key: string };

/** One candidate pair with its comparison vector (a level per comparison). */
export interface ComparedPair {
  readonly left: string;
  readonly right: string;
  readonly levels: Int8Array;
}
