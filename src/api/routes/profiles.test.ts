/**
 * The profile, record, explanation, match and decision routes over a small demo store (200 people in three
 * systems), through the whole app: auth, validation and problem+json included.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../cli/exit-codes.js';
import { main } from '../../cli/main.js';
import { openConfigStore } from '../../cli/open-config-store.js';
import { loadConfig } from '../../config/load.js';
import { matchPerson } from '../../identity/resolve.js';
import type { Store } from '../../store/store.js';
import { buildApp } from '../app.js';
import type { ApiContext } from '../context.js';
import { decideAndResolve } from '../profiles/decisions.js';
import { joinPieces, planSplit, unjoinedPieces } from '../profiles/split.js';
import { generateToken, hashToken } from '../tokens.js';
import { concordId, contentHash } from '../../core/ids.js';
import { matchOrganizations } from '../../identity/store/match-organizations.js';
import type { MemberRecord, Profile360, ProfileSummary } from '../profiles/view.js';

let dir: string;
let store: Store;
let app: FastifyInstance;
let token: string;

interface Answer<T> { status: number; body: T; type: string }

async function get<T>(url: string, auth = true): Promise<Answer<T>> {
  const res = await app.inject({ method: 'GET', url, headers: auth ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.statusCode, body: res.json() as T, type: String(res.headers['content-type']) };
}

async function post<T>(url: string, payload: unknown): Promise<Answer<T>> {
  const res = await app.inject({ method: 'POST', url, payload: payload as object, headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, body: res.json() as T, type: String(res.headers['content-type']) };
}

interface Problem { status: number; code: string; detail: string }

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'concord-api-profiles-'));
  const quiet = { interactive: false, out: () => undefined, err: () => undefined };
  const code = await main(['node', 'concord', 'demo', '--people', '200', '--seed', '11', '--dir', join(dir, 'demo'), '--no-serve'], { output: quiet, env: {} });
  expect([EXIT.ok, EXIT.deadLettered]).toContain(code);
  const loaded = loadConfig(join(dir, 'demo', 'concord.yaml'), {});
  store = await openConfigStore(loaded);
  await store.migrate();
  token = generateToken();
  await store.createApiToken('test', hashToken(token));
  const ctx: ApiContext = { store, loaded, env: {}, syncs: { busy: false, requestSync: async () => ({ queued: true }) } };
  app = await buildApp(ctx);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every active profile, page by page. */
async function allSummaries(limit = 50): Promise<ProfileSummary[]> {
  const out: ProfileSummary[] = [];
  for (let cursor: string | null = null, pages = 0; pages < 100; pages++) {
    const page: Answer<{ items: ProfileSummary[]; nextCursor: string | null }> = await get(`/api/profiles?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.status).toBe(200);
    out.push(...page.body.items);
    cursor = page.body.nextCursor;
    if (cursor === null) break;
  }
  return out;
}

/** Every active profile of a kind filter, page by page. */
async function allOfKind(kind: string, limit = 50): Promise<ProfileSummary[]> {
  const out: ProfileSummary[] = [];
  for (let cursor: string | null = null, pages = 0; pages < 100; pages++) {
    const page: Answer<{ items: ProfileSummary[]; nextCursor: string | null }> = await get(`/api/profiles?kind=${kind}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.status).toBe(200);
    out.push(...page.body.items);
    cursor = page.body.nextCursor;
    if (cursor === null) break;
  }
  return out;
}

/** A profile of two members from two systems, with an email and a phone. */
async function multiSystemProfile(): Promise<Profile360> {
  const summary = (await allSummaries(200)).find((s) => s.systems.length >= 2 && s.email !== undefined && s.phone !== undefined && s.members === 2);
  expect(summary).toBeDefined();
  return (await get<Profile360>(`/api/profiles/${summary!.unifiedId}`)).body;
}

describe('profile routes', () => {
  it('need a token', async () => {
    const res = await get<Problem>('/api/profiles?q=ada', false);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_REQUIRED');
  });

  it('page through every active profile once, in unified id order', async () => {
    const all = await allSummaries(37);
    const ids = all.map((s) => s.unifiedId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.length).toBe((await store.listProfiles('person', { limit: 10_000 })).length);
    expect(all.every((s) => s.status === 'active' && s.members >= 1 && s.systems.length >= 1)).toBe(true);
  });

  it('find a demo person by email, phone and name, with members from two systems and provenance that names a member', async () => {
    const view = await multiSystemProfile();
    expect(new Set(view.members.map((m) => m.system)).size).toBeGreaterThanOrEqual(2);
    const email = view.attributes['email']!;
    expect(view.members.map((m) => m.recordId)).toContain(email.provenance.recordId);
    expect(view.members.find((m) => m.recordId === email.provenance.recordId)!.system).toBe(email.provenance.system);

    const byEmail = await get<{ items: ProfileSummary[] }>(`/api/profiles?email=${encodeURIComponent(email.value.toUpperCase())}`);
    expect(byEmail.body.items.map((s) => s.unifiedId)).toContain(view.unifiedId);
    const byQ = await get<{ items: ProfileSummary[] }>(`/api/profiles?q=${encodeURIComponent(email.value)}`);
    expect(byQ.body.items[0]).toMatchObject({ unifiedId: view.unifiedId, email: email.value, members: 2 });

    // Every member's own email finds the profile, not only the golden one.
    for (const m of view.members.filter((x) => x.values.email !== undefined)) {
      const found = await get<{ items: ProfileSummary[] }>(`/api/profiles?email=${encodeURIComponent(m.values.email!)}`);
      expect(found.body.items.map((s) => s.unifiedId)).toContain(view.unifiedId);
    }
    const byPhone = await get<{ items: ProfileSummary[] }>(`/api/profiles?q=${encodeURIComponent(view.attributes['phone']!.value)}`);
    expect(byPhone.body.items.map((s) => s.unifiedId)).toContain(view.unifiedId);
    const name = view.attributes['personName']!.value.split(' ');
    const prefix = `${name[0]!.slice(0, 3)} ${name[name.length - 1]!}`;
    const byName = await get<{ items: ProfileSummary[] }>(`/api/profiles?q=${encodeURIComponent(prefix)}`);
    expect(byName.body.items.map((s) => s.unifiedId)).toContain(view.unifiedId);
    const byId = await get<{ items: ProfileSummary[] }>(`/api/profiles?q=${view.members[0]!.recordId}`);
    expect(byId.body.items.map((s) => s.unifiedId)).toEqual([view.unifiedId]);
  });

  it('show the 360 view with history, related records and a match graph', async () => {
    const view = await multiSystemProfile();
    expect(view.history.map((h) => h.event)).toContain('created');
    expect(view.memberCount).toBe(view.members.length);
    expect(view.graph.nodes.map((n) => n.recordId).sort()).toEqual(view.members.map((m) => m.recordId).sort());
    expect(view.graph.edges).toHaveLength(1);
    expect(view.graph.edges[0]!.probability).toBeGreaterThan(0.5);

    // Across the demo people, the related lists are filled with real values, newest first.
    const views: Profile360[] = [];
    for (const s of (await allSummaries(200)).slice(0, 120)) views.push((await get<Profile360>(`/api/profiles/${s.unifiedId}`)).body);
    const some = <K extends 'accounts' | 'cases' | 'opportunities' | 'engagement' | 'consent'>(key: K) => views.find((v) => v[key].length > 0)?.[key];
    expect(some('accounts')?.[0]?.name).toMatch(/\w/);
    expect(some('cases')?.[0]).toMatchObject({ subject: expect.any(String), status: expect.any(String) });
    expect(some('opportunities')?.[0]).toMatchObject({ name: expect.any(String), stage: expect.any(String) });
    expect(some('consent')?.[0]?.channel).toMatch(/^(email|phone|fax|sms|mail)/);
    const engagement = some('engagement')!;
    expect(engagement.map((e) => e.at)).toEqual([...engagement.map((e) => e.at)].sort().reverse());
    const events = views.flatMap((v) => v.engagement);
    expect(events.find((e) => e.system === 'marketing-cloud')?.type).toMatch(/^(send|open|click|bounce|unsubscribe)/i);
    expect(events.find((e) => e.type.startsWith('campaign '))?.campaign).toMatch(/\w/);
  });

  it('answer bad input with 400 and unknown ids with 404, as problem+json', async () => {
    const cases: Array<[string, number, string]> = [
      ['/api/profiles?limit=0', 400, 'BAD_REQUEST'],
      ['/api/profiles?email=nope', 400, 'BAD_REQUEST'],
      ['/api/profiles?cursor=xyz', 400, 'BAD_REQUEST'],
      ['/api/profiles/no-such-profile', 404, 'PROFILE_NOT_FOUND'],
      ['/api/profiles/no-such-profile/history', 404, 'PROFILE_NOT_FOUND'],
      ['/api/records/no-such-record', 404, 'RECORD_NOT_FOUND'],
      ['/api/records/salesforce/Contact/nope', 404, 'RECORD_NOT_FOUND'],
      ['/api/explain?a=nope&b=nope2', 404, 'RECORD_NOT_FOUND'],
      ['/api/explain?a=x', 400, 'BAD_REQUEST'],
      ['/api/match', 400, 'BAD_REQUEST'],
      ['/api/match?email=a%40b.c&birthDate=yesterday', 400, 'BAD_REQUEST'],
    ];
    for (const [url, status, code] of cases) {
      const res = await get<Problem>(url);
      expect({ url, status: res.status, code: res.body.code }).toEqual({ url, status, code });
      expect(res.type).toContain('application/problem+json');
    }
    const view = await multiSystemProfile();
    const bad: Array<[string, unknown, number, string]> = [
      ['/api/profiles/merge', { unifiedIds: [view.unifiedId] }, 400, 'BAD_REQUEST'],
      ['/api/profiles/merge', { unifiedIds: [view.unifiedId, 'no-such-profile'] }, 404, 'PROFILE_NOT_FOUND'],
      [`/api/profiles/${view.unifiedId}/split`, { recordIds: ['not-a-member'] }, 400, 'RECORD_NOT_IN_PROFILE'],
      [`/api/profiles/${view.unifiedId}/split`, { recordIds: view.members.map((m) => m.recordId) }, 400, 'BAD_REQUEST'],
      ['/api/profiles/no-such-profile/split', { recordIds: ['x'] }, 404, 'PROFILE_NOT_FOUND'],
      ['/api/decisions', { kind: 'maybe', recordA: 'a', recordB: 'b' }, 400, 'BAD_REQUEST'],
      ['/api/decisions', { kind: 'never-match', recordA: view.members[0]!.recordId, recordB: view.members[0]!.recordId }, 400, 'BAD_REQUEST'],
    ];
    for (const [url, body, status, code] of bad) {
      const res = await post<Problem>(url, body);
      expect({ url, status: res.status, code: res.body.code }).toEqual({ url, status, code });
    }
  });

  it('read a record by Concord id and by system, stream and source id', async () => {
    const view = await multiSystemProfile();
    const member = view.members[0]!;
    const byId = await get<{ record: { entity: string; sourceRecordId: string; data: Record<string, unknown> }; profile: { unifiedId: string } }>(`/api/records/${member.recordId}`);
    expect(byId.status).toBe(200);
    expect(byId.body.record.entity).toBe('Individual');
    expect(byId.body.profile.unifiedId).toBe(view.unifiedId);
    const bySource = await get<{ source: { recordId: string; data: Record<string, unknown> }; cim: Array<{ id: string; entity: string }>; profile: { unifiedId: string } }>(
      `/api/records/${member.system}/${member.stream}/${encodeURIComponent(byId.body.record.sourceRecordId)}`,
    );
    expect(bySource.status).toBe(200);
    expect(bySource.body.cim.map((r) => r.id)).toContain(member.recordId);
    expect(Object.keys(bySource.body.source.data).length).toBeGreaterThan(3);
    expect(bySource.body.profile.unifiedId).toBe(view.unifiedId);
  });

  it('explain a pair of members and match a person to the profile', async () => {
    const view = await multiSystemProfile();
    const [a, b] = view.members as [MemberRecord, MemberRecord];
    type Step = { comparison: string; weight: number; cumulative: number; termFrequency?: { value: string; count: number; records: number; frequency: number; weight: number } };
    const res = await get<{ steps: Step[]; finalWeight: number; probability: number; records: { a: MemberRecord; b: MemberRecord } }>(`/api/explain?a=${a.recordId}&b=${b.recordId}`);
    expect(res.status).toBe(200);
    expect(res.body.records.a).toMatchObject({ recordId: a.recordId, system: a.system, since: a.since });
    expect(res.body.records.b.recordId).toBe(b.recordId);
    expect(res.body.steps[res.body.steps.length - 1]!.cumulative).toBeCloseTo(res.body.finalWeight, 9);
    expect(res.body.probability).toBeCloseTo(view.graph.edges[0]!.probability, 9);
    // The members share a surname the trained model counted: its term-frequency step comes with its parts.
    const tf = res.body.steps.filter((s) => s.termFrequency);
    expect(tf.length).toBeGreaterThan(0);
    for (const step of tf) {
      expect(step.termFrequency!.count).toBeGreaterThan(0);
      expect(step.termFrequency!.frequency).toBeCloseTo(step.termFrequency!.count / step.termFrequency!.records, 12);
      expect(step.weight).toBeCloseTo(step.termFrequency!.weight, 12);
    }

    const email = view.attributes['email']!.value;
    const name = view.attributes['personName']?.value ?? '';
    const matched = await get<{ items: Array<{ unifiedId: string | null; probability: number }> }>(`/api/match?email=${encodeURIComponent(email)}&name=${encodeURIComponent(name)}`);
    expect(matched.status).toBe(200);
    expect(matched.body.items[0]).toMatchObject({ unifiedId: view.unifiedId });
    // The indexed look-up answers what the scan of every person answers.
    const scanned = await matchPerson(store, { email, name }, { region: 'US' });
    expect(matched.body.items).toEqual(scanned.slice(0, 10).map((c) => ({ ...c, unifiedId: c.unifiedId ?? null })));
  });

  it('split then merge change membership and history, with saved decisions', async () => {
    const view = await multiSystemProfile();
    const [stay, leave] = view.members as [MemberRecord, MemberRecord];
    const split = await post<{ decisions: Array<{ kind: string; who: string }>; profiles: Array<{ unifiedId: string; members: string[] }> }>(`/api/profiles/${view.unifiedId}/split`, { recordIds: [leave.recordId], reason: 'different people' });
    expect(split.status).toBe(200);
    expect(split.body.decisions).toEqual([expect.objectContaining({ kind: 'never-match', who: 'api:test' })]);
    expect(split.body.profiles).toHaveLength(2);
    const other = split.body.profiles.find((p) => p.members.includes(leave.recordId))!.unifiedId;
    expect(split.body.profiles.find((p) => p.unifiedId === view.unifiedId)?.members).toEqual([stay.recordId]);

    const after = (await get<Profile360>(`/api/profiles/${view.unifiedId}`)).body;
    expect(after.members.map((m) => m.recordId)).toEqual([stay.recordId]);
    expect(after.history.map((h) => h.event)).toContain('split');
    const byLeavingId = await get<{ items: ProfileSummary[] }>(`/api/profiles?q=${leave.recordId}`);
    expect(byLeavingId.body.items.map((s) => s.unifiedId)).toEqual([other]);

    const merged = await post<{ profile: Profile360; decisions: Array<{ kind: string }> }>('/api/profiles/merge', { unifiedIds: [view.unifiedId, other], reason: 'same person after all' });
    expect(merged.status).toBe(200);
    expect(merged.body.decisions.map((d) => d.kind)).toEqual(['always-match']);
    expect(merged.body.profile.members.map((m) => m.recordId).sort()).toEqual([stay.recordId, leave.recordId].sort());
    expect(merged.body.profile.history.map((h) => h.event)).toEqual(expect.arrayContaining(['split']));
    const gone = [view.unifiedId, other].find((id) => id !== merged.body.profile.unifiedId)!;
    const goneView = (await get<Profile360>(`/api/profiles/${gone}`)).body;
    expect(goneView).toMatchObject({ status: 'merged', mergedInto: merged.body.profile.unifiedId, members: [] });
    expect((await get<{ items: ProfileSummary[] }>(`/api/profiles?q=${gone}`)).body.items).toEqual([]);

    const decisions = await get<{ items: Array<{ kind: string; reason?: string }> }>('/api/decisions?limit=2');
    expect(decisions.body.items.map((d) => [d.kind, d.reason])).toEqual([['always-match', 'same person after all'], ['never-match', 'different people']]);

    const again = await post<{ decision: { kind: string }; resolve: { profiles: { split: number } } }>('/api/decisions', { kind: 'never-match', recordA: stay.recordId, recordB: leave.recordId });
    expect(again.status).toBe(201);
    expect(again.body.decision.kind).toBe('never-match');
    expect(again.body.resolve.profiles.split).toBe(1);
    expect((await store.profileOfRecord(stay.recordId))!.unifiedId).not.toBe((await store.profileOfRecord(leave.recordId))!.unifiedId);
  });

  it('make a decision wait for a running sync, and save nothing when it does not end', async () => {
    const view = await multiSystemProfile();
    const before = (await store.listIdentityDecisions()).length;
    const pairs = [[view.members[0]!.recordId, view.members[1]!.recordId]] as const;
    await expect(decideAndResolve(store, 'never-match', pairs, { who: 'test', resolve: {}, syncBusy: () => true, waitMs: 30 }))
      .rejects.toMatchObject({ code: 'SYNC_RUNNING' });
    expect(await store.listIdentityDecisions()).toHaveLength(before);
  });

  /** Person profiles of three or more members with a member whose split would break the others apart (the plan says so). */
  async function bridges(): Promise<Array<{ unifiedId: string; bridge: string; members: string[] }>> {
    const byProfile = new Map<string, string[]>();
    for (const m of await store.listProfileMembers('person')) byProfile.set(m.unifiedId, [...(byProfile.get(m.unifiedId) ?? []), m.recordId]);
    const found: Array<{ unifiedId: string; bridge: string; members: string[] }> = [];
    for (const [unifiedId, members] of byProfile) {
      if (members.length < 3) continue;
      for (const r of members) {
        if ((await planSplit(store, unifiedId, [r], { region: 'US' })).keepTogether.length > 0) {
          found.push({ unifiedId, bridge: r, members });
          break;
        }
      }
    }
    return found;
  }

  it('split a record that was the only link between the others: they stay one profile, by a saved always-match', async () => {
    const [target] = await bridges();
    expect(target, 'the seeded demo has a profile held together by one member').toBeDefined();
    const { unifiedId, bridge, members } = target!;
    const staying = members.filter((m) => m !== bridge);

    type SplitAnswer = { decisions: Array<{ kind: string; recordA: string; recordB: string; reason?: string }>; resolve: { profiles: { merged: number; split: number } }; profiles: Array<{ unifiedId: string; members: string[] }> };
    const split = await post<SplitAnswer>(`/api/profiles/${unifiedId}/split`, { recordIds: [bridge], reason: 'shared inbox' });
    expect(split.status).toBe(200);
    const kept = split.body.decisions.filter((d) => d.kind === 'always-match');
    expect(split.body.decisions.filter((d) => d.kind === 'never-match')).toHaveLength(staying.length);
    expect(kept.length).toBeGreaterThan(0);
    for (const d of kept) {
      expect(staying).toContain(d.recordA);
      expect(staying).toContain(d.recordB);
      expect(d.reason).toBe(`kept in profile ${unifiedId} when record ${bridge} left it`);
    }
    // One resolution did it: the plan saw the break coming, so no piece got an id of its own to merge back.
    expect(split.body.resolve.profiles).toMatchObject({ merged: 0, split: 1 });
    expect(split.body.profiles.find((p) => p.unifiedId === unifiedId)?.members.sort()).toEqual([...staying].sort());
    const after = (await get<Profile360>(`/api/profiles/${unifiedId}`)).body;
    expect(after.members.map((m) => m.recordId).sort()).toEqual([...staying].sort());
    expect(after.history.map((h) => h.event)).not.toContain('merged');
  });

  it('split with keepTogether false lets the others fall apart, and joining the pieces puts them back', async () => {
    const found = await bridges();
    const target = found[found.length - 1];
    expect(found.length, 'the seeded demo has two profiles held together by one member').toBeGreaterThan(1);
    const { unifiedId, bridge, members } = target!;
    const staying = members.filter((m) => m !== bridge);
    const split = await post<{ decisions: Array<{ kind: string }>; profiles: Array<{ unifiedId: string; members: string[] }> }>(`/api/profiles/${unifiedId}/split`, { recordIds: [bridge], keepTogether: false });
    expect(split.status).toBe(200);
    expect(split.body.decisions.map((d) => d.kind)).toEqual(staying.map(() => 'never-match'));
    expect(split.body.profiles.length).toBeGreaterThan(2);

    // What the split's safety net does when the resolution still leaves pieces: it finds them, the one that kept
    // the id first, and joins them.
    const pieces = await unjoinedPieces(store, unifiedId, staying);
    expect(pieces?.length).toBeGreaterThan(1);
    expect(pieces!.flat().sort()).toEqual([...staying].sort());
    expect((await store.profileOfRecord(pieces![0]![0]!))?.unifiedId).toBe(unifiedId);
    await decideAndResolve(store, 'always-match', joinPieces(pieces!), { who: 'test', resolve: { region: 'US' } });
    expect(await unjoinedPieces(store, unifiedId, staying)).toBeUndefined();
    expect((await store.profileMembers(unifiedId)).map((m) => m.recordId).sort()).toEqual([...staying].sort());
  });

  it('list organisations apart from people with kind, each named by its golden organisation name', async () => {
    const people = await allSummaries(50);
    const orgs = await allOfKind('organization', 7);
    const any = await allOfKind('any', 40);
    expect(orgs.length).toBe((await store.listProfiles('organization', { limit: 10_000 })).length);
    expect(orgs.length).toBeGreaterThan(5);
    expect(people.every((s) => s.kind === 'person')).toBe(true);
    expect(orgs.every((s) => s.kind === 'organization' && s.status === 'active' && typeof s.name === 'string' && s.name.length > 0)).toBe(true);
    expect(orgs.filter((s) => s.website !== undefined).length).toBeGreaterThan(orgs.length / 2);
    expect(any.map((s) => s.unifiedId)).toEqual([...people, ...orgs].map((s) => s.unifiedId).sort());
    const bad = await get<Problem>('/api/profiles?kind=company');
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'BAD_REQUEST' });
  });

  it('match a company: kind=organization scores stored organisations under their model; person-only fields are refused', async () => {
    const org = (await allOfKind('organization')).find((s) => s.phone !== undefined && s.members >= 2)!;
    const matched = await get<{ items: Array<{ unifiedId: string | null; probability: number; records: Array<{ recordId: string }> }> }>(
      `/api/match?kind=organization&name=${encodeURIComponent(org.name!)}&phone=${encodeURIComponent(org.phone!)}`,
    );
    expect(matched.status).toBe(200);
    expect(matched.body.items[0]).toMatchObject({ unifiedId: org.unifiedId });
    expect(matched.body.items[0]!.probability).toBeGreaterThan(0.9);
    // The same answer as the look-up itself, and no person profile among the candidates.
    const direct = await matchOrganizations(store, { name: org.name, phone: org.phone }, { region: 'US' });
    expect(matched.body.items).toEqual(direct.slice(0, 10).map((c) => ({ ...c, unifiedId: c.unifiedId ?? null })));
    const kinds = await Promise.all(matched.body.items.filter((c) => c.unifiedId !== null).map(async (c) => (await store.getProfile(c.unifiedId!))?.kind));
    expect(new Set(kinds)).toEqual(new Set(['organization']));
    const cases: Array<[string, string]> = [
      ['/api/match?kind=organization&city=Chicago', 'name'],
      ['/api/match?kind=organization&name=Acme&email=a%40b.c', 'email'],
      ['/api/match?name=Ada&website=acme.example', 'website'],
    ];
    for (const [url, field] of cases) {
      const res = await get<Problem & { field?: string }>(url);
      expect({ url, status: res.status, code: res.body.code }).toEqual({ url, status: 400, code: 'BAD_REQUEST' });
      expect(JSON.stringify(res.body)).toContain(field);
    }
  });

  it('find an organisation by name words, phone and member id, only when organisations are asked for', async () => {
    const org = (await allOfKind('organization')).find((s) => s.phone !== undefined && s.members >= 2)!;
    expect(org).toBeDefined();
    const view = (await get<Profile360>(`/api/profiles/${org.unifiedId}`)).body;
    const words = org.name!.split(/\s+/).filter((w) => /^[A-Za-z]{4,}$/.test(w));
    const byName = await get<{ items: ProfileSummary[] }>(`/api/profiles?kind=organization&q=${encodeURIComponent(words.map((w) => w.slice(0, 4)).join(' '))}`);
    expect(byName.body.items.map((s) => s.unifiedId)).toContain(org.unifiedId);
    const byPhone = await get<{ items: ProfileSummary[] }>(`/api/profiles?kind=organization&phone=${encodeURIComponent(org.phone!)}`);
    expect(byPhone.body.items.find((s) => s.unifiedId === org.unifiedId)).toMatchObject({ name: org.name, kind: 'organization' });
    for (const m of view.members) {
      const byMember = await get<{ items: ProfileSummary[] }>(`/api/profiles?kind=any&q=${encodeURIComponent(m.externalRecordId)}`);
      expect(byMember.body.items.map((s) => s.unifiedId)).toEqual([org.unifiedId]);
    }
    // The default kind is person: a company's phone or id finds no person profile by it.
    expect((await get<{ items: ProfileSummary[] }>(`/api/profiles?q=${org.unifiedId}`)).body.items).toEqual([]);
  });

  it('show an organisation\'s 360 view: golden values with provenance, members per system, accounts, people and a match graph', async () => {
    const orgs = await allOfKind('organization');
    const views: Profile360[] = [];
    for (const s of orgs) views.push((await get<Profile360>(`/api/profiles/${s.unifiedId}`)).body);
    for (const view of views) {
      expect(view.kind).toBe('organization');
      expect(view.members.length).toBe(view.memberCount);
      expect(view.members.every((m) => m.entity === 'Organization' && typeof m.values.organizationName === 'string')).toBe(true);
      const memberIds = view.members.map((m) => m.recordId);
      for (const golden of Object.values(view.attributes)) expect(memberIds).toContain(golden.provenance.recordId);
      expect(view.accounts.length).toBe(view.members.length);
      expect(view.graph.nodes.map((n) => n.recordId).sort()).toEqual([...memberIds].sort());
      expect(view.graph.edges).toHaveLength((view.members.length * (view.members.length - 1)) / 2);
      expect(view.engagement).toEqual([]);
    }
    const multi = views.find((v) => new Set(v.members.map((m) => m.system)).size >= 2)!;
    expect(multi.attributes['organizationName']?.value).toBe(orgs.find((s) => s.unifiedId === multi.unifiedId)!.name);
    expect(Math.min(...multi.graph.edges.map((e) => e.probability))).toBeGreaterThan(0.5);
    const [m0, m1] = multi.members as [MemberRecord, MemberRecord];
    for (const m of [m0, m1]) {
      const row = await get<{ cim: Array<{ entity: string }>; profile?: { unifiedId: string } }>(`/api/records/${m.system}/${m.stream}/${encodeURIComponent(m.externalRecordId)}`);
      expect(row.body.cim.map((r) => r.entity)).toEqual(expect.arrayContaining(['Organization', 'Account']));
      expect(row.body.profile?.unifiedId).toBe(multi.unifiedId);
    }
    const why = await get<{ probability: number; steps: unknown[]; records: { a: MemberRecord; b: MemberRecord } }>(`/api/explain?a=${m0.recordId}&b=${encodeURIComponent(`${m1.system}/${m1.stream}/${m1.externalRecordId}`)}`);
    expect(why.status).toBe(200);
    expect(why.body.records.a).toMatchObject({ recordId: m0.recordId, entity: 'Organization', values: m0.values });
    expect(why.body.records.b.recordId).toBe(m1.recordId);
    const edge = multi.graph.edges.find((e) => [e.a, e.b].sort().join() === [m0.recordId, m1.recordId].sort().join())!;
    expect(why.body.probability).toBeCloseTo(edge.probability, 9);

    // Its people are person profiles whose own view names this organisation as the company of an account.
    const withPeople = views.filter((v) => v.people.length > 0);
    expect(withPeople.length).toBeGreaterThan(views.length / 2);
    const org = withPeople[0]!;
    for (const p of org.people.slice(0, 5)) {
      expect(p.systems.length).toBeGreaterThan(0);
      const person = (await get<Profile360>(`/api/profiles/${p.unifiedId}`)).body;
      expect(person.kind).toBe('person');
      expect(person.people).toEqual([]);
      expect(person.accounts.map((a) => a.organizationId)).toContain(org.unifiedId);
    }
    expect(views.flatMap((v) => v.people).some((p) => p.roles.length > 0 && typeof p.name === 'string')).toBe(true);
    expect(views.flatMap((v) => v.opportunities).length).toBeGreaterThan(0);
    // A case raised for the company with no contact (a web-to-case form): found through the account alone.
    const account = views.find((v) => v.accounts.length > 0)!.accounts[0]!;
    const caseId = concordId('salesforce', 'Case', 'case-without-contact');
    const data = { id: caseId, externalSourceId: 'salesforce', externalRecordId: 'case-without-contact', subject: 'Invoice portal down', status: 'New', accountId: account.recordId, createdDate: '2026-11-01T09:00:00.000Z' };
    await store.commitPage({
      runId: 'run-test', system: 'salesforce', stream: 'Case', deletions: [], deadLetters: [],
      sourceRecords: [{ system: 'salesforce', stream: 'Case', recordId: 'case-without-contact', fields: data, hash: contentHash(data) }],
      cimRecords: [{ record: { entity: 'ServiceCase', data }, id: caseId, hash: contentHash(data), source: { system: 'salesforce', stream: 'Case', recordId: 'case-without-contact' } }],
    });
    const owner = views.find((v) => v.accounts.some((a) => a.recordId === account.recordId))!;
    const reread = (await get<Profile360>(`/api/profiles/${owner.unifiedId}`)).body;
    expect(reread.cases.find((c) => c.recordId === caseId)).toMatchObject({ subject: 'Invoice portal down', status: 'New', system: 'salesforce' });
    views.splice(views.indexOf(owner), 1, reread);
    // Its cases include every case raised for one of its accounts, with or without a contact, each once.
    let byAccount = 0;
    for (const view of views) {
      const raised = await store.linkedRecords('ServiceCase', 'accountId', view.accounts.map((a) => a.recordId), { limit: 50 });
      byAccount += raised.length;
      const shown = view.cases.map((c) => c.recordId);
      expect(new Set(shown).size).toBe(shown.length);
      if (raised.length < 50) for (const c of raised) expect(shown).toContain(c.id);
    }
    expect(byAccount).toBeGreaterThan(0);
  });

  it('split an organisation\'s record out and merge it back, keeping the organisation\'s id', async () => {
    const org = (await allOfKind('organization')).find((s) => s.members === 2)!;
    const view = (await get<Profile360>(`/api/profiles/${org.unifiedId}`)).body;
    const [stay, leave] = view.members as [MemberRecord, MemberRecord];
    const split = await post<{ profiles: Array<{ unifiedId: string; members: string[] }> }>(`/api/profiles/${org.unifiedId}/split`, { recordIds: [leave.recordId], reason: 'two companies' });
    expect(split.status).toBe(200);
    expect(split.body.profiles.find((p) => p.unifiedId === org.unifiedId)?.members).toEqual([stay.recordId]);
    const other = split.body.profiles.find((p) => p.members.includes(leave.recordId))!.unifiedId;
    expect(other).not.toBe(org.unifiedId);
    const otherView = (await get<Profile360>(`/api/profiles/${other}`)).body;
    expect(otherView).toMatchObject({ kind: 'organization', members: [expect.objectContaining({ recordId: leave.recordId, entity: 'Organization' })] });
    expect(otherView.history.map((h) => h.event)).toContain('split');
    expect((await get<{ items: ProfileSummary[] }>(`/api/profiles?kind=organization&q=${leave.externalRecordId}`)).body.items.map((s) => s.unifiedId)).toEqual([other]);

    const merged = await post<{ profile: Profile360 }>('/api/profiles/merge', { unifiedIds: [org.unifiedId, other], reason: 'one company after all' });
    expect(merged.status).toBe(200);
    expect(merged.body.profile).toMatchObject({ unifiedId: org.unifiedId, kind: 'organization' });
    expect(merged.body.profile.members.map((m) => m.recordId).sort()).toEqual([stay.recordId, leave.recordId].sort());
  });

  it('describe every route in the OpenAPI document', async () => {
    const doc = (await get<{ paths: Record<string, Record<string, { tags?: string[]; description?: string }>> }>('/api/openapi.json', false)).body;
    for (const [path, method] of [
      ['/api/profiles', 'get'], ['/api/profiles/{unifiedId}', 'get'], ['/api/profiles/{unifiedId}/history', 'get'], ['/api/profiles/merge', 'post'],
      ['/api/profiles/{unifiedId}/split', 'post'], ['/api/decisions', 'get'], ['/api/decisions', 'post'], ['/api/explain', 'get'], ['/api/match', 'get'],
      ['/api/records/{recordId}', 'get'], ['/api/records/{system}/{stream}/{externalId}', 'get'],
    ] as const) {
      const op = doc.paths[path]?.[method];
      expect({ path, method, tagged: (op?.tags ?? []).length > 0, described: (op?.description ?? '').length > 20 }).toEqual({ path, method, tagged: true, described: true });
    }
    const search = (doc.paths['/api/profiles']?.['get'] as unknown as { parameters: Array<{ name: string; in: string; schema: { enum?: string[]; default?: string } }> }).parameters;
    expect(search.find((p) => p.name === 'kind')?.schema).toMatchObject({ enum: ['person', 'organization', 'any'], default: 'person' });
  });
});
