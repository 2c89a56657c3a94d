/**
 * Which rows a write-back rule writes, and with which values: for each member record of a profile in the
 * rule's system and stream, the golden values that differ from what the system holds (as the store last read
 * it) in the target field or in another field of the same kind. Unchanged rows and unchanged fields are never
 * sent. Pure.
 *
 * A row refused or lost in one run still differs from the store in the next, so it is planned again: that is
 * how failed rows are retried. A row the vendor applied although its answer was lost is read back by the next
 * sync, equals the golden value, and is not written again.
 *
 * @example
 * planRows({ fields: { Email: 'email' }, keyOf: (m) => m.recordId, region: 'US' }, [member]);
 * // [{ recordId: '003…', unifiedId: 'u-1', key: '003…', values: { Email: 'ada@example.com' } }]
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { GoldenValue } from '../identity/store/types.js';
import type { GoldenAttribute } from './config.js';

/** A member record of a profile, with what the store holds of it. */
export interface MemberRecord {
  unifiedId: string;
  /** The record's id in the system. */
  recordId: string;
  /** The profile's golden values. */
  golden: Readonly<Record<string, GoldenValue>>;
  /** The record's fields as last read from the system. */
  held: Readonly<Record<string, unknown>>;
  /** The record's modstamp as last read (kept with the outcome, see WriteBackOutcome.previousModstamp). */
  modstamp?: string | undefined;
}

export interface PlannedRow {
  unifiedId: string;
  recordId: string;
  /** The key value the row is written by; undefined when the stored record has none. */
  key: string | undefined;
  /** Only the fields whose golden value differs from the held one. */
  values: Record<string, string>;
  /** The member's modstamp before the write. */
  modstamp?: string | undefined;
}

export interface PlanOptions {
  /** Target field → golden attribute. */
  fields: Readonly<Record<string, GoldenAttribute>>;
  /** The key value of a member record (its id, or an external id field it holds). */
  keyOf: (member: MemberRecord) => string | undefined;
  /** Default region for phone numbers without a country code. */
  region: string;
  /**
   * Fields of the record that hold values of an attribute (every phone slot for `phone`): when the target field
   * is one of them, a golden value already held in any of them is not written over the target field (a mobile number is not copied over the
   * business phone when the record has it as its mobile).
   */
  heldIn?: Readonly<Partial<Record<GoldenAttribute, readonly string[]>>>;
}

/**
 * Whether a held value already says what the golden value says: emails compare without case, phones as E.164
 * numbers (so `(415) 555-0100` equals `+14155550100` in region US), dates by their day, other text trimmed.
 *
 * @example
 * sameValue('phone', '+14155550100', '(415) 555-0100', 'US') // true
 */
export function sameValue(attribute: GoldenAttribute, golden: string, held: unknown, region: string): boolean {
  if (held === undefined || held === null || held === '') return false;
  const text = String(held).trim();
  const want = golden.trim();
  if (attribute === 'email') return text.toLowerCase() === want.toLowerCase();
  if (attribute === 'phone') return e164(text, region) === e164(want, region);
  if (attribute === 'birthDate') return text.slice(0, 10) === want.slice(0, 10);
  return text === want;
}

function e164(text: string, region: string): string {
  return parsePhoneNumberFromString(text, region as CountryCode)?.number ?? text.replace(/[^\d+]/g, '');
}

/**
 * The rows to write: one per member record with at least one changed field, in input order.
 *
 * @example
 * planRows(options, members).length // members whose held values differ from their golden values
 */
export function planRows(options: PlanOptions, members: readonly MemberRecord[]): PlannedRow[] {
  const rows: PlannedRow[] = [];
  for (const member of members) {
    const values: Record<string, string> = {};
    for (const [field, attribute] of Object.entries(options.fields)) {
      const golden = member.golden[attribute];
      // No golden value: never blank out what the system holds.
      if (golden === undefined || golden.value.trim() === '') continue;
      // Other slots count only when the target is one of them (a phone field, not a free-text field).
      const slots = options.heldIn?.[attribute];
      const fields = slots?.includes(field) === true ? slots : [field];
      if (!fields.some((f) => sameValue(attribute, golden.value, member.held[f], options.region))) values[field] = golden.value;
    }
    if (Object.keys(values).length > 0) rows.push({ unifiedId: member.unifiedId, recordId: member.recordId, key: options.keyOf(member), values, ...(member.modstamp !== undefined && { modstamp: member.modstamp }) });
  }
  return rows;
}
