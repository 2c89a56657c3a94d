/**
 * `concord demo --live`: the Salesforce and Dataverse parts of the demo come from the local emulators through the
 * live connectors (Marketing Cloud from its file export), the config names the credentials' variables and never
 * their values, profiles are measured against the ground truth, and golden values are written back.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { EXIT } from '../../src/cli/exit-codes.js';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/store/open.js';
import { captureOutput } from '../support/capture-output.js';

const dir = mkdtempSync(join(tmpdir(), 'concord-demo-live-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('concord demo --live', () => {
  it('syncs the demo through the emulators, resolves and writes back', async () => {
    const out = captureOutput();
    const code = await main(['node', 'concord', 'demo', '--live', '--people', '150', '--seed', '11', '--dir', dir, '--no-serve'], { output: out, env: {} });
    expect(out.stderr.join('\n')).not.toMatch(/error:/);
    expect([EXIT.ok, EXIT.deadLettered]).toContain(code);
    const text = out.text();
    expect(text).toMatch(/live: Salesforce emulator at http:\/\/127\.0\.0\.1:\d+, Dataverse emulator at http:\/\/127\.0\.0\.1:\d+/);
    expect(text).toContain(': balanced');
    expect(text).toMatch(/write-back salesforce\/Contact: \d+ written/);
    expect(text).toMatch(/F1 \(pairs\)\s+0\.\d+/);

    const raw = readFileSync(join(dir, 'concord.yaml'), 'utf8');
    const config = parseYaml(raw) as { systems: Record<string, { type: string; clientSecretEnv?: string; auth?: { clientSecretEnv: string } }> };
    expect(Object.fromEntries(Object.entries(config.systems).map(([name, s]) => [name, s.type]))).toEqual({ salesforce: 'salesforce', dataverse: 'dataverse', 'marketing-cloud': 'marketing-cloud-export' });
    expect(config.systems['salesforce']!.auth!.clientSecretEnv).toBe('CONCORD_DEMO_SF_CLIENT_SECRET');
    expect(config.systems['dataverse']!.clientSecretEnv).toBe('CONCORD_DEMO_DV_CLIENT_SECRET');

    const store = await openStore(`sqlite:${join(dir, '.concord', 'concord.db')}`);
    try {
      const [run] = await store.listRuns({ limit: 1 });
      expect(run!.streams.map((s) => `${s.system}/${s.stream}`)).toEqual(expect.arrayContaining(['salesforce/Contact', 'dataverse/contact', 'marketing-cloud/Subscribers']));
      const outcomes = await store.listWriteBackOutcomes({ runId: run!.id });
      expect(outcomes.length).toBeGreaterThan(0);
      expect(outcomes.every((o) => o.outcome === 'updated')).toBe(true);
      const shown = captureOutput();
      expect(await main(['node', 'concord', 'runs', 'show', run!.id, '--config', join(dir, 'concord.yaml'), '--json'], { output: shown, env: {} })).toBe(EXIT.ok);
      const json = JSON.parse(shown.stdout.join('\n')) as { writeBack: Array<{ outcome: string; system: string }> };
      expect(json.writeBack.length).toBe(Math.min(50, outcomes.length));
      expect(json.writeBack[0]).toMatchObject({ outcome: 'updated', system: expect.stringMatching(/^(salesforce|dataverse)$/) });
    } finally {
      await store.close();
    }
  });
});
