import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { openConfigStore } from '../cli/open-config-store.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import type { Store } from '../store/store.js';
import { createServerLogger, startServer } from './server.js';
import { generateToken, hashToken } from './tokens.js';

const quiet = { out: () => undefined, err: () => undefined, interactive: false };
let dir: string;
let loaded: LoadedConfig;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'concord-serve-'));
  await main(['node', 'concord', 'demo', '--people', '100', '--seed', '5', '--dir', join(dir, 'demo'), '--no-serve'], { output: quiet, env: {} });
  loaded = loadConfig(join(dir, 'demo', 'concord.yaml'), {});
  store = await openConfigStore(loaded);
  await store.migrate();
}, 120_000);

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A pino destination that keeps the lines. */
function logLines(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

describe('startServer', () => {
  it('listens, answers over HTTP, logs one redacted line per request and stops a running sync after its page', async () => {
    const log = logLines();
    // The sync's first page waits for the test, so the sync is surely running when the shutdown begins.
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      openGate = resolve;
    });
    const gated: Store = { ...store, commitPage: async (page) => (await gate, store.commitPage(page)) };
    const server = await startServer({ loaded, env: {}, port: 0, host: '127.0.0.1', store: gated, logger: createServerLogger('info', log.stream) });
    const token = generateToken();
    await store.createApiToken('serve-test', hashToken(token));
    let runId: string;
    try {
      expect(server.port).toBeGreaterThan(0);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      expect((await fetch(`${server.url}/api/runs`)).status).toBe(401);
      // A sync that cannot start says why.
      const unknown = await fetch(`${server.url}/api/runs`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"streams":["salesforce/NoSuchObject"]}' });
      expect(unknown.status).toBe(400);
      expect(((await unknown.json()) as { code: string }).code).toBe('SYNC_UNKNOWN_STREAM');

      // The first request starts a sync and gets its id, the next one waits, a third is refused.
      const post = (): Promise<Response> =>
        fetch(`${server.url}/api/runs`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"full":true}' });
      const first = await post();
      expect(first.status).toBe(202);
      runId = ((await first.json()) as { runId: string }).runId;
      expect(runId).toEqual(expect.any(String));
      expect(server.scheduler.busy).toBe(true);
      expect((await post()).status).toBe(202);
      const third = await post();
      expect(third.status).toBe(409);
      expect(((await third.json()) as { code: string }).code).toBe('SYNC_RUNNING');

      // Shutdown: stop taking requests, ask the sync to stop, then let its page through.
      await server.app.close();
      const stopping = server.scheduler.stop();
      openGate();
      await stopping;
    } finally {
      openGate();
      await server.close();
    }
    const runs = await store.listRuns({ limit: 100 });
    expect(runs.filter((r) => r.status === 'running')).toEqual([]);
    expect(await store.getRun(runId)).toMatchObject({ status: 'failed', error: 'interrupted' });
    // The refused one and the first one ran; the waiting one was dropped by the shutdown.
    expect(server.scheduler.started).toBe(2);

    const requests = log.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l['msg'] === 'request');
    expect(requests.map((r) => [r['method'], r['path'], r['status']])).toContainEqual(['POST', '/api/runs', 202]);
    expect(requests).toHaveLength(6);
    expect(log.lines.join('\n')).not.toContain(token);
  });

  it('says which port is taken', async () => {
    const first = await startServer({ loaded, env: {}, port: 0, host: '127.0.0.1', store });
    try {
      await expect(startServer({ loaded, env: {}, port: first.port, host: '127.0.0.1', store })).rejects.toMatchObject({ code: 'PORT_IN_USE' });
      const next = await startServer({ loaded, env: {}, port: first.port, host: '127.0.0.1', store, portAttempts: 5 });
      expect(next.port).toBeGreaterThan(first.port);
      await next.close();
    } finally {
      await first.close();
    }
  });

  it('redacts authorization headers and secrets in log lines', () => {
    const log = logLines();
    const logger = createServerLogger('info', log.stream);
    logger.info({ req: { headers: { authorization: 'Bearer cct_secret' } }, token: 'cct_other', config: { password: 'hunter2' } }, 'x');
    expect(log.lines.join('\n')).not.toMatch(/cct_secret|cct_other|hunter2/);
  });
});
