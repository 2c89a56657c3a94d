/**
 * Person names: composing the CIM `personName` (crosswalk T12), a folding key for matching, and splitting a
 * full name into parts.
 */

/** Name parts as records carry them: any may be missing or explicitly undefined. */
export interface PersonNameParts {
  salutation?: string | undefined;
  firstName?: string | undefined;
  middleName?: string | undefined;
  lastName?: string | undefined;
  suffix?: string | undefined;
}

/** Name parts found in a full name: a part is present only when found. */
export interface SplitName {
  salutation?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  suffix?: string;
}

const SALUTATIONS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'rev', 'fr', 'hon', 'lord', 'lady',
  'herr', 'frau', 'mme', 'mlle', 'sr', 'sra', 'srta', 'don', 'dona',
]);
// 'sr' is both "Señor" and "Senior": it is a salutation in front and a suffix at the end.
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq', 'dds', 'cpa', 'mba', 'jd', 'rn', 'dvm', 'obe', 'mbe', 'cbe']);
// Lower-case particles that begin a family name ("Ludwig van Beethoven", "Oscar de la Hoya").
const PARTICLES = new Set(['van', 'von', 'de', 'da', 'del', 'della', 'der', 'den', 'di', 'du', 'la', 'le', 'ter', 'ten', 'bin', 'ibn', 'al', 'dos', 'das', 'zu', 'st']);
// Letters NFD does not decompose.
const FOLD: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', ı: 'i' };

/**
 * Salutation, first, middle, last and suffix joined with single spaces, blanks skipped (T12).
 *
 * @example
 * composePersonName({ salutation: 'Dr.', firstName: 'Ada', lastName: ' King ' }); // 'Dr. Ada King'
 */
export function composePersonName(parts: PersonNameParts): string {
  return [parts.salutation, parts.firstName, parts.middleName, parts.lastName, parts.suffix]
    .map((part) => (part ?? '').replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * A name folded for matching: lower-case, accents stripped, punctuation dropped except hyphens and apostrophes
 * inside a name, whitespace collapsed.
 *
 * @example
 * normalizeNameForMatch('  José  O’Brien-Smith, Jr. '); // "jose o'brien-smith jr"
 */
export function normalizeNameForMatch(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœłđðþßı]/g, (c) => FOLD[c] ?? c)
    .replace(/[’‘`´ʼ]/g, "'")
    // Dots join initials and abbreviations ("J.R.R.", "St.") rather than separate words.
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}'\-\s]/gu, ' ')
    // A hyphen or apostrophe counts only between two letters or digits.
    .replace(/(?<![\p{L}\p{N}])['-]+|['-]+(?![\p{L}\p{N}])/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A full name split into parts: a leading salutation, a trailing suffix, "Last, First Middle" order, and family
 * names that begin with a particle ("van", "de la").
 *
 * @example
 * splitFullName('Dr. Ada King'); // { salutation: 'Dr.', firstName: 'Ada', lastName: 'King' }
 * splitFullName('King, Ada'); // { firstName: 'Ada', lastName: 'King' }
 * splitFullName('Ada B. King Jr.'); // { firstName: 'Ada', middleName: 'B.', lastName: 'King', suffix: 'Jr.' }
 */
export function splitFullName(full: string): SplitName {
  const text = full.replace(/\s+/g, ' ').trim();
  const out: SplitName = {};
  if (text === '') return out;

  const commaParts = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  let words: string[];
  let lastFromComma: string[] | undefined;
  const suffixes: string[] = [];
  if (commaParts.length >= 2 && !commaParts.slice(1).every(isSuffixPhrase)) {
    // "King, Ada B." or "King Jr., Ada" or "King, Ada, PhD".
    lastFromComma = (commaParts[0] ?? '').split(' ');
    while (lastFromComma.length > 1 && isSuffix(lastFromComma[lastFromComma.length - 1] ?? '')) {
      suffixes.unshift(lastFromComma.pop() ?? '');
    }
    words = (commaParts[1] ?? '').split(' ');
    for (const extra of commaParts.slice(2)) suffixes.push(extra);
  } else {
    // "Ada King, Jr." or "Ada King".
    words = (commaParts[0] ?? '').split(' ');
    for (const extra of commaParts.slice(1)) suffixes.push(extra);
  }

  // Titles stack in some cultures ("Prof. Dr.").
  const salutations: string[] = [];
  while (words.length > 1 && SALUTATIONS.has(bare(words[0] ?? ''))) salutations.push(words.shift() ?? '');
  if (salutations.length > 0) out.salutation = salutations.join(' ');
  if (lastFromComma === undefined) {
    while (words.length > 2 && isSuffix(words[words.length - 1] ?? '')) suffixes.unshift(words.pop() ?? '');
  }
  if (suffixes.length > 0) out.suffix = suffixes.join(' ');

  if (lastFromComma !== undefined) {
    if (lastFromComma.join(' ') !== '') out.lastName = lastFromComma.join(' ');
    assignGiven(out, words);
    return out;
  }
  if (words.length === 1) {
    if (words[0] !== undefined && words[0] !== '') out.lastName = words[0];
    return out;
  }
  // The family name starts at the first particle after the given name, else it is the last word.
  let lastStart = words.length - 1;
  for (let i = 1; i < words.length - 1; i += 1) {
    if (PARTICLES.has(words[i] ?? '')) {
      lastStart = i;
      break;
    }
  }
  out.lastName = words.slice(lastStart).join(' ');
  assignGiven(out, words.slice(0, lastStart));
  return out;
}

function assignGiven(out: SplitName, given: string[]): void {
  const [first, ...middle] = given.filter((word) => word !== '');
  if (first !== undefined) out.firstName = first;
  if (middle.length > 0) out.middleName = middle.join(' ');
}

function bare(word: string): string {
  return word.toLowerCase().replace(/\./g, '');
}

function isSuffix(word: string): boolean {
  return SUFFIXES.has(bare(word));
}

function isSuffixPhrase(phrase: string): boolean {
  return phrase.split(' ').every(isSuffix);
}
