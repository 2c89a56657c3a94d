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
import { dedupeRecords, linkRecords, type DedupeResult, type LinkResult, type ResolveOptions } from '../cluster/resolve.js';
import type { ModelParameters } from '../score/parameters.js';
import type { Comparison } from '../types.js';
import { personFeatures, personComparisons } from './person-features.js';
import { PERSON_BLOCKING_RULES, PERSON_DETERMINISTIC_RULES, PERSON_GUARDS } from './person-defaults.js';
import { readIdentityCsv, type AttributeValues } from './read.js';

export interface CsvJobOptions {
  readonly idColumn: string;
  readonly map?: readonly string[];
  readonly threshold?: number;
  /** Default region for phone numbers without a country code (ISO 3166 alpha-2). */
  readonly region?: string;
  /** Override the person defaults (features, comparisons, rules). */
  readonly toFeatures?: (attributes: AttributeValues) => Record<string, unknown>;
  readonly comparisons?: readonly Comparison[];
  readonly resolve?: Partial<Omit<ResolveOptions, 'comparisons' | 'threshold'>>;
}

export interface JobSummary {
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
  readonly out?: string;
}

export interface LinkJobSummary extends JobSummary {
  readonly links: number;
  readonly out?: string;
}

function resolveOptions(options: CsvJobOptions): ResolveOptions {
  return {
    comparisons: options.comparisons ?? personComparisons(),
    blockingRules: PERSON_BLOCKING_RULES,
    deterministicRules: PERSON_DETERMINISTIC_RULES,
    guards: PERSON_GUARDS,
    ...(options.threshold !== undefined && { threshold: options.threshold }),
    ...options.resolve,
  };
}

function featuresOf(options: CsvJobOptions): (attributes: AttributeValues) => Record<string, unknown> {
  return options.toFeatures ?? ((attributes) => personFeatures(attributes, options.region));
}

/**
 * Deduplicates one file; writes `record_id,cluster_id` to `out` when given.
 *
 * @example
 * await runDedupeCsv({ file: 'dataset1.csv', idColumn: 'rec_id', threshold: 0.95 });
 */
export async function runDedupeCsv(options: CsvJobOptions & { file: string; out?: string }): Promise<DedupeJobSummary & { result: DedupeResult }> {
  const started = performance.now();
  const { records, mapping } = await readIdentityCsv(options.file, { idColumn: options.idColumn, toFeatures: featuresOf(options), ...(options.map && { map: options.map }) });
  const readSeconds = (performance.now() - started) / 1000;
  const result = dedupeRecords(records, resolveOptions(options));
  if (options.out !== undefined) {
    await writeLines(options.out, 'record_id,cluster_id', records.length, (i) => `${csvCell(records[i]!.id)},${csvCell(result.clusters.clusterIds[i]!)}`);
  }
  return {
    ...summaryOf(result, mapping, started, readSeconds),
    clusters: result.clusters.clusters,
    ...(options.out !== undefined && { out: options.out }),
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
  const toFeatures = featuresOf(options);
  const read = (file: string) => readIdentityCsv(file, { idColumn: options.idColumn, toFeatures, source: file, ...(options.map && { map: options.map }) });
  const left = await read(options.left);
  const right = await read(options.right);
  const readSeconds = (performance.now() - started) / 1000;
  const result = linkRecords(left.records, right.records, { ...resolveOptions(options), ...(options.oneToOne !== undefined && { oneToOne: options.oneToOne }) });
  const { links } = result;
  if (options.out !== undefined) {
    await writeLines(options.out, 'left_id,right_id,probability', links.count, (k) =>
      `${csvCell(left.records[links.left[k]!]!.id)},${csvCell(right.records[links.right[k]!]!.id)},${links.probability[k]!.toFixed(6)}`);
  }
  return { ...summaryOf(result, left.mapping, started, readSeconds), links: links.count, ...(options.out !== undefined && { out: options.out }), result };
}

function summaryOf(result: DedupeResult | LinkResult, mapping: { columns: readonly { column: string; attribute: string }[]; ignored: readonly string[] }, started: number, readSeconds: number): JobSummary {
  return {
    records: result.records,
    candidatePairs: result.candidatePairs,
    pairsPerRecord: result.records === 0 ? 0 : result.candidatePairs / result.records,
    matchedPairs: result.matches.count,
    seconds: (performance.now() - started) / 1000,
    readSeconds,
    blockingWarnings: result.blocking.warnings,
    droppedIdentifiers: result.dropped,
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
