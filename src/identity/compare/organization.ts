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
import { isPlaceholder } from '../normalize/placeholder.js';
import { NULL_LEVEL, type Comparison } from '../types.js';
import { asStr, asStrs, usable } from './feature-values.js';
import { companyNameComparison, exactComparison, identifierComparison, phoneComparison, postcodeComparison, stringComparison, type ComparisonOptions } from './comparisons.js';
import { jaroWinklerAtLeast, sortedJaccard } from './strings.js';

/**
 * Organisation-name comparison with the short-name level: `companyNameComparison({ shortNameLevel: true })`.
 * Levels: `exact` → `exact apart from legal form` → `jaro_winkler >= 0.92` → `token set >= 0.6` → `shorter name
 * within the longer` (e.g. "hay" in "chicago public schools hay comm academy john") → `half the shorter name's
 * tokens shared or jaro_winkler >= 0.8` → `else`.
 *
 * @example
 * organizationNameComparison().levels[4]; // 'shorter name within the longer'
 */
export function organizationNameComparison(options: ComparisonOptions = {}): Comparison {
  return companyNameComparison({ ...options, shortNameLevel: true });
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
        return jaroWinklerAtLeast(sa, sb, 0.85) >= 0.85 ? 2 : 3;
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
