/**
 * CSV jobs behind `concord dedupe` and `concord link`: read (streaming, features only), resolve with the pure
 * core, write `record_id,cluster_id` or `left_id,right_id,probability`, and return a summary.
 *
 * @example
 * const summary = await runDedupeCsv({ file: 'people.csv', idColumn: 'rec_id', out: 'clusters.csv' });
 * summary.clusters; summary.seconds;
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { ConcordError } from '../../core/errors.js';
import type { DroppedIdentifier } from '../cluster/chaining-guard.js';
import { dedupeRecords, linkRecords, type DedupeResult, type LinkResult, type ResolveOptions } from '../cluster/resolve.js';
import type { ModelParameters } from '../score/parameters.js';
import type { Comparison, IdentityRecord } from '../types.js';
import type { ColumnMapping } from './columns.js';
import { detectEntity, type EntityChoice, type EntityKind } from './entity.js';
import { guardChainPhones, ORGANIZATION_BLOCKING_RULES, ORGANIZATION_DETERMINISTIC_RULES, ORGANIZATION_GUARDS } from './organization-defaults.js';
import { organizationComparisons, organizationFeatures } from './organization-features.js';
import { personFeatures, personComparisons } from './person-features.js';
import { PERSON_BLOCKING_RULES, PERSON_DETERMINISTIC_RULES, PERSON_GUARDS } from './person-defaults.js';
import { readIdentityCsv, type AttributeValues } from './read.js';
import { buildFeatures, defaultWorkers, organizationFeatureBuilder, personFeatureBuilder } from '../parallel/features.js';

export interface CsvJobOptions {
  readonly idColumn: string;
  readonly map?: readonly string[];
  readonly threshold?: number;
  /** Default region for phone numbers without a country code (ISO 3166 alpha-2). */
  readonly region?: string;
  /**
   * People or organisations; by default chosen from the columns (an organisation name column and no
   * person-name column → organisations, see `detectEntity`).
   */
  readonly entity?: EntityKind;
  /** Override the entity's defaults (features, comparisons, rules). */
  readonly toFeatures?: (attributes: AttributeValues) => Record<string, unknown>;
  /**
   * Threads that build the default features (default: 2 on two cores or more; files under 50,000 rows stay on
   * one). Same result on any number. A custom `toFeatures` always runs on this thread.
   */
  readonly workers?: number;
  readonly comparisons?: readonly Comparison[];
  readonly resolve?: Partial<Omit<ResolveOptions, 'comparisons' | 'threshold'>>;
}

export interface JobSummary {
  /** What the records were resolved as, and why. */
  readonly entity: EntityKind;
  readonly entityReason: string;
  readonly records: number;
  readonly candidatePairs: number;
  readonly pairsPerRecord: number;
  readonly matchedPairs: number;
  readonly seconds: number;
  readonly readSeconds: number;
  readonly blockingWarnings: readonly { rule: string; key: string; records: number; cap: number }[];
  readonly droppedIdentifiers: readonly { key: string; value: string; records: number }[];
  readonly parameters: ModelParameters;
  readonly ignoredColumns: readonly string[];
  readonly columns: readonly { column: string; attribute: string }[];
}

export interface DedupeJobSummary extends JobSummary {
  readonly clusters: number;
  /** Of `matchedPairs`, those scored after clustering because their records share a cluster (see `scoreWithinClusters`). */
  readonly withinClusterPairs: number;
  readonly out?: string;
  readonly pairs?: string;
}

export interface LinkJobSummary extends JobSummary {
  readonly links: number;
  readonly out?: string;
}

function resolveOptions(options: CsvJobOptions, entity: EntityKind): ResolveOptions {
  const org = entity === 'organization';
  return {
    comparisons: options.comparisons ?? (org ? organizationComparisons() : personComparisons()),
    blockingRules: org ? ORGANIZATION_BLOCKING_RULES : PERSON_BLOCKING_RULES,
    deterministicRules: org ? ORGANIZATION_DETERMINISTIC_RULES : PERSON_DETERMINISTIC_RULES,
    guards: org ? ORGANIZATION_GUARDS : PERSON_GUARDS,
    ...(options.threshold !== undefined && { threshold: options.threshold }),
    ...options.resolve,
  };
}

function threads(options: CsvJobOptions): number {
  return options.toFeatures !== undefined ? 1 : (options.workers ?? defaultWorkers());
}

/** Records read as attributes (see `featuresOf`) with their features built on `threads(options)` threads. */
async function withFeatures(records: IdentityRecord[], options: CsvJobOptions, entity: EntityKind): Promise<IdentityRecord[]> {
  if (threads(options) <= 1) return records;
  const builder = entity === 'organization' ? organizationFeatureBuilder(options.region) : personFeatureBuilder(options.region);
  const features = await buildFeatures(records.map((r) => r.features), builder, { workers: threads(options) });
  return records.map((r, i) => ({ ...r, features: features[i]! }));
}

/** The entity of a file's columns: `--entity` when given, else detected. */
function choose(options: CsvJobOptions, mapping: ColumnMapping): EntityChoice {
  return options.entity !== undefined ? { entity: options.entity, reason: '--entity' } : detectEntity(mapping.columns);
}

function featuresOf(options: CsvJobOptions, entity: EntityKind): (attributes: AttributeValues) => Record<string, unknown> {
  if (options.toFeatures !== undefined) return options.toFeatures;
  // On several threads the rows are kept as attributes and built afterwards (`withFeatures`).
  if (threads(options) > 1) return (attributes) => ({ ...attributes });
  return entity === 'organization' ? (attributes) => organizationFeatures(attributes, options.region) : (attributes) => personFeatures(attributes, options.region);
}

/** Organisations: a phone seen at several buildings is a chain's switchboard and stops linking (`guardChainPhones`). */
function preGuard(records: IdentityRecord[], entity: EntityKind): { records: IdentityRecord[]; dropped: readonly DroppedIdentifier[] } {
  return entity === 'organization' ? guardChainPhones(records) : { records, dropped: [] };
}

export interface DedupeCsvOptions extends CsvJobOptions {
  readonly file: string;
  /** Where to write `record_id,cluster_id`. */
  readonly out?: string;
  /** Where to write the matched pairs: `left_id,right_id,probability,found_by` (`blocking` or `cluster`). */
  readonly pairs?: string;
  /**
   * Also score the pairs inside each cluster that blocking never produced (default true; clusters are the same
   * either way, only the matched pairs differ — see `DedupeOptions.scoreWithinClusters`).
   */
  readonly withinClusters?: boolean;
}

/**
 * Deduplicates one file; writes `record_id,cluster_id` to `out` and the matched pairs to `pairs` when given.
 *
 * @example
 * await runDedupeCsv({ file: 'dataset1.csv', idColumn: 'rec_id', threshold: 0.95 });
 */
export async function runDedupeCsv(options: DedupeCsvOptions): Promise<DedupeJobSummary & { result: DedupeResult }> {
  const started = performance.now();
  let choice: EntityChoice | undefined;
  const read = await readIdentityCsv(options.file, {
    idColumn: options.idColumn, toFeatures: featuresOf(options, 'person'), ...(options.map && { map: options.map }),
    featuresFor: (m) => featuresOf(options, (choice = choose(options, m)).entity),
  });
  const { mapping } = read;
  const entity = choice ?? { entity: 'person', reason: 'empty file' };
  const readSeconds = (performance.now() - started) / 1000;
  const { records, dropped } = preGuard(await withFeatures(read.records, options, entity.entity), entity.entity);
  const result = dedupeRecords(records, { ...resolveOptions(options, entity.entity), scoreWithinClusters: options.withinClusters ?? true });
  if (options.out !== undefined) {
    await writeLines(options.out, 'record_id,cluster_id', records.length, (i) => `${csvCell(records[i]!.id)},${csvCell(result.clusters.clusterIds[i]!)}`);
  }
  if (options.pairs !== undefined) {
    const { matches, withinClusterPairs } = result;
    const fromBlocking = matches.count - withinClusterPairs;
    await writeLines(options.pairs, 'left_id,right_id,probability,found_by', matches.count, (k) =>
      `${csvCell(records[matches.left[k]!]!.id)},${csvCell(records[matches.right[k]!]!.id)},${matches.probability[k]!.toFixed(6)},${k < fromBlocking ? 'blocking' : 'cluster'}`);
  }
  return {
    ...summaryOf(result, mapping, started, readSeconds, entity, dropped),
    clusters: result.clusters.clusters,
    withinClusterPairs: result.withinClusterPairs,
    ...(options.out !== undefined && { out: options.out }),
    ...(options.pairs !== undefined && { pairs: options.pairs }),
    result,
  };
}

/**
 * Links two files; writes `left_id,right_id,probability` to `out` when given.
 *
 * @example
 * await runLinkCsv({ left: 'dataset4a.csv', right: 'dataset4b.csv', idColumn: 'rec_id', oneToOne: true });
 */
export async function runLinkCsv(options: CsvJobOptions & { left: string; right: string; out?: string; oneToOne?: boolean }): Promise<LinkJobSummary & { result: LinkResult }> {
  const started = performance.now();
  let choice: EntityChoice | undefined;
  const read = (file: string) => readIdentityCsv(file, {
    idColumn: options.idColumn, toFeatures: featuresOf(options, 'person'), source: file, ...(options.map && { map: options.map }),
    featuresFor: (m) => {
      const own = choose(options, m);
      if (choice !== undefined && own.entity !== choice.entity) {
        throw new ConcordError('CSV_ENTITY_MISMATCH', `${options.left} holds ${choice.entity} records (${choice.reason}) but ${file} holds ${own.entity} records (${own.reason})`, {
          kind: 'usage', context: { file }, hint: 'name the entity with --entity person|organization, or map the columns with --map',
        });
      }
      choice ??= own;
      return featuresOf(options, own.entity);
    },
  });
  const left = await read(options.left);
  const right = await read(options.right);
  const entity = choice ?? { entity: 'person', reason: 'empty files' };
  const readSeconds = (performance.now() - started) / 1000;
  // Guarded over both files together: a chain's switchboard is one whichever file lists its sites.
  const guarded = preGuard(await withFeatures([...left.records, ...right.records], options, entity.entity), entity.entity);
  const leftRecords = guarded.records.slice(0, left.records.length);
  const rightRecords = guarded.records.slice(left.records.length);
  const result = linkRecords(leftRecords, rightRecords, { ...resolveOptions(options, entity.entity), ...(options.oneToOne !== undefined && { oneToOne: options.oneToOne }) });
  const { links } = result;
  if (options.out !== undefined) {
    await writeLines(options.out, 'left_id,right_id,probability', links.count, (k) =>
      `${csvCell(leftRecords[links.left[k]!]!.id)},${csvCell(rightRecords[links.right[k]!]!.id)},${links.probability[k]!.toFixed(6)}`);
  }
  return { ...summaryOf(result, left.mapping, started, readSeconds, entity, guarded.dropped), links: links.count, ...(options.out !== undefined && { out: options.out }), result };
}

function summaryOf(
  result: DedupeResult | LinkResult, mapping: { columns: readonly { column: string; attribute: string }[]; ignored: readonly string[] },
  started: number, readSeconds: number, entity: EntityChoice, guarded: readonly DroppedIdentifier[],
): JobSummary {
  return {
    entity: entity.entity,
    entityReason: entity.reason,
    records: result.records,
    candidatePairs: result.candidatePairs,
    pairsPerRecord: result.records === 0 ? 0 : result.candidatePairs / result.records,
    matchedPairs: result.matches.count,
    seconds: (performance.now() - started) / 1000,
    readSeconds,
    blockingWarnings: result.blocking.warnings,
    droppedIdentifiers: [...guarded, ...result.dropped],
    parameters: result.parameters,
    columns: mapping.columns,
    ignoredColumns: mapping.ignored,
  };
}

/** Writes a header and `count` lines, honouring back-pressure. */
async function writeLines(file: string, header: string, count: number, line: (i: number) => string): Promise<void> {
  const stream = createWriteStream(file, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  let buffer = `${header}\n`;
  for (let i = 0; i < count; i++) {
    buffer += `${line(i)}\n`;
    if (buffer.length > 1 << 16) {
      if (!stream.write(buffer)) await Promise.race([once(stream, 'drain'), failed]);
      buffer = '';
    }
  }
  stream.end(buffer);
  await Promise.race([once(stream, 'finish'), failed]);
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
