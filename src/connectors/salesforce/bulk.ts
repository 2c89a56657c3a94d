/**
 * Bulk API 2.0 query jobs (vendor notes A8): create a `queryAll` job, poll it with a growing wait until it is
 * complete — or until the deadline, when it is aborted (anchors §1.10 #11: a job "InProgress" forever) — then
 * read the CSV results page by page with `Sforce-Locator` until the literal `null`.
 *
 * @example
 * for await (const rows of bulkQuery(client, 'SELECT Id FROM Contact', { deadlineMs: 3_600_000, pollMs: 2000, pageRows: 50000 })) …
 */
import { parse } from 'csv-parse/sync';
import { ConcordError, type ErrorContext } from '../../core/errors.js';
import type { SalesforceClient } from './client.js';

export interface BulkOptions {
  deadlineMs: number;
  /** First wait between polls; grows ×1.5 up to 30 s. */
  pollMs: number;
  pageRows: number;
  context: ErrorContext;
  signal?: AbortSignal | undefined;
}

interface JobInfo {
  id: string;
  state: string;
  errorMessage?: string;
}

/** Rows of one results page, and whether more pages follow. */
export interface BulkPage {
  rows: Array<Record<string, string>>;
  last: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the job and yields its result pages. Throws `SALESFORCE_BULK_DEADLINE` (after aborting the job) or
 * `SALESFORCE_BULK_FAILED`; the caller decides whether REST can take over.
 */
export async function* bulkQuery(client: SalesforceClient, soql: string, options: BulkOptions): AsyncGenerator<BulkPage> {
  const job = await client.json<JobInfo>('POST', '/jobs/query', {
    body: { operation: 'queryAll', query: soql, contentType: 'CSV', columnDelimiter: 'COMMA', lineEnding: 'LF' },
    context: options.context,
  });
  const deadline = Date.now() + options.deadlineMs;
  let info = job;
  let wait = options.pollMs;
  while (info.state !== 'JobComplete') {
    if (info.state === 'Failed' || info.state === 'Aborted') {
      throw new ConcordError('SALESFORCE_BULK_FAILED', `Bulk job ${job.id} ended ${info.state}${info.errorMessage ? `: ${info.errorMessage}` : ''}`, {
        kind: 'transient',
        context: { ...options.context, jobId: job.id },
        hint: 'the read falls back to REST; see Setup → Bulk Data Load Jobs for the job\'s message',
      });
    }
    if (Date.now() + wait > deadline || options.signal?.aborted) {
      await abortJob(client, job.id, options.context);
      throw new ConcordError('SALESFORCE_BULK_DEADLINE', `Bulk job ${job.id} was still ${info.state} after ${Math.round(options.deadlineMs / 1000)} s; aborted`, {
        kind: 'transient',
        context: { ...options.context, jobId: job.id },
        hint: 'the read falls back to REST; raise bulkDeadlineSeconds if large jobs need longer',
      });
    }
    await sleep(wait);
    wait = Math.min(30_000, wait * 1.5);
    info = await client.json<JobInfo>('GET', `/jobs/query/${job.id}`, { context: options.context });
  }
  let locator: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ maxRecords: String(options.pageRows), ...(locator === undefined ? {} : { locator }) });
    const response = await client.raw('GET', `/jobs/query/${job.id}/results?${query.toString()}`, { headers: { Accept: 'text/csv' }, context: options.context });
    const rows = parse(response.text, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
    const declared = response.headers.get('sforce-numberofrecords');
    if (declared !== null && Number(declared) !== rows.length) {
      throw new ConcordError('SALESFORCE_BULK_PAGE_SHORT', `Bulk results page of job ${job.id} holds ${rows.length} rows but Sforce-NumberOfRecords says ${declared}`, {
        kind: 'transient',
        context: { ...options.context, jobId: job.id },
        hint: 'a page was cut off in transit; the read restarts from the checkpoint',
      });
    }
    const next = response.headers.get('sforce-locator');
    const last = next === null || next === '' || next === 'null';
    yield { rows, last };
    if (last) break;
    locator = next;
  }
  // Results stay for 7 days otherwise; a failed delete leaves only clutter, so it is not an error.
  await client.raw('DELETE', `/jobs/query/${job.id}`, { context: options.context }).catch(() => undefined);
}

async function abortJob(client: SalesforceClient, id: string, context: ErrorContext): Promise<void> {
  await client.raw('PATCH', `/jobs/query/${id}`, { body: JSON.stringify({ state: 'Aborted' }), context }).catch(() => undefined);
}
