/**
 * HTTP API benchmark: `npm run bench -- api`. Serves a demo store (built once into `BENCH_DIR` and reused)
 * in this process and drives it with autocannon from a child process, so the load generator does not share
 * the server's event loop. Scenarios: health (no store), look-up by email, the profile 360 view, the run
 * list; each at full speed and, for the look-up by email, at a fixed 2,000 requests/s (the target of the
 * issue: p99 ≤ 10 ms).
 *
 * Settings (environment): BENCH_PEOPLE (default 100000), BENCH_DIR (default /tmp/concord-bench-api-<people>),
 * BENCH_SECONDS per scenario (default 15), BENCH_CONNECTIONS (default 10), BENCH_RATE (default 2000),
 * BENCH_LOG=1 to log one line per request as `concord serve` does (to /dev/null).
 *
 * @example
 * BENCH_PEOPLE=100000 BENCH_SECONDS=20 npm run bench -- api
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { buildApp } from '../src/api/app.js';
import { createServerLogger } from '../src/api/server.js';
import { issueToken } from '../src/api/tokens.js';
import { main } from '../src/cli/main.js';
import { openConfigStore } from '../src/cli/open-config-store.js';
import { loadConfig } from '../src/config/load.js';

/** The part of autocannon's API used here (the package ships no types). */
interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface AutocannonRequest {
  path?: string;
  [key: string]: unknown;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
  overallRate?: number;
  headers: Record<string, string>;
  requests: Array<{ setupRequest: (request: AutocannonRequest) => AutocannonRequest }>;
}) => Promise<AutocannonResult>;

interface Scenario {
  name: string;
  /** Paths cycled through by the connections. */
  paths: string[];
  /** Requests per second over all connections; undefined: as fast as possible. */
  rate?: number | undefined;
  auth: boolean;
}

interface LoadResult {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
}

const env = process.env;
const CHILD = env['CONCORD_BENCH_API_CHILD'] === '1';

/** The child: runs one scenario with autocannon and prints its figures as JSON. */
async function runLoad(): Promise<void> {
  const spec = JSON.parse(env['CONCORD_BENCH_API_SPEC'] ?? '{}') as Scenario & { url: string; token: string; seconds: number; connections: number };
  let next = 0;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    ...(spec.rate !== undefined && { overallRate: spec.rate }),
    headers: spec.auth ? { authorization: `Bearer ${spec.token}` } : {},
    requests: [
      {
        setupRequest: (request) => ({ ...request, path: spec.paths[next++ % spec.paths.length]! }),
      },
    ],
  });
  const figures: LoadResult = {
    name: spec.name,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

function runChild(spec: object): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      env: { ...env, CONCORD_BENCH_API_CHILD: '1', CONCORD_BENCH_API_SPEC: JSON.stringify(spec) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop();
      if (code !== 0 || !line) reject(new Error(`load generator exited with ${code}: ${out}`));
      else resolve(JSON.parse(line) as LoadResult);
    });
  });
}

async function runBench(): Promise<void> {
  const people = Number(env['BENCH_PEOPLE'] ?? 100_000);
  const dir = env['BENCH_DIR'] ?? `/tmp/concord-bench-api-${people}`;
  const seconds = Number(env['BENCH_SECONDS'] ?? 15);
  const connections = Number(env['BENCH_CONNECTIONS'] ?? 10);
  const rate = Number(env['BENCH_RATE'] ?? 2000);
  const config = join(dir, 'concord.yaml');

  if (!existsSync(config)) {
    process.stderr.write(`building a ${people.toLocaleString('en-US')}-person demo store in ${dir} (once; reused by later runs) …\n`);
    const code = await main(['node', 'concord', 'demo', '--people', String(people), '--dir', dir, '--no-serve', '--json'], { output: { out: () => undefined, err: (t) => void process.stderr.write(`${t}\n`), interactive: false }, env: {} });
    if (code > 3) throw new Error(`demo failed with exit code ${code}`);
  }
  const loaded = loadConfig(config, {});
  const store = await openConfigStore(loaded);
  await store.migrate();
  const tokenName = `bench-${Date.now()}`;
  const token = await issueToken(store, tokenName);

  // Look-up keys from the store: the golden email and the unified id of profiles spread over the id range.
  const profiles = await store.listProfiles('person', { limit: 2000 });
  const emails = profiles.map((p) => p.attributes['email']?.value).filter((e): e is string => e !== undefined);
  const ids = profiles.map((p) => p.unifiedId);
  const activeProfiles = (await store.apiProfileStats()).active;

  const logger = env['BENCH_LOG'] === '1' ? createServerLogger('info', pino.destination('/dev/null')) : false;
  const app = await buildApp({ store, loaded, env: {}, syncs: { busy: false, requestSync: async () => ({ queued: true }) } }, { logger });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;

  const byEmail = emails.map((e) => `/api/profiles?email=${encodeURIComponent(e)}&limit=10`);
  const scenarios: Scenario[] = [
    { name: 'GET /api/health (no token, no store)', paths: ['/api/health'], auth: false },
    { name: 'GET /api/profiles?email= (look-up by email), full speed', paths: byEmail, auth: true },
    { name: `GET /api/profiles?email= (look-up by email), at ${rate} req/s`, paths: byEmail, auth: true, rate },
    { name: 'GET /api/profiles/:unifiedId (360 view), full speed', paths: ids.map((id) => `/api/profiles/${id}`), auth: true },
    { name: `GET /api/profiles/:unifiedId (360 view), at ${rate / 4} req/s`, paths: ids.map((id) => `/api/profiles/${id}`), auth: true, rate: rate / 4 },
    { name: 'GET /api/runs (first page)', paths: ['/api/runs?limit=20'], auth: true },
  ];

  // Warm-up: every path once, so statements are prepared and pages cached.
  for (const path of [...byEmail, ...ids.map((id) => `/api/profiles/${id}`)]) await app.inject({ url: path, headers: { authorization: `Bearer ${token}` } });

  const results: LoadResult[] = [];
  for (const scenario of scenarios) {
    const result = await runChild({ ...scenario, url, token, seconds, connections });
    results.push(result);
    process.stderr.write(`${result.name}: ${Math.round(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms${result.non2xx + result.errors > 0 ? `, ${result.non2xx} non-2xx, ${result.errors} errors` : ''}\n`);
  }
  await app.close();
  await store.revokeApiToken(tokenName);
  await store.close();

  const cpu = cpus()[0]?.model ?? 'unknown';
  const node = process.version;
  const load = loadavg().map((l) => l.toFixed(1)).join(' / ');
  const memory = `${Math.round(totalmem() / 2 ** 30)} GB`;
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
  process.stdout.write(
    [
      `Store: ${dir} (SQLite), ${people.toLocaleString('en-US')} demo people, ${activeProfiles.toLocaleString('en-US')} active profiles; ${emails.length} distinct emails and ${ids.length} profiles cycled.`,
      `Machine: ${cpus().length} cores, ${cpu}, ${memory}, Node ${node}, fastify ${pkg.dependencies['fastify'] ?? '?'}; load average at the end ${load}.`,
      `autocannon in a child process, ${connections} connections, ${seconds} s per scenario, request log ${logger ? 'on (pino to /dev/null)' : 'off'}.`,
      '',
      '| scenario | requests/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...results.map((r) => `| ${r.name} | ${Math.round(r.rps).toLocaleString('en-US')} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.non2xx + r.errors} |`),
      '',
    ].join('\n'),
  );
}

if (CHILD) await runLoad();
else await runBench();
