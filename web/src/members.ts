/**
 * How the profile page arranges a cluster: member records grouped by system (one column each), and for every
 * record the partner whose match explains it best.
 *
 * @example
 * groupBySystem(members)              // [['dataverse', [r1]], ['salesforce', [r2, r3]]]
 * bestPartner('r1', members, edges)   // 'r3' (its strongest edge), else the first other member
 */

export interface MemberLike {
  recordId: string;
  system: string;
}

export interface EdgeLike {
  a: string;
  b: string;
  probability: number;
}

/** The record this one is most strongly linked to in the match graph (else the first other member). */
export function bestPartner(recordId: string, members: readonly MemberLike[], edges: readonly EdgeLike[]): string | undefined {
  let best: EdgeLike | undefined;
  for (const e of edges) if ((e.a === recordId || e.b === recordId) && (!best || e.probability > best.probability)) best = e;
  if (best) return best.a === recordId ? best.b : best.a;
  return members.find((m) => m.recordId !== recordId)?.recordId;
}

/** Members grouped by system, systems in name order, members in their given order. */
export function groupBySystem<T extends MemberLike>(members: readonly T[]): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const m of members) groups.set(m.system, [...(groups.get(m.system) ?? []), m]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}
