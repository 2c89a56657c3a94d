/**
 * Harness of the live Salesforce connector tests: an emulator, a source pointed at it with the secrets in
 * a private env, and a reader that drains a stream the way the pipeline does (cursor carried between runs).
 *
 * @example
 * const sf = await startSalesforceEmulator({ seed: 1, people: 200 });
 * const { records, cursor } = await drain(liveSource(sf), 'Contact', undefined);
 */
import type { Page, Source } from '../../../src/connectors/connector.js';
import { createSource } from '../../../src/connectors/registry.js';
import type { Cursor, SourceRecord } from '../../../src/store/store.js';
import type { SalesforceEmulator } from './index.js';

export const ENV_NAMES = { clientId: 'SF_TEST_CLIENT_ID', clientSecret: 'SF_TEST_CLIENT_SECRET', refreshToken: 'SF_TEST_REFRESH_TOKEN', privateKey: 'SF_TEST_PRIVATE_KEY' };

export function envFor(sf: SalesforceEmulator, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { [ENV_NAMES.clientId]: sf.credentials.clientId, [ENV_NAMES.clientSecret]: sf.credentials.clientSecret, [ENV_NAMES.refreshToken]: sf.credentials.refreshToken, ...extra };
}

/** The system config of a source aimed at the emulator, with fast retries and polls for tests. */
export function systemConfig(sf: SalesforceEmulator, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'salesforce',
    loginUrl: sf.url,
    orgId: sf.orgId,
    apiVersion: '62.0',
    auth: { flow: 'client-credentials', clientIdEnv: ENV_NAMES.clientId, clientSecretEnv: ENV_NAMES.clientSecret },
    retryBaseSeconds: 0.01,
    bulkPollSeconds: 0.01,
    requestTimeoutSeconds: 5,
    ...overrides,
  };
}

export function liveSource(sf: SalesforceEmulator, overrides: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = envFor(sf)): Source {
  return createSource('crm', systemConfig(sf, overrides), { baseDir: '.', env });
}

export interface Drained {
  pages: Page[];
  records: SourceRecord[];
  cursor: Cursor | undefined;
}

/** Reads a whole stream from `cursor`, returning its pages and the cursor of the last one. */
export async function drain(source: Source, stream: string, cursor: Cursor | undefined, pageSize = 2000): Promise<Drained> {
  const pages: Page[] = [];
  for await (const page of source.read(stream, { cursor, pageSize })) pages.push(page);
  return { pages, records: pages.flatMap((p) => p.records), cursor: pages.at(-1)?.cursor ?? cursor };
}

/**
 * Applies pages to a replica keyed by id, as the store does (last write wins, deleted rows become tombstones,
 * a full read tombstones what it did not see), and returns the live rows' fields.
 */
export function applyPages(replica: Map<string, SourceRecord>, drained: Drained): Map<string, SourceRecord> {
  const full = drained.pages.length > 0 && drained.pages.every((p) => p.fullRead !== false);
  const seen = new Set<string>();
  for (const r of drained.records) {
    seen.add(r.recordId);
    replica.set(r.recordId, r);
  }
  if (full) for (const [id, r] of replica) if (!seen.has(id)) replica.set(id, { ...r, deleted: true, fields: {} });
  return replica;
}

/** The live rows of a replica: id → fields. */
export function live(replica: Map<string, SourceRecord>): Map<string, Record<string, unknown>> {
  return new Map([...replica].filter(([, r]) => !r.deleted).map(([id, r]) => [id, r.fields]));
}
