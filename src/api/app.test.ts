import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { openConfigStore } from '../cli/open-config-store.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import type { Store } from '../store/store.js';
import { buildApp, type BuildAppOptions } from './app.js';
import type { ApiContext, RegisterRoutes, SyncRequester } from './context.js';
import { ConcordError } from '../core/errors.js';
import { routeModules } from './routes/index.js';
import { generateToken, hashToken } from './tokens.js';

const quiet = { out: () => undefined, err: () => undefined, interactive: false };

let dir: string;
let loaded: LoadedConfig;
let store: Store;
let token: string;
const requested: unknown[] = [];
let syncAnswer: () => Promise<{ queued: true; runId?: string }> = async () => ({ queued: true, runId: 'r-queued' });
const syncs: SyncRequester = {
  busy: false,
  async requestSync(request) {
    requested.push(request);
    return syncAnswer();
  },
};
const apps: FastifyInstance[] = [];

async function app(options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const ctx: ApiContext = { store, loaded, env: {}, syncs };
  const built = await buildApp(ctx, { webRoot: join(dir, 'no-ui'), ...options });
  apps.push(built);
  return built;
}

const auth = (t = token) => ({ authorization: `Bearer ${t}` });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'concord-api-'));
  const code = await main(['node', 'concord', 'demo', '--people', '120', '--seed', '11', '--dir', join(dir, 'demo'), '--no-serve'], { output: quiet, env: {} });
  expect(code).toBeLessThan(4);
  loaded = loadConfig(join(dir, 'demo', 'concord.yaml'), {});
  store = await openConfigStore(loaded);
  await store.migrate();
  token = generateToken();
  await store.createApiToken('tests', hashToken(token));
}, 120_000);

afterAll(async () => {
  for (const a of apps) await a.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string): Record<string, unknown> {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: `https://concord.dev/problems/${code.toLowerCase()}` });
  expect(typeof body['title']).toBe('string');
  expect(typeof body['detail']).toBe('string');
  expect(typeof body['instance']).toBe('string');
  return body;
}

const PROTECTED = ['/api/stats', '/api/runs', '/api/systems', '/api/mappings', '/api/mappings/salesforce/Contact'];

describe('auth', () => {
  it('answers health, the OpenAPI document and the docs page without a token', async () => {
    const a = await app();
    const health = await a.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', store: 'sqlite', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect((await a.inject({ url: '/api/openapi.json' })).statusCode).toBe(200);
    const docs = await a.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
    // The docs page may use inline styles (Swagger UI injects one), never inline scripts.
    expect(String(docs.headers['content-security-policy'])).toMatch(/script-src 'self';/);
  });

  it.each(PROTECTED)('%s needs a token', async (url) => {
    const a = await app();
    const res = await a.inject({ url });
    expectProblem(res, 401, 'AUTH_REQUIRED');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it.each([
    ['an unknown token', () => generateToken()],
    ['a malformed header', () => 'not a token at all'],
  ])('refuses %s', async (_name, make) => {
    const a = await app();
    const res = await a.inject({ url: '/api/stats', headers: auth(make()) });
    expectProblem(res, 401, 'AUTH_INVALID');
    expect(res.headers['www-authenticate']).toMatch(/invalid_token/);
  });

  it('refuses a revoked token at once, and notes when a token was last used', async () => {
    const a = await app();
    const secret = generateToken();
    await store.createApiToken('short-lived', hashToken(secret));
    expect((await a.inject({ url: '/api/runs', headers: auth(secret) })).statusCode).toBe(200);
    const used = (await store.listApiTokens()).find((t) => t.name === 'short-lived');
    expect(used?.lastUsedAt).toBeDefined();
    await store.revokeApiToken('short-lived');
    expectProblem(await a.inject({ url: '/api/runs', headers: auth(secret) }), 401, 'AUTH_INVALID');
  });

  it('puts a scheme without a token (Basic) in the same place as no token', async () => {
    const a = await app();
    expectProblem(await a.inject({ url: '/api/stats', headers: { authorization: 'Basic dXNlcjpwYXNz' } }), 401, 'AUTH_REQUIRED');
  });
});

describe('routes', () => {
  it('GET /api/stats: records per system, profiles, overlap, last runs, dead letters', async () => {
    const a = await app();
    const res = await a.inject({ url: '/api/stats', headers: auth() });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      systems: Array<{ system: string; records: number }>;
      profiles: { active: number; multiSystem: number; records: number; organizations: number };
      overlap: Array<{ systems: string[]; profiles: number }>;
      lastRuns: Array<{ id: string }>;
      deadLetters: number;
    };
    expect(body.systems.map((s) => s.system).sort()).toEqual(['dataverse', 'marketing-cloud', 'salesforce']);
    for (const s of body.systems) expect(s.records).toBeGreaterThan(0);
    expect(body.profiles.active).toBeGreaterThan(0);
    expect(body.overlap.reduce((n, o) => n + o.profiles, 0)).toBe(body.profiles.active);
    expect(body.overlap.filter((o) => o.systems.length > 1).reduce((n, o) => n + o.profiles, 0)).toBe(body.profiles.multiSystem);
    expect(body.profiles.multiSystem).toBeGreaterThan(0);
    expect(body.profiles.organizations).toBeGreaterThan(0);
    expect(body.lastRuns.length).toBeGreaterThan(0);
    expect(body.deadLetters).toBeGreaterThanOrEqual(0);
  });

  it('GET /api/runs pages through every run, newest first', async () => {
    for (let i = 0; i < 4; i++) await store.finishRun((await store.startRun({ paging: i })).id, 'succeeded');
    const a = await app();
    const all = (await store.listRuns({ limit: 1000 })).map((r) => r.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await a.inject({ url: `/api/runs?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: auth() });
      expect(res.statusCode).toBe(200);
      const page = res.json() as { items: Array<{ id: string; counts: { read: number }; streams: unknown[] }>; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(all);
  });

  it('GET /api/runs/:runId: counts per stream and dead letters, paged', async () => {
    const run = await store.startRun({ test: 'dead letters' });
    await store.commitPage({
      runId: run.id, system: 'salesforce', stream: 'Contact', sourceRecords: [], cimRecords: [], deletions: [],
      deadLetters: [1, 2, 3].map((n) => ({ runId: run.id, system: 'salesforce', stream: 'Contact', recordId: `003BAD${n}`, stage: 'validate' as const, code: 'BAD_EMAIL', reason: `row ${n}: email is not an address`, payload: { n } })),
    });
    await store.finishRun(run.id, 'succeeded');
    const a = await app();
    const first = await a.inject({ url: `/api/runs/${run.id}?limit=2`, headers: auth() });
    expect(first.statusCode).toBe(200);
    const body = first.json() as { run: { id: string; status: string }; deadLetters: { items: Array<{ recordId: string; payload: unknown }>; nextCursor: string | null }; writeBack: { items: unknown[] } };
    expect(body.run).toMatchObject({ id: run.id, status: 'succeeded' });
    expect(body.deadLetters.items.map((d) => d.recordId)).toEqual(['003BAD1', '003BAD2']);
    expect(body.deadLetters.items[0]!.payload).toEqual({ n: 1 });
    expect(body.writeBack.items).toEqual([]);
    await store.recordWriteBackOutcomes([
      { runId: run.id, system: 'salesforce', stream: 'Contact', recordId: '003OK', key: '003OK', outcome: 'updated', values: { Email: 'a@example.com' } },
      { runId: run.id, system: 'salesforce', stream: 'Contact', key: '003NO', outcome: 'rejected', values: {}, code: 'FIELD_INTEGRITY_EXCEPTION', message: 'bad email' },
    ]);
    const withWriteBack = (await a.inject({ url: `/api/runs/${run.id}`, headers: auth() })).json() as typeof body;
    expect(withWriteBack.writeBack.items).toEqual([
      { system: 'salesforce', stream: 'Contact', recordId: '003OK', outcome: 'updated' },
      { system: 'salesforce', stream: 'Contact', recordId: '003NO', outcome: 'rejected', message: 'bad email' },
    ]);
    const second = await a.inject({ url: `/api/runs/${run.id}?limit=2&cursor=${body.deadLetters.nextCursor}`, headers: auth() });
    expect((second.json() as typeof body).deadLetters).toEqual({ items: [expect.objectContaining({ recordId: '003BAD3' })], nextCursor: null });

    const demoRun = (await store.listRuns({ limit: 1000 })).at(-1)!;
    const detail = (await a.inject({ url: `/api/runs/${demoRun.id}`, headers: auth() })).json() as { run: { streams: Array<{ system: string; read: number }> } };
    expect(detail.run.streams.length).toBeGreaterThan(3);
  });

  it('GET /api/runs/:runId of an unknown run is 404 RUN_NOT_FOUND', async () => {
    const a = await app();
    expectProblem(await a.inject({ url: '/api/runs/no-such-run', headers: auth() }), 404, 'RUN_NOT_FOUND');
  });

  it('POST /api/runs queues a sync with the streams asked for', async () => {
    const a = await app();
    requested.length = 0;
    const res = await a.inject({ method: 'POST', url: '/api/runs', headers: auth(), payload: { streams: ['salesforce/Contact'], full: true } });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ queued: true, runId: 'r-queued' });
    expect(requested).toEqual([expect.objectContaining({ streams: ['salesforce/Contact'], full: true, reason: expect.stringContaining('tests') })]);
    const bare = await a.inject({ method: 'POST', url: '/api/runs', headers: auth() });
    expect(bare.statusCode).toBe(202);
    expect(requested[1]).toMatchObject({ streams: [], full: false });
  });

  it('POST /api/runs answers 409 SYNC_RUNNING when the scheduler refuses', async () => {
    const a = await app();
    syncAnswer = async () => {
      throw new ConcordError('SYNC_RUNNING', 'a sync is running and another one is already waiting', { kind: 'usage' });
    };
    try {
      expectProblem(await a.inject({ method: 'POST', url: '/api/runs', headers: auth(), payload: {} }), 409, 'SYNC_RUNNING');
    } finally {
      syncAnswer = async () => ({ queued: true, runId: 'r-queued' });
    }
  });

  it('GET /api/systems: configured systems, streams with cursors, records and last run', async () => {
    const a = await app();
    const res = await a.inject({ url: '/api/systems', headers: auth() });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: Array<{ system: string; connector: string; streams: Array<{ stream: string; entity?: string; records: number; cursor: unknown; lastRun?: { status: string } }> }> }).items;
    expect(items.map((s) => s.system)).toEqual(Object.keys(loaded.config.systems));
    const contact = items.find((s) => s.system === 'salesforce')?.streams.find((s) => s.stream === 'Contact');
    expect(contact).toMatchObject({ entity: 'Individual', records: expect.any(Number), cursor: expect.any(Object), lastRun: { status: 'succeeded' } });
    expect(contact!.records).toBeGreaterThan(0);
  });

  it('GET /api/mappings lists mapped streams; /api/mappings/:system/:stream gives the table', async () => {
    const a = await app();
    const list = (await a.inject({ url: '/api/mappings', headers: auth() })).json() as { items: Array<{ system: string; stream: string; entities: string[] }> };
    expect(list.items).toContainEqual(expect.objectContaining({ system: 'salesforce', stream: 'Contact', entities: expect.arrayContaining(['Individual']) }));
    const one = await a.inject({ url: '/api/mappings/salesforce/Contact', headers: auth() });
    expect(one.statusCode).toBe(200);
    const table = one.json() as { system: string; stream: string; rows: Array<{ source: string; target: string; transform: string; reversible: boolean }> };
    expect(table).toMatchObject({ system: 'salesforce', stream: 'Contact' });
    expect(table.rows).toContainEqual(expect.objectContaining({ source: 'Email', target: expect.stringContaining('emailAddress'), reversible: true }));
  });

  it.each([
    ['/api/mappings/nowhere/Contact', 'SYSTEM_NOT_FOUND'],
    ['/api/mappings/salesforce/NoSuchObject', 'MAPPING_NOT_FOUND'],
    ['/api/no-such-route', 'ROUTE_NOT_FOUND'],
  ])('%s is 404 %s', async (url, code) => {
    const a = await app();
    expectProblem(await a.inject({ url, headers: auth() }), 404, code);
  });
});

describe('bad input', () => {
  it.each([
    ['/api/runs?limit=0', 'query.limit'],
    ['/api/runs?limit=201', 'query.limit'],
    ['/api/runs?limit=many', 'query.limit'],
    ['/api/runs?cursor=bm90LWEtY3Vyc29y', 'cursor'],
  ])('GET %s is 400 BAD_REQUEST naming %s', async (url, field) => {
    const a = await app();
    const body = expectProblem(await a.inject({ url, headers: auth() }), 400, 'BAD_REQUEST');
    expect(body['detail']).toContain(field);
  });

  it.each([
    [{ streams: 'salesforce/Contact' }, 'body.streams'],
    [{ full: 'yes' }, 'body.full'],
    [{ streams: ['nowhere/Contact'] }, 'nowhere'],
    [{ other: 1 }, 'body.other'],
  ])('POST /api/runs %j is 400 naming %s', async (payload, field) => {
    const a = await app();
    const body = expectProblem(await a.inject({ method: 'POST', url: '/api/runs', headers: auth(), payload }), 400, 'BAD_REQUEST');
    expect(body['detail']).toContain(field);
  });

  it('refuses malformed JSON with 400', async () => {
    const a = await app();
    expectProblem(await a.inject({ method: 'POST', url: '/api/runs', headers: { ...auth(), 'content-type': 'application/json' }, payload: '{"streams": [' }), 400, 'BAD_REQUEST');
  });

  it('refuses a body over the limit with 413', async () => {
    const a = await app({ bodyLimit: 1024 });
    const payload = JSON.stringify({ streams: Array.from({ length: 100 }, (_, i) => `salesforce/Stream${i}`) });
    expect(payload.length).toBeGreaterThan(1024);
    expectProblem(await a.inject({ method: 'POST', url: '/api/runs', headers: { ...auth(), 'content-type': 'application/json' }, payload }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses a body over the default 1 MiB', async () => {
    const a = await app();
    const payload = JSON.stringify({ streams: ['x'.repeat(1024 * 1024 + 10)] });
    expectProblem(await a.inject({ method: 'POST', url: '/api/runs', headers: { ...auth(), 'content-type': 'application/json' }, payload }), 413, 'PAYLOAD_TOO_LARGE');
  });
});

describe('headers', () => {
  it('sends security headers with a CSP that allows only same-origin scripts', async () => {
    const a = await app();
    const res = await a.inject({ url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('has no CORS unless origins are configured', async () => {
    const a = await app();
    const res = await a.inject({ url: '/api/health', headers: { origin: 'https://elsewhere.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await a.inject({ method: 'OPTIONS', url: '/api/stats', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers CORS for a configured origin only', async () => {
    const a = await app({ corsOrigins: ['https://crm.example.com'] });
    const allowed = await a.inject({ url: '/api/health', headers: { origin: 'https://crm.example.com' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://crm.example.com');
    const preflight = await a.inject({ method: 'OPTIONS', url: '/api/stats', headers: { origin: 'https://crm.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    expect(preflight.statusCode).toBeLessThan(300);
    expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/authorization/i);
    const other = await a.inject({ url: '/api/health', headers: { origin: 'https://elsewhere.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('OpenAPI', () => {
  it('documents every /api route with the bearer scheme; health needs none', async () => {
    const routes: Array<{ method: string; url: string }> = [];
    const collect: RegisterRoutes = async (instance) => {
      instance.addHook('onRoute', (route) => {
        const hidden = (route.schema as { hide?: boolean } | undefined)?.hide === true;
        const methods = Array.isArray(route.method) ? route.method : [route.method];
        if (route.url.startsWith('/api/') && !hidden) for (const m of methods) if (m !== 'HEAD') routes.push({ method: m.toLowerCase(), url: route.url });
      });
    };
    const a = await app({ routes: [collect, ...routeModules] });
    const doc = (await a.inject({ url: '/api/openapi.json' })).json() as {
      openapi: string;
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
      security: unknown[];
      paths: Record<string, Record<string, { security?: unknown[]; tags?: string[]; description?: string; responses?: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const { method, url } of routes) {
      const path = url.replace(/:([A-Za-z]+)/g, '{$1}');
      const operation = doc.paths[path]?.[method];
      expect(operation, `${method} ${url}`).toBeDefined();
    }
    const mine = ['/api/health', '/api/stats', '/api/runs', '/api/runs/{runId}', '/api/systems', '/api/mappings', '/api/mappings/{system}/{stream}'];
    for (const path of mine) {
      for (const operation of Object.values(doc.paths[path]!)) {
        expect(operation.description, path).toBeTruthy();
        expect(operation.tags?.length, path).toBeGreaterThan(0);
      }
    }
    expect(doc.paths['/api/health']!['get']!.security).toEqual([]);
  });
});

describe('web UI', () => {
  it('serves the built UI with a single-page fallback, never for /api', async () => {
    const webRoot = join(dir, 'web');
    mkdirSync(join(webRoot, 'assets'), { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Concord UI</title><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log("ui")');
    const a = await app({ webRoot });
    const index = await a.inject({ url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('Concord UI');
    const deep = await a.inject({ url: '/profiles/some-id' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('Concord UI');
    const asset = await a.inject({ url: '/assets/app.js' });
    expect(asset.body).toContain('console.log');
    expect(asset.headers['content-security-policy']).toBeDefined();
    expectProblem(await a.inject({ url: '/api/nothing-here', headers: auth() }), 404, 'ROUTE_NOT_FOUND');
  });

  it('says how to build the UI when it is missing', async () => {
    const a = await app({ webRoot: join(dir, 'missing') });
    const res = await a.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('npm run build');
  });
});
