/**
 * Survivorship: the golden profile of a cluster, attribute by attribute. For each attribute the candidates are
 * the members' values; the winner is chosen by a chain of rules, the first that tells two candidates apart
 * deciding — by default the most recent (record's systemModstamp), then the most complete (longest), then the
 * first system in `sourcePriority`; `most-frequent` (the value most members share) can join the chain, and each
 * attribute can have its own chain. The smallest record id breaks what is left, so the choice is stable.
 * Every value keeps its provenance and the rule that beat the best other value ('all agree' when there is none). Pure.
 *
 * Recency is the record's modstamp unless `recency` says otherwise: a record Concord itself wrote back to moves
 * its modstamp without anyone changing its other values, so the resolver passes the modstamp from before that
 * write (see writeback echoes) — otherwise every write-back would make the written record "most recent" for
 * every attribute and move other golden values.
 *
 * @example
 * survive(members).email; // { value: 'ada@example.com', provenance: { system: 'salesforce', … }, rule: 'most recent', candidates: 2 }
 * survive(members, { rules: { email: ['source-priority', 'most-recent'] }, sourcePriority: ['salesforce'] });
 */
import type { PersonRecord, PersonValues } from './assemble.js';
import type { GoldenValue } from './types.js';

export const PERSON_ATTRIBUTES: ReadonlyArray<keyof PersonValues> = ['personName', 'firstName', 'middleName', 'lastName', 'birthDate', 'email', 'phone', 'address'];

export const SURVIVORSHIP_RULES = ['most-recent', 'most-complete', 'most-frequent', 'source-priority'] as const;
export type SurvivorshipRule = (typeof SURVIVORSHIP_RULES)[number];
export const DEFAULT_SURVIVORSHIP: readonly SurvivorshipRule[] = ['most-recent', 'most-complete', 'source-priority'];

export interface SurviveOptions {
  /** Systems in order of trust, most trusted first (the `source-priority` rule). */
  sourcePriority?: readonly string[];
  /** The rule chain for every attribute (default most-recent, most-complete, source-priority). */
  defaultRules?: readonly SurvivorshipRule[];
  /** A chain per attribute, overriding `defaultRules` for it. */
  rules?: Readonly<Partial<Record<string, readonly SurvivorshipRule[]>>>;
  /** The time that counts as a member's last change for `most-recent` (default: its modstamp). */
  recency?: (member: Member) => string | undefined;
  /** The attributes to survive, in order (default `PERSON_ATTRIBUTES`; organisations pass theirs). */
  attributes?: readonly string[];
}

/** A member: a person's (or an organisation's) values, where it came from and when it last changed. */
export type Member = Pick<PersonRecord, 'system' | 'externalRecordId' | 'modstamp'> & { record: { id: string }; values: PersonValues | object };

/** An attribute's value of a member (values are plain objects of optional strings). */
const valueOf = (m: Member, attribute: string): string | undefined => (m.values as Readonly<Record<string, string | undefined>>)[attribute];

const LABEL: Record<SurvivorshipRule, string> = {
  'most-recent': 'most recent', 'most-complete': 'most complete', 'most-frequent': 'most frequent', 'source-priority': 'source priority',
};

/** Golden values of one cluster's members (attributes no member has are absent). */
export function survive(members: readonly Member[], options: SurviveOptions = {}): Record<string, GoldenValue> {
  const priority = options.sourcePriority ?? [];
  const rank = (system: string): number => {
    const i = priority.indexOf(system);
    return i < 0 ? priority.length : i;
  };
  const recency = options.recency ?? ((m: Member) => m.modstamp);
  const golden: Record<string, GoldenValue> = {};
  for (const attribute of options.attributes ?? PERSON_ATTRIBUTES) {
    const candidates = members.filter((m) => valueOf(m, attribute) !== undefined);
    if (candidates.length === 0) continue;
    const chain = options.rules?.[attribute] ?? options.defaultRules ?? DEFAULT_SURVIVORSHIP;
    const frequency = new Map<string, number>();
    if (chain.includes('most-frequent')) for (const c of candidates) frequency.set(valueOf(c, attribute)!, (frequency.get(valueOf(c, attribute)!) ?? 0) + 1);
    // Negative when a should win over b under `rule`; 0 when the rule cannot tell them apart.
    const compare = (rule: SurvivorshipRule, a: Member, b: Member): number => {
      switch (rule) {
        case 'most-recent': return (recency(b) ?? '').localeCompare(recency(a) ?? '');
        case 'most-complete': return valueOf(b, attribute)!.length - valueOf(a, attribute)!.length;
        case 'most-frequent': return (frequency.get(valueOf(b, attribute)!) ?? 0) - (frequency.get(valueOf(a, attribute)!) ?? 0);
        case 'source-priority': return rank(a.system) - rank(b.system);
      }
    };
    const sorted = [...candidates].sort((a, b) => {
      for (const rule of chain) {
        const d = compare(rule, a, b);
        if (d !== 0) return d;
      }
      return a.record.id < b.record.id ? -1 : 1;
    });
    const winner = sorted[0]!;
    // The rule that matters is the one that beat the best *other value* (members agreeing with the winner do not count).
    const runner = sorted.find((c) => valueOf(c, attribute) !== valueOf(winner, attribute));
    let rule = candidates.length === 1 ? 'only value' : 'all agree';
    if (runner) {
      const decisive = chain.find((r) => compare(r, winner, runner) !== 0);
      rule = decisive === undefined ? 'first by record id' : LABEL[decisive];
    }
    golden[attribute] = {
      value: valueOf(winner, attribute)!,
      provenance: { system: winner.system, recordId: winner.record.id, externalRecordId: winner.externalRecordId, ...(winner.modstamp !== undefined && { modstamp: winner.modstamp }) },
      rule,
      candidates: candidates.length,
    };
  }
  return golden;
}
