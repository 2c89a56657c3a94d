/**
 * A folding key for looking names up: accents stripped (NFD), lower-cased, "&" read as "and", dots and
 * apostrophes removed ("U.S.A." → "usa"), other punctuation as spaces, whitespace collapsed, a leading "the"
 * dropped, "saint" read as "st".
 *
 * @example
 * lookupKey('  The Côte d’Ivoire '); // 'cote divoire'
 */
export function lookupKey(text: string): string {
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'’‘`´()]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    // "Saint Lucia", "St. Lucia" and "St Lucia" are one name.
    .replace(/\bsaint\b/g, 'st');
  return folded.startsWith('the ') ? folded.slice(4) : folded;
}
