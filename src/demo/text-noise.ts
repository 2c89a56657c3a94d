/**
 * The small corruptions real CRM data carries: keyboard typos, lost accents, changed case. Pure functions over
 * strings with an explicit random source, so a seed reproduces every typo.
 *
 * @example
 * typo('Johnson', new Rng(3));      // e.g. 'Jonhson' (transposed), 'Johnsn' (deleted), …
 * stripAccents('Zoë Müller');      // 'Zoe Muller'
 * transliterate('Müller');         // 'Mueller'
 */
import type { Rng } from './prng.js';

export type TypoKind = 'insert' | 'delete' | 'substitute' | 'transpose';

// QWERTY neighbours: substitutions and insertions mostly hit an adjacent key.
const NEIGHBOURS: Readonly<Record<string, string>> = {
  a: 'qwsz', b: 'vghn', c: 'xdfv', d: 'serfcx', e: 'wsdr', f: 'drtgvc', g: 'ftyhbv', h: 'gyujnb', i: 'ujko',
  j: 'huikmn', k: 'jiolm', l: 'kop', m: 'njk', n: 'bhjm', o: 'iklp', p: 'ol', q: 'wa', r: 'edft', s: 'awedxz',
  t: 'rfgy', u: 'yhji', v: 'cfgb', w: 'qase', x: 'zsdc', y: 'tghu', z: 'asx',
};

function neighbourOf(ch: string, rng: Rng): string {
  const lower = ch.toLowerCase();
  const pool = NEIGHBOURS[lower] ?? 'etaoin';
  const out = rng.pick([...pool]);
  return ch === lower ? out : out.toUpperCase();
}

/**
 * One keyboard typo. The first character is left alone (people rarely mistype the initial, and blocking on it
 * is common), strings shorter than 3 characters are returned unchanged.
 *
 * @example
 * typo('Katherine', rng, 'delete'); // e.g. 'Katherne'
 */
export function typo(text: string, rng: Rng, kind: TypoKind = rng.pick(['insert', 'delete', 'substitute', 'transpose'] as const)): string {
  const chars = [...text];
  if (chars.length < 3) return text;
  // Positions 1..n-1 that hold letters (never break "O'Brien" at the apostrophe or a hyphen).
  const letters: number[] = [];
  for (let i = 1; i < chars.length; i++) if (/\p{L}/u.test(chars[i] ?? '')) letters.push(i);
  if (letters.length === 0) return text;
  const at = rng.pick(letters);
  const ch = chars[at] ?? '';
  switch (kind) {
    case 'insert':
      chars.splice(at, 0, neighbourOf(ch, rng));
      break;
    case 'delete':
      chars.splice(at, 1);
      break;
    case 'substitute':
      chars[at] = neighbourOf(ch, rng);
      break;
    case 'transpose': {
      const next = at + 1 < chars.length ? at + 1 : at - 1;
      if (next < 1) return text;
      const other = chars[next] ?? '';
      if (other === ch) {
        // Swapping equal letters is no typo; delete instead so the record still differs.
        chars.splice(at, 1);
        break;
      }
      chars[next] = ch;
      chars[at] = other;
      break;
    }
  }
  return chars.join('');
}

/** Removes combining marks: 'José' → 'Jose', 'Łukasz' → 'Lukasz', 'Søren' → 'Soren'. */
export function stripAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae');
}

/** German-style transliteration ('Müller' → 'Mueller', 'Straße' → 'Strasse'), then accents stripped. */
export function transliterate(text: string): string {
  return stripAccents(
    text
      .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue')
      .replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue')
      .replace(/ß/g, 'ss'),
  );
}

/** True when the text has characters outside ASCII. */
export function hasAccents(text: string): boolean {
  return /[^\u0020-\u007e]/.test(text);
}

/** Capitalises each word as careless data entry does ("van der berg" → "Van Der Berg", "O'BRIEN" → "O'brien"). */
export function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** An ASCII e-mail local part from name parts: lower-case, accents stripped, spaces and apostrophes removed. */
export function emailSafe(text: string): string {
  return stripAccents(text).toLowerCase().replace(/[^a-z0-9]/g, '');
}
