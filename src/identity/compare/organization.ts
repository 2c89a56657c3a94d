/**
 * Organisation comparisons beyond the shared factories: a name comparison that knows one listing may carry the
 * short name ("YMCA South Side") and another the long one ("YMCA of Metropolitan Chicago - South Side YMCA"), and
 * a site-address comparison that reads the street number and street name apart. Both read the features of
 * `buildOrganizationMatchFeatures`.
 *
 * @example
 * const comparisons = organizationMatchComparisons();
 * comparisons.map((c) => c.name); // ['name', 'website', 'phone', 'address', 'city', 'postcode', 'identifier']
 */
import { isPlaceholder, type PlaceholderDetector, type PlaceholderKind } from '../normalize/placeholder.js';
import { NULL_LEVEL, type Comparison, type IdentityRecord } from '../types.js';
import { exactComparison, identifierComparison, phoneComparison, postcodeComparison, stringComparison, type ComparisonOptions } from './comparisons.js';
import { jaroWinkler, sortedJaccard } from './strings.js';

const asStr = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const asStrs = (v: unknown): readonly string[] | undefined => (Array.isArray(v) ? (v as readonly string[]) : undefined);

/** Builder features (`screened: true`) had placeholders removed; hand-built ones, or a given detector, are checked. */
function usable(r: IdentityRecord, value: string, kind: PlaceholderKind, detect: PlaceholderDetector, forced: boolean): boolean {
  if (!forced && r.features['screened'] === true) return true;
  return !detect(kind, value);
}

/** Shared tokens over the smaller set's size: 1 when one sorted token list is inside the other. */
export function tokenContainment(a: readonly string[], b: readonly string[]): number {
  const smaller = Math.min(a.length, b.length);
  if (smaller === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common / smaller;
}

/**
 * Organisation-name comparison. Levels: `exact` (name and legal form) → `exact apart from legal form` →
 * `jaro_winkler >= 0.92` → `token set >= 0.6` → `shorter name within the longer` (every token of the shorter
 * name in the longer one, e.g. "hay" in "chicago public schools hay comm academy john") → `half the shorter
 * name's tokens shared or jaro_winkler >= 0.8` → `else`. Reads `name`, `legal_form`, `name_tokens` (sorted).
 *
 * @example
 * organizationNameComparison().levels[4]; // 'shorter name within the longer'
 */
export function organizationNameComparison(options: ComparisonOptions = {}): Comparison {
  const detect = options.placeholder ?? isPlaceholder;
  const forced = options.placeholder !== undefined;
  return {
    name: options.name ?? 'name',
    levels: [
      'exact',
      'exact apart from legal form',
      'jaro_winkler >= 0.92',
      'token set >= 0.6',
      'shorter name within the longer',
      'half the shorter name shared or jaro_winkler >= 0.8',
      'else',
    ],
    compare(a, b) {
      const x = asStr(a.features['name']);
      if (x === undefined) return NULL_LEVEL;
      const y = asStr(b.features['name']);
      if (y === undefined) return NULL_LEVEL;
      if (!usable(a, x, 'name', detect, forced) || !usable(b, y, 'name', detect, forced)) return NULL_LEVEL;
      if (x === y) return a.features['legal_form'] === b.features['legal_form'] ? 0 : 1;
      const jw = jaroWinkler(x, y);
      if (jw >= 0.92) return 2;
      const ta = asStrs(a.features['name_tokens']) ?? [];
      const tb = asStrs(b.features['name_tokens']) ?? [];
      if (sortedJaccard(ta, tb) >= 0.6) return 3;
      const contained = tokenContainment(ta, tb);
      if (contained === 1) return 4;
      return contained >= 0.5 || jw >= 0.8 ? 5 : 6;
    },
    values: (a, b) => [a.features['name'], b.features['name']],
  };
}

/**
 * Site-address comparison. Levels: `exact` (normalized street line) → `same number, same street name` (or one
 * name the start of the other: "stony" / "stonyisland") → `same number, street name jaro_winkler >= 0.85` →
 * `same number, other street` → `token set >= 0.8` (number missing or different) → `else`. Reads `street`,
 * `street_tokens`, `street_number`, `street_name`.
 *
 * @example
 * siteAddressComparison().levels[1]; // 'same number, same street name'
 */
export function siteAddressComparison(options: ComparisonOptions = {}): Comparison {
  const detect = options.placeholder ?? isPlaceholder;
  const forced = options.placeholder !== undefined;
  return {
    name: options.name ?? 'address',
    levels: [
      'exact',
      'same number, same street name',
      'same number, street name jaro_winkler >= 0.85',
      'same number, other street',
      'token set >= 0.8',
      'else',
    ],
    compare(a, b) {
      const x = asStr(a.features['street']);
      if (x === undefined) return NULL_LEVEL;
      const y = asStr(b.features['street']);
      if (y === undefined) return NULL_LEVEL;
      if (!usable(a, x, 'address', detect, forced) || !usable(b, y, 'address', detect, forced)) return NULL_LEVEL;
      if (x === y) return 0;
      const na = asStr(a.features['street_number']);
      if (na !== undefined && na === asStr(b.features['street_number'])) {
        const sa = asStr(a.features['street_name']);
        const sb = asStr(b.features['street_name']);
        if (sa === undefined || sb === undefined) return 3;
        if (sa === sb || (sa.length >= 3 && sb.startsWith(sa)) || (sb.length >= 3 && sa.startsWith(sb))) return 1;
        return jaroWinkler(sa, sb) >= 0.85 ? 2 : 3;
      }
      const ta = asStrs(a.features['street_tokens']);
      const tb = asStrs(b.features['street_tokens']);
      return ta !== undefined && tb !== undefined && sortedJaccard(ta, tb) >= 0.8 ? 4 : 5;
    },
    values: (a, b) => [a.features['street'], b.features['street']],
  };
}

/**
 * The default comparisons for organisations: name (with the short-name-in-long-name level), website host,
 * phone, site address, city, postcode and identifier — the features `buildOrganizationMatchFeatures` produces.
 *
 * @example
 * organizationMatchComparisons().map((c) => c.name);
 * // ['name', 'website', 'phone', 'address', 'city', 'postcode', 'identifier']
 */
export function organizationMatchComparisons(): Comparison[] {
  return [
    organizationNameComparison(),
    exactComparison('website'),
    phoneComparison(),
    siteAddressComparison(),
    stringComparison('city', { thresholds: [0.9] }),
    postcodeComparison(),
    identifierComparison(),
  ];
}
