/**
 * `matchPerson` through the persistent blocking index (the API's `/api/match` and `concord match`): the same candidates (stored person records
 * sharing a blocking key with the query), scored and grouped the same way, but found by index look-ups instead
 * of reading every stored person, so a look-up costs milliseconds rather than seconds on a large store. Until a
 * resolution has built the index, `matchPerson` itself answers.
 *
 * @example
 * await matchProfiles(store, { email: 'ada@example.com', name: 'Ada Lovelace' }, { region: 'US' });
 * // [{ unifiedId, probability: 0.998, records: [{ recordId, probability, rules: ['email', …] }] }]
 */
import { PERSON_BLOCKING_RULES, PERSON_DETERMINISTIC_RULES } from '../csv/person-defaults.js';
import { buildPersonFeatures } from '../normalize/features.js';
import { groupByProfile, matchPerson, PERSON_INDEX_STATE, personModel, savedParameters, type PersonQuery, type ProfileCandidate } from '../resolve.js';
import { assemblePersonsById } from './assemble.js';
import { matchRecord } from './match.js';
import { blockingRows } from './partition.js';
import type { IdentityRecord } from '../types.js';
import type { Store } from '../../store/store.js';

/** Most stored records scored for one query (those sharing the most keys with it first). */
export const MATCH_CANDIDATE_LIMIT = 500;

async function indexReady(store: Store): Promise<boolean> {
  const state = (await store.getIdentityParams(PERSON_INDEX_STATE))?.params as { version?: unknown } | undefined;
  return state?.version === 1;
}

export async function matchProfiles(store: Store, query: PersonQuery, options: { region: string; minProbability?: number }): Promise<ProfileCandidate[]> {
  const { comparisons } = personModel();
  const params = await savedParameters(store, comparisons);
  // Without a model or an index, matchPerson answers (or says what is missing).
  if (params === undefined || !(await indexReady(store))) return matchPerson(store, query, options);

  const features = buildPersonFeatures(
    { fullName: query.name, firstName: query.firstName, lastName: query.lastName, email: query.email, phone: query.phone, dob: query.dob },
    { region: options.region },
  );
  const probe: IdentityRecord = { id: 'query', features };
  const keys = blockingRows(probe, probe, PERSON_BLOCKING_RULES, []).map(({ rule, key }) => ({ rule, key }));
  const shared = new Map<string, number>();
  for (const hit of await store.recordsWithBlockingKeys(keys)) shared.set(hit.recordId, (shared.get(hit.recordId) ?? 0) + 1);
  const ids = [...shared].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MATCH_CANDIDATE_LIMIT).map(([id]) => id);
  const people = await assemblePersonsById(store, ids, { region: options.region });
  const matches = matchRecord(probe, people.map((p) => p.record), comparisons, params, {
    rules: PERSON_BLOCKING_RULES, deterministicRules: PERSON_DETERMINISTIC_RULES, minProbability: options.minProbability ?? 0.01,
  });
  return groupByProfile(matches, await store.profilesOfRecords(matches.map((m) => m.recordId)));
}
