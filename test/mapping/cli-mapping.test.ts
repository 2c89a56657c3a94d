import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Output } from '../../src/cli/output.js';

async function run(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const output: Output = { out: (t) => void stdout.push(t), err: (t) => void stderr.push(t), interactive: false };
  const code = await main(['node', 'concord', ...args], { output, env: {} });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('concord mapping', () => {
  it('list: every shipped mapping', async () => {
    const { code, stdout } = await run('mapping', 'list');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^system\s+stream\s+field maps\s+produces$/m);
    expect(stdout).toMatch(/^salesforce\s+Contact\s+\d+\s+Individual, AccountContact, Customer, ContactPointEmail, ContactPointPhone, ContactPointAddress, ContactPointConsent$/m);
  });

  it('show: fields with transform, write-back and loss', async () => {
    const { code, stdout } = await run('mapping', 'show', 'salesforce', 'Contact');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^MobilePhone\s+phone\s+ContactPointPhone\[MobilePhone\]\.telephoneNumber\s+phone\(Mobile\)\s+yes$/m);
    expect(stdout).toMatch(/^Name\s+string\s+Individual\.personName\s+personName\s+no\s+computed by the source system: never written back$/m);
    expect(stdout).toMatch(/^not mapped \(kept in the source record\): .*MasterRecordId/m);
  });

  it('show --json: the description with every emitted property', async () => {
    const { code, stdout } = await run('mapping', 'show', 'salesforce', 'Lead', '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { emits: string[] };
    expect(parsed.emits).toContain('LeadStatus.leadStatusName');
    expect(parsed.emits).toContain('ContactPointConsent.status');
  });

  it('show --config: the mapping with concord.yaml overrides applied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-mapping-'));
    const file = join(dir, 'concord.yaml');
    writeFileSync(file, 'systems:\n  crm:\n    type: salesforce\nmappings:\n  crm:\n    Contact:\n      fields:\n        Title: Individual.occupation\n');
    const { code, stdout, stderr } = await run('mapping', 'show', 'crm', 'Contact', '--config', file);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Title\s+string\s+Individual\.occupation\s+copy\s+yes$/m);
  });

  it('show: an unknown stream fails with the shipped list', async () => {
    const { code, stderr } = await run('mapping', 'show', 'salesforce', 'Asset');
    expect(code).not.toBe(0);
    expect(stderr).toContain('MAPPING_NOT_FOUND');
  });
});
