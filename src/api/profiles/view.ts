/**
 * The shapes of the profile API (see the API contract) and the pure functions that build them from stored
 * records: a profile summary, a member record with its values, and the related accounts, cases, opportunities,
 * engagement and consent of a person.
 *
 * @example
 * summaryOf(row);                    // { unifiedId, status, name, email, systems: ['dataverse', 'salesforce'], members: 2, … }
 * caseOf(storedServiceCase);         // { recordId, system: 'salesforce', subject: 'Cannot sign in', status: 'New', createdAt }
 */
import type { PersonRecord, PersonValues } from '../../identity/store/assemble.js';
import type { OrganizationRecord, OrganizationValues } from '../../identity/store/assemble-organizations.js';
import type { GoldenValue, ProfileHistoryEvent } from '../../identity/store/types.js';
import type { ProfileSummaryRow } from '../../store/profile-search/types.js';
import type { StoredCimRecord } from '../../store/store.js';

export interface ProfileSummary {
  unifiedId: string;
  /** `person` or `organization`. */
  kind: string;
  status: string;
  /** A person's name, or an organisation's. */
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  address?: string | undefined;
  /** An organisation's website. */
  website?: string | undefined;
  systems: string[];
  members: number;
  updatedAt: string;
}

export interface MemberRecord {
  recordId: string;
  system: string;
  stream: string;
  externalRecordId: string;
  entity: string;
  /** When the record joined its profile (absent for a record in no profile). */
  since?: string | undefined;
  modstamp?: string | undefined;
  /** A person's values (Individual) or an organisation's (Organization). */
  values: MemberValues;
}

/** The values of a member record as shown: a person's or an organisation's, without the empty ones. */
export type MemberValues = Omit<PersonValues, 'middleName'> & OrganizationValues;

export interface RelatedAccount {
  recordId: string;
  system: string;
  name: string;
  role?: string | undefined;
  /** The organisation profile the account's company belongs to, when resolved. */
  organizationId?: string | undefined;
}

/** A person profile whose member records are contacts of an organisation's accounts. */
export interface RelatedPerson {
  unifiedId: string;
  name?: string | undefined;
  email?: string | undefined;
  /** Titles of the person's contact records at the organisation. */
  roles: string[];
  systems: string[];
}
export interface RelatedCase { recordId: string; system: string; subject: string; status: string; createdAt?: string | undefined }
export interface RelatedOpportunity { recordId: string; system: string; name: string; stage: string; amount?: number | undefined; closeDate?: string | undefined }
export interface EngagementItem { recordId: string; system: string; type: string; at: string; campaign?: string | undefined }
export interface ConsentItem { recordId: string; system: string; channel: string; purpose?: string | undefined; status: string; at?: string | undefined }

export interface MatchGraph {
  nodes: Array<{ recordId: string; system: string; label: string }>;
  edges: Array<{ a: string; b: string; probability: number }>;
}

export interface Profile360 {
  unifiedId: string;
  kind: string;
  status: string;
  mergedInto?: string | undefined;
  createdAt: string;
  updatedAt: string;
  attributes: Record<string, GoldenValue>;
  /** Every member, or the first `memberLimit` of them by record id (see `memberCount`). */
  members: MemberRecord[];
  memberCount: number;
  history: ProfileHistoryEvent[];
  accounts: RelatedAccount[];
  /** For an organisation: the person profiles with contacts at its accounts (empty for a person). */
  people: RelatedPerson[];
  cases: RelatedCase[];
  opportunities: RelatedOpportunity[];
  engagement: EngagementItem[];
  consent: ConsentItem[];
  graph: MatchGraph;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * A search result line: kind, golden name (a person's or an organisation's), email, phone, address, website, and
 * the systems of the members.
 *
 * @example
 * summaryOf({ profile, systems: [{ system: 'salesforce', records: 2 }], members: 2 }).systems; // ['salesforce']
 */
export function summaryOf(row: ProfileSummaryRow): ProfileSummary {
  const a = row.profile.attributes;
  const composed = [a['firstName']?.value, a['lastName']?.value].filter((v) => v !== undefined).join(' ');
  return {
    unifiedId: row.profile.unifiedId,
    kind: row.profile.kind,
    status: row.profile.status,
    name: a['personName']?.value ?? a['organizationName']?.value ?? (composed === '' ? undefined : composed),
    email: a['email']?.value,
    phone: a['phone']?.value,
    address: a['address']?.value,
    website: a['website']?.value,
    systems: row.systems.map((s) => s.system),
    members: row.members,
    updatedAt: row.profile.updatedAt,
  };
}

/**
 * A member record as the 360 view shows it.
 *
 * @example
 * memberRecordOf(person, '2026-01-01T00:00:00.000Z').values.email; // 'ada@example.com'
 */
export function memberRecordOf(person: PersonRecord, since: string | undefined): MemberRecord {
  const { middleName: _middle, ...values } = person.values;
  const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as MemberRecord['values'];
  return {
    recordId: person.record.id, system: person.system, stream: person.stream, externalRecordId: person.externalRecordId, entity: 'Individual',
    since, modstamp: person.modstamp, values: defined,
  };
}

/**
 * An organisation member record as the 360 view shows it.
 *
 * @example
 * organizationMemberOf(org, '2026-01-01T00:00:00.000Z').values.organizationName; // 'Acme Corp'
 */
export function organizationMemberOf(org: OrganizationRecord, since: string | undefined): MemberRecord {
  const defined = Object.fromEntries(Object.entries(org.values).filter(([, v]) => v !== undefined)) as MemberRecord['values'];
  return {
    recordId: org.record.id, system: org.system, stream: org.stream, externalRecordId: org.externalRecordId, entity: 'Organization',
    since, modstamp: org.modstamp, values: defined,
  };
}

/** A label for a member in the match graph: its name (a person's or an organisation's), else its email, else its source id. */
export function memberLabel(m: MemberRecord): string {
  const v = m.values;
  return v.personName ?? v.organizationName ?? ([v.firstName, v.lastName].filter((x) => x !== undefined).join(' ') || (v.email ?? v.website ?? m.externalRecordId));
}

/**
 * An account the person is a contact of (`AccountContact.accountId`), with the contact's title as role.
 *
 * @example
 * accountOf(accountContact, account); // { recordId: account.id, system: 'salesforce', name: 'Acme', role: 'Controller' }
 */
export function accountOf(link: StoredCimRecord, account: StoredCimRecord | undefined, organizationId?: string): RelatedAccount | undefined {
  if (!account) return undefined;
  return { recordId: account.id, system: account.sourceSystem, name: str(account.data['name']) ?? account.externalRecordId, role: str(link.data['title']), organizationId };
}

/**
 * The people of an organisation: its accounts' contact records (AccountContact) grouped by the person profile
 * each contact belongs to, with the profile's golden name and email, the contacts' titles and systems. Contacts
 * in no profile are left out; sorted by name.
 *
 * @example
 * peopleOf([{ link, unifiedId: 'u1' }], summaries); // [{ unifiedId: 'u1', name: 'Ada King', roles: ['Controller'], systems: ['salesforce'] }]
 */
export function peopleOf(contacts: ReadonlyArray<{ link: StoredCimRecord; unifiedId: string | undefined }>, summaries: ReadonlyMap<string, ProfileSummary>): RelatedPerson[] {
  const byProfile = new Map<string, RelatedPerson>();
  for (const { link, unifiedId } of contacts) {
    if (unifiedId === undefined) continue;
    const summary = summaries.get(unifiedId);
    const entry = byProfile.get(unifiedId) ?? { unifiedId, name: summary?.name, email: summary?.email, roles: [], systems: [] };
    const role = str(link.data['title']);
    if (role !== undefined && !entry.roles.includes(role)) entry.roles.push(role);
    if (!entry.systems.includes(link.sourceSystem)) entry.systems.push(link.sourceSystem);
    byProfile.set(unifiedId, entry);
  }
  for (const p of byProfile.values()) p.systems.sort();
  return [...byProfile.values()].sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || (a.unifiedId < b.unifiedId ? -1 : 1));
}

export function caseOf(r: StoredCimRecord): RelatedCase {
  const status = str(r.data['status']) ?? (r.data['isClosed'] === true ? 'Closed' : 'Open');
  return { recordId: r.id, system: r.sourceSystem, subject: str(r.data['subject']) ?? str(r.data['caseNumber']) ?? r.externalRecordId, status, createdAt: str(r.data['createdDate']) };
}

export function opportunityOf(r: StoredCimRecord): RelatedOpportunity {
  return {
    recordId: r.id, system: r.sourceSystem, name: str(r.data['name']) ?? r.externalRecordId, stage: str(r.data['stage']) ?? 'unknown',
    amount: num(r.data['amount']), closeDate: str(r.data['closeDate']),
  };
}

/** A marketing event (send, open, click, bounce …) of an Individual. */
export function engagementOf(r: StoredCimRecord): EngagementItem {
  return { recordId: r.id, system: r.sourceSystem, type: str(r.data['eventType']) ?? 'event', at: str(r.data['eventDateTime']) ?? str(r.data['createdDate']) ?? r.updatedAt };
}

/** Campaign membership as engagement: its status ("Sent", "Responded") and the campaign's name. */
export function campaignEngagementOf(r: StoredCimRecord, campaign: StoredCimRecord | undefined): EngagementItem {
  return {
    recordId: r.id, system: r.sourceSystem, type: `campaign ${(str(r.data['status']) ?? 'member').toLowerCase()}`,
    at: str(r.data['firstRespondedDate']) ?? str(r.data['createdDate']) ?? r.updatedAt,
    campaign: campaign ? (str(campaign.data['name']) ?? campaign.externalRecordId) : undefined,
  };
}

export function consentOf(r: StoredCimRecord): ConsentItem {
  return {
    recordId: r.id, system: r.sourceSystem, channel: str(r.data['channel']) ?? 'unknown', purpose: str(r.data['purpose']),
    status: str(r.data['status']) ?? 'unknown', at: str(r.data['capturedDateTime']) ?? str(r.data['createdDate']),
  };
}

/** Newest first (ISO stamps compare as text), then by record id; at most `limit`. */
export function newestFirst<T extends { recordId: string }>(items: readonly T[], at: (item: T) => string | undefined, limit: number): T[] {
  return [...items].sort((x, y) => (at(y) ?? '').localeCompare(at(x) ?? '') || (x.recordId < y.recordId ? -1 : 1)).slice(0, limit);
}
