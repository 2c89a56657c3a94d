/**
 * Phonetic codes for names: American Soundex (with the H/W rule, as the US National Archives specify it) and
 * NYSIIS (New York State Identification and Intelligence System, Taft 1970, without truncation). Both take any
 * string; letters are folded to A–Z (accents stripped) and everything else is ignored. Codes are precomputed
 * into record features, so these functions are off the pair-scoring hot path.
 */

const SOUNDEX_DIGITS = '01230120022455012623010202';

function foldLetters(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/ß/g, 'SS')
    .replace(/[ÆæŒœ]/g, 'AE')
    .replace(/[ØøŁł]/g, (c) => (c === 'Ø' || c === 'ø' ? 'O' : 'L'))
    .replace(/[^A-Z]/g, '');
}

/**
 * American Soundex: the first letter, then up to three digits (`BFPV`=1, `CGJKQSXZ`=2, `DT`=3, `L`=4, `MN`=5,
 * `R`=6), padded with zeros. Letters with the same digit next to each other — or separated only by H or W —
 * count once; vowels separate them. Empty string when the input has no letter.
 *
 * @example
 * soundex('Robert'); // 'R163'
 * soundex('Ashcraft'); // 'A261'
 * soundex('Tymczak'); // 'T522'
 */
export function soundex(name: string): string {
  const s = foldLetters(name);
  if (s === '') return '';
  let code = s[0]!;
  let last = SOUNDEX_DIGITS.charCodeAt(s.charCodeAt(0) - 65);
  for (let i = 1; i < s.length && code.length < 4; i++) {
    const c = s.charCodeAt(i);
    // H and W do not separate letters with the same code.
    if (c === 72 || c === 87) continue;
    const d = SOUNDEX_DIGITS.charCodeAt(c - 65);
    if (d === 48) {
      // Vowels (and Y) separate: the next letter with the previous code is coded again.
      last = 48;
      continue;
    }
    if (d !== last) code += String.fromCharCode(d);
    last = d;
  }
  return code.padEnd(4, '0');
}

const VOWELS = 'AEIOU';

function isVowel(c: string | undefined): boolean {
  return c !== undefined && c !== '' && VOWELS.includes(c);
}

/**
 * NYSIIS code (original algorithm, not truncated to six characters).
 *
 * Steps: prefixes MAC→MCC, KN→NN, K→C, PH/PF→FF, SCH→SSS; suffixes EE/IE→Y, DT/RT/RD/NT/ND→D; keep the first
 * letter; then EV→AF, vowels→A, Q→G, Z→S, M→N, KN→N, K→C, SCH→SSS, PH→FF, H after or before a non-vowel →
 * the previous letter, W after a vowel → the previous letter; a letter equal to the code's last one is skipped;
 * finally drop a trailing S, AY→Y, drop a trailing A.
 *
 * @example
 * nysiis('Catherine'); // 'CATARAN'
 * nysiis('Katherine'); // 'CATARAN'
 * nysiis('John'); // 'JAN'
 */
export function nysiis(name: string): string {
  let s = foldLetters(name);
  if (s === '') return '';
  if (s.startsWith('MAC')) s = `MCC${s.slice(3)}`;
  else if (s.startsWith('KN')) s = `NN${s.slice(2)}`;
  else if (s.startsWith('K')) s = `C${s.slice(1)}`;
  else if (s.startsWith('PH') || s.startsWith('PF')) s = `FF${s.slice(2)}`;
  else if (s.startsWith('SCH')) s = `SSS${s.slice(3)}`;
  if (s.length > 1 && (s.endsWith('EE') || s.endsWith('IE'))) s = `${s.slice(0, -2)}Y`;
  else if (s.length > 1 && /(?:DT|RT|RD|NT|ND)$/.test(s)) s = `${s.slice(0, -2)}D`;

  const chars = s.split('');
  let key = chars[0]!;
  for (let i = 1; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    let out: string;
    if (c === 'E' && next === 'V') {
      chars[i + 1] = 'F';
      out = 'A';
    } else if (isVowel(c)) out = 'A';
    else if (c === 'Q') out = 'G';
    else if (c === 'Z') out = 'S';
    else if (c === 'M') out = 'N';
    else if (c === 'K') out = next === 'N' ? 'N' : 'C';
    else if (c === 'S' && next === 'C' && chars[i + 2] === 'H') {
      chars[i + 1] = 'S';
      chars[i + 2] = 'S';
      out = 'S';
    } else if (c === 'P' && next === 'H') {
      chars[i + 1] = 'F';
      out = 'F';
    } else if (c === 'H' && (!isVowel(chars[i - 1]) || !isVowel(next))) out = chars[i - 1]!;
    else if (c === 'W' && isVowel(chars[i - 1])) out = chars[i - 1]!;
    else out = c;
    // The translated letter replaces the original, so later rules look at the translation.
    chars[i] = out;
    if (out !== key[key.length - 1]) key += out;
  }
  if (key.length > 1 && key.endsWith('S')) key = key.slice(0, -1);
  if (key.length > 1 && key.endsWith('AY')) key = `${key.slice(0, -2)}Y`;
  if (key.length > 1 && key.endsWith('A')) key = key.slice(0, -1);
  return key;
}
