/**
 * The write-back step of a sync: for each `writeBack` rule, the golden values of unified person profiles go to
 * the profile's member records in the rule's system and stream, only where they differ from what the system
 * holds in the store. Every row sent gets an outcome in the run history (`writeback_outcomes`): created,
 * updated, rejected with the vendor's code and message, or failed when the call itself failed after its retries.
 * Rows are written by key (record id, external id or alternate key), never inserted, so a retry never creates
 * a duplicate; rows refused or lost are planned again by the next run because they still differ.
 *
 * @example
 * const report = await runWriteBack(store, config, { runId: run.id, env: process.env, baseDir: '.' });
 * report.rules[0]; // { system: 'crm', stream: 'Contact', considered: 1200, written: 14, updated: 13, rejected: 1, … }
 */
import { isConcordError } from '../core/errors.js';
import type { ConcordConfig } from '../config/schema.js';
import { getMapping, hasMapping } from '../connectors/mapping-registry.js';
import { cimPages } from '../identity/store/assemble.js';
import type { UnifiedProfile } from '../identity/store/types.js';
import { reverseMapping } from '../mapping/reverse.js';
import { ConcordError } from '../core/errors.js';
import type { Store } from '../store/store.js';
import type { GoldenAttribute, WriteBackRule } from './config.js';
import { planRows, type MemberRecord, type PlannedRow } from './plan.js';
import { openTarget, type WriteTarget } from './targets.js';
import type { WriteBackOutcome } from './types.js';

/** Rows per writer call: one sObject Collections call; a failed call fails only these rows. */
const CALL_ROWS = 200;

export interface WriteBackRuleReport {
  system: string;
  stream: string;
  /** Member records in the system and stream. */
  considered: number;
  /** Rows sent (changed values). */
  written: number;
  created: number;
  updated: number;
  rejected: number;
  failed: number;
  /** The error that stopped the rule before anything was sent (config, auth …). */
  error?: string | undefined;
}

export interface WriteBackReport {
  runId: string;
  rules: WriteBackRuleReport[];
}

export interface WriteBackOptions {
  runId: string;
  env: NodeJS.ProcessEnv;
  baseDir: string;
  /** Opens a rule's target (tests may wrap it); default `openTarget`. */
  openTarget?: typeof openTarget;
}

/**
 * Fields the shipped mapping of the stream never writes back (computed or system-maintained) are refused before
 * anything is sent, with the reason the reverse mapping gives.
 */
export function checkWritableFields(mappingSystem: string, rule: WriteBackRule, overrides?: Parameters<typeof getMapping>[2]): void {
  if (!hasMapping(mappingSystem, rule.stream)) return;
  const reverse = reverseMapping(getMapping(mappingSystem, rule.stream, overrides));
  for (const field of Object.keys(rule.fields)) {
    const described = reverse.fields.filter((f) => f.source === field);
    if (described.length > 0 && !described.some((f) => f.written)) {
      throw new ConcordError('WRITEBACK_FIELD_READ_ONLY', `writeBack ${rule.system}/${rule.stream}: ${field} is not written back (${described[0]!.loss ?? 'read-only'})`, {
        kind: 'config',
        context: { system: rule.system, stream: rule.stream, field },
        hint: 'write to the field the mapping reads the value from (e.g. FirstName and LastName, not Name)',
      });
    }
  }
}

/** CIM targets whose source fields hold values of a golden attribute. */
const ATTRIBUTE_TARGETS: Partial<Record<GoldenAttribute, RegExp>> = {
  email: /^ContactPointEmail(\[[^\]]*\])?\.emailAddress$/,
  phone: /^ContactPointPhone(\[[^\]]*\])?\.telephoneNumber$/,
};

/**
 * The source fields of the stream's shipped mapping that hold each attribute (every email and phone slot), from
 * its reverse mapping; empty when the stream has no shipped mapping.
 *
 * @example
 * heldInFields('salesforce', 'Contact').phone // ['Phone', 'MobilePhone', 'HomePhone', 'OtherPhone', 'Fax', 'AssistantPhone']
 */
export function heldInFields(mappingSystem: string, stream: string, overrides?: Parameters<typeof getMapping>[2]): Partial<Record<GoldenAttribute, string[]>> {
  if (!hasMapping(mappingSystem, stream)) return {};
  const fields = reverseMapping(getMapping(mappingSystem, stream, overrides)).fields;
  const out: Partial<Record<GoldenAttribute, string[]>> = {};
  for (const [attribute, target] of Object.entries(ATTRIBUTE_TARGETS) as Array<[GoldenAttribute, RegExp]>) {
    out[attribute] = [...new Set(fields.filter((f) => target.test(f.target)).map((f) => f.source))];
  }
  return out;
}

/** Active person profiles by unified id, and the profile of each member record. */
async function profilesAndMembers(store: Store): Promise<{ profiles: Map<string, UnifiedProfile>; memberOf: Map<string, string> }> {
  const profiles = new Map<string, UnifiedProfile>();
  for (let after: string | undefined; ;) {
    const page = await store.listProfiles('person', { limit: 5000, ...(after !== undefined && { after }) });
    for (const p of page) profiles.set(p.unifiedId, p);
    if (page.length < 5000) break;
    after = page[page.length - 1]!.unifiedId;
  }
  const memberOf = new Map<string, string>();
  for (const m of await store.listProfileMembers('person')) if (profiles.has(m.unifiedId)) memberOf.set(m.recordId, m.unifiedId);
  return { profiles, memberOf };
}

/** The member records of profiles in one system stream, with what the store holds of each. */
async function membersOf(store: Store, rule: WriteBackRule, profiles: Map<string, UnifiedProfile>, memberOf: Map<string, string>): Promise<MemberRecord[]> {
  const members: MemberRecord[] = [];
  for await (const page of cimPages(store, 'Individual')) {
    for (const individual of page) {
      if (individual.sourceSystem !== rule.system || individual.sourceStream !== rule.stream) continue;
      const unifiedId = memberOf.get(individual.id);
      const profile = unifiedId === undefined ? undefined : profiles.get(unifiedId);
      if (profile === undefined || unifiedId === undefined) continue;
      const held = await store.getSourceRecord(rule.system, rule.stream, individual.sourceRecordId);
      if (held === undefined || held.deleted === true) continue;
      const d = individual.data;
      const modstamp = d['systemModstamp'] ?? d['lastModifiedDate'] ?? d['createdDate'];
      members.push({ unifiedId, recordId: individual.sourceRecordId, golden: profile.attributes, held: held.fields, ...(typeof modstamp === 'string' && { modstamp }) });
    }
  }
  return members;
}

/** Sends planned rows in calls of `CALL_ROWS`; a call that fails marks its rows failed and the next call goes on. */
async function writeRows(target: WriteTarget, rule: WriteBackRule, runId: string, rows: readonly PlannedRow[]): Promise<WriteBackOutcome[]> {
  const outcomes: WriteBackOutcome[] = [];
  const base = (row: PlannedRow) => ({ runId, system: rule.system, stream: rule.stream, recordId: row.recordId, unifiedId: row.unifiedId, values: row.values, previousModstamp: row.modstamp });
  const keyed: Array<PlannedRow & { key: string }> = [];
  for (const row of rows) {
    if (row.key === undefined || row.key === '') {
      outcomes.push({ ...base(row), key: '', outcome: 'rejected', code: 'WRITEBACK_KEY_MISSING', message: `the stored record has no value for ${target.keyField ?? 'its id'}` });
    } else keyed.push(row as PlannedRow & { key: string });
  }
  for (let start = 0; start < keyed.length; start += CALL_ROWS) {
    const chunk = keyed.slice(start, start + CALL_ROWS);
    try {
      const answers = await target.write(chunk.map((r) => ({ key: r.key, values: r.values })));
      answers.forEach((answer, i) => outcomes.push({ ...base(chunk[i]!), key: answer.key, outcome: answer.outcome, code: answer.code, message: answer.message }));
    } catch (cause) {
      if (!isConcordError(cause) || cause.kind === 'bug') throw cause;
      for (const row of chunk) outcomes.push({ ...base(row), key: row.key, outcome: 'failed', code: cause.code, message: cause.message });
    }
  }
  return outcomes;
}

/**
 * Runs every enabled write-back rule and keeps each row's outcome under `runId`. A rule that cannot start
 * (unknown system, read-only field, refused credentials) is reported with its error and the others go on.
 */
export async function runWriteBack(store: Store, config: ConcordConfig, options: WriteBackOptions): Promise<WriteBackReport> {
  const rules = config.writeBack.filter((r) => r.enabled);
  const report: WriteBackReport = { runId: options.runId, rules: [] };
  if (rules.length === 0) return report;
  const { profiles, memberOf } = await profilesAndMembers(store);
  const open = options.openTarget ?? openTarget;
  for (const rule of rules) {
    const entry: WriteBackRuleReport = { system: rule.system, stream: rule.stream, considered: 0, written: 0, created: 0, updated: 0, rejected: 0, failed: 0 };
    report.rules.push(entry);
    let outcomes: WriteBackOutcome[];
    try {
      const target = await open(rule.system, config.systems[rule.system] as Record<string, unknown> | undefined, rule, { baseDir: options.baseDir, env: options.env });
      checkWritableFields(target.mappingSystem, rule, config.mappings[rule.system]?.[rule.stream]);
      const members = await membersOf(store, rule, profiles, memberOf);
      entry.considered = members.length;
      const keyField = target.keyField;
      const heldIn = heldInFields(target.mappingSystem, rule.stream, config.mappings[rule.system]?.[rule.stream]);
      const rows = planRows({ fields: rule.fields, region: config.defaults.region, heldIn, keyOf: (m) => (keyField === undefined ? m.recordId : stringOrUndefined(m.held[keyField])) }, members);
      outcomes = await writeRows(target, rule, options.runId, rows);
    } catch (cause) {
      if (!isConcordError(cause) || cause.kind === 'bug') throw cause;
      entry.error = `${cause.code}: ${cause.message}`;
      continue;
    }
    await store.recordWriteBackOutcomes(outcomes);
    entry.written = outcomes.length;
    for (const o of outcomes) entry[o.outcome] += 1;
  }
  return report;
}

function stringOrUndefined(value: unknown): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : String(value);
}

/**
 * The summary lines `concord sync` prints after the run report.
 *
 * @example
 * renderWriteBack(report) // ['write-back crm/Contact: 14 written (13 updated, 1 rejected) of 1200 records']
 */
export function renderWriteBack(report: WriteBackReport): string[] {
  return report.rules.map((r) =>
    r.error !== undefined
      ? `write-back ${r.system}/${r.stream}: not run — ${r.error}`
      : `write-back ${r.system}/${r.stream}: ${r.written} written (${r.created} created, ${r.updated} updated, ${r.rejected} rejected, ${r.failed} failed) of ${r.considered} records`,
  );
}
