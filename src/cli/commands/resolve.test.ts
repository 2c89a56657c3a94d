/**
 * The organisation side of the identity commands over a small demo store: `concord demo` and `concord resolve`
 * print an organisations column, `concord profiles list --kind organization` lists the companies with their
 * golden name, phone and website, and `profiles show` of a company lists its members and its people.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOutput, type CapturedOutput } from '../../../test/support/capture-output.js';
import { EXIT } from '../exit-codes.js';
import { main } from '../main.js';

let dir: string;
let config: string;
let demo: CapturedOutput;

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  const output = captureOutput();
  const code = await main(['node', 'concord', ...args], { output, env: {} });
  return { code, out: output.text() };
}

interface ListedProfile { unifiedId: string; kind: string; attributes: Record<string, { value: string }> }

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'concord-cli-orgs-'));
  demo = captureOutput();
  const code = await main(['node', 'concord', 'demo', '--people', '150', '--seed', '5', '--dir', join(dir, 'demo'), '--no-serve'], { output: demo, env: {} });
  expect([EXIT.ok, EXIT.deadLettered]).toContain(code);
  config = join(dir, 'demo', 'concord.yaml');
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The cells of the summary row `name`: the label, then one value per column. */
function summaryRow(text: string, name: string): string[] {
  const line = text.split('\n').find((l) => l.startsWith(`${name}  `));
  expect(line, `no "${name}" row in:\n${text}`).toBeDefined();
  return line!.slice(name.length).trim().split(/\s{2,}/);
}

describe('organisations in the identity commands', () => {
  it('demo prints people and organisations side by side, each measured against the ground truth', async () => {
    const text = demo.text();
    expect(text).toMatch(/identity resolution\s+people\s+organisations/);
    const profiles = summaryRow(text, 'profiles').map(Number);
    const orgs = JSON.parse((await run('profiles', 'list', '--kind', 'organization', '--limit', '1000', '--json', '--config', config)).out) as ListedProfile[];
    expect(profiles[1]).toBe(orgs.length);
    expect(orgs.length).toBeGreaterThan(5);
    const f1 = summaryRow(text, 'F1 (pairs)').map(Number);
    expect(f1).toHaveLength(2);
    expect(f1[1]).toBeGreaterThan(0.8);
  });

  it('resolve with nothing changed prints the organisations column too; --json carries it as organizations', async () => {
    const text = (await run('resolve', '--config', config)).out;
    expect(summaryRow(text, 'created')).toEqual(['0', '0']);
    expect(summaryRow(text, 'mode')).toEqual(['incremental', 'incremental']);
    const json = JSON.parse((await run('resolve', '--config', config, '--json')).out) as { organizations?: { profiles: { active: number } } };
    expect(json.organizations?.profiles.active).toBe(Number(summaryRow(text, 'profiles')[1]));
  });

  it('profiles list --kind organization lists companies with name, phone and website; people stay the default', async () => {
    const people = JSON.parse((await run('profiles', 'list', '--limit', '1000', '--json', '--config', config)).out) as ListedProfile[];
    expect(people.every((p) => p.kind === 'person')).toBe(true);
    const orgs = JSON.parse((await run('profiles', 'list', '--kind', 'organization', '--limit', '1000', '--json', '--config', config)).out) as ListedProfile[];
    expect(orgs.every((p) => p.kind === 'organization' && typeof p.attributes['organizationName']?.value === 'string')).toBe(true);
    const table = (await run('profiles', 'list', '--kind', 'organization', '--limit', '1000', '--config', config)).out;
    expect(table.split('\n')[0]).toMatch(/^unified id\s+name\s+phone\s+website\s+records\s+updated$/);
    for (const o of orgs.slice(0, 5)) expect(table).toContain(o.attributes['organizationName']!.value);
    await expect(run('profiles', 'list', '--kind', 'company', '--config', config)).resolves.toMatchObject({ code: EXIT.usage, out: expect.stringMatching(/--kind must be person or organization/) });
  });

  it('profiles show of a company names it, lists its Organization members and its people', async () => {
    const orgs = JSON.parse((await run('profiles', 'list', '--kind', 'organization', '--limit', '1000', '--json', '--config', config)).out) as ListedProfile[];
    let shown: { members: Array<{ system: string; stream: string }>; people?: Array<{ unifiedId: string; name?: string }> } | undefined;
    let org: ListedProfile | undefined;
    for (const o of orgs) {
      const s = JSON.parse((await run('profiles', 'show', o.unifiedId, '--json', '--config', config)).out) as NonNullable<typeof shown>;
      if ((s.people ?? []).some((p) => p.name !== undefined)) [shown, org] = [s, o];
      if (shown) break;
    }
    expect(org).toBeDefined();
    expect(shown!.members.every((m) => /^(Account|account)$/.test(m.stream))).toBe(true);
    const person = shown!.people!.find((p) => p.name !== undefined)!;
    const personView = JSON.parse((await run('profiles', 'show', person.unifiedId, '--json', '--config', config)).out) as { profile: { kind: string }; people?: unknown };
    expect(personView.profile.kind).toBe('person');
    expect(personView.people).toBeUndefined();

    const text = (await run('profiles', 'show', org!.unifiedId, '--config', config)).out;
    expect(text.split('\n')[0]).toContain(`${org!.unifiedId} ${org!.attributes['organizationName']!.value} (organization, active)`);
    expect(text).toContain('people (contacts at its accounts):');
    expect(text).toContain(person.name!);
  });
});
