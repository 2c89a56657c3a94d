/**
 * Reading compared feature values, shared by the comparison factories.
 *
 * The helpers take loaded values, not a record and key: each comparison loads its own feature keys at its own
 * property-access sites, so V8's inline caches there stay monomorphic (one shared loader would see every key of
 * every comparison and go megamorphic — measured at ~14% of scoring time).
 *
 * @example
 * const x = asStr(a.features['email']); // undefined for a missing or empty value
 */
import type { PlaceholderDetector, PlaceholderKind } from '../normalize/placeholder.js';
import type { IdentityRecord } from '../types.js';

/** A non-empty string, else undefined. */
export function asStr(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** An array (of strings, as the feature builders make them), else undefined. */
export function asStrs(v: unknown): readonly string[] | undefined {
  return Array.isArray(v) ? (v as readonly string[]) : undefined;
}

/**
 * Whether a present value may be compared: not a placeholder. Features from the builders carry
 * `screened: true` (placeholders were already dropped with the builder's detector), so the check is skipped
 * for them unless the comparison was given its own detector; hand-built features are always checked.
 */
export function usable(r: IdentityRecord, value: string, kind: PlaceholderKind, detect: PlaceholderDetector, forced: boolean): boolean {
  if (!forced && r.features['screened'] === true) return true;
  return !detect(kind, value);
}
