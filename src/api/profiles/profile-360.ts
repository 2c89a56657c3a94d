/**
 * The 360 view of one profile, read from the store: golden values with provenance, the member records with their
 * values, the history, and what points at the person — accounts (AccountContact.individualId → accountId, with
 * the organisation profile of the account's company),
 * cases and opportunities (contactId, and opportunities of the person's accounts), campaign engagement
 * (EngagementEvent.individualId, CampaignMember.contactId) and consent (ContactPointConsent.individualId) —
 * every list bounded, and the match graph of the first members. The look-ups go through the link indexes of
 * migration 004, so the view costs a few index seeks per member.
 *
 * An organisation profile has Organization members (with the phone, website, address and DUNS assembled as
 * resolution does), its CIM Accounts (the Account rows of the same source records), the person profiles of its
 * accounts' contacts (AccountContact.accountId, indexed by migration 009), the cases raised for its accounts
 * (ServiceCase.accountId, migration 010) or by those contacts, and the opportunities of its accounts; the graph is
 * scored with the organisation model.
 *
 * @example
 * const view = await loadProfile360(store, unifiedId, { region: 'US' });
 * view.members.map((m) => m.system); // ['dataverse', 'salesforce']
 */
import { ConcordError } from '../../core/errors.js';
import { PERSON_DETERMINISTIC_RULES } from '../../identity/csv/person-defaults.js';
import { ORGANIZATION_KIND, personModel, savedParameters } from '../../identity/resolve.js';
import { assemblePersonsById } from '../../identity/store/assemble.js';
import type { ProfileMember, UnifiedProfile } from '../../identity/store/types.js';
import type { Store, StoredCimRecord } from '../../store/store.js';
import { matchGraph } from './graph.js';
import { organizationMembers } from './organizations.js';
import {
  accountOf, campaignEngagementOf, caseOf, consentOf, engagementOf, memberLabel, memberRecordOf, newestFirst, opportunityOf, organizationMemberOf,
  peopleOf, summaryOf, type Profile360, type ProfileSummary, type RelatedAccount,
} from './view.js';

/** Bounds of the view's lists. */
export const PROFILE_LIMITS = { members: 200, history: 200, accounts: 50, people: 100, cases: 50, opportunities: 50, engagement: 100, consent: 100 } as const;

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
 * The organisation profile of each company party (an Organization's id), for the parties that are members of one.
 */
async function organizationProfiles(store: Store, partyIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(partyIds)) {
    const member = await store.profileOfRecord(id);
    if (member) out.set(id, member.unifiedId);
  }
  return out;
}

/** What an organisation's view holds beyond the common parts. */
async function organizationParts(store: Store, shown: readonly ProfileMember[], options: Profile360Options) {
  const since = new Map(shown.map((m) => [m.recordId, m.since] as const));
  const rows = await store.liveCimRecordsByIds('Organization', shown.map((m) => m.recordId));
  const orgs = await organizationMembers(store, rows, options.region);
  const members = orgs.map((o) => organizationMemberOf(o, since.get(o.record.id)));

  // The CIM Account of each company: made from the same source record, pointing at the Organization as its party.
  const accountRows: StoredCimRecord[] = [];
  for (const row of rows) {
    for (const r of await store.cimRecordsOfSource(row.sourceSystem, row.sourceStream, row.sourceRecordId)) {
      if (r.entity === 'Account' && !r.deleted && r.data['partyId'] === row.id) accountRows.push(r);
    }
  }
  const accountIds = accountRows.map((a) => a.id);
  const accounts: RelatedAccount[] = accountRows.slice(0, PROFILE_LIMITS.accounts).map((a) => ({ recordId: a.id, system: a.sourceSystem, name: str(a.data['name']) ?? a.externalRecordId }));

  const contacts = await store.accountContactsOf(accountIds, { limit: PROFILE_LIMITS.people });
  const individuals = contacts.map((c) => str(c.data['individualId'])).filter((v) => v !== undefined);
  const profileOf = new Map<string, string>();
  for (const id of new Set(individuals)) {
    const member = await store.profileOfRecord(id);
    if (member) profileOf.set(id, member.unifiedId);
  }
  const summaries = new Map<string, ProfileSummary>((await store.profileSummaries([...new Set(profileOf.values())])).map((row) => [row.profile.unifiedId, summaryOf(row)] as const));
  const people = peopleOf(contacts.map((link) => ({ link, unifiedId: profileOf.get(str(link.data['individualId']) ?? '') })), summaries);

  // Its cases: those raised for one of its accounts (migration 010's index), and those of its people; a case
  // with both links once.
  const cases = new Map<string, StoredCimRecord>();
  for (const c of await store.linkedRecords('ServiceCase', 'accountId', accountIds, { limit: PROFILE_LIMITS.cases, newestBy: 'createdDate' })) cases.set(c.id, c);
  for (const c of await store.linkedRecords('ServiceCase', 'contactId', individuals, { limit: PROFILE_LIMITS.cases, newestBy: 'createdDate' })) cases.set(c.id, c);
  const opportunities = await store.linkedRecords('Opportunity', 'accountId', accountIds, { limit: PROFILE_LIMITS.opportunities, newestBy: 'createdDate' });

  const comparisons = ORGANIZATION_KIND.comparisons();
  const params = orgs.length > 1 ? await savedParameters(store, comparisons, ORGANIZATION_KIND.paramsName) : undefined;
  const byId = new Map(members.map((m) => [m.recordId, m] as const));
  const graphMembers = orgs.map((o) => ({ record: o.record, system: o.system, label: memberLabel(byId.get(o.record.id)!) }));
  return {
    members, accounts, people, cases: [...cases.values()], opportunities, engagement: [], consent: [],
    graph: matchGraph(graphMembers, comparisons, params, ORGANIZATION_KIND.deterministicRules),
  };
}

/** What a person's view holds beyond the common parts. */
async function personParts(store: Store, shown: readonly ProfileMember[], options: Profile360Options) {
  const since = new Map(shown.map((m) => [m.recordId, m.since] as const));
  const people = await assemblePersonsById(store, shown.map((m) => m.recordId), options.region === undefined ? {} : { region: options.region });
  const members = people.map((p) => memberRecordOf(p, since.get(p.record.id)));
  const ids = people.map((p) => p.record.id);

  const contacts = await store.linkedRecords('AccountContact', 'individualId', ids, { limit: PROFILE_LIMITS.accounts });
  const accountRows = await byIds(store, 'Account', contacts.map((c) => str(c.data['accountId'])).filter((v) => v !== undefined));
  const orgProfiles = await organizationProfiles(store, [...accountRows.values()].map((a) => str(a.data['partyId'])).filter((v) => v !== undefined));
  const accounts = contacts.map((c) => {
    const account = accountRows.get(str(c.data['accountId']) ?? '');
    return accountOf(c, account, orgProfiles.get(str(account?.data['partyId']) ?? ''));
  }).filter((a): a is RelatedAccount => a !== undefined);

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
  const graphMembers = people.map((p, i) => ({ record: p.record, system: p.system, label: memberLabel(members[i]!) }));
  return {
    members, accounts, people: [], cases, opportunities: [...opportunities.values()], engagement, consent: consent.map(consentOf),
    graph: matchGraph(graphMembers, comparisons, params, PERSON_DETERMINISTIC_RULES),
  };
}

/**
 * Everything the profile page shows, for a person or an organisation (`kind`). A merged profile answers with
 * `status: 'merged'`, `mergedInto` and no members.
 */
export async function loadProfile360(store: Store, unifiedId: string, options: Profile360Options = {}): Promise<Profile360> {
  const profile: UnifiedProfile = await requireProfile(store, unifiedId);
  const memberships = await store.profileMembers(unifiedId);
  const shown = memberships.slice(0, PROFILE_LIMITS.members);
  const parts = profile.kind === 'organization' ? await organizationParts(store, shown, options) : await personParts(store, shown, options);
  const history = (await store.profileHistory(unifiedId)).slice(-PROFILE_LIMITS.history);
  return {
    unifiedId: profile.unifiedId,
    kind: profile.kind,
    status: profile.status,
    mergedInto: profile.mergedInto,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
    attributes: profile.attributes,
    members: parts.members,
    memberCount: memberships.length,
    history,
    accounts: parts.accounts,
    people: parts.people,
    cases: newestFirst(parts.cases.map(caseOf), (c) => c.createdAt, PROFILE_LIMITS.cases),
    opportunities: newestFirst(parts.opportunities.map(opportunityOf), (o) => o.closeDate, PROFILE_LIMITS.opportunities),
    engagement: newestFirst(parts.engagement, (e) => e.at, PROFILE_LIMITS.engagement),
    consent: newestFirst(parts.consent, (c) => c.at, PROFILE_LIMITS.consent),
    graph: parts.graph,
  };
}
