/**
 * Candidate organisation profiles for a company described by a few attributes (`concord match --kind
 * organization`, `GET /api/match?kind=organization`): the stored organisations sharing a blocking key with the
 * query, scored with the saved organisation model and grouped by profile, strongest first — the person look-up's
 * steps with the organisation model. Organisations have no persistent blocking index, so a look-up reads every
 * stored organisation (in pages); companies are far fewer than people, and the read is what a full organisation
 * resolve reads anyway.
 *
 * @example
 * await matchOrganizations(store, { name: 'Acme Corp', website: 'https://acme.example' }, { region: 'US' });
 * // [{ unifiedId, probability: 0.99, records: [{ recordId, probability, rules: ['website'] }] }]
 */
import { ConcordError } from '../../core/errors.js';
import { ORGANIZATION_BLOCKING_RULES, ORGANIZATION_DETERMINISTIC_RULES } from '../csv/organization-defaults.js';
import type { OrganizationAttributes } from '../normalize/features.js';
import { buildOrganizationMatchFeatures } from '../normalize/organization.js';
import { groupByProfile, ORGANIZATION_KIND, savedParameters, type ProfileCandidate } from '../resolve.js';
import type { IdentityRecord } from '../types.js';
import type { Store } from '../../store/store.js';
import { regionOf } from './assemble.js';
import { assembleOrganizations } from './assemble-organizations.js';
import { matchRecord } from './match.js';

/**
 * Company attributes of a look-up (the feature builder's): give at least one of name, website, phone,
 * identifier; `country` (name or ISO code) defaults to the region.
 */
export type OrganizationQuery = OrganizationAttributes;

/** The attributes a look-up needs at least one of: the rest only refine a match. */
export const ORGANIZATION_QUERY_KEYS = ['name', 'website', 'phone', 'identifier'] as const;

export async function matchOrganizations(store: Store, query: OrganizationQuery, options: { region: string; minProbability?: number }): Promise<ProfileCandidate[]> {
  if (ORGANIZATION_QUERY_KEYS.every((key) => (query[key] ?? '').trim() === '')) {
    throw new ConcordError('MATCH_EMPTY', `give at least one of ${ORGANIZATION_QUERY_KEYS.join(', ')} for an organisation`, { kind: 'usage' });
  }
  const comparisons = ORGANIZATION_KIND.comparisons();
  const params = await savedParameters(store, comparisons, ORGANIZATION_KIND.paramsName);
  if (!params) {
    throw new ConcordError('IDENTITY_NOT_TRAINED', 'no saved organisation model in the store', {
      kind: 'usage', hint: 'run `concord resolve` after a sync that stored organisations (accounts) sharing a blocking key',
    });
  }
  const region = regionOf(query.country) ?? options.region;
  const features = buildOrganizationMatchFeatures(query, { region });
  const stored: IdentityRecord[] = [];
  for await (const batch of assembleOrganizations(store, { region: options.region })) for (const o of batch) stored.push(o.record);
  // As resolution sees them: a chain's switchboard number shared by many sites is cleared before matching.
  const records = ORGANIZATION_KIND.prepare ? ORGANIZATION_KIND.prepare(stored) : stored;
  const matches = matchRecord({ id: 'query', features }, records, comparisons, params, {
    rules: ORGANIZATION_BLOCKING_RULES, deterministicRules: ORGANIZATION_DETERMINISTIC_RULES, minProbability: options.minProbability ?? 0.01,
  });
  return groupByProfile(matches, await store.profilesOfRecords(matches.map((m) => m.recordId)));
}
