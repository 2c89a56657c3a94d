/**
 * The shapes the HTTP API answers with (see the API contract), as the web UI reads them.
 * Kept apart from the server's types so the browser bundle carries no Node code.
 *
 * @example
 * const page: Page<ProfileSummary> = await api.get('/api/profiles', { q: 'ada' });
 */

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'paused';

export interface RunCounts {
  read: number;
  loaded: number;
  unchanged: number;
  deleted: number;
  deadLettered: number;
}

export interface RunStreamCounts extends RunCounts {
  system: string;
  stream: string;
}

export interface Run {
  id: string;
  startedAt: string;
  finishedAt?: string;
  status: RunStatus;
  request: Record<string, unknown>;
  counts: RunCounts;
  streams: RunStreamCounts[];
  error?: string;
}

export interface DeadLetter {
  runId: string;
  system: string;
  stream: string;
  recordId?: string;
  line?: number;
  stage: string;
  entity?: string;
  field?: string;
  code: string;
  reason: string;
  payload?: unknown;
}

export interface WriteBackOutcome {
  system: string;
  stream: string;
  recordId: string;
  outcome: 'created' | 'updated' | 'rejected';
  message?: string;
}

export interface RunDetail {
  run: Run;
  deadLetters: Page<DeadLetter>;
  writeBack: { items: WriteBackOutcome[] };
}

export interface Stats {
  systems: Array<{ system: string; records: number; deleted: number }>;
  profiles: { active: number; merged: number; records: number; multiSystem: number; organizations: number };
  overlap: Array<{ systems: string[]; profiles: number }>;
  lastRuns: Run[];
  deadLetters: number;
}

export interface SystemInfo {
  system: string;
  connector: string;
  streams: Array<{
    stream: string;
    entity?: string;
    cursor: unknown;
    cursorUpdatedAt?: string | null;
    records: number;
    lastRun?: { runId: string; status: RunStatus; finishedAt?: string; error?: string };
  }>;
}

/** What a profile is: a person or an organisation (a company). */
export type ProfileKind = 'person' | 'organization';

export interface ProfileSummary {
  unifiedId: string;
  kind: ProfileKind;
  status: string;
  /** A person's or an organisation's name. */
  name?: string;
  email?: string;
  phone?: string;
  address?: string;
  website?: string;
  systems: string[];
  members: number;
  updatedAt: string;
}

export interface Provenance {
  system: string;
  recordId: string;
  externalRecordId: string;
  modstamp?: string;
}

export interface GoldenValue {
  value: string;
  provenance: Provenance;
  rule: string;
  candidates: number;
}

export interface MemberValues {
  personName?: string;
  firstName?: string;
  lastName?: string;
  birthDate?: string;
  email?: string;
  phone?: string;
  address?: string;
  organizationName?: string;
  website?: string;
  /** DUNS or another registration number. */
  identifier?: string;
}

export interface MemberRecord {
  recordId: string;
  system: string;
  stream: string;
  externalRecordId: string;
  entity: string;
  since: string;
  modstamp?: string;
  values: MemberValues;
}

export interface ProfileHistoryEvent {
  event: string;
  unifiedIds: string[];
  recordIds: string[];
  at: string;
  run?: string;
  reason?: string;
}

export interface GraphNode {
  recordId: string;
  system: string;
  label: string;
}

export interface GraphEdge {
  a: string;
  b: string;
  probability: number;
}

/** A person profile with contacts at an organisation's accounts. */
export interface RelatedPerson {
  unifiedId: string;
  name?: string;
  email?: string;
  roles: string[];
  systems: string[];
}

export interface Profile360 {
  unifiedId: string;
  kind: ProfileKind;
  status: string;
  mergedInto?: string;
  createdAt: string;
  updatedAt: string;
  attributes: Record<string, GoldenValue>;
  members: MemberRecord[];
  history: ProfileHistoryEvent[];
  accounts: Array<{ recordId: string; system: string; name: string; role?: string; organizationId?: string }>;
  people: RelatedPerson[];
  cases: Array<{ recordId: string; system: string; subject: string; status: string; createdAt?: string }>;
  opportunities: Array<{ recordId: string; system: string; name: string; stage: string; amount?: number; closeDate?: string }>;
  engagement: Array<{ recordId: string; system: string; type: string; at: string; campaign?: string }>;
  consent: Array<{ recordId: string; system: string; channel: string; purpose?: string; status: string; at?: string }>;
  graph: { nodes: GraphNode[]; edges: GraphEdge[] };
}

export interface ExplanationStep {
  comparison: string;
  level: number;
  label: string;
  left: unknown;
  right: unknown;
  m?: number;
  u?: number;
  bayesFactor?: number;
  weight: number;
  cumulative: number;
}

export interface Explanation {
  left: string;
  right: string;
  lambda: number;
  priorWeight: number;
  steps: ExplanationStep[];
  finalWeight: number;
  modelProbability: number;
  probability: number;
  deterministicRule?: string;
  records: { a: MemberRecord; b: MemberRecord };
}

export interface SplitResult {
  decisions: unknown[];
  resolve: unknown;
  profiles: Array<{ unifiedId: string; members: number | string[] }>;
}

export interface MergeResult {
  decisions: unknown[];
  resolve: unknown;
  profile: Profile360;
}

export interface MappingSummary {
  system: string;
  stream: string;
  entities: string[];
}

export interface MappingTable {
  system: string;
  stream: string;
  rows: Array<{ source: string; target: string; transform: string; reversible: boolean }>;
}

/** A problem+json answer. */
export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  hint?: string;
}

export interface StoredCimRecord {
  entity: string;
  id: string;
  externalSourceId: string;
  externalRecordId: string;
  data: Record<string, unknown>;
  deleted: boolean;
  sourceSystem: string;
  sourceStream: string;
  sourceRecordId: string;
  updatedAt: string;
}

export interface SourceRecordView {
  source: { system: string; stream: string; recordId: string; data: Record<string, unknown>; modstamp?: string; deleted: boolean };
  cim: StoredCimRecord[];
  profile?: { unifiedId: string };
}

export interface IdentityDecision {
  id: number;
  kind: 'never-match' | 'always-match';
  recordA: string;
  recordB: string;
  who: string;
  reason?: string;
  at: string;
}
