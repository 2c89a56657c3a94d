import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../support/capture-output.js';
import { planSplit } from '../../src/api/profiles/split.js';
import { openConfigStore } from '../../src/cli/open-config-store.js';
import { loadConfig } from '../../src/config/load.js';

const argv = (...args: string[]) => ['node', 'concord', ...args];
let dir: string;
let config: string;

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = captureOutput();
  const code = await main(argv(...args), { output: out, env: {} });
  return { code, out: out.stdout.join('\n'), err: out.stderr.join('\n') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'concord-resolve-'));
  const demo = await run('demo', '--people', '200', '--seed', '11', '--dir', join(dir, 'demo'), '--no-serve');
  expect([EXIT.ok, EXIT.deadLettered]).toContain(demo.code);
  expect(demo.out).toMatch(/F1 \(pairs\)\s+0\.\d+/);
  config = join(dir, 'demo', 'concord.yaml');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Summary { mode: string; changed: number; records: number; trained: boolean; profiles: { active: number; created: number; grew: number; merged: number; split: number }; accuracy: { precision: number; recall: number; f1: number } }

describe('concord resolve, profiles, explain, match', () => {
  it('resolve after the demo finds nothing changed', async () => {
    const { code, out } = await run('resolve', '--config', config, '--json');
    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(out)).toMatchObject({ mode: 'incremental', changed: 0, records: 0, profiles: { created: 0, grew: 0, merged: 0, split: 0, moved: 0, retired: 0 } });
  });

  it('a full resolve after the demo keeps every id and scores against the ground truth', async () => {
    const { code, out } = await run('resolve', '--full', '--config', config, '--truth', join(dir, 'demo', 'ground-truth.csv'), '--json');
    expect(code).toBe(EXIT.ok);
    const summary = JSON.parse(out) as Summary;
    expect(summary.mode).toBe('full');
    expect(summary.trained).toBe(false);
    expect(summary.profiles).toMatchObject({ created: 0, grew: 0, merged: 0, split: 0 });
    expect(summary.profiles.active).toBeLessThan(summary.records);
    // Loose floors: the demo's people are found again across systems, and rarely merged wrongly.
    expect(summary.accuracy.precision).toBeGreaterThan(0.8);
    expect(summary.accuracy.recall).toBeGreaterThan(0.6);
  });

  it('profiles list and show give golden values with provenance, members per system and history; explain and match agree', async () => {
    const listed = await run('profiles', 'list', '--config', config, '--limit', '500', '--json');
    const profiles = JSON.parse(listed.out) as Array<{ unifiedId: string; attributes: Record<string, { value: string; provenance: { system: string } }> }>;
    const shown = [];
    for (const p of profiles.slice(0, 200)) {
      const r = await run('profiles', 'show', p.unifiedId, '--config', config, '--json');
      shown.push(JSON.parse(r.out) as { profile: typeof p; members: Array<{ recordId: string; system: string; stream: string; sourceRecordId: string }>; history: Array<{ event: string }> });
    }
    const multi = shown.find((s) => new Set(s.members.map((m) => m.system)).size > 1 && s.profile.attributes['email'] !== undefined);
    expect(multi).toBeDefined();
    expect(multi!.history.map((h) => h.event)).toEqual(['created']);
    expect(multi!.members.map((m) => m.system)).toContain(multi!.profile.attributes['email']!.provenance.system);

    const text = await run('profiles', 'show', multi!.profile.unifiedId, '--config', config);
    expect(text.out).toMatch(/attribute\s+value\s+system/);
    expect(text.out).toContain('history:');

    const [a, b] = multi!.members;
    const explained = await run('explain', a!.recordId, b!.recordId, '--config', config, '--json');
    expect((JSON.parse(explained.out) as { probability: number }).probability).toBeGreaterThanOrEqual(0.9);
    const waterfall = await run('explain', `${a!.system}/${a!.stream}/${a!.sourceRecordId}`, b!.recordId, '--config', config);
    expect(waterfall.out).toMatch(/\(prior\)/);
    expect(waterfall.out).toContain(a!.recordId);

    const email = multi!.profile.attributes['email']!.value;
    const name = multi!.profile.attributes['personName']?.value ?? '';
    const matched = await run('match', '--email', email, '--name', name, '--config', config, '--json');
    const candidates = JSON.parse(matched.out) as Array<{ unifiedId: string; probability: number }>;
    expect(candidates[0]).toMatchObject({ unifiedId: multi!.profile.unifiedId });
  });

  it('match --kind organization finds a company profile by its name and phone, and prints a table without --json', async () => {
    const orgs = JSON.parse((await run('profiles', 'list', '--kind', 'organization', '--config', config, '--limit', '1000', '--json')).out) as Array<{ unifiedId: string }>;
    // A company listed in two systems, with a golden name and phone.
    let target: { unifiedId: string; name: string; phone: string; members: string[] } | undefined;
    for (const o of orgs) {
      const view = JSON.parse((await run('profiles', 'show', o.unifiedId, '--config', config, '--json')).out) as {
        profile: { attributes: Record<string, { value: string } | undefined> }; members: Array<{ recordId: string }>;
      };
      const name = view.profile.attributes['organizationName']?.value;
      const phone = view.profile.attributes['phone']?.value;
      if (name !== undefined && phone !== undefined && view.members.length >= 2) { target = { unifiedId: o.unifiedId, name, phone, members: view.members.map((m) => m.recordId) }; break; }
    }
    expect(target).toBeDefined();
    const json = await run('match', '--kind', 'organization', '--name', target!.name, '--phone', target!.phone, '--config', config, '--json');
    expect(json.code).toBe(EXIT.ok);
    expect((JSON.parse(json.out) as Array<{ unifiedId: string }>)[0]).toMatchObject({ unifiedId: target!.unifiedId });
    const table = await run('match', '--kind', 'organization', '--name', target!.name, '--config', config);
    expect(table.out).toContain(target!.unifiedId);
    expect(table.out).toMatch(/unified id\s+probability/);
    // Two members of that organisation profile are explained under the organisation model (its comparisons).
    const why = await run('explain', target!.members[0]!, target!.members[1]!, '--config', config, '--json');
    expect(why.code).toBe(EXIT.ok);
    const names = new Set((JSON.parse(why.out) as { steps: Array<{ comparison: string }> }).steps.map((c) => c.comparison));
    expect(names).toEqual(new Set(['name', 'website', 'phone', 'address', 'city', 'postcode', 'identifier']));
  });

  it('profiles split records decisions that the next resolve applies, keeping ids stable', async () => {
    const listed = JSON.parse((await run('profiles', 'list', '--config', config, '--limit', '1000', '--json')).out) as Array<{ unifiedId: string }>;
    // A two-member profile: taking one member out splits exactly one record off and saves one decision (in a
    // larger profile the split may also save always-match decisions that keep the others together).
    let target: { id: string; members: string[] } | undefined;
    for (const p of listed) {
      const members = JSON.parse((await run('profiles', 'show', p.unifiedId, '--config', config, '--json')).out).members as Array<{ recordId: string }>;
      if (members.length === 2) {
        target = { id: p.unifiedId, members: members.map((m) => m.recordId) };
        break;
      }
    }
    expect(target).toBeDefined();
    const [keep, leave] = target!.members;
    const split = await run('profiles', 'split', target!.id, leave!, '--config', config, '--who', 'qa', '--reason', 'different people');
    expect(split.out).toMatch(/recorded 1 never-match decision\b/);
    const afterSplit = JSON.parse((await run('resolve', '--config', config, '--json')).out) as Summary;
    expect(afterSplit.profiles.split).toBe(1);
    const shown = JSON.parse((await run('profiles', 'show', target!.id, '--config', config, '--json')).out) as { members: Array<{ recordId: string }>; history: Array<{ event: string; unifiedIds: string[]; recordIds: string[] }> };
    expect(shown.members.map((m) => m.recordId)).toContain(keep);
    expect(shown.members.map((m) => m.recordId)).not.toContain(leave);
    const event = shown.history.find((h) => h.event === 'split');
    expect(event?.recordIds).toEqual([leave]);
    const splitOff = JSON.parse((await run('profiles', 'show', event!.unifiedIds[1]!, '--config', config, '--json')).out) as { members: Array<{ recordId: string }> };
    expect(splitOff.members.map((m) => m.recordId)).toEqual([leave]);

    const decisions = JSON.parse((await run('profiles', 'decisions', '--config', config, '--json')).out) as Array<{ kind: string; who: string }>;
    expect(decisions.map((d) => [d.kind, d.who])).toEqual([['never-match', 'qa']]);
  });

  it('profiles split keeps the members that stay together unless told not to', async () => {
    // Profiles where one member is the only link between the others, found with the split's own plan.
    const store = await openConfigStore(loadConfig(config, {}));
    const found: Array<{ id: string; bridge: string; staying: string[] }> = [];
    try {
      const byProfile = new Map<string, string[]>();
      for (const m of await store.listProfileMembers('person')) byProfile.set(m.unifiedId, [...(byProfile.get(m.unifiedId) ?? []), m.recordId]);
      for (const [id, members] of byProfile) {
        if (members.length < 3) continue;
        const bridge = (await Promise.all(members.map(async (r) => ((await planSplit(store, id, [r], { region: 'US' })).keepTogether.length > 0 ? r : undefined)))).find((r) => r !== undefined);
        if (bridge !== undefined) found.push({ id, bridge, staying: members.filter((m) => m !== bridge) });
      }
    } finally {
      await store.close();
    }
    expect(found.length, 'the seeded demo has two profiles held together by one member').toBeGreaterThan(1);
    const [kept, apart] = [found[0]!, found[found.length - 1]!];
    const membersOf = async (id: string): Promise<string[]> => (JSON.parse((await run('profiles', 'show', id, '--config', config, '--json')).out) as { members: Array<{ recordId: string }> }).members.map((m) => m.recordId).sort();

    const one = await run('profiles', 'split', kept.id, kept.bridge, '--config', config);
    expect(one.out).toMatch(new RegExp(`recorded ${kept.staying.length} never-match decisions and \\d+ always-match decisions? that keep the ${kept.staying.length} members that stay together`));
    const other = await run('profiles', 'split', apart.id, apart.bridge, '--config', config, '--no-keep-together');
    expect(other.out).toBe(`recorded ${apart.staying.length} never-match decisions; run \`concord resolve\` to apply`);
    const resolved = JSON.parse((await run('resolve', '--config', config, '--json')).out) as Summary;
    expect(resolved.profiles).toMatchObject({ merged: 0 });
    expect(await membersOf(kept.id)).toEqual([...kept.staying].sort());
    const left = await membersOf(apart.id);
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThan(apart.staying.length);
  });

  it.each([
    [['profiles', 'show', 'no-such-profile'], /no profile no-such-profile/],
    [['explain', 'nobody', 'nobody-else'], /no live person record nobody/],
    [['match'], /at least one of --email/],
    [['match', '--kind', 'organization', '--city', 'Chicago'], /at least one of --name, --website/],
    [['match', '--kind', 'organization', '--name', 'Acme', '--dob', '1980-01-01'], /--dob is for people/],
    [['match', '--name', 'Ada', '--website', 'acme.example'], /--website is for organisations/],
    [['match', '--kind', 'company', '--name', 'Acme'], /--kind must be person or organization/],
    [['profiles', 'merge', 'no-such-a', 'no-such-b'], /no profile no-such-a/],
    [['profiles', 'never-match', 'nobody', 'nobody-else'], /record nobody belongs to no profile/],
    [['resolve', '--threshold', '2'], /--threshold must be/],
  ])('usage errors: %j', async (args, message) => {
    const r = await run(...args, '--config', config);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(message);
  });
});
