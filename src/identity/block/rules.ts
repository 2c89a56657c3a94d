/**
 * Blocking rules: which records are compared at all. A rule is a list of parts — feature keys or small key
 * functions — whose values must all be present and equal for two records to land in the same block. Several
 * rules are unioned (see `candidate-pairs.ts`).
 *
 * @example
 * const rules: BlockingRule[] = [
 *   { name: 'surname soundex + dob year', parts: ['surname_soundex', 'dob_year'] },
 *   { name: 'email', parts: ['email'] },
 *   { name: 'postcode + initial', parts: ['postcode', (r) => String(r.features['first_name'] ?? '').slice(0, 1)] },
 * ];
 */
import { DEFAULT_PLACEHOLDERS } from '../normalize/placeholder.js';
import type { IdentityRecord } from '../types.js';

/** A part of a blocking key: a feature key, or a function deriving a value (undefined = no value). */
export type BlockingKeyPart = string | ((record: IdentityRecord) => unknown);

export interface BlockingRule {
  /** Named in warnings and statistics (`surname soundex + dob year`). */
  readonly name: string;
  readonly parts: readonly BlockingKeyPart[];
}

/**
 * Values that never block: the normalizers' placeholder lists of every kind (`n/a`, `test@test.com`,
 * `0000000000`, `1900-01-01` …). Two records both holding `test@test.com` are not evidence of anything.
 * Compared after trimming and lower-casing.
 */
export const DEFAULT_BLOCKING_PLACEHOLDERS: readonly string[] = [...new Set(Object.values(DEFAULT_PLACEHOLDERS).flat())];

/**
 * The key of `record` under `rule`, or undefined when a part is missing or a placeholder (the record then sits
 * in no block of this rule). Parts are joined with U+001F, which no normalized value contains.
 *
 * @example
 * blockingKey({ id: '1', features: { surname_soundex: 'S530', dob_year: 1971 } }, { name: 'r', parts: ['surname_soundex', 'dob_year'] }, new Set())
 * // → 'S530\u001f1971'
 */
export function blockingKey(record: IdentityRecord, rule: BlockingRule, placeholders: ReadonlySet<string>): string | undefined {
  let key = '';
  for (let p = 0; p < rule.parts.length; p++) {
    const part = rule.parts[p]!;
    const raw = typeof part === 'string' ? record.features[part] : part(record);
    const text = valueText(raw);
    if (text === undefined || isPlaceholderText(text, placeholders)) return undefined;
    key = p === 0 ? text : `${key}\u001f${text}`;
  }
  return key;
}

/**
 * A 31-bit hash of the record's key under `rule` (FNV-1a over the parts), or -1 when it has none — the same
 * presence and placeholder rules as `blockingKey`, without building the key string. Blocking groups by this
 * hash: two different keys that collide share a block, which only adds candidate pairs (scored like any other),
 * never loses one; at a million distinct keys a few hundred collide.
 *
 * @example
 * blockingHash(record, rule, placeholderSet()) === blockingHash(sameKeyRecord, rule, placeholderSet()); // true
 */
export function blockingHash(record: IdentityRecord, rule: BlockingRule, placeholders: ReadonlySet<string>): number {
  let h = 0x811c9dc5;
  for (let p = 0; p < rule.parts.length; p++) {
    const part = rule.parts[p]!;
    const raw = typeof part === 'string' ? record.features[part] : part(record);
    if (typeof raw === 'number' && Number.isInteger(raw) && Math.abs(raw) < 2 ** 31) {
      // Integers (years, day counts) hash without becoming strings; the tag keeps 1971 apart from "1971".
      h = Math.imul(h ^ 0x4e, 0x01000193);
      h = Math.imul(h ^ (raw & 0xffff), 0x01000193);
      h = Math.imul(h ^ (raw >>> 16), 0x01000193);
    } else {
      const text = valueText(raw);
      if (text === undefined || isPlaceholderText(text, placeholders)) return -1;
      for (let c = 0; c < text.length; c++) h = Math.imul(h ^ text.charCodeAt(c), 0x01000193);
    }
    h = Math.imul(h ^ 0x1f, 0x01000193);
  }
  return h & 0x7fffffff;
}

// Features are normalized already (lower case, trimmed), so the set is usually asked about the value itself;
// trim() and toLowerCase() allocate, and this runs once per record per rule.
function isPlaceholderText(text: string, placeholders: ReadonlySet<string>): boolean {
  return placeholders.has(needsFolding(text) ? text.trim().toLowerCase() : text);
}

/**
 * Whether `text` starts or ends with white space (RegExp `\s`) or holds an ASCII capital — what
 * `/^\s|\s$|[A-Z]/.test(text)` says, as a loop: at a million records that regular expression ran 20 million times.
 */
export function needsFolding(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  if (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(n - 1))) return true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/** RegExp `\s`: ECMAScript WhiteSpace and LineTerminator code units. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f
    || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function valueText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.length === 0 ? undefined : value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return undefined; // arrays and objects do not block: write a key function that picks what should
}

/** The placeholder set in the form `blockingKey` reads (trimmed, lower-cased). */
export function placeholderSet(values: readonly string[] = DEFAULT_BLOCKING_PLACEHOLDERS): ReadonlySet<string> {
  return new Set(values.map((v) => v.trim().toLowerCase()));
}
