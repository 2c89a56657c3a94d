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
    const counts = new Map<string, number>();
    for (const record of out) {
      const value = textOf(record.features[guard.key]);
      if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const over = new Set<string>();
    for (const [value, count] of counts) {
      if (count > cap) {
        over.add(value);
        dropped.push({ key: guard.key, value, records: count });
      }
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

function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
