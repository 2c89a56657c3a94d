/**
 * String similarity and distance kernels for identity comparisons. They run on every candidate pair, so they are
 * written for speed: `charCodeAt` loops, module-level typed-array buffers that grow when needed and are reused
 * (no matrix allocated per call), and early exits. Strings are compared by UTF-16 code unit; callers compare
 * normalized (NFD-stripped, lower-cased) values, where that is the same as comparing characters.
 */

let flagsLong = new Uint8Array(64);
let flagsShort = new Uint8Array(64);
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);
// Bit masks of positions, one per code unit (Myers' Levenshtein, Jaro on short strings); zero between calls.
const peq = new Uint32Array(0x10000);

function ensureFlags(n: number): void {
  if (flagsLong.length < n) {
    flagsLong = new Uint8Array(n * 2);
    flagsShort = new Uint8Array(n * 2);
  }
}

function ensureRows(n: number): void {
  if (rowA.length < n) {
    rowA = new Int32Array(n * 2);
    rowB = new Int32Array(n * 2);
    rowC = new Int32Array(n * 2);
  }
}

/**
 * Jaro similarity in [0, 1]. Matching window `floor(max(|a|,|b|) / 2) - 1`; half-transpositions are floored
 * as in Winkler's strcmp95. Two empty strings are identical (1). The shorter string (or, at equal lengths, the
 * lexically smaller) drives the greedy matching, so the result is symmetric.
 *
 * @example
 * jaro('martha', 'marhta'); // 0.9444…
 */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  let s = a;
  let l = b;
  if (a.length > b.length || (a.length === b.length && a > b)) {
    s = b;
    l = a;
  }
  const ls = s.length;
  const ll = l.length;
  if (ls === 0) return 0;
  const range = Math.max((ll >> 1) - 1, 0);
  return ll <= 32 ? jaroBits(s, l, ls, ll, range) : jaroArrays(s, l, ls, ll, range);
}

// Names are short: with at most 32 code units, the matched flags of both strings fit in two integers, and so
// do the positions of each code unit of the longer string (`peq`, set here and cleared before returning). The
// first unmatched position of s[i] in the window is then the lowest bit of one AND — the same greedy choice as
// scanning the window, without the scan.
function jaroBits(s: string, l: string, ls: number, ll: number, range: number): number {
  for (let j = 0; j < ll; j++) {
    const c = l.charCodeAt(j);
    peq[c] = peq[c]! | (1 << j);
  }
  // Bits 0 … hi-1 of the window, where hi ≤ ll ≤ 32 (1 << 32 is 1 in JavaScript, hence the -1).
  const all = ll === 32 ? -1 : (1 << ll) - 1;
  let fl = 0;
  let fs = 0;
  let matches = 0;
  for (let i = 0; i < ls; i++) {
    const lo = i - range > 0 ? i - range : 0;
    const hi = i + range + 1;
    const window = (hi >= ll ? all : (1 << hi) - 1) & ~((1 << lo) - 1);
    const free = peq[s.charCodeAt(i)]! & window & ~fl;
    if (free !== 0) {
      fl |= free & -free;
      fs |= 1 << i;
      matches++;
    }
  }
  for (let j = 0; j < ll; j++) peq[l.charCodeAt(j)] = 0;
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < ls; i++) {
    if ((fs & (1 << i)) === 0) continue;
    while ((fl & (1 << k)) === 0) k++;
    if (s.charCodeAt(i) !== l.charCodeAt(k)) transpositions++;
    k++;
  }
  const t = transpositions >> 1;
  return (matches / ls + matches / ll + (matches - t) / matches) / 3;
}

function jaroArrays(s: string, l: string, ls: number, ll: number, range: number): number {
  ensureFlags(ll);
  const fl = flagsLong;
  const fs = flagsShort;
  fl.fill(0, 0, ll);
  fs.fill(0, 0, ls);
  let matches = 0;
  for (let i = 0; i < ls; i++) {
    const c = s.charCodeAt(i);
    const lo = i - range > 0 ? i - range : 0;
    const hi = i + range + 1 < ll ? i + range + 1 : ll;
    for (let j = lo; j < hi; j++) {
      if (fl[j] === 0 && l.charCodeAt(j) === c) {
        fl[j] = 1;
        fs[i] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < ls; i++) {
    if (fs[i] === 0) continue;
    while (fl[k] === 0) k++;
    if (s.charCodeAt(i) !== l.charCodeAt(k)) transpositions++;
    k++;
  }
  const t = transpositions >> 1;
  return (matches / ls + matches / ll + (matches - t) / matches) / 3;
}

/**
 * Jaro–Winkler similarity in [0, 1]: Jaro plus a bonus for a common prefix of up to 4 characters,
 * `jaro + prefix * prefixScale * (1 - jaro)`, applied when Jaro is at least 0.7 (Winkler's boost threshold).
 * `prefixScale` must not exceed 0.25, or scores could pass 1.
 *
 * @example
 * jaroWinkler('martha', 'marhta'); // 0.9611…
 * jaroWinkler('dixon', 'dicksonx'); // 0.8133…
 */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  if (a === b) return 1;
  const j = jaro(a, b);
  if (j < 0.7) return j;
  const limit = Math.min(a.length, b.length, 4);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * prefixScale * (1 - j);
}

/**
 * `jaroWinkler(a, b, prefixScale)` when it is at least `min`; otherwise some number below `min`. For a comparison
 * that only asks whether a pair reaches its thresholds, this skips the Jaro pass on pairs that cannot: the
 * characters two strings match are at most those of one whose letter occurs in the other at all (a 32-bit
 * presence mask, one short loop per string), and that bound, the lengths and the common prefix bound the score
 * from above. Unrelated names ("maria" / "thomas": at most 2 matches, score ≤ 0.58) are refused without it.
 * Why: among the candidate pairs of a million people most pairs are not matches, and Jaro–Winkler on their
 * names, emails and streets was ~40% of comparing them.
 *
 * @example
 * jaroWinklerAtLeast('martha', 'marhta', 0.9); // 0.9611… (as jaroWinkler)
 * jaroWinklerAtLeast('maria', 'thomas', 0.8) < 0.8; // true, without running Jaro
 */
export function jaroWinklerAtLeast(a: string, b: string, min: number, prefixScale = 0.1): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  // Each match pairs a character of b with an equal one of a: at most the characters of b whose letter a has.
  // (The same count the other way round tightened the bound on almost no pair of names and cost a third loop.)
  let maskA = 0;
  for (let i = 0; i < la; i++) maskA |= 1 << (a.charCodeAt(i) & 31);
  let inA = 0;
  for (let j = 0; j < lb; j++) if ((maskA & (1 << (b.charCodeAt(j) & 31))) !== 0) inA++;
  const bound = Math.min(inA, la, lb);
  if (bound === 0) return 0;
  const upper = (bound / la + bound / lb + 1) / 3;
  const limit = Math.min(la, lb, 4);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  // The score rises with Jaro, so the bound of Jaro bounds it; the margin covers rounding in the two formulas.
  if (upper + prefix * prefixScale * (1 - upper) < min - 1e-9) return -1;
  return jaroWinkler(a, b, prefixScale);
}

/**
 * Levenshtein distance (insertions, deletions, substitutions). With `max`, the result is capped at `max + 1`
 * ("more than max") and the computation stops early once the bound is certain. After a shared prefix and suffix
 * are trimmed, strings with a side of at most 32 code units use Myers' bit-parallel algorithm; longer ones a
 * single-row dynamic programme.
 *
 * @example
 * levenshtein('kitten', 'sitting'); // 3
 * levenshtein('kitten', 'sitting', 1); // 2 (means "more than 1")
 */
export function levenshtein(a: string, b: string, max?: number): number {
  if (a === b) return 0;
  let s = a;
  let l = b;
  if (a.length > b.length) {
    s = b;
    l = a;
  }
  const cap = max === undefined ? Infinity : max;
  if (l.length - s.length > cap) return cap + 1;
  // Common prefix and suffix cannot change the distance.
  let start = 0;
  let endS = s.length;
  let endL = l.length;
  while (start < endS && s.charCodeAt(start) === l.charCodeAt(start)) start++;
  while (endS > start && s.charCodeAt(endS - 1) === l.charCodeAt(endL - 1)) {
    endS--;
    endL--;
  }
  const n = endS - start;
  const m = endL - start;
  if (n === 0) return m > cap ? cap + 1 : m;
  // After trimming, a distance of 1 leaves exactly one differing unit (substitution) or one extra one.
  if (cap <= 1) return m === 1 ? 1 : cap + 1;
  // Myers' loop runs once per unit of the string that is not in the bit masks: mask the longer one when it fits.
  const d = m <= 32 ? myers32(l, s, start, m, n) : n <= 32 ? myers32(s, l, start, n, m) : levenshteinRows(s, l, start, n, m, cap);
  return d > cap ? cap + 1 : d;
}

/** Myers' bit-parallel distance: `s` (n ≤ 32 units from `off`) in the bit masks, `l` (m units) scanned. */
function myers32(s: string, l: string, off: number, n: number, m: number): number {
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(off + i);
    peq[c] = peq[c]! | (1 << i);
  }
  const last = 1 << (n - 1);
  let pv = -1;
  let mv = 0;
  let score = n;
  for (let j = 0; j < m; j++) {
    let eq = peq[l.charCodeAt(off + j)]!;
    const xv = eq | mv;
    eq |= ((eq & pv) + pv) ^ pv;
    mv |= ~(eq | pv);
    pv &= eq;
    if (mv & last) score++;
    if (pv & last) score--;
    mv = (mv << 1) | 1;
    pv = (pv << 1) | ~(xv | mv);
    mv &= xv;
  }
  for (let i = 0; i < n; i++) peq[s.charCodeAt(off + i)] = 0;
  return score;
}

function levenshteinRows(s: string, l: string, off: number, n: number, m: number, cap: number): number {
  ensureRows(n + 1);
  const row = rowA;
  for (let i = 0; i <= n; i++) row[i] = i;
  for (let j = 1; j <= m; j++) {
    const c = l.charCodeAt(off + j - 1);
    let diag = row[0]!;
    row[0] = j;
    let rowMin = j;
    for (let i = 1; i <= n; i++) {
      const up = row[i]!;
      const cost = s.charCodeAt(off + i - 1) === c ? 0 : 1;
      let v = diag + cost;
      const del = up + 1;
      const ins = row[i - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      row[i] = v;
      diag = up;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
  }
  return row[n]!;
}

/**
 * Optimal string alignment distance — Damerau–Levenshtein where each substring is edited at most once:
 * insertions, deletions, substitutions and transpositions of two adjacent characters each cost 1.
 * `'ca' → 'abc'` is 3 (OSA cannot transpose and then insert between). With `max`, the result is capped at
 * `max + 1` and the computation stops once every cell of a row exceeds `max`.
 *
 * @example
 * damerauLevenshtein('martha', 'marhta'); // 1
 * damerauLevenshtein('ca', 'abc'); // 3
 */
export function damerauLevenshtein(a: string, b: string, max?: number): number {
  if (a === b) return 0;
  let s = a;
  let l = b;
  if (a.length > b.length) {
    s = b;
    l = a;
  }
  const cap = max === undefined ? Infinity : max;
  if (l.length - s.length > cap) return cap + 1;
  // A shared prefix or suffix never takes part in an optimal transposition (its characters already match).
  let start = 0;
  let endS = s.length;
  let endL = l.length;
  while (start < endS && s.charCodeAt(start) === l.charCodeAt(start)) start++;
  while (endS > start && s.charCodeAt(endS - 1) === l.charCodeAt(endL - 1)) {
    endS--;
    endL--;
  }
  const n = endS - start;
  const m = endL - start;
  if (n === 0) return m > cap ? cap + 1 : m;
  if (cap <= 1) {
    // After trimming, distance 1 is one differing unit, one extra unit, or two swapped units.
    if (m === 1) return 1;
    if (n === 2 && m === 2 && s.charCodeAt(start) === l.charCodeAt(start + 1) && s.charCodeAt(start + 1) === l.charCodeAt(start)) {
      return 1;
    }
    return cap + 1;
  }
  ensureRows(n + 1);
  // prev2 = row j-2, prev = row j-1, cur = row j (rows run over the longer string, columns over the shorter).
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let i = 0; i <= n; i++) prev[i] = i;
  let lPrev = -1;
  for (let j = 1; j <= m; j++) {
    const lc = l.charCodeAt(start + j - 1);
    cur[0] = j;
    let rowMin = j;
    let sPrev = -1;
    for (let i = 1; i <= n; i++) {
      const sc = s.charCodeAt(start + i - 1);
      const cost = sc === lc ? 0 : 1;
      let v = prev[i - 1]! + cost;
      const del = prev[i]! + 1;
      const ins = cur[i - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && sc === lPrev && sPrev === lc) {
        const tr = prev2[i - 2]! + 1;
        if (tr < v) v = tr;
      }
      cur[i] = v;
      if (v < rowMin) rowMin = v;
      sPrev = sc;
    }
    if (rowMin > cap) return cap + 1;
    lPrev = lc;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[n]!;
  return d > cap ? cap + 1 : d;
}

const TOKEN_SPLIT = /[^\p{L}\p{N}]+/u;

/**
 * Word tokens of a string: lower-cased, split on anything that is not a letter or digit, de-duplicated and
 * sorted (the form `sortedJaccard` takes).
 *
 * @example
 * wordTokens('12 Main St., Main'); // ['12', 'main', 'st']
 */
export function wordTokens(text: string): string[] {
  const out = [...new Set(text.toLowerCase().split(TOKEN_SPLIT).filter((t) => t !== ''))];
  out.sort();
  return out;
}

/**
 * Token-set similarity, defined here as the Jaccard index of the two strings' word-token sets
 * (`|A ∩ B| / |A ∪ B|`, tokens from `wordTokens`): word order and repeated words do not matter. Two strings
 * without tokens are identical (1); one without tokens shares nothing (0). For pairs scored many times,
 * precompute `wordTokens` once and call `sortedJaccard`.
 *
 * @example
 * tokenSetSimilarity('12 Main Street', 'Street Main 12'); // 1
 * tokenSetSimilarity('12 Main Street', '12 Main Road'); // 0.5
 */
export function tokenSetSimilarity(a: string, b: string): number {
  return sortedJaccard(wordTokens(a), wordTokens(b));
}

/**
 * Jaccard index of two sets, `|A ∩ B| / |A ∪ B|`; 1 when both are empty.
 *
 * @example
 * jaccard(new Set(['a', 'b']), new Set(['b', 'c'])); // 0.333…
 */
export function jaccard<T>(setA: ReadonlySet<T>, setB: ReadonlySet<T>): number {
  if (setA.size === 0 && setB.size === 0) return 1;
  let small = setA;
  let large = setB;
  if (small.size > large.size) {
    small = setB;
    large = setA;
  }
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return common / (setA.size + setB.size - common);
}

/**
 * How many strings two sorted arrays of distinct strings share, by a merge walk (no allocation).
 *
 * @example
 * sortedCommon(['12', 'main', 'st'], ['12', 'main', 'rd']); // 2
 */
export function sortedCommon(a: readonly string[], b: readonly string[]): number {
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
  return common;
}

/**
 * Jaccard index of two sorted arrays of distinct strings; 1 when both are empty. The hot-path form of `jaccard`
 * for precomputed token sets.
 *
 * @example
 * sortedJaccard(['12', 'main', 'st'], ['12', 'main', 'rd']); // 0.5
 */
export function sortedJaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const common = sortedCommon(a, b);
  return common / (a.length + b.length - common);
}

/**
 * Shared strings over the smaller array's size (sorted arrays of distinct strings): 1 when one is inside the
 * other, 0 when either is empty.
 *
 * @example
 * tokenContainment(['hay'], ['academy', 'hay', 'schools']); // 1
 */
export function tokenContainment(a: readonly string[], b: readonly string[]): number {
  const smaller = Math.min(a.length, b.length);
  return smaller === 0 ? 0 : sortedCommon(a, b) / smaller;
}
