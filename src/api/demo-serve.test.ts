import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { openConfigStore } from '../cli/open-config-store.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { captureOutput } from '../../test/support/capture-output.js';
import { serveDemo, signInUrl } from './demo-serve.js';

let dir: string;
let loaded: LoadedConfig;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'concord-demo-serve-'));
  await main(['node', 'concord', 'demo', '--people', '60', '--dir', join(dir, 'demo'), '--no-serve'], { output: captureOutput(), env: {} });
  loaded = loadConfig(join(dir, 'demo', 'concord.yaml'), {});
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('serveDemo', () => {
  it('puts the token in the fragment of the URL', () => {
    expect(signInUrl('http://127.0.0.1:4321', 'cct_abc-_x')).toBe('http://127.0.0.1:4321/#token=cct_abc-_x');
  });

  it('creates a demo token, serves the store and prints a URL that signs in', async () => {
    const output = captureOutput();
    let answered: number | undefined;
    await serveDemo(loaded, {
      env: {},
      output,
      port: 0,
      wait: async (server, url) => {
        const token = decodeURIComponent(new URL(url).hash.replace(/^#token=/, ''));
        const res = await fetch(`${server.url}/api/stats`, { headers: { authorization: `Bearer ${token}` } });
        answered = res.status;
      },
    });
    expect(answered).toBe(200);
    expect(output.text()).toMatch(/open http:\/\/127\.0\.0\.1:\d+\/#token=cct_/);
    const store = await openConfigStore(loaded);
    try {
      const tokens = await store.listApiTokens();
      expect(tokens.map((t) => t.name)).toEqual([expect.stringMatching(/^demo-\d{4}-\d\d-\d\dT/)]);
    } finally {
      await store.close();
    }
  });
});
