/**
 * What the HTTP API asks of the store beyond the pipeline and identity queries: API tokens (migration 003) and
 * the read-only views the dashboard, the run history and the systems page need, keyset-paged where they can
 * grow. `Store` extends `ApiStore`; both backends spread the shared Kysely queries of `api-queries.ts`.
 *
 * @example
 * const token = await store.createApiToken('ops', sha256Hex(secret));
 * const page = await store.apiRunIds({ limit: 50 });
 */
import type { DeadLetter, RunStatus } from '../../store/store.js';

export interface ApiToken {
  id: number;
  name: string;
  /** sha256 of the token, lower-case hex. */
  tokenHash: string;
  createdAt: string;
  lastUsedAt?: string | undefined;
  revokedAt?: string | undefined;
}

/** Source records of one stream: live and deleted (tombstoned) rows. */
export interface StreamRecordCount {
  system: string;
  stream: string;
  records: number;
  deleted: number;
}

/** A stream as the store knows it: its cursor and the last run that touched it. */
export interface StreamState {
  system: string;
  stream: string;
  cursor?: Record<string, unknown> | undefined;
  cursorUpdatedAt?: string | undefined;
  lastRun?: { runId: string; status: RunStatus; finishedAt?: string | undefined; error?: string | undefined } | undefined;
}

export interface ProfileStats {
  active: number;
  merged: number;
  /** Member records of active profiles. */
  records: number;
  /** Active profiles with members from two systems or more. */
  multiSystem: number;
  /** Active organisation profiles (the other counts are of people). */
  organizations: number;
  /** Active profiles per set of systems (sorted names), most common first. */
  overlap: Array<{ systems: string[]; profiles: number }>;
}

/** Keyset position in the run list (newest first). */
export interface RunPosition {
  startedAt: string;
  id: string;
}

export type StoredDeadLetter = DeadLetter & { id: number; createdAt: string };

export interface ApiStore {
  /** Stores a token's hash under `name`; throws TOKEN_NAME_TAKEN when a live token has that name. */
  createApiToken(name: string, tokenHash: string): Promise<ApiToken>;
  /** The token with this hash (revoked ones included: the caller decides). */
  findApiToken(tokenHash: string): Promise<ApiToken | undefined>;
  /** Every token, oldest first, revoked ones included. */
  listApiTokens(): Promise<ApiToken[]>;
  /** Revokes the live token named `name`; undefined when there is none. */
  revokeApiToken(name: string): Promise<ApiToken | undefined>;
  /** Records a use of the token. */
  touchApiToken(id: number, at: Date): Promise<void>;

  /** Source record counts per stream. */
  apiStreamRecordCounts(): Promise<StreamRecordCount[]>;
  /** Every stream with a cursor or a run, with its cursor and last run. */
  apiStreamStates(): Promise<StreamState[]>;
  /** Person profile counts and the overlap of systems. */
  apiProfileStats(): Promise<ProfileStats>;
  /** Run ids, newest first, after `after` (exclusive). */
  apiRunIds(options: { limit: number; after?: RunPosition | undefined }): Promise<Array<RunPosition>>;
  /** Dead letters of a run, by id, after `afterId` (exclusive). */
  apiDeadLetters(options: { runId: string; limit: number; afterId?: number | undefined }): Promise<StoredDeadLetter[]>;
  /** All dead letters stored. */
  apiCountDeadLetters(): Promise<number>;
}
