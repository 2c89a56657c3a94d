/**
 * Live read benchmark: records per second of a full read of one stream from each local emulator on loopback,
 * through the connector (to source records) and through the whole pipeline into SQLite, against a named
 * baseline in the same process: a bare HTTP loop (fetch + JSON.parse, following `nextRecordsUrl` /
 * `@odata.nextLink`) over the same query and page size. The loop does no typing, cursors, retries or quota checks:
 * it is about the fastest a client can page through the emulator, so the gap is the connector's own cost.
 *
 * The emulators run in this process (they share its CPU), seeded with a small demo world and grown to `--records`
 * rows of Contact / contact by copying seeded rows with new ids and emails. Peak RSS is the process's
 * (emulator included) after each phase; it only grows.
 *
 *   node --import tsx bench/live-read.ts [--records 200000] [--people 2000] [--no-pipeline]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema } from '../src/config/schema.js';
import { createSource } from '../src/connectors/registry.js';
import { DataverseClient, dataverseSpec, readTableMeta } from '../src/connectors/dataverse/index.js';
import { startDataverseEmulator, startSalesforceEmulator, type DataverseEmulator, type SalesforceEmulator } from '../src/emulators/index.js';
import { planSync } from '../src/pipeline/plan.js';
import { runSync } from '../src/pipeline/run-sync.js';
import { modelValidator, realPlanDeps } from '../src/pipeline/wiring.js';
import { openStore } from '../src/store/open.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RECORDS = option('records', 200_000);
const PEOPLE = option('people', 2000);
const PIPELINE = !args.includes('--no-pipeline');
const SF_PAGE = 2000;
const DV_PAGE = 5000;

const ENV = { SF_ID: 'SF_BENCH_CLIENT_ID', SF_SECRET: 'SF_BENCH_CLIENT_SECRET', DV_ID: 'DV_BENCH_CLIENT_ID', DV_SECRET: 'DV_BENCH_CLIENT_SECRET' };

interface Row {
  source: string;
  path: string;
  records: number;
  seconds: number;
  /** CPU seconds of the process (emulator included): steadier than wall time on a shared machine. */
  cpu: number;
  rss: number;
}
const rows: Row[] = [];

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

async function timed(source: string, path: string, run: () => Promise<number>): Promise<void> {
  global.gc?.();
  const wall = performance.now();
  const cpu = cpuSeconds();
  const records = await run();
  const seconds = (performance.now() - wall) / 1000;
  const used = cpuSeconds() - cpu;
  rows.push({ source, path, records, seconds, cpu: used, rss: process.resourceUsage().maxRSS / 1024 });
  console.error(`${source} ${path}: ${records} records in ${seconds.toFixed(2)} s (${Math.round(records / seconds)}/s, cpu ${used.toFixed(2)} s)`);
}

// ---------------------------------------------------------------- Salesforce

function growSalesforce(sf: SalesforceEmulator): void {
  const seeded = [...sf.org.table('Contact').values()];
  const skip = new Set(['Id', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'CreatedById', 'LastModifiedById', 'IsDeleted', 'Name']);
  for (let i = seeded.length; i < RECORDS; i++) {
    const template = seeded[i % seeded.length]!;
    const fields = Object.fromEntries(Object.entries(template).filter(([k, v]) => !skip.has(k) && v !== null));
    sf.mutate.create('Contact', { ...fields, Email: `bench${i}@example.com`, LastName: `${String(template['LastName'])}${i % 97}` });
  }
}

async function salesforceRaw(sf: SalesforceEmulator): Promise<number> {
  const token = (await (await fetch(`${sf.url}/services/oauth2/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sf.credentials.clientId, client_secret: sf.credentials.clientSecret }) })).json()) as { access_token: string; instance_url: string };
  const headers = { Authorization: `Bearer ${token.access_token}`, 'Sforce-Query-Options': `batchSize=${SF_PAGE}` };
  const base = `${token.instance_url}/services/data/v62.0`;
  const describe = (await (await fetch(`${base}/sobjects/Contact/describe`, { headers })).json()) as { fields: Array<{ name: string; type: string }> };
  const fields = describe.fields.filter((f) => f.type !== 'address' && f.type !== 'location' && f.type !== 'base64').map((f) => f.name);
  let next: string | null = `/services/data/v62.0/queryAll?q=${encodeURIComponent(`SELECT ${fields.join(',')} FROM Contact ORDER BY SystemModstamp, Id`)}`;
  let count = 0;
  while (next !== null) {
    const page = JSON.parse(await (await fetch(`${token.instance_url}${next}`, { headers })).text()) as { records: unknown[]; nextRecordsUrl?: string };
    count += page.records.length;
    next = page.nextRecordsUrl ?? null;
  }
  return count;
}

function salesforceSystem(sf: SalesforceEmulator, overrides: Record<string, unknown>): Record<string, unknown> {
  return { type: 'salesforce', loginUrl: sf.url, orgId: sf.orgId, apiVersion: '62.0', auth: { flow: 'client-credentials', clientIdEnv: ENV.SF_ID, clientSecretEnv: ENV.SF_SECRET }, ...overrides };
}

async function connectorRead(system: string, config: Record<string, unknown>, env: NodeJS.ProcessEnv, stream: string, pageSize: number): Promise<number> {
  const source = createSource(system, config, { baseDir: '.', env });
  let count = 0;
  for await (const page of source.read(stream, { cursor: undefined, pageSize })) count += page.records.length;
  return count;
}

// ---------------------------------------------------------------- Dataverse

function growDataverse(dv: DataverseEmulator): void {
  const seeded = [...dv.environment.table('contact').values()];
  const keep = ['firstname', 'lastname', 'jobtitle', 'telephone1', 'mobilephone', 'address1_line1', 'address1_city', 'address1_postalcode', 'address1_country', 'birthdate', 'description'];
  for (let i = seeded.length; i < RECORDS; i++) {
    const template = seeded[i % seeded.length]!;
    const values = Object.fromEntries(keep.filter((k) => template[k] !== null && template[k] !== undefined).map((k) => [k, template[k]]));
    dv.mutate.create('contact', { ...values, emailaddress1: `bench${i}@example.com` });
  }
}

function dataverseSystem(dv: DataverseEmulator): Record<string, unknown> {
  return { type: 'dataverse', environmentUrl: dv.url, authorityHost: dv.url, tenantId: dv.credentials.tenantId, organizationId: dv.organizationId, clientIdEnv: ENV.DV_ID, clientSecretEnv: ENV.DV_SECRET, pageSize: DV_PAGE };
}

async function dataverseRaw(dv: DataverseEmulator, env: NodeJS.ProcessEnv): Promise<number> {
  const { type: _type, ...raw } = dataverseSystem(dv);
  // The same $select as the connector, from the same metadata calls.
  const meta = await readTableMeta(new DataverseClient(dataverseSpec.parse(raw), env, 'bench'), 'contact', 'bench');
  const form = new URLSearchParams({ client_id: dv.credentials.clientId, client_secret: dv.credentials.clientSecret, scope: `${dv.url}/.default`, grant_type: 'client_credentials' });
  const token = (await (await fetch(`${dv.url}/${dv.credentials.tenantId}/oauth2/v2.0/token`, { method: 'POST', body: form })).json()) as { access_token: string };
  const headers = { Authorization: `Bearer ${token.access_token}`, Accept: 'application/json', Prefer: `odata.track-changes,odata.maxpagesize=${DV_PAGE},odata.include-annotations="Microsoft.Dynamics.CRM.lookuplogicalname"` };
  let next: string | undefined = `${dv.url}/api/data/v9.2/${meta.entitySetName}?$select=${meta.columns.map((c) => c.property).join(',')}`;
  let count = 0;
  while (next !== undefined) {
    const page = JSON.parse(await (await fetch(next, { headers })).text()) as { value: unknown[]; '@odata.nextLink'?: string };
    count += page.value.length;
    next = page['@odata.nextLink'];
  }
  return count;
}

// ---------------------------------------------------------------- pipeline

async function pipelineRead(system: string, config: Record<string, unknown>, env: NodeJS.ProcessEnv, stream: string, pageSize: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-live-'));
  const store = await openStore(`sqlite:${join(dir, 'bench.db')}`);
  try {
    const parsed = configSchema.parse({ systems: { [system]: { ...config, streams: [stream] } }, defaults: { pageSize } });
    const plan = await planSync({ config: parsed, file: undefined, baseDir: dir }, { full: true }, realPlanDeps(parsed, env));
    const report = await runSync(store, plan.plans, plan.skipped, { pageSize, validate: modelValidator('practical'), request: { command: 'bench' } });
    if (report.status !== 'succeeded') throw new Error(`pipeline run ${report.status}`);
    return report.totals.read;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- main

const sf = await startSalesforceEmulator({ seed: 42, people: PEOPLE });
const dv = await startDataverseEmulator({ seed: 42, people: PEOPLE });
try {
  growSalesforce(sf);
  growDataverse(dv);
  const env = { [ENV.SF_ID]: sf.credentials.clientId, [ENV.SF_SECRET]: sf.credentials.clientSecret, [ENV.DV_ID]: dv.credentials.clientId, [ENV.DV_SECRET]: dv.credentials.clientSecret };
  console.error(`Contact rows: Salesforce ${sf.org.table('Contact').size}, Dataverse ${dv.environment.table('contact').size}`);
  const rest = salesforceSystem(sf, { bulkThreshold: 100_000_000 });
  const bulk = salesforceSystem(sf, { bulkThreshold: 1, bulkPollSeconds: 0.05 });

  await timed('Salesforce', 'bare HTTP loop (queryAll + nextRecordsUrl)', () => salesforceRaw(sf));
  await timed('Salesforce', 'connector, REST (query/queryMore, keyset chunks)', () => connectorRead('crm', rest, env, 'Contact', SF_PAGE));
  await timed('Salesforce', 'connector, Bulk API 2.0 (CSV pages)', () => connectorRead('crm', bulk, env, 'Contact', SF_PAGE));
  if (PIPELINE) await timed('Salesforce', 'pipeline into SQLite (REST)', () => pipelineRead('crm', rest, env, 'Contact', SF_PAGE));

  await timed('Dataverse', 'bare HTTP loop (@odata.nextLink)', () => dataverseRaw(dv, env));
  await timed('Dataverse', 'connector (change tracking, typed values)', () => connectorRead('dynamics', dataverseSystem(dv), env, 'contact', DV_PAGE));
  if (PIPELINE) await timed('Dataverse', 'pipeline into SQLite', () => pipelineRead('dynamics', dataverseSystem(dv), env, 'contact', DV_PAGE));
} finally {
  await sf.close();
  await dv.close();
}

console.log(`\nFull read of ${RECORDS.toLocaleString('en-US')} Contact rows per emulator on loopback (Node ${process.version}, ${new Date().toISOString().slice(0, 10)})\n`);
console.log('| system | path | records | wall s | records/s (wall) | CPU s | records per CPU-s | vs bare loop (CPU) | peak RSS (MB) |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) {
  const baseline = rows.find((r) => r.source === row.source)!;
  const perCpu = row.records / row.cpu;
  console.log(
    `| ${row.source} | ${row.path} | ${row.records.toLocaleString('en-US')} | ${row.seconds.toFixed(1)} | ${Math.round(row.records / row.seconds).toLocaleString('en-US')} | ${row.cpu.toFixed(1)} | ${Math.round(perCpu).toLocaleString('en-US')} | ${(perCpu / (baseline.records / baseline.cpu)).toFixed(2)}× | ${Math.round(row.rss)} |`,
  );
}
