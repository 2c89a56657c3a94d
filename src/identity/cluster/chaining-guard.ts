/**
 * The chaining guard: an identifier value held by more than `maxRecords` records (a shared family email, a
 * switchboard phone, a form default) stops acting as a link. Left in, one such value chains hundreds of
 * unrelated people into one cluster through transitive closure. The guard runs before blocking: on records
 * holding an over-shared value, the guarded features are cleared, so the value neither blocks nor scores (its
 * comparison is NULL, weight 0) and people on it can still match on names, dates and addresses.
 *
 * @example
 * const { records: guarded, dropped } = guardIdentifiers(records, [{ key: 'email', clear: ['email', 'email_user'], maxRecords: 5 }]);
 * dropped; // [{ key: 'email', value: 'family@example.com', records: 9 }]
 */
import type { IdentityRecord } from '../types.js';

export interface IdentifierGuard {
  /** Feature counted: its value decides whether a record is affected. */
  readonly key: string;
  /** Features cleared on affected records (default: `[key]`); list derived features the comparisons read too. */
  readonly clear?: readonly string[];
  /** Most records one value may link (default 10). */
  readonly maxRecords?: number;
}

export interface DroppedIdentifier {
  readonly key: string;
  readonly value: string;
  readonly records: number;
}

/**
 * Returns records with over-shared identifier values cleared (untouched records are the same objects) and what
 * was dropped, largest first.
 *
 * @example
 * guardIdentifiers(records, [{ key: 'phone_e164', maxRecords: 20 }]).dropped.length;
 */
export function guardIdentifiers(records: readonly IdentityRecord[], guards: readonly IdentifierGuard[]): { records: IdentityRecord[]; dropped: DroppedIdentifier[] } {
  const out = records.slice();
  const dropped: DroppedIdentifier[] = [];
  for (const guard of guards) {
    const cap = guard.maxRecords ?? 10;
    const over = new Set<string>();
    for (const [value, count] of valuesOverCap(out, guard.key, cap)) {
      over.add(value);
      dropped.push({ key: guard.key, value, records: count });
    }
    if (over.size === 0) continue;
    const clear = guard.clear ?? [guard.key];
    for (let i = 0; i < out.length; i++) {
      const record = out[i]!;
      const value = textOf(record.features[guard.key]);
      if (value === undefined || !over.has(value)) continue;
      const features: Record<string, unknown> = { ...record.features };
      for (const key of clear) delete features[key];
      out[i] = { ...record, features };
    }
  }
  dropped.sort((a, b) => b.records - a.records || a.value.localeCompare(b.value));
  return { records: out, dropped };
}

/**
 * The values of `key` held by more than `cap` records, with their counts, in order of first appearance. Counted
 * in an open-addressing table of typed arrays (hash → value id; a value id is its first record, whose value tells
 * equal hashes apart): a Map of a million distinct emails grew and rehashed a million entries on the records' heap.
 */
function valuesOverCap(records: readonly IdentityRecord[], key: string, cap: number): Array<[string, number]> {
  let capacity = 1024;
  while (capacity < records.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const slotId = new Int32Array(capacity).fill(-1);
  const firstRecord = new Int32Array(records.length);
  const counts = new Int32Array(records.length);
  let ids = 0;
  for (let i = 0; i < records.length; i++) {
    const value = textOf(records[i]!.features[key]);
    if (value === undefined) continue;
    let h = 0x811c9dc5;
    for (let c = 0; c < value.length; c++) h = Math.imul(h ^ value.charCodeAt(c), 0x01000193);
    let slot = Math.imul(h, 0x9e3779b1) & mask;
    for (;;) {
      const id = slotId[slot]!;
      if (id === -1) {
        slotId[slot] = ids;
        firstRecord[ids] = i;
        counts[ids++] = 1;
        break;
      }
      if (textOf(records[firstRecord[id]!]!.features[key]) === value) {
        counts[id]!++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const over: Array<[string, number]> = [];
  for (let id = 0; id < ids; id++) if (counts[id]! > cap) over.push([textOf(records[firstRecord[id]!]!.features[key])!, counts[id]!]);
  return over;
}

function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
