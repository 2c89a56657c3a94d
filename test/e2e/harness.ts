/**
 * What the browser tests need: the built web UI (rebuilt when `web/` is newer), a small demo store, the API
 * server listening on a free local port with a fresh token, and Debian's Chromium (never downloaded).
 *
 * @example
 * const server = await startDemoServer(dir);   // { url, token, store, close }
 * const chromium = chromiumPath();              // '/usr/bin/chromium' or a reason to skip
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/api/app.js';
import { createScheduler } from '../../src/api/scheduler.js';
import { configuredSyncJob } from '../../src/api/sync-job.js';
import { generateToken, hashToken } from '../../src/api/tokens.js';
import { main } from '../../src/cli/main.js';
import { openConfigStore } from '../../src/cli/open-config-store.js';
import { loadConfig } from '../../src/config/load.js';
import type { Store } from '../../src/store/store.js';
import { captureOutput } from '../support/capture-output.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const WEB_SRC = join(REPO_ROOT, 'web');
const WEB_OUT = join(REPO_ROOT, 'dist', 'web');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds `dist/web/` with the project's Vite config when it is missing or older than `web/`. */
export async function ensureWebBuilt(): Promise<'built' | 'fresh'> {
  const index = join(WEB_OUT, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(WEB_SRC)) return 'fresh';
  const { build } = await import('vite');
  await build({ configFile: join(WEB_SRC, 'vite.config.ts'), logLevel: 'error' });
  return 'built';
}

/**
 * The Chromium to drive, or why there is none. `CONCORD_TEST_CHROMIUM` names it (CI sets /usr/bin/chromium);
 * otherwise Debian's path is tried.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): { path: string } | { reason: string } {
  const path = env['CONCORD_TEST_CHROMIUM'] ?? '/usr/bin/chromium';
  if (existsSync(path)) return { path };
  return { reason: `no Chromium at ${path} (install Debian's chromium package or set CONCORD_TEST_CHROMIUM); the browser tests need one and never download a browser` };
}

export interface DemoServer {
  url: string;
  token: string;
  store: Store;
  close(): Promise<void>;
}

/** Generates the demo (`concord demo --no-serve`) in `dir`, then serves its store on 127.0.0.1 with a new token. */
export async function startDemoServer(dir: string, options: { people?: number; seed?: number } = {}): Promise<DemoServer> {
  const out = captureOutput();
  const code = await main(['node', 'concord', 'demo', '--people', String(options.people ?? 120), '--seed', String(options.seed ?? 7), '--dir', dir, '--no-serve'], { output: out, env: {} });
  if (code !== 0 && code !== 3) throw new Error(`concord demo exited with ${code}:\n${out.text()}`);
  const loaded = loadConfig(join(dir, 'concord.yaml'), {});
  const store = await openConfigStore(loaded);
  await store.migrate();
  const token = generateToken();
  await store.createApiToken('browser-test', hashToken(token));
  // The scheduler of `concord serve`, so "Sync now" in the UI runs a real sync of the demo files.
  const syncs = createScheduler({ job: configuredSyncJob({ loaded, store, env: {} }) });
  const app = await buildApp({ store, loaded, syncs, env: {} }, { webRoot: WEB_OUT });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    store,
    close: async () => {
      await syncs.stop();
      await app.close();
      await store.close();
    },
  };
}
