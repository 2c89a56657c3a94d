/**
 * Survivorship: the golden profile of a cluster, attribute by attribute. For each attribute the candidates are
 * the members' values; the winner is the most recent (by the record's systemModstamp), then the most complete
 * (longest), then the first system in `sourcePriority`, then the smallest record id (so the choice is stable).
 * Every value keeps its provenance. Pure.
 *
 * @example
 * survive(members).email; // { value: 'ada@example.com', provenance: { system: 'salesforce', … }, rule: 'most recent', candidates: 2 }
 */
import type { PersonRecord, PersonValues } from './assemble.js';
import type { GoldenValue } from './types.js';

export const PERSON_ATTRIBUTES: ReadonlyArray<keyof PersonValues> = ['personName', 'firstName', 'middleName', 'lastName', 'birthDate', 'email', 'phone', 'address'];

export interface SurviveOptions {
  /** Systems in order of trust, most trusted first (ties only). */
  sourcePriority?: readonly string[];
}

type Member = Pick<PersonRecord, 'system' | 'externalRecordId' | 'modstamp' | 'values'> & { record: { id: string } };

/** Golden values of one cluster's members (attributes no member has are absent). */
export function survive(members: readonly Member[], options: SurviveOptions = {}): Record<string, GoldenValue> {
  const priority = options.sourcePriority ?? [];
  const rank = (system: string): number => {
    const i = priority.indexOf(system);
    return i < 0 ? priority.length : i;
  };
  const golden: Record<string, GoldenValue> = {};
  for (const attribute of PERSON_ATTRIBUTES) {
    const candidates = members.filter((m) => m.values[attribute] !== undefined);
    if (candidates.length === 0) continue;
    const sorted = [...candidates].sort(
      (a, b) =>
        (b.modstamp ?? '').localeCompare(a.modstamp ?? '') ||
        b.values[attribute]!.length - a.values[attribute]!.length ||
        rank(a.system) - rank(b.system) ||
        (a.record.id < b.record.id ? -1 : 1),
    );
    const winner = sorted[0]!;
    const runner = sorted[1];
    let rule = 'only value';
    if (runner) {
      if ((winner.modstamp ?? '') !== (runner.modstamp ?? '')) rule = 'most recent';
      else if (winner.values[attribute]!.length !== runner.values[attribute]!.length) rule = 'most complete';
      else if (rank(winner.system) !== rank(runner.system)) rule = 'source priority';
      else rule = 'first by record id';
    }
    golden[attribute] = {
      value: winner.values[attribute]!,
      provenance: { system: winner.system, recordId: winner.record.id, externalRecordId: winner.externalRecordId, ...(winner.modstamp !== undefined && { modstamp: winner.modstamp }) },
      rule,
      candidates: candidates.length,
    };
  }
  return golden;
}
