/**
 * What the store keeps for identity resolution: unified profiles with golden attributes, memberships, history,
 * saved model parameters and manual decisions. `Store` extends `IdentityStore`; both backends implement it with
 * the shared Kysely queries of `identity-queries.ts`.
 *
 * @example
 * const members = await store.listProfileMembers('person');
 * await store.applyIdentityChanges({ profiles: [...], members: [...], removedMembers: [], history: [...] });
 */
import type { StoredCimRecord } from '../../store/store.js';

export type ProfileKind = 'person' | 'organization';
export type ProfileStatus = 'active' | 'merged' | 'retired';
export type HistoryEventType = 'created' | 'grew' | 'merged' | 'split' | 'member_moved';
export type DecisionKind = 'never-match' | 'always-match';

/** Where a golden value came from. */
export interface Provenance {
  system: string;
  /** The Concord id of the record (an Individual). */
  recordId: string;
  /** The record's id in its system. */
  externalRecordId: string;
  modstamp?: string | undefined;
}

/** One golden attribute: the surviving value, why it won, and the other values seen. */
export interface GoldenValue {
  value: string;
  provenance: Provenance;
  rule: string;
  /** How many member records carried a value for the attribute. */
  candidates: number;
}

export interface UnifiedProfile {
  unifiedId: string;
  kind: ProfileKind;
  createdAt: string;
  updatedAt: string;
  mergedInto?: string | undefined;
  status: ProfileStatus;
  attributes: Record<string, GoldenValue>;
}

export interface ProfileMember {
  recordId: string;
  unifiedId: string;
  since: string;
}

export interface ProfileHistoryEvent {
  event: HistoryEventType;
  /** The profile the event is about first (the survivor of a merge, the source of a split). */
  unifiedIds: string[];
  recordIds: string[];
  at: string;
  run?: string | undefined;
  reason?: string | undefined;
}

export interface IdentityDecision {
  id: number;
  kind: DecisionKind;
  recordA: string;
  recordB: string;
  who: string;
  reason?: string | undefined;
  at: string;
}

/** One resolution's writes, applied in one transaction. */
export interface IdentityChanges {
  /** Profiles to insert or update (whole rows). */
  profiles: readonly UnifiedProfile[];
  /** Memberships to insert or move. */
  members: readonly ProfileMember[];
  /** Record ids that belong to no profile any more (deleted records). */
  removedMembers: readonly string[];
  history: readonly ProfileHistoryEvent[];
  /** Records whose values changed: their profiles' search keys are rebuilt even when nothing else about them is written. */
  reindex?: readonly string[];
}

export interface IdentityStore {
  /**
   * Live ContactPoint records whose `partyId` is one of `partyIds` (a scan of the ContactPoints: for look-ups
   * of a few parties, not for bulk reads).
   */
  contactPointsOfParties(partyIds: readonly string[]): Promise<StoredCimRecord[]>;
  /** Every membership of profiles of `kind` (keyset-paged internally). */
  listProfileMembers(kind: ProfileKind): Promise<ProfileMember[]>;
  /** Profiles of `kind`, by unified id; active ones only unless `includeInactive`. */
  listProfiles(kind: ProfileKind, options?: { limit?: number; after?: string; includeInactive?: boolean }): Promise<UnifiedProfile[]>;
  getProfile(unifiedId: string): Promise<UnifiedProfile | undefined>;
  /** Members of one profile, by record id. */
  profileMembers(unifiedId: string): Promise<ProfileMember[]>;
  /** The profile a record belongs to. */
  profileOfRecord(recordId: string): Promise<ProfileMember | undefined>;
  /** Events naming the profile, oldest first. */
  profileHistory(unifiedId: string): Promise<ProfileHistoryEvent[]>;
  applyIdentityChanges(changes: IdentityChanges): Promise<void>;
  getIdentityParams(name: string): Promise<{ params: unknown; trainedAt: string } | undefined>;
  saveIdentityParams(name: string, params: unknown): Promise<void>;
  listIdentityDecisions(): Promise<IdentityDecision[]>;
  addIdentityDecision(decision: Omit<IdentityDecision, 'id' | 'at'>): Promise<IdentityDecision>;
}
