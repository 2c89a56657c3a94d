/** Identity comparison: string kernels, phonetic codes and Splink-style comparison factories. */
export {
  damerauLevenshtein,
  jaccard,
  jaro,
  jaroWinkler,
  levenshtein,
  sortedJaccard,
  tokenSetSimilarity,
  wordTokens,
} from './strings.js';
export { nysiis, soundex } from './phonetic.js';
export { doubleMetaphone } from './double-metaphone.js';
export {
  addressComparison,
  companyNameComparison,
  defaultOrganizationComparisons,
  defaultPersonComparisons,
  dobComparison,
  emailComparison,
  exactComparison,
  identifierComparison,
  nameComparison,
  phoneComparison,
  postcodeComparison,
  stringComparison,
} from './comparisons.js';
export type { ComparisonOptions, NameComparisonOptions } from './comparisons.js';
