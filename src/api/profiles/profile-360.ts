/**
 * The 360 view of one profile, read from the store: golden values with provenance, the member records with their
 * values, the history, and what points at the person — accounts (AccountContact.individualId → accountId),
 * cases and opportunities (contactId, and opportunities of the person's accounts), campaign engagement
 * (EngagementEvent.individualId, CampaignMember.contactId) and consent (ContactPointConsent.individualId) —
 * every list bounded, and the match graph of the first members. The look-ups go through the link indexes of
 * migration 004, so the view costs a few index seeks per member.
 *
 * @example
 * const view = await loadProfile360(store, unifiedId, { region: 'US' });
 * view.members.map((m) => m.system); // ['dataverse', 'salesforce']
 */
import { ConcordError } from '../../core/errors.js';
import { PERSON_DETERMINISTIC_RULES } from '../../identity/csv/person-defaults.js';
import { personModel, savedParameters } from '../../identity/resolve.js';
import { assemblePersonsById } from '../../identity/store/assemble.js';
import type { Store, StoredCimRecord } from '../../store/store.js';
import { matchGraph } from './graph.js';
import {
  accountOf, campaignEngagementOf, caseOf, consentOf, engagementOf, memberRecordOf, newestFirst, opportunityOf,
  type Profile360, type RelatedAccount,
} from './view.js';

/** Bounds of the view's lists. */
export const PROFILE_LIMITS = { members: 200, history: 200, accounts: 50, cases: 50, opportunities: 50, engagement: 100, consent: 100 } as const;

export interface Profile360Options {
  /** Default region for phones and postcodes (ISO alpha-2), as in resolution. */
  region?: string | undefined;
}

/** A profile or a PROFILE_NOT_FOUND error (404). */
export async function requireProfile(store: Store, unifiedId: string) {
  const profile = await store.getProfile(unifiedId);
  if (!profile) throw new ConcordError('PROFILE_NOT_FOUND', `no profile ${unifiedId}`, { kind: 'usage', hint: 'search profiles with GET /api/profiles?q=…' });
  return profile;
}

async function byIds(store: Store, entity: string, ids: readonly string[]): Promise<Map<string, StoredCimRecord>> {
  return new Map((await store.liveCimRecordsByIds(entity, ids)).map((r) => [r.id, r] as const));
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Everything the profile page shows. A merged profile answers with `status: 'merged'`, `mergedInto` and no
 * members.
 */
export async function loadProfile360(store: Store, unifiedId: string, options: Profile360Options = {}): Promise<Profile360> {
  const profile = await requireProfile(store, unifiedId);
  const memberships = await store.profileMembers(unifiedId);
  const shown = memberships.slice(0, PROFILE_LIMITS.members);
  const since = new Map(shown.map((m) => [m.recordId, m.since] as const));
  const people = await assemblePersonsById(store, shown.map((m) => m.recordId), options.region === undefined ? {} : { region: options.region });
  const members = people.map((p) => memberRecordOf(p, since.get(p.record.id)));
  const ids = people.map((p) => p.record.id);
  const history = (await store.profileHistory(unifiedId)).slice(-PROFILE_LIMITS.history);

  const contacts = await store.linkedRecords('AccountContact', 'individualId', ids, { limit: PROFILE_LIMITS.accounts });
  const accountRows = await byIds(store, 'Account', contacts.map((c) => str(c.data['accountId'])).filter((v) => v !== undefined));
  const accounts = contacts.map((c) => accountOf(c, accountRows.get(str(c.data['accountId']) ?? ''))).filter((a): a is RelatedAccount => a !== undefined);

  const cases = await store.linkedRecords('ServiceCase', 'contactId', ids, { limit: PROFILE_LIMITS.cases, newestBy: 'createdDate' });
  const opportunities = new Map<string, StoredCimRecord>();
  for (const r of await store.linkedRecords('Opportunity', 'contactId', ids, { limit: PROFILE_LIMITS.opportunities, newestBy: 'createdDate' })) opportunities.set(r.id, r);
  for (const r of await store.linkedRecords('Opportunity', 'accountId', [...accountRows.keys()], { limit: PROFILE_LIMITS.opportunities, newestBy: 'createdDate' })) opportunities.set(r.id, r);

  const events = await store.linkedRecords('EngagementEvent', 'individualId', ids, { limit: PROFILE_LIMITS.engagement, newestBy: 'eventDateTime' });
  const campaignMembers = await store.linkedRecords('CampaignMember', 'contactId', ids, { limit: PROFILE_LIMITS.engagement, newestBy: 'createdDate' });
  const campaigns = await byIds(store, 'Campaign', campaignMembers.map((c) => str(c.data['campaignId'])).filter((v) => v !== undefined));
  const engagement = [...events.map(engagementOf), ...campaignMembers.map((c) => campaignEngagementOf(c, campaigns.get(str(c.data['campaignId']) ?? '')))];
  const consent = await store.linkedRecords('ContactPointConsent', 'individualId', ids, { limit: PROFILE_LIMITS.consent, newestBy: 'capturedDateTime' });

  const { comparisons } = personModel();
  const params = people.length > 1 ? await savedParameters(store, comparisons) : undefined;
  return {
    unifiedId: profile.unifiedId,
    kind: profile.kind,
    status: profile.status,
    mergedInto: profile.mergedInto,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
    attributes: profile.attributes,
    members,
    memberCount: memberships.length,
    history,
    accounts,
    cases: newestFirst(cases.map(caseOf), (c) => c.createdAt, PROFILE_LIMITS.cases),
    opportunities: newestFirst([...opportunities.values()].map(opportunityOf), (o) => o.closeDate, PROFILE_LIMITS.opportunities),
    engagement: newestFirst(engagement, (e) => e.at, PROFILE_LIMITS.engagement),
    consent: newestFirst(consent.map(consentOf), (c) => c.at, PROFILE_LIMITS.consent),
    graph: matchGraph(people, comparisons, params, PERSON_DETERMINISTIC_RULES),
  };
}
