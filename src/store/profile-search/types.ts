/**
 * What the store offers profile search and the 360 view (migration 004): keyed look-ups of active person and
 * organisation profiles, short summaries of a page of them, and the records that point at a person through the indexed link
 * fields. `Store` extends `ProfileSearchStore`; both backends spread `profileSearchQueries`.
 *
 * @example
 * const ids = await store.searchProfiles([{ kind: 'email', values: ['ada@example.com'] }], { limit: 20 });
 * const [summary] = await store.profileSummaries(ids);
 */
import type { ProfileKind, UnifiedProfile } from '../../identity/store/types.js';
import type { StoredCimRecord } from '../store.js';
import type { PROFILE_LINKS } from '../migrations/004-profile-search.js';
import type { ACCOUNT_LINKS } from '../migrations/009-account-contacts.js';
import type { ACCOUNT_CASE_LINKS } from '../migrations/010-account-cases.js';
import type { SearchKey, SearchTerm } from './keys.js';

/** An (entity, JSON field) pair with an index (see migrations 004, 009 and 010). */
export type ProfileLink = (typeof PROFILE_LINKS)[number] | (typeof ACCOUNT_LINKS)[number] | (typeof ACCOUNT_CASE_LINKS)[number];
export type LinkedEntity = ProfileLink[0];
export type LinkField<E extends LinkedEntity> = Extract<ProfileLink, readonly [E, string]>[1];

/** A profile with how many member records it has in each system. */
export interface ProfileSummaryRow {
  profile: UnifiedProfile;
  /** Member records per system, by system name. */
  systems: Array<{ system: string; records: number }>;
  members: number;
}

export interface ProfileSearchStore {
  /**
   * Unified ids of active profiles of `kind` (default: person) matching every term, in unified id order after
   * `after` (exclusive). No terms: every active profile of the kind.
   */
  searchProfiles(terms: readonly SearchTerm[], options: { limit: number; after?: string | undefined; kind?: ProfileKind | readonly ProfileKind[] | undefined }): Promise<string[]>;
  /** The profiles with these ids (unknown ids left out), in the order asked. */
  profileSummaries(unifiedIds: readonly string[]): Promise<ProfileSummaryRow[]>;
  /** The keys a profile is indexed under now (empty when it is not active). */
  indexedSearchKeys(unifiedId: string): Promise<SearchKey[]>;
  /** Indexes every active profile again from scratch; returns the number of keys written. */
  rebuildProfileSearch(): Promise<number>;
  /**
   * True when active profiles exist but none is indexed (a store that had profiles before migration 004), or
   * organisation profiles were indexed without their member records (before organisations were searchable).
   */
  profileSearchNeedsRebuild(): Promise<boolean>;
  /**
   * Live AccountContact records (a person's contact record at a company) of these CIM Accounts, by id; at most
   * `limit` (default 200). Not indexed: cost follows the number of AccountContacts.
   */
  accountContactsOf(accountIds: readonly string[], options?: { limit?: number }): Promise<StoredCimRecord[]>;
  /**
   * Live records of `entity` whose JSON `field` is one of `values`; newest first by the JSON field `newestBy`
   * when given, else by id; at most `limit` (default 200).
   */
  linkedRecords<E extends LinkedEntity>(entity: E, field: LinkField<E>, values: readonly string[], options?: { limit?: number; newestBy?: string }): Promise<StoredCimRecord[]>;
}
