/**
 * Scalar values: booleans, strict decimal numbers, half-even rounding (crosswalk T9) and choice value tables
 * (crosswalk T4).
 */
import { ConcordError } from '../../core/errors.js';

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n']);
// Plain decimal: optional sign, digits with an optional fraction (or a bare fraction), optional exponent. No
// grouping separators, no currency signs, no hex, no "Infinity": "1,234.50" is ambiguous across locales
// (1.234,50 in DE) and guessing would corrupt amounts silently.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NUMBER_TEXT = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * `true`/`false` from booleans, 1/0 and the words true/false, yes/no, y/n (any case, trimmed); else `undefined`.
 *
 * @example
 * parseBoolean('Yes'); // true
 * parseBoolean('maybe'); // undefined
 */
export function parseBoolean(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw === 1 ? true : raw === 0 ? false : undefined;
  if (typeof raw !== 'string') return undefined;
  const word = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; reason: string };

/**
 * A finite number from a number, a safe bigint or a plain decimal string (sign, digits, optional fraction and
 * exponent; surrounding whitespace allowed). Rejects grouping separators, trailing text, NaN, ±Infinity, and
 * integral values beyond ±Number.MAX_SAFE_INTEGER (they would not survive as exact integers).
 *
 * @example
 * parseNumber('-12.5e2'); // { ok: true, value: -1250 }
 * parseNumber('1,234.50'); // { ok: false, reason: 'not a plain decimal number: "1,234.50"' }
 */
export function parseNumber(raw: unknown): ParsedNumber {
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'bigint') {
    if (raw > BigInt(Number.MAX_SAFE_INTEGER) || raw < BigInt(Number.MIN_SAFE_INTEGER)) {
      return { ok: false, reason: `integer beyond the safe range: ${raw}` };
    }
    return { ok: true, value: Number(raw) };
  } else if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return { ok: false, reason: 'empty' };
    if (!DECIMAL.test(text)) return { ok: false, reason: `not a plain decimal number: "${clip(text)}"` };
    value = Number(text);
  } else {
    return { ok: false, reason: `not a number: ${raw === null ? 'null' : typeof raw}` };
  }
  if (Number.isNaN(value)) return { ok: false, reason: 'NaN' };
  if (!Number.isFinite(value)) return { ok: false, reason: 'not finite' };
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    return { ok: false, reason: `integer beyond the safe range: ${String(raw)}` };
  }
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * Rounds half to even ("banker's rounding") at `decimals` places, on the shortest decimal form of the number —
 * the digits a person or a vendor API wrote — so 2.675 rounds to 2.68 although its binary value is 2.67499….
 *
 * @example
 * roundHalfEven(2.5); // 2
 * roundHalfEven(3.5); // 4
 * roundHalfEven(1.005, 2); // 1 (the tie goes to the even digit 0)
 */
export function roundHalfEven(value: number, decimals = 0): number {
  if (!Number.isFinite(value)) {
    throw new ConcordError('NUMBER_NOT_FINITE', `cannot round ${value}`, { kind: 'data' });
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 100) {
    throw new ConcordError('ROUNDING_DECIMALS_INVALID', `decimals must be an integer 0..100, got ${decimals}`, { kind: 'bug' });
  }
  const negative = value < 0;
  const match = NUMBER_TEXT.exec(String(Math.abs(value)));
  if (match === null) throw new ConcordError('NUMBER_FORMAT_UNEXPECTED', `unexpected number text ${value}`, { kind: 'bug' });
  const whole = match[1] ?? '';
  const fractionDigits = match[2] ?? '';
  let digits = whole + fractionDigits;
  // `point`: how many of `digits` stand before the decimal point (may be negative or exceed the length).
  let point = whole.length + Number(match[3] ?? 0);
  const leading = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(leading);
  point -= leading;
  if (digits === '') return 0;
  const keep = point + decimals;
  if (keep >= digits.length) return value;
  if (keep < 0) return 0;
  const kept = digits.slice(0, keep);
  const rest = digits.slice(keep);
  const first = rest.charCodeAt(0) - 48;
  const lastKept = keep === 0 ? 0 : kept.charCodeAt(keep - 1) - 48;
  const up = first > 5 || (first === 5 && (/[1-9]/.test(rest.slice(1)) || lastKept % 2 === 1));
  const rounded = BigInt(kept === '' ? '0' : kept) + (up ? 1n : 0n);
  const result = Number(`${rounded}e-${decimals}`);
  if (result === 0) return 0;
  return negative ? -result : result;
}

export interface ValueTable {
  /** The mapped value, or the input itself with `known: false` (unknown values are never dropped, T4). */
  map(value: string): { value: string; known: boolean };
  /** The first source value that maps to `value`, or `undefined`. */
  reverse(value: string): string | undefined;
}

/**
 * A per-field value table (crosswalk T4), e.g. Salesforce picklist API names → CIM reference names.
 *
 * @example
 * const salutation = createValueTable({ 'Mr.': 'Mister', 'Ms.': 'Miz' }, { caseInsensitive: true });
 * salutation.map('MR.'); // { value: 'Mister', known: true }
 * salutation.map('Capt.'); // { value: 'Capt.', known: false }
 * salutation.reverse('Miz'); // 'Ms.'
 */
export function createValueTable(
  entries: Readonly<Record<string, string>>,
  options: { caseInsensitive?: boolean } = {},
): ValueTable {
  const fold = options.caseInsensitive === true ? (text: string) => text.toLowerCase() : (text: string) => text;
  const forward = new Map<string, string>();
  const backward = new Map<string, string>();
  for (const [from, to] of Object.entries(entries)) {
    const key = fold(from);
    const existing = forward.get(key);
    if (existing !== undefined && existing !== to) {
      throw new ConcordError('VALUE_TABLE_CONFLICT', `"${from}" maps to both "${existing}" and "${to}"`, {
        kind: 'config',
        hint: 'keys that differ only by case collide in a case-insensitive table; keep one',
      });
    }
    forward.set(key, to);
    const back = fold(to);
    if (!backward.has(back)) backward.set(back, from);
  }
  return {
    map: function mapValue(value: string) {
      const mapped = forward.get(fold(value));
      return mapped === undefined ? { value, known: false } : { value: mapped, known: true };
    },
    reverse: function reverseValue(value: string) {
      return backward.get(fold(value));
    },
  };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
