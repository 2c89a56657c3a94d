/**
 * Every injected fault ends in a correct read or a clear ConcordError whose checkpoint lets the next run resume:
 * 429/503 with Retry-After, slow answers, dropped connections, an expired token, the daily limit, the quota
 * guard, and a Bulk job that never finishes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page, Source } from '../../src/connectors/connector.js';
import type { SalesforceClient } from '../../src/connectors/salesforce/client.js';
import type { Cursor } from '../../src/store/store.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../emulators/salesforce/index.js';
import { drain, liveSource } from '../emulators/salesforce/harness.js';

const LOCATOR = /\/query\/01g/;
const QUERY = /\/queryAll$/;

function client(source: Source): SalesforceClient {
  return (source as unknown as { client: SalesforceClient }).client;
}

/** Reads until the stream ends or fails; returns the pages committed before a failure and the failure. */
async function readUntilFailure(source: Source, stream: string, cursor: Cursor | undefined, pageSize: number): Promise<{ pages: Page[]; error: unknown }> {
  const pages: Page[] = [];
  try {
    for await (const page of source.read(stream, { cursor, pageSize })) pages.push(page);
  } catch (error) {
    return { pages, error };
  }
  return { pages, error: undefined };
}

describe('salesforce live faults', () => {
  let sf: SalesforceEmulator;
  let expected: string[];
  beforeAll(async () => {
    sf = await startSalesforceEmulator({ seed: 21, people: 1500 });
    expected = [...sf.org.table('Contact').keys()].sort();
  });
  afterAll(async () => sf.close());
  beforeEach(() => {
    sf.faults.setApiUsage(0, 100_000);
    sf.faults.bulkNeverFinishes(false);
  });

  const ids = (pages: readonly Page[]): string[] => [...new Set(pages.flatMap((p) => p.records.map((r) => r.recordId)))].sort();

  it.each([
    ['503 with Retry-After on the first query', { kind: 'status', status: 503, retryAfterSeconds: 0, path: QUERY, times: 2 }],
    ['429 with Retry-After on queryMore', { kind: 'status', status: 429, retryAfterSeconds: 0, path: LOCATOR, times: 2 }],
    ['500 on queryMore', { kind: 'status', status: 500, path: LOCATOR }],
    ['a dropped connection on queryMore', { kind: 'drop', path: LOCATOR, times: 2 }],
    ['an answer slower than the request timeout', { kind: 'slow', ms: 1500, path: LOCATOR }],
  ] as const)('%s: retried, every row read once', async (_name, fault) => {
    const source = liveSource(sf, { requestTimeoutSeconds: 0.5 });
    sf.faults.inject(fault);
    const read = await drain(source, 'Contact', undefined, 200);
    expect(ids(read.pages)).toEqual(expected);
    expect(read.records.length).toBe(expected.length);
    expect(client(source).retries).toBeGreaterThanOrEqual(1);
  });

  it('re-authenticates once when the session expires mid-read', async () => {
    const source = liveSource(sf);
    sf.faults.inject({ kind: 'expire-token', path: LOCATOR });
    const read = await drain(source, 'Contact', undefined, 200);
    expect(ids(read.pages)).toEqual(expected);
    expect(client(source).tokenRequests).toBe(2);
  });

  it('fails clearly when 503s outlast the retries, and resumes from the last page without loss', async () => {
    const source = liveSource(sf, { maxAttempts: 3 });
    sf.faults.inject({ kind: 'status', status: 503, path: LOCATOR, times: 3 });
    const first = await readUntilFailure(source, 'Contact', undefined, 200);
    expect(first.error).toMatchObject({ code: 'SALESFORCE_SERVER_UNAVAILABLE', kind: 'transient', context: { stream: 'Contact', status: 503 } });
    expect(first.pages.length).toBeGreaterThan(0);
    const rest = await drain(liveSource(sf), 'Contact', first.pages.at(-1)!.cursor, 200);
    expect(ids([...first.pages, ...rest.pages])).toEqual(expected);
  });

  it('stops with a quota error when the daily limit is used up (403 REQUEST_LIMIT_EXCEEDED), not as a success', async () => {
    sf.faults.setApiUsage(100_000, 100_000);
    const source = liveSource(sf, { quotaStopPercent: 100 });
    await expect(drain(source, 'Contact', undefined)).rejects.toMatchObject({ code: 'SALESFORCE_REQUEST_LIMIT_EXCEEDED', kind: 'quota', hint: expect.stringContaining('checkpoint kept') });
  });

  it('stops at quotaStopPercent between pages, keeping the cursor of every page read', async () => {
    sf.faults.setApiUsage(45, 100);
    const source = liveSource(sf, { quotaStopPercent: 50 });
    const first = await readUntilFailure(source, 'Contact', undefined, 200);
    expect(first.error).toMatchObject({ code: 'SALESFORCE_QUOTA_STOP', kind: 'quota', context: { used: 50, limit: 100 } });
    expect(first.pages.length).toBeGreaterThan(0);
    expect(first.pages.length * 200).toBeLessThan(expected.length);
    // The next day: more room; the read resumes from the committed cursor and nothing is missing.
    sf.faults.setApiUsage(0, 100_000);
    const rest = await drain(liveSource(sf), 'Contact', first.pages.at(-1)!.cursor, 200);
    expect(rest.pages.every((p) => p.fullRead === false)).toBe(true);
    expect(ids([...first.pages, ...rest.pages])).toEqual(expected);
  });

  it('aborts a Bulk job that never finishes and falls back to REST', async () => {
    sf.faults.bulkNeverFinishes(true);
    const before = sf.server.requestLog.length;
    const source = liveSource(sf, { bulkThreshold: 0, bulkDeadlineSeconds: 0.2 });
    const read = await drain(source, 'Contact', undefined, 2000);
    expect(ids(read.pages)).toEqual(expected);
    expect(read.pages.every((p) => p.fullRead === true)).toBe(true);
    const log = sf.server.requestLog.slice(before);
    expect(log.filter((r) => r.method === 'GET' && /\/jobs\/query\/750/.test(r.path)).length).toBeGreaterThan(1);
    expect(log.some((r) => r.method === 'PATCH' && /\/jobs\/query\/750/.test(r.path) && r.status === 200)).toBe(true);
    expect(log.some((r) => r.path.endsWith('/queryAll'))).toBe(true);
  });

  it('answers malformed SOQL with MALFORMED_QUERY in the documented error shape', async () => {
    const token = (await (await fetch(`${sf.url}/services/oauth2/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sf.credentials.clientId, client_secret: sf.credentials.clientSecret }) })).json()) as { access_token: string };
    const response = await fetch(`${sf.url}/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FORM Contact')}`, { headers: { Authorization: `Bearer ${token.access_token}` } });
    expect(response.status).toBe(400);
    expect(response.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/100000$/);
    expect(await response.json()).toEqual([{ message: expect.stringContaining('FORM'), errorCode: 'MALFORMED_QUERY' }]);
  });
});
