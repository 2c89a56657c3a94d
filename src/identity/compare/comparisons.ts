/**
 * Comparison factories (Splink-style levels, most similar first, `else` last) over the features built by
 * `buildPersonFeatures` / `buildOrganizationFeatures`. Each comparison reads named feature keys (listed on each
 * factory), returns NULL_LEVEL when either side lacks the value or holds a placeholder, and allocates nothing
 * per pair: every string needed (phonetic codes, token sets, last digits) is precomputed into the features.
 */
import { NULL_LEVEL } from '../types.js';
import type { Comparison } from '../types.js';
import { isPlaceholder } from '../normalize/placeholder.js';
import type { PlaceholderDetector, PlaceholderKind } from '../normalize/placeholder.js';
import { asStr, asStrs, usable } from './feature-values.js';
import { damerauLevenshtein, jaroWinklerAtLeast, sortedCommon, sortedJaccard } from './strings.js';
import { adjustByTermFrequency } from '../score/term-frequency.js';

/** Options every factory takes. */
export interface ComparisonOptions {
  /** Comparison name in stored parameters and explanations; defaults to the feature key. */
  name?: string;
  /**
   * Placeholder detector. By default (`isPlaceholder`) it is applied to hand-built features only: builder
   * features (`screened: true`) had placeholders removed already. When given, it is applied to every value.
   */
  placeholder?: PlaceholderDetector;
}

function asNum(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

function valuesOf(key: string): Comparison['values'] {
  return (a, b) => [a.features[key], b.features[key]];
}

/** Whether two [primary, alternate] phonetic codes have a non-empty code in common. */
function sharesCode(x: readonly string[] | undefined, y: readonly string[] | undefined): boolean {
  if (x === undefined || y === undefined) return false;
  const [xp = '', xa = ''] = x;
  const [yp = '', ya = ''] = y;
  return (xp !== '' && (xp === yp || xp === ya)) || (xa !== '' && (xa === yp || xa === ya));
}

function sharesAny(x: readonly string[] | undefined, y: readonly string[] | undefined): boolean {
  if (x === undefined || y === undefined) return false;
  for (let i = 0; i < x.length; i++) for (let j = 0; j < y.length; j++) if (x[i] === y[j]) return true;
  return false;
}

export interface NameComparisonOptions extends ComparisonOptions {
  /** Jaro–Winkler thresholds, highest first; each is a level. Default `[0.92, 0.8]`. */
  thresholds?: readonly number[];
  /** Include the nickname level (reads `<key>_nick`). Default: true when the key contains "first". */
  nicknames?: boolean;
  /** Include the phonetic level (reads `<key>_dm`, `<key>_nysiis`). Default true. */
  phonetic?: boolean;
  /**
   * Another name key (e.g. `last_name`): adds a level for names entered in each other's field ("Dakin Joselyn"
   * for "Joselyn Dakin") — this name equals, or is within `swapThreshold` Jaro–Winkler of, the other record's
   * `swappedWith` value, and vice versa ("Brker Matilda" for "Matilda Barker").
   */
  swappedWith?: string;
  /** Jaro–Winkler both crossed names must reach for the swapped level. Default 0.88. */
  swapThreshold?: number;
}

/**
 * Person-name comparison. Levels: `exact` → `swapped with <other key>` (only with `swappedWith`) → `nickname`
 * (shared nickname group, e.g. bob/robert; by default only for keys containing "first") →
 * `jaro_winkler >= t` for each threshold → `damerau_levenshtein <= 1` → `phonetic` (a Double Metaphone code in
 * common, primary or alternate, or equal NYSIIS) → `else`. Reads `<key>` (normalized name), `<key>_nick`
 * (string[] of nickname groups), `<key>_dm` ([primary, alternate] Double Metaphone), `<key>_nysiis`.
 *
 * The swapped level holds when the names are crossed exactly, or — when the two names are not similar as they
 * stand (below the lowest Jaro–Winkler threshold) — when both crossed pairs reach `swapThreshold`: names typed
 * into each other's field often carry a typo as well. Give both name comparisons `swappedWith` (first ↔ last) so
 * a swapped pair is not scored as a disagreement on the last name.
 *
 * @example
 * const first = nameComparison('first_name', { thresholds: [0.92, 0.8] });
 * first.levels; // ['exact', 'nickname', 'jaro_winkler >= 0.92', 'jaro_winkler >= 0.8', 'damerau_levenshtein <= 1', 'phonetic', 'else']
 */
export function nameComparison(key: string, options: NameComparisonOptions = {}): Comparison {
  const thresholds = [...(options.thresholds ?? [0.92, 0.8])];
  const useNick = options.nicknames ?? key.includes('first');
  const usePhonetic = options.phonetic ?? true;
  const detect = options.placeholder ?? isPlaceholder;
  const forced = options.placeholder !== undefined;
  const nickKey = `${key}_nick`;
  const nysiisKey = `${key}_nysiis`;
  const dmKey = `${key}_dm`;
  const swapKey = options.swappedWith;
  const swapThreshold = options.swapThreshold ?? 0.88;
  const levels = ['exact'];
  const swapLevel = levels.length;
  if (swapKey !== undefined) levels.push(`swapped with ${swapKey} (jaro_winkler >= ${swapThreshold})`);
  const nickLevel = levels.length;
  if (useNick) levels.push('nickname');
  const firstJw = levels.length;
  for (const t of thresholds) levels.push(`jaro_winkler >= ${t}`);
  const dlLevel = levels.length;
  levels.push('damerau_levenshtein <= 1');
  const phoneticLevel = levels.length;
  if (usePhonetic) levels.push('phonetic');
  const elseLevel = levels.length;
  levels.push('else');
  const lowest = thresholds.length > 0 ? thresholds[thresholds.length - 1]! : 2;
  return {
    name: options.name ?? key,
    levels,
    ...(!forced && { plan: { type: 'name', key, thresholds, nicknames: useNick, phonetic: usePhonetic, swappedWith: swapKey, swapThreshold } as const }),
    compare(a, b) {
      const x = asStr(a.features[key]);
      if (x === undefined) return NULL_LEVEL;
      const y = asStr(b.features[key]);
      if (y === undefined) return NULL_LEVEL;
      if (!usable(a, x, 'name', detect, forced) || !usable(b, y, 'name', detect, forced)) return NULL_LEVEL;
      if (x === y) return 0;
      // Swapped: this record's name is the other's `swapKey` value, and the other way round.
      const xo = swapKey === undefined ? undefined : asStr(a.features[swapKey]);
      const yo = swapKey === undefined ? undefined : asStr(b.features[swapKey]);
      if (xo !== undefined && yo !== undefined && x === yo && y === xo) return swapLevel;
      if (useNick && sharesAny(asStrs(a.features[nickKey]), asStrs(b.features[nickKey]))) return nickLevel;
      const jw = jaroWinklerAtLeast(x, y, lowest);
      if (jw >= lowest) {
        for (let i = 0; i < thresholds.length; i++) if (jw >= thresholds[i]!) return firstJw + i;
      }
      // Crossed with typos; only for names unlike as they stand. Most non-matching pairs get here: the bound of
      // jaroWinklerAtLeast settles nearly all of them without a Jaro pass.
      if (xo !== undefined && yo !== undefined && jaroWinklerAtLeast(x, yo, swapThreshold) >= swapThreshold && jaroWinklerAtLeast(y, xo, swapThreshold) >= swapThreshold) return swapLevel;
      if (damerauLevenshtein(x, y, 1) <= 1) return dlLevel;
      if (usePhonetic) {
        const na = asStr(a.features[nysiisKey]);
        if (na !== undefined && na === asStr(b.features[nysiisKey])) return phoneticLevel;
        if (sharesCode(asStrs(a.features[dmKey]), asStrs(b.features[dmKey]))) return phoneticLevel;
      }
      return elseLevel;
    },
    values: valuesOf(key),
  };
}

/**
 * Date-of-birth comparison. Levels: `exact` → `day and month swapped` → `one component differs or
 * damerau_levenshtein(digits) <= 1` → `within 1 year` → `within 10 years` → `else`. Reads `dob` (ISO
 * `YYYY-MM-DD`), `dob_year`, `dob_month`, `dob_day`, `dob_digits` (`YYYYMMDD`), `dob_days` (days since
 * 1970-01-01). The 10-year level (as Splink's date-of-birth comparison has) keeps a date with two wrong parts
 * ("2001-06-09" for "2011-05-06") apart from an unrelated one: at the same generation it is weak evidence, not
 * a disagreement.
 *
 * @example
 * dobComparison().levels.length; // 6
 */
export function dobComparison(options: ComparisonOptions = {}): Comparison {
  const detect = options.placeholder ?? isPlaceholder;
  const forced = options.placeholder !== undefined;
  return {
    name: options.name ?? 'dob',
    levels: [
      'exact',
      'day and month swapped',
      'one component differs or damerau_levenshtein(digits) <= 1',
      'within 1 year',
      'within 10 years',
      'else',
    ],
    ...(!forced && { plan: { type: 'dob' } as const }),
    compare(a, b) {
      const x = asStr(a.features['dob']);
      if (x === undefined) return NULL_LEVEL;
      const y = asStr(b.features['dob']);
      if (y === undefined) return NULL_LEVEL;
      if (!usable(a, x, 'dob', detect, forced) || !usable(b, y, 'dob', detect, forced)) return NULL_LEVEL;
      if (x === y) return 0;
      const ya = asNum(a.features['dob_year']);
      const ma = asNum(a.features['dob_month']);
      const da = asNum(a.features['dob_day']);
      const yb = asNum(b.features['dob_year']);
      const mb = asNum(b.features['dob_month']);
      const db = asNum(b.features['dob_day']);
      if (ya === yb && ma === db && da === mb) return 1;
      const same = (ya === yb ? 1 : 0) + (ma === mb ? 1 : 0) + (da === db ? 1 : 0);
      if (same === 2) return 2;
      const ga = asStr(a.features['dob_digits']);
      const gb = asStr(b.features['dob_digits']);
      if (ga !== undefined && gb !== undefined && damerauLevenshtein(ga, gb, 1) <= 1) return 2;
      const xa = asNum(a.features['dob_days']);
      const xb = asNum(b.features['dob_days']);
      if (xa !== undefined && xb !== undefined) {
        const apart = Math.abs(xa - xb);
        if (apart <= 365) return 3;
        if (apart <= 3653) return 4;
      }
      return 5;
    },
    values: valuesOf('dob'),
  };
}

/** Shared role mailboxes: "info@" at two companies says nothing about one person. */
export const ROLE_LOCAL_PARTS: ReadonlySet<string> = new Set([
  'info', 'contact', 'sales', 'admin', 'office', 'support', 'hello', 'enquiries', 'inquiries', 'mail', 'team',
  'billing', 'accounts', 'help', 'service', 'marketing', 'hr', 'jobs', 'careers', 'webmaster', 'postmaster',
]);

/**
 * Email comparison. Levels: `exact` (canonical address) → `exact after gmail dots/+tag folding` → `same local
 * part, different domain` (not for role mailboxes such as info@, sales@) → `jaro_winkler(local part) >= 0.88` → `else`. Reads `email` (canonical, lower-cased),
 * `email_provider` (gmail/googlemail addresses with dots and `+tag` removed, domain gmail.com; else the
 * canonical address), `email_local`, `email_domain`.
 *
 * @example
 * emailComparison().levels[0]; // 'exact'
 */
export function emailComparison(options: ComparisonOptions & { localThreshold?: number } = {}): Comparison {
  const detect = options.placeholder ?? isPlaceholder;
  const forced = options.placeholder !== undefined;
  const threshold = options.localThreshold ?? 0.88;
  return {
    name: options.name ?? 'email',
    levels: [
      'exact',
      'exact after gmail dots/+tag folding',
      'same local part, different domain',
      `jaro_winkler(local part) >= ${threshold}`,
      'else',
    ],
    ...(!forced && { plan: { type: 'email', localThreshold: threshold } as const }),
    compare(a, b) {
      const x = asStr(a.features['email']);
      if (x === undefined) return NULL_LEVEL;
      const y = asStr(b.features['email']);
      if (y === undefined) return NULL_LEVEL;
      if (!usable(a, x, 'email', detect, forced) || !usable(b, y, 'email', detect, forced)) return NULL_LEVEL;
      if (x === y) return 0;
      const pa = asStr(a.features['email_provider']);
      if (pa !== undefined && pa === asStr(b.features['email_provider'])) return 1;
      const la = asStr(a.features['email_local']);
      const lb = asStr(b.features['email_local']);
      if (la === undefined || lb === undefined) return 4;
      if (la === lb) return ROLE_LOCAL_PARTS.has(la) ? 4 : 2;
      return jaroWinklerAtLeast(la, lb, threshold) >= threshold ? 3 : 4;
    },
    values: valuesOf('email'),
  };
}

/**
 * Phone comparison. Levels: `exact` (E.164, or the digits when the number did not parse) → `last 7 digits equal
 * or damerau_levenshtein <= 1` (same local number under another prefix, or one typo/transposition) → `else`.
 * Reads `phone`, `phone_digits`, `phone_last7`.
 *
 * @example
 * phoneComparison().levels; // ['exact', 'last 7 digits equal or damerau_levenshtein <= 1', 'else']
 */
export function phoneComparison(options: ComparisonOptions = {}): Comparison {
  const detect = options.placeholder ?? isPlaceholder;
  const forced = options.placeholder !== undefined;
  return {
    name: options.name ?? 'phone',
    levels: ['exact', 'last 7 digits equal or damerau_levenshtein <= 1', 'else'],
    ...(!forced && { plan: { type: 'phone' } as const }),
    compare(a, b) {
      const x = asStr(a.features['phone']);
      if (x === undefined) return NULL_LEVEL;
      const y = asStr(b.features['phone']);
      if (y === undefined) return NULL_LEVEL;
      if (!usable(a, x, 'phone', detect, forced) || !usable(b, y, 'phone', detect, forced)) return NULL_LEVEL;
      if (x === y) return 0;
      const la = asStr(a.features['phone_last7']);
      if (la !== undefined && la === asStr(b.features['phone_last7'])) return 1;
      const da = asStr(a.features['phone_digits']);
      const db = asStr(b.features['phone_digits']);
      if (da !== undefined && db !== undefined && damerauLevenshtein(da, db, 1) <= 1) return 1;
      return 2;
    },
    values: valuesOf('phone'),
  };
}

/**
 * Street-address comparison. Levels: `exact` (normalized street line, number included) → `token set >= t`
 * (Jaccard of word tokens, default 0.8) → `token set >= f and jaro_winkler >= j` on the street line (defaults
 * 0.25 and 0.9: a typo in one word, a dropped locality word; the token floor, free once the Jaccard index is
 * known, spares the Jaro–Winkler pass on lines that share no more than a street type — measured at a quarter of
 * scoring time without it) → `postcode equal` → `else`. Reads `street`, `street_tokens` (sorted string[]),
 * `postcode`.
 *
 * @example
 * addressComparison().levels;
 * // ['exact', 'token set >= 0.8', 'token set >= 0.25 and jaro_winkler >= 0.9', 'postcode equal', 'else']
 */
export function addressComparison(
  options: ComparisonOptions & { tokenThreshold?: number; tokenFloor?: number; jaroWinklerThreshold?: number } = {},
): Comparison {
  const detect = options.placeholder ?? isPlaceholder;
  const forced = options.placeholder !== undefined;
  const threshold = options.tokenThreshold ?? 0.8;
  const floor = options.tokenFloor ?? 0.25;
  const jwThreshold = options.jaroWinklerThreshold ?? 0.9;
  return {
    name: options.name ?? 'address',
    levels: ['exact', `token set >= ${threshold}`, `token set >= ${floor} and jaro_winkler >= ${jwThreshold}`, 'postcode equal', 'else'],
    ...(!forced && { plan: { type: 'address', tokenThreshold: threshold, tokenFloor: floor, jaroWinklerThreshold: jwThreshold } as const }),
    compare(a, b) {
      const x = asStr(a.features['street']);
      if (x === undefined) return NULL_LEVEL;
      const y = asStr(b.features['street']);
      if (y === undefined) return NULL_LEVEL;
      if (!usable(a, x, 'address', detect, forced) || !usable(b, y, 'address', detect, forced)) return NULL_LEVEL;
      if (x === y) return 0;
      const ta = asStrs(a.features['street_tokens']);
      const tb = asStrs(b.features['street_tokens']);
      const overlap = ta !== undefined && tb !== undefined ? sortedJaccard(ta, tb) : 0;
      if (overlap >= threshold) return 1;
      if (overlap >= floor && jaroWinklerAtLeast(x, y, jwThreshold) >= jwThreshold) return 2;
      const pa = asStr(a.features['postcode']);
      if (pa !== undefined && pa === asStr(b.features['postcode']) && usable(a, pa, 'postcode', detect, forced)) return 3;
      return 4;
    },
    values: valuesOf('street'),
  };
}

/**
 * Postcode comparison. Levels: `exact` → `damerau_levenshtein <= 1` → `same first 3 characters` (district) →
 * `else`. Reads `<key>` (default `postcode`: upper-cased, spaces removed).
 *
 * @example
 * postcodeComparison().levels.length; // 4
 */
export function postcodeComparison(options: ComparisonOptions & { key?: string } = {}): Comparison {
  const detect = options.placeholder ?? isPlaceholder;
  const forced = options.placeholder !== undefined;
  const key = options.key ?? 'postcode';
  return {
    name: options.name ?? key,
    levels: ['exact', 'damerau_levenshtein <= 1', 'same first 3 characters', 'else'],
    ...(!forced && { plan: { type: 'postcode', key } as const }),
    compare(a, b) {
      const x = asStr(a.features[key]);
      if (x === undefined) return NULL_LEVEL;
      const y = asStr(b.features[key]);
      if (y === undefined) return NULL_LEVEL;
      if (!usable(a, x, 'postcode', detect, forced) || !usable(b, y, 'postcode', detect, forced)) return NULL_LEVEL;
      if (x === y) return 0;
      if (damerauLevenshtein(x, y, 1) <= 1) return 1;
      if (x.length >= 3 && y.length >= 3 && x.charCodeAt(0) === y.charCodeAt(0) && x.charCodeAt(1) === y.charCodeAt(1)
        && x.charCodeAt(2) === y.charCodeAt(2)) return 2;
      return 3;
    },
    values: valuesOf(key),
  };
}

/**
 * Exact comparison on one feature. Levels: `exact` → `else`. Reads `<key>`.
 *
 * @example
 * exactComparison('gender').levels; // ['exact', 'else']
 */
export function exactComparison(key: string, options: ComparisonOptions & { kind?: PlaceholderKind } = {}): Comparison {
  const detect = options.placeholder ?? isPlaceholder;
  const forced = options.placeholder !== undefined;
  const kind = options.kind ?? 'text';
  return {
    name: options.name ?? key,
    levels: ['exact', 'else'],
    ...(!forced && { plan: { type: 'exact', key } as const }),
    compare(a, b) {
      const x = asStr(a.features[key]);
      if (x === undefined) return NULL_LEVEL;
      const y = asStr(b.features[key]);
      if (y === undefined) return NULL_LEVEL;
      if (!usable(a, x, kind, detect, forced) || !usable(b, y, kind, detect, forced)) return NULL_LEVEL;
      return x === y ? 0 : 1;
    },
    values: valuesOf(key),
  };
}

/**
 * Fuzzy string comparison on one feature (cities, suburbs, free text). Levels: `exact` → `jaro_winkler >= t` per
 * threshold → `else`. Reads `<key>`.
 *
 * @example
 * stringComparison('city', { thresholds: [0.9] }).levels; // ['exact', 'jaro_winkler >= 0.9', 'else']
 */
export function stringComparison(
  key: string,
  options: ComparisonOptions & { thresholds?: readonly number[]; kind?: PlaceholderKind } = {},
): Comparison {
  const detect = options.placeholder ?? isPlaceholder;
  const forced = options.placeholder !== undefined;
  const kind = options.kind ?? 'text';
  const thresholds = [...(options.thresholds ?? [0.9])];
  const levels = ['exact', ...thresholds.map((t) => `jaro_winkler >= ${t}`), 'else'];
  const elseLevel = levels.length - 1;
  const lowest = Math.min(...thresholds);
  return {
    name: options.name ?? key,
    levels,
    ...(!forced && { plan: { type: 'string', key, thresholds } as const }),
    compare(a, b) {
      const x = asStr(a.features[key]);
      if (x === undefined) return NULL_LEVEL;
      const y = asStr(b.features[key]);
      if (y === undefined) return NULL_LEVEL;
      if (!usable(a, x, kind, detect, forced) || !usable(b, y, kind, detect, forced)) return NULL_LEVEL;
      if (x === y) return 0;
      const jw = jaroWinklerAtLeast(x, y, lowest);
      for (let i = 0; i < thresholds.length; i++) if (jw >= thresholds[i]!) return 1 + i;
      return elseLevel;
    },
    values: valuesOf(key),
  };
}

/**
 * Identifier comparison (social-security, tax or government numbers). Levels: `exact` →
 * `damerau_levenshtein <= 1` (one mistyped or transposed character) → `else`. Reads `<key>` (default
 * `identifier`: upper-cased, separators removed).
 *
 * @example
 * identifierComparison().levels; // ['exact', 'damerau_levenshtein <= 1', 'else']
 */
export function identifierComparison(options: ComparisonOptions & { key?: string } = {}): Comparison {
  const detect = options.placeholder ?? isPlaceholder;
  const forced = options.placeholder !== undefined;
  const key = options.key ?? 'identifier';
  return {
    name: options.name ?? key,
    levels: ['exact', 'damerau_levenshtein <= 1', 'else'],
    ...(!forced && { plan: { type: 'identifier', key } as const }),
    compare(a, b) {
      const x = asStr(a.features[key]);
      if (x === undefined) return NULL_LEVEL;
      const y = asStr(b.features[key]);
      if (y === undefined) return NULL_LEVEL;
      if (!usable(a, x, 'identifier', detect, forced) || !usable(b, y, 'identifier', detect, forced)) return NULL_LEVEL;
      if (x === y) return 0;
      return damerauLevenshtein(x, y, 1) <= 1 ? 1 : 2;
    },
    values: valuesOf(key),
  };
}

/**
 * Organization-name comparison. Levels: `exact` (name and legal form) → `exact apart from legal form` →
 * `jaro_winkler >= 0.92` → `token set >= 0.6` → `jaro_winkler >= 0.8` → `else`. Reads `name` (normalized, legal
 * form removed), `legal_form`, `name_tokens` (sorted string[]).
 *
 * With `shortNameLevel`, for listings that carry the short name ("Hay") in one system and the long one ("Chicago
 * Public Schools Hay Comm. Academy") in another, the levels after `token set >= 0.6` are `shorter name within the
 * longer` (every token of the shorter name in the longer) → `half the shorter name shared or jaro_winkler >= 0.8`
 * → `else`.
 *
 * @example
 * companyNameComparison().levels[1]; // 'exact apart from legal form'
 * companyNameComparison({ shortNameLevel: true }).levels[4]; // 'shorter name within the longer'
 */
export function companyNameComparison(options: ComparisonOptions & { shortNameLevel?: boolean } = {}): Comparison {
  const detect = options.placeholder ?? isPlaceholder;
  const forced = options.placeholder !== undefined;
  const shortName = options.shortNameLevel === true;
  return {
    name: options.name ?? 'name',
    levels: shortName
      ? ['exact', 'exact apart from legal form', 'jaro_winkler >= 0.92', 'token set >= 0.6', 'shorter name within the longer', 'half the shorter name shared or jaro_winkler >= 0.8', 'else']
      : ['exact', 'exact apart from legal form', 'jaro_winkler >= 0.92', 'token set >= 0.6', 'jaro_winkler >= 0.8', 'else'],
    compare(a, b) {
      const x = asStr(a.features['name']);
      if (x === undefined) return NULL_LEVEL;
      const y = asStr(b.features['name']);
      if (y === undefined) return NULL_LEVEL;
      if (!usable(a, x, 'name', detect, forced) || !usable(b, y, 'name', detect, forced)) return NULL_LEVEL;
      if (x === y) return a.features['legal_form'] === b.features['legal_form'] ? 0 : 1;
      // Every level below asks for 0.92 or 0.8 at most.
      const jw = jaroWinklerAtLeast(x, y, 0.8);
      if (jw >= 0.92) return 2;
      const ta = asStrs(a.features['name_tokens']);
      const tb = asStrs(b.features['name_tokens']);
      if (!shortName) {
        if (ta !== undefined && tb !== undefined && sortedJaccard(ta, tb) >= 0.6) return 3;
        return jw >= 0.8 ? 4 : 5;
      }
      // One merge walk gives both the token-set and the containment level.
      const common = ta !== undefined && tb !== undefined ? sortedCommon(ta, tb) : 0;
      const na = ta?.length ?? 0;
      const nb = tb?.length ?? 0;
      if ((na === 0 && nb === 0) || common / (na + nb - common) >= 0.6) return 3;
      const smaller = Math.min(na, nb);
      const contained = smaller === 0 ? 0 : common / smaller;
      if (contained === 1) return 4;
      return contained >= 0.5 || jw >= 0.8 ? 5 : 6;
    },
    values: valuesOf('name'),
  };
}

/**
 * The default comparisons for people: first name (with nicknames, and a level for first and last names swapped),
 * last name, date of birth, email, phone,
 * street address, city, postcode and identifier — the features `buildPersonFeatures` produces. First name, last
 * name and city are term-frequency adjusted at their exact level (`adjustByTermFrequency`): "same surname, same
 * big city" weighs less, a shared rare surname more. Measured: docs/identity.md "Scoring".
 *
 * @example
 * defaultPersonComparisons().map((c) => c.name);
 * // ['first_name', 'last_name', 'dob', 'email', 'phone', 'address', 'city', 'postcode', 'identifier']
 */
export function defaultPersonComparisons(): Comparison[] {
  return [
    adjustByTermFrequency(nameComparison('first_name', { thresholds: [0.92, 0.8], swappedWith: 'last_name' })),
    adjustByTermFrequency(nameComparison('last_name', { thresholds: [0.92, 0.8], swappedWith: 'first_name' })),
    dobComparison(),
    emailComparison(),
    phoneComparison(),
    addressComparison(),
    adjustByTermFrequency(stringComparison('city', { thresholds: [0.9] })),
    postcodeComparison(),
    identifierComparison(),
  ];
}

/**
 * The default comparisons for organizations: name, website domain, phone, street address, city, postcode and
 * identifier — the features `buildOrganizationFeatures` produces.
 *
 * @example
 * defaultOrganizationComparisons().map((c) => c.name);
 * // ['name', 'website', 'phone', 'address', 'city', 'postcode', 'identifier']
 */
export function defaultOrganizationComparisons(): Comparison[] {
  return [
    companyNameComparison(),
    exactComparison('website'),
    phoneComparison(),
    addressComparison(),
    stringComparison('city', { thresholds: [0.9] }),
    postcodeComparison(),
    identifierComparison(),
  ];
}
