/**
 * Person-name normalization for matching: one canonical spelling per name so that exact comparison ignores
 * case, accents, punctuation and spacing.
 */

// Letters NFD does not decompose into a base letter and a mark.
const FOLD: Readonly<Record<string, string>> = {
  ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', ı: 'i', ħ: 'h', ŧ: 't',
};

/**
 * Lower-cases, strips accents (NFD, marks removed, ø/æ/ß… folded), drops apostrophes and dots (which join
 * parts of one name: "O'Brien", "J.R."), turns every other non-letter/digit into a space, and collapses spaces.
 *
 * @example
 * normalizePersonName('  José  O’Brien-Smith, Jr. '); // 'jose obrien smith jr'
 * normalizePersonName('SØREN'); // 'soren'
 */
export function normalizePersonName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœłđðþßıħŧ]/g, (c) => FOLD[c] ?? c)
    .replace(/['’‘`´ʼ.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
