/**
 * `concord dedupe` and `concord link`: identity resolution over CSV files, no store needed. People or
 * organisations, chosen from the columns unless `--entity` says.
 *   concord dedupe people.csv --id rec_id [--map col=attribute …] [--out clusters.csv] [--pairs pairs.csv] [--threshold 0.9] [--entity person|organization] [--json]
 *   concord link a.csv b.csv --id rec_id [--map …] [--out links.csv] [--threshold 0.9] [--one-to-one] [--entity …] [--json]
 */
import { resolve } from 'node:path';
import { ConcordError } from '../../core/errors.js';
import { parseEntity } from '../../identity/csv/entity.js';
import { runDedupeCsv, runLinkCsv, type JobSummary } from '../../identity/csv/job.js';
import { formatTable, type Output } from '../output.js';
import type { RegisterCommand } from './types.js';

interface CommonOptions {
  id: string;
  map: string[];
  out?: string;
  pairs?: string;
  withinClusters?: boolean;
  threshold?: string;
  region?: string;
  entity?: string;
  workers?: string;
  termFrequencies?: boolean;
  json?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export const registerDedupe: RegisterCommand = (program, ctx) => {
  program
    .command('dedupe')
    .description('find the records in one CSV file that are the same person or organisation; write record_id,cluster_id')
    .argument('<file>', 'CSV file with a header row')
    .requiredOption('--id <column>', 'column holding the record id')
    .option('--map <column=attribute>', 'map a column to an attribute (first_name, last_name, dob, email, phone, address_1, city, postcode, identifier, company, website, … or ignore); repeatable', collect, [])
    .option('--out <file>', 'write record_id,cluster_id here')
    .option('--pairs <file>', 'write the matched pairs here: left_id,right_id,probability,found_by (blocking, or cluster when scored because the records share a cluster)')
    .option('--no-within-clusters', 'do not score the pairs inside a cluster that blocking never produced (the clusters are the same either way; only the matched pairs differ)')
    .option('--threshold <p>', 'match probability threshold, 0 < p ≤ 1', '0.9')
    .option('--region <code>', 'default country for phone numbers without a country code (e.g. US, GB, AU)')
    .option('--entity <kind>', 'person or organization (default: organization when there is a company / site-name column and no person-name column)')
    .option('--workers <n>', 'threads that build features (default 2 on two cores or more; under 50,000 rows, one); the result is the same')
    .option('--no-term-frequencies', 'score an exact name or city match the same whatever the value (default: a rare shared value weighs more, a common one less)')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, opts: CommonOptions) => {
      const summary = await runDedupeCsv({
        file: resolve(file), ...common(opts), withinClusters: opts.withinClusters !== false,
        ...(opts.out !== undefined && { out: resolve(opts.out) }), ...(opts.pairs !== undefined && { pairs: resolve(opts.pairs) }),
      });
      const { result: _result, parameters: _parameters, ...rest } = summary;
      print(ctx.output, opts.json === true, { ...rest, matchedPairs: summary.matchedPairs, clusters: summary.clusters, termFrequencies: adjusted(summary) }, [
        ['of which scored within clusters', summary.withinClusterPairs], ['clusters', summary.clusters],
      ], summary);
    });

  program
    .command('link')
    .description('find the records of two CSV files that are the same person or organisation; write left_id,right_id,probability')
    .argument('<left>', 'first CSV file')
    .argument('<right>', 'second CSV file')
    .requiredOption('--id <column>', 'column holding the record id (in both files)')
    .option('--map <column=attribute>', 'map a column to an attribute; repeatable', collect, [])
    .option('--out <file>', 'write left_id,right_id,probability here')
    .option('--threshold <p>', 'match probability threshold, 0 < p ≤ 1', '0.9')
    .option('--one-to-one', 'keep each record in at most one link (best first) instead of every pair above the threshold')
    .option('--region <code>', 'default country for phone numbers without a country code')
    .option('--entity <kind>', 'person or organization (default: organization when there is a company / site-name column and no person-name column)')
    .option('--workers <n>', 'threads that build features (default 2 on two cores or more; under 50,000 rows, one); the result is the same')
    .option('--no-term-frequencies', 'score an exact name or city match the same whatever the value (default: a rare shared value weighs more, a common one less)')
    .option('--json', 'print the summary as JSON')
    .action(async (left: string, right: string, opts: CommonOptions & { oneToOne?: boolean }) => {
      const summary = await runLinkCsv({
        left: resolve(left), right: resolve(right), ...common(opts), oneToOne: opts.oneToOne === true,
        ...(opts.out !== undefined && { out: resolve(opts.out) }),
      });
      const { result: _result, parameters: _parameters, ...rest } = summary;
      print(ctx.output, opts.json === true, { ...rest, termFrequencies: adjusted(summary) }, [['links', summary.links]], summary);
    });
};

function common(opts: CommonOptions): { idColumn: string; map: string[]; threshold?: number; region?: string; entity?: 'person' | 'organization'; workers?: number; resolve?: { termFrequencies: false } } {
  return {
    idColumn: opts.id,
    map: opts.map,
    ...(opts.termFrequencies === false && { resolve: { termFrequencies: false } }),
    ...(opts.workers !== undefined && { workers: parseWorkers(opts.workers) }),
    ...(opts.entity !== undefined && { entity: parseEntity(opts.entity) }),
    ...(opts.threshold !== undefined && { threshold: parseThreshold(opts.threshold) }),
    ...(opts.region !== undefined && { region: opts.region.toUpperCase() }),
  };
}

/** The comparisons whose exact matches were weighted by how common the shared value is. */
function adjusted(summary: JobSummary): string[] {
  return (summary.parameters.termFrequencies ?? []).map((t) => t.comparison);
}

function parseWorkers(text: string): number {
  const value = Number(text);
  if (!(Number.isInteger(value) && value >= 1 && value <= 64)) throw new ConcordError('WORKERS_INVALID', `--workers must be a whole number from 1 to 64, got ${text}`, { kind: 'usage', hint: 'e.g. --workers 2' });
  return value;
}

function parseThreshold(text: string): number {
  const value = Number(text);
  if (!(value > 0 && value <= 1)) throw new ConcordError('THRESHOLD_INVALID', `--threshold must be a number in (0, 1], got ${text}`, { kind: 'usage', hint: 'e.g. --threshold 0.9' });
  return value;
}

function print(output: Output, json: boolean, data: object, extra: [string, number][], summary: JobSummary & { out?: string; pairs?: string }): void {
  if (json) {
    output.out(JSON.stringify(data, null, 2));
    return;
  }
  const rows: [string, string | number][] = [
    ['entity', summary.entity],
    ['records', summary.records],
    ['candidate pairs', summary.candidatePairs],
    ['pairs per record', Number(summary.pairsPerRecord.toFixed(2))],
    ['matched pairs', summary.matchedPairs],
    ...extra,
    ['seconds', Number(summary.seconds.toFixed(2))],
  ];
  output.out(formatTable(['', 'value'], rows));
  output.err(`entity: ${summary.entity} (${summary.entityReason})`);
  const tf = adjusted(summary);
  output.err(`term frequencies: ${tf.length > 0 ? tf.join(', ') : 'off'}`);
  output.err(`columns: ${summary.columns.map((c) => `${c.column}→${c.attribute}`).join(', ')}${summary.ignoredColumns.length > 0 ? `; ignored: ${summary.ignoredColumns.join(', ')}` : ''}`);
  for (const w of summary.blockingWarnings) output.err(`warning: blocking rule "${w.rule}" skipped key "${w.key}": ${w.records} records (cap ${w.cap})`);
  for (const d of summary.droppedIdentifiers) output.err(`warning: ${d.key} "${d.value}" is on ${d.records} records; it no longer links them`);
  if (summary.out !== undefined) output.err(`wrote ${summary.out}`);
  if (summary.pairs !== undefined) output.err(`wrote ${summary.pairs}`);
}
