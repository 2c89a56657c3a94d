/**
 * The web UI in a real browser (Debian's Chromium driven by playwright-core) against the real API on a demo
 * store: sign in, search a customer, read the profile with its sources, open a match explanation, split a
 * cluster, look at runs; plus an accessibility smoke check over every page.
 *
 * Without Chromium the tests skip and say why, except under CI, where they fail. With CONCORD_SCREENSHOTS=1
 * they also refresh docs/screenshots/*.png.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath, ensureWebBuilt, REPO_ROOT, startDemoServer, type DemoServer } from './harness.js';

const browserPath = chromiumPath();
if ('reason' in browserPath) {
  if (process.env['CI']) throw new Error(`browser tests cannot run in CI: ${browserPath.reason}`);
  console.warn(`skipping the browser tests: ${browserPath.reason}`);
}
const SCREENSHOTS = process.env['CONCORD_SCREENSHOTS'] === '1';

/**
 * In-page check of WCAG AA text contrast: every element with its own visible text (outside SVG) against the
 * first opaque background up its ancestors; 4.5:1, or 3:1 for large text. Answers the failures.
 */
const CONTRAST_CHECK = `(() => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null; const [r, g, b, a = 1] = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return { r, g, b, a }; };
  const lum = ({ r, g, b }) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = (el) => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0.9) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
  const failures = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg') || el.closest('[aria-hidden="true"]')) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    if (style.visibility === 'hidden' || rect.width === 0 || rect.height === 0 || el.matches(':disabled') || el.closest(':disabled')) continue;
    const fg = parse(style.color); const bg = background(el);
    if (!fg) continue;
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize); const bold = Number(style.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < need) failures.push(el.tagName + ' "' + el.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
  }
  return failures;
})()`;

/** Evaluates an expression in the page (a string: this project's Node typings have no DOM). */
const js = <T = unknown>(page: Page, expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;

interface Summary {
  unifiedId: string;
  name?: string;
  email?: string;
  systems: string[];
  members: number;
}
interface OrgProfile {
  unifiedId: string;
  attributes: Record<string, { value: string }>;
  members: Array<{ recordId: string }>;
  people: Array<{ unifiedId: string; name?: string }>;
}
interface Profile {
  unifiedId: string;
  attributes: Record<string, { value: string; provenance: { system: string } }>;
  members: Array<{ recordId: string; system: string; stream: string; externalRecordId: string }>;
}

describe.skipIf('reason' in browserPath)('web UI in Chromium', { timeout: 60_000 }, () => {
  let dir: string;
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  let customer: Profile & { name: string; email: string };
  let organization: OrgProfile & { name: string };

  const apiGet = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${server.token}` } });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };

  const shot = async (name: string): Promise<void> => {
    if (!SCREENSHOTS) return;
    await page.mouse.move(0, 0); // no hover tooltip in the picture
    await page.screenshot({ path: join(REPO_ROOT, 'docs', 'screenshots', `${name}.png`), fullPage: true });
  };

  /** A demo person with a name, an email, three or more records in two or more systems, and surviving values from two systems. */
  async function pickCustomer(): Promise<Profile & { name: string; email: string }> {
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const list: { items: Summary[]; nextCursor: string | null } = await apiGet(`/api/profiles?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      for (const s of list.items.filter((x) => x.systems.length >= 2 && x.members >= 3 && x.name && x.email)) {
        const profile = await apiGet<Profile>(`/api/profiles/${s.unifiedId}`);
        const sources = new Set(Object.values(profile.attributes).map((v) => v.provenance.system));
        if (sources.size >= 2) return { ...profile, name: s.name ?? '', email: s.email ?? '' };
      }
      cursor = list.nextCursor;
      if (!cursor) break;
    }
    throw new Error('the demo has no person with values from two systems; the demo generator or resolution changed');
  }

  /** A demo company with records from two systems and named people at its accounts. */
  async function pickOrganization(): Promise<OrgProfile & { name: string }> {
    const list = await apiGet<{ items: Summary[] }>('/api/profiles?kind=organization&limit=200');
    for (const s of list.items.filter((x) => x.systems.length >= 2 && x.name)) {
      const profile = await apiGet<OrgProfile>(`/api/profiles/${s.unifiedId}`);
      if (profile.people.some((p) => p.name)) return { ...profile, name: s.name ?? '' };
    }
    throw new Error('the demo has no company in two systems with people; the demo generator or organisation resolution changed');
  }

  beforeAll(async () => {
    if ('reason' in browserPath) return;
    dir = mkdtempSync(join(tmpdir(), 'concord-web-'));
    await ensureWebBuilt();
    server = await startDemoServer(join(dir, 'demo'));
    customer = await pickCustomer();
    organization = await pickOrganization();
    browser = await chromium.launch({ executablePath: browserPath.path, headless: true });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.setDefaultTimeout(10_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('asks for a token, refuses a wrong one and signs in with the right one', async () => {
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to Concord' }).isVisible()).toBe(true);
    await page.getByLabel('API token').fill('cct_not-a-real-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/not accepted/);

    await page.getByLabel('API token').fill(server.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Records per system' }).waitFor();
    await page.getByRole('heading', { name: 'Last runs' }).waitFor();
    expect(await js(page, "sessionStorage.getItem('concord.token')")).toBe(server.token);
    await page.getByRole('cell', { name: 'salesforce', exact: false }).first().waitFor();
    await shot('dashboard');
  });

  it('searches a demo customer as you type and opens the profile with values from two systems and their sources', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
    // By last name, as typed: the list narrows on the server a moment after the last keystroke.
    const lastName = customer.name.split(' ').at(-1) ?? customer.name;
    await page.getByLabel('Search customers').pressSequentially(lastName, { delay: 20 });
    await expect.poll(() => page.url()).toContain(`#/search?q=${encodeURIComponent(lastName)}`);
    await expect.poll(() => page.locator('.result-status').textContent()).toContain(`for “${lastName}”`);
    const row = page.getByRole('region', { name: 'Search results' }).getByRole('row').filter({ hasText: customer.email });
    await row.waitFor();
    await shot('search');
    await row.getByRole('link', { name: customer.name, exact: true }).click();

    await page.getByRole('heading', { name: customer.name, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Surviving values' }).waitFor();
    const golden = page.getByTestId('golden-value');
    expect(await golden.count()).toBe(Object.keys(customer.attributes).length);
    // Every surviving value carries a provenance badge naming its system and record.
    const badgeSystems = await page.locator('[data-testid=golden-value] .provenance').evaluateAll((els) => els.map((e) => [e.getAttribute('data-system'), e.getAttribute('aria-label')]));
    expect(badgeSystems).toHaveLength(Object.keys(customer.attributes).length);
    for (const [system, label] of badgeSystems) expect(label).toMatch(new RegExp(`^from ${system} record .+; rule: `));
    expect(new Set(badgeSystems.map(([s]) => s)).size).toBeGreaterThanOrEqual(2);
    // The member records stand side by side, one column per record.
    const columns = page.locator('[data-testid=members] th.member-head');
    expect(await columns.count()).toBe(customer.members.length);
    for (const m of customer.members) await page.locator(`[data-testid=members] th.member-head[data-record-id="${m.recordId}"]`).waitFor();
    await page.getByTestId('match-graph').waitFor();
    await page.getByRole('heading', { name: /Consent/ }).waitFor();
    await shot('profile');
  });

  it('opens a match explanation from the member records, with the waterfall of its steps', async () => {
    // A pair from two different systems when the cluster has one: the more telling explanation.
    const systemOf = new Map(customer.members.map((m) => [m.recordId, m.system]));
    const links = await page.getByRole('link', { name: /^Explain vs / }).evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    const pairs = links.map((link) => new URLSearchParams(link.slice(link.indexOf('?') + 1)));
    const crossing = pairs.findIndex((q) => systemOf.get(q.get('a') ?? '') !== systemOf.get(q.get('b') ?? ''));
    expect(pairs.length).toBe(customer.members.length);
    await page.getByRole('link', { name: /^Explain vs / }).nth(Math.max(0, crossing)).click();
    await page.getByRole('heading', { name: 'Why these records match', level: 1 }).waitFor();
    const waterfall = page.getByTestId('waterfall');
    await waterfall.waitFor();
    expect(await waterfall.isVisible()).toBe(true);
    const steps = await page.locator('[data-testid=steps] tbody tr').count();
    expect(steps).toBeGreaterThan(0);
    // prior + one bar per comparison + total
    expect(await page.getByTestId('waterfall-bar').count()).toBe(steps + 2);
    expect(await page.getByTestId('probability').textContent()).toMatch(/%$/);
    await shot('explanation');
    await page.getByRole('link', { name: 'Back to the profile' }).click();
    await page.getByRole('heading', { name: customer.name, level: 1 }).waitFor();
  });

  it('reaches an explanation from an edge of the match graph too', async () => {
    const edge = page.locator('[data-testid=match-graph] a.edge').first();
    await edge.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('waterfall').waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: customer.name, level: 1 }).waitFor();
  });

  it('opens a member record as its system sent it, with the CIM records made from it', async () => {
    const member = customer.members[0];
    if (!member) throw new Error('picked customer has no members');
    await page.getByRole('link', { name: `${member.system} record ${member.externalRecordId}`, exact: true }).click();
    await page.getByRole('heading', { name: `As read from ${member.system}` }).waitFor();
    await page.getByRole('heading', { name: /^CIM records \(\d+\)$/ }).waitFor();
    expect(await page.getByRole('region', { name: `Fields of the ${member.system} record` }).getByRole('row').count()).toBeGreaterThan(0);
    await page.getByRole('heading', { name: /^Individual / }).waitFor();
    await page.getByRole('link', { name: customer.unifiedId.slice(0, 8), exact: false }).click();
    await page.getByRole('heading', { name: customer.name, level: 1 }).waitFor();
  });

  it('splits a record out of the cluster after confirmation, and Escape cancels without a change', async () => {
    const leaving = customer.members[customer.members.length - 1];
    if (!leaving) throw new Error('picked customer has no members');
    const before = customer.members.length;
    await page.getByRole('heading', { name: `Member records (${before})` }).waitFor();
    await page.getByLabel(`Select ${leaving.system} ${leaving.externalRecordId}`).check();

    await page.getByRole('button', { name: 'Split selected records' }).click();
    const dialog = page.getByRole('dialog', { name: 'Split this profile?' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await apiGet<Profile>(`/api/profiles/${customer.unifiedId}`)).members).toHaveLength(before);

    await page.getByRole('button', { name: 'Split selected records' }).click();
    await dialog.waitFor();
    // Focus starts in the dialog and Tab cycles inside it (reason, Cancel, Split, reason, …).
    for (let i = 0; i < 5; i++) {
      expect(await js(page, "document.activeElement?.closest('dialog') !== null"), `after ${i} Tab(s)`).toBe(true);
      await page.keyboard.press('Tab');
    }
    await dialog.getByLabel('Reason (kept with the decision)').fill('different person, same shared inbox');
    await dialog.getByRole('button', { name: /^Split 1 record\(s\) out$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Split done.').waitFor();
    await page.getByRole('heading', { name: `Member records (${before - 1})` }).waitFor();
    expect(await page.locator(`[data-testid=members] th.member-head[data-record-id="${leaving.recordId}"]`).count()).toBe(0);

    const after = await apiGet<Profile>(`/api/profiles/${customer.unifiedId}`);
    expect(after.members.map((m) => m.recordId)).not.toContain(leaving.recordId);
    expect(after.members).toHaveLength(before - 1);
  });

  it('merges the split-out record back, picking the other profile by search in the dialog', async () => {
    const leaving = customer.members[customer.members.length - 1];
    if (!leaving) throw new Error('picked customer has no members');
    const record = await apiGet<{ profile?: { unifiedId: string } }>(`/api/records/${leaving.recordId}`);
    const other = record.profile?.unifiedId;
    if (!other) throw new Error('the split-out record belongs to no profile');
    expect(other).not.toBe(customer.unifiedId);

    await page.getByRole('button', { name: 'Merge with…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge two profiles?' });
    await dialog.waitFor();
    await dialog.getByLabel('Find the other profile').fill(other);
    await dialog.getByRole('radio').first().check();
    await dialog.getByLabel('Reason (kept with the decision)').fill('same person after all');
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/^Merged: the profile now has \d+ records\.$/).waitFor();
    // The page shows the surviving profile, with the record back among its members, as the API has it.
    await page.locator(`[data-testid=members] th.member-head[data-record-id="${leaving.recordId}"]`).waitFor();
    const survivor = (await apiGet<{ profile?: { unifiedId: string } }>(`/api/records/${leaving.recordId}`)).profile?.unifiedId;
    if (!survivor) throw new Error('the merged record belongs to no profile');
    expect(page.url()).toContain(`#/profiles/${survivor}`);
    const merged = await apiGet<Profile>(`/api/profiles/${survivor}`);
    expect(merged.members.length).toBeGreaterThanOrEqual(2);
    await page.getByRole('heading', { name: `Member records (${merged.members.length})` }).waitFor();
  });

  it('shows run history and a run with its counts per stream', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
    await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
    const runs = await apiGet<{ items: Array<{ id: string; streams: unknown[] }> }>('/api/runs');
    const first = runs.items[0];
    if (!first) throw new Error('the demo recorded no run');
    await page.getByRole('link', { name: first.id.slice(0, 8), exact: false }).first().click();
    await page.getByRole('heading', { name: 'Streams' }).waitFor();
    expect(await page.getByRole('region', { name: 'Counts per stream' }).getByRole('row').count()).toBe(first.streams.length + 2);
    await page.getByRole('heading', { name: 'Dead letters' }).waitFor();
  });

  it('asks the scheduler for a sync from the runs page, lists the new run and shows its rejected row', async () => {
    // A subscriber row with a CreatedDate that is not a date: the sync dead-letters it and carries on.
    appendFileSync(join(dir, 'demo', 'marketing-cloud', 'Subscribers.csv'), 'broken-row-1,not-an-email,Bad,Row,Active,not a date,,,\n');
    const before = (await apiGet<{ items: Array<{ id: string }> }>('/api/runs')).items.length;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
    await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText(/^Sync queued/).waitFor();
    await expect
      .poll(async () => (await apiGet<{ items: Array<{ status: string }> }>('/api/runs')).items.filter((r) => r.status !== 'running').length, { timeout: 60_000 })
      .toBe(before + 1);
    await page.getByRole('button', { name: 'Refresh' }).click();
    const table = page.getByRole('region', { name: 'Runs' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(before + 1);
    await shot('runs');

    const latest = (await apiGet<{ items: Array<{ id: string; counts: { deadLettered: number } }> }>('/api/runs')).items[0];
    if (!latest) throw new Error('no run listed');
    expect(latest.counts.deadLettered).toBe(1);
    await table.getByRole('link', { name: latest.id.slice(0, 8), exact: false }).click();
    const letters = page.getByRole('region', { name: 'Dead letter rows' });
    await letters.waitFor();
    const row = letters.getByRole('row').filter({ hasText: 'broken-row-1' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/marketing-cloud\/Subscribers/);
    await shot('run');
  }, 120_000);

  it('keeps two records of another profile apart with a never-match decision from their explanation', async () => {
    const list = await apiGet<{ items: Summary[] }>('/api/profiles?limit=200');
    const other = list.items.find((p) => p.unifiedId !== customer.unifiedId && p.members === 2);
    if (!other) throw new Error('the demo has no other profile of two records');
    const [a, b] = (await apiGet<Profile>(`/api/profiles/${other.unifiedId}`)).members;
    if (!a || !b) throw new Error('profile lost its members');
    await page.goto(`${server.url}/#/explain?a=${a.recordId}&b=${b.recordId}`);
    await page.getByTestId('waterfall').waitFor();
    await page.getByRole('button', { name: 'Never match these two…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Never match these records?' });
    await dialog.getByLabel('Reason (kept with the decision)').fill('father and son');
    await dialog.getByRole('button', { name: 'Never match', exact: true }).click();
    await page.getByText(/^Saved: these two records will never be matched again/).waitFor();

    const decisions = await apiGet<{ items: Array<{ kind: string; recordA: string; recordB: string; reason?: string }> }>('/api/decisions');
    const pair = [a.recordId, b.recordId].sort().join(' ');
    expect(decisions.items.filter((d) => d.kind === 'never-match' && [d.recordA, d.recordB].sort().join(' ') === pair).map((d) => d.reason)).toEqual(['father and son']);
    const profileOf = async (recordId: string): Promise<string | undefined> => (await apiGet<{ profile?: { unifiedId: string } }>(`/api/records/${recordId}`)).profile?.unifiedId;
    expect(await profileOf(a.recordId)).not.toBe(await profileOf(b.recordId));

    // The decisions page lists it with the split and the merge made earlier, newest first.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decisions' }).click();
    const table = page.getByRole('region', { name: 'Decisions' });
    await table.waitFor();
    const reasons = (await table.locator('tbody tr td:nth-child(5)').allTextContents()).filter((r) => r !== '–');
    expect(reasons[0]).toBe('father and son');
    expect(reasons).toEqual(expect.arrayContaining(['different person, same shared inbox', 'same person after all']));
  });

  it('pages through all profiles on the server, never asking for more than a page', async () => {
    const asked: URL[] = [];
    const listen = (request: { url(): string }): void => {
      const url = new URL(request.url());
      if (url.pathname === '/api/profiles') asked.push(url);
    };
    page.on('request', listen);
    try {
      await page.goto(`${server.url}/#/search`);
      await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
      const results = page.getByRole('region', { name: 'Search results' });
      const firstNames = async (): Promise<string> => (await results.locator('tbody th').allTextContents()).join('|');
      await expect.poll(() => results.locator('tbody tr').count()).toBe(25);
      const pageOne = await firstNames();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByText('Page 2').waitFor();
      await expect.poll(firstNames).not.toBe(pageOne);
      await page.getByRole('button', { name: 'Previous' }).click();
      await page.getByText('Page 1').waitFor();
      await expect.poll(firstNames).toBe(pageOne);
    } finally {
      page.off('request', listen);
    }
    expect(asked.length).toBeGreaterThanOrEqual(3);
    for (const url of asked) expect(Number(url.searchParams.get('limit')), url.search).toBeLessThanOrEqual(50);
    expect(asked.some((url) => url.searchParams.has('cursor'))).toBe(true);
  });

  it('switches the list to organisations and opens one: golden values, members per system, its people linked both ways', async () => {
    // Signed in here too, so this test also runs on its own (-t organisations).
    await page.goto(`${server.url}/#/search`);
    await js(page, `sessionStorage.setItem('concord.token', ${JSON.stringify(server.token)})`);
    await page.reload();
    await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
    await page.getByRole('radio', { name: 'Organisations' }).check();
    await expect.poll(() => page.url()).toContain('kind=organization');
    const word = organization.name.split(/\s+/).find((w) => /^[A-Za-z]{4,}$/.test(w) && w !== 'The') ?? organization.name;
    await page.getByLabel('Search customers').fill(word);
    await expect.poll(() => page.locator('.result-status').textContent()).toMatch(/organisations.* for “/);
    const results = page.getByRole('region', { name: 'Search results' });
    await results.getByRole('columnheader', { name: 'Website' }).waitFor();
    await results.getByRole('link', { name: organization.name, exact: true }).click();

    await page.getByRole('heading', { name: organization.name, level: 1 }).waitFor();
    await page.getByText('Unified profile · organisation').waitFor();
    expect(await page.getByTestId('golden-value').count()).toBe(Object.keys(organization.attributes).length);
    expect(await page.locator('[data-testid=members] th.member-head').count()).toBe(organization.members.length);
    await page.locator('[data-testid=members] th[scope=row]', { hasText: 'Website' }).waitFor();
    const people = page.getByTestId('organization-people');
    const person = { name: organization.people.find((p) => p.name)?.name ?? '' };
    await people.getByRole('link', { name: person.name, exact: true }).waitFor();
    await shot('organization');

    // To one of its people, whose accounts lead back to the company.
    await people.getByRole('link', { name: person.name, exact: true }).click();
    await page.getByRole('heading', { name: person.name, level: 1 }).waitFor();
    const back = page.locator(`section:has(h2#accounts-title) a[href="#/profiles/${organization.unifiedId}"]`).first();
    await back.click();
    await page.getByRole('heading', { name: organization.name, level: 1 }).waitFor();
  });

  it('every page has landmarks, AA text contrast and an accessible name on every control', async () => {
    const [a, b] = customer.members;
    if (!a || !b) throw new Error('picked customer has fewer than two members');
    const runId = (await apiGet<{ items: Array<{ id: string }> }>('/api/runs')).items[0]?.id ?? '';
    const pages = [
      '#/',
      `#/search?q=${encodeURIComponent(customer.name.split(' ')[0] ?? '')}`,
      `#/profiles/${customer.unifiedId}`,
      '#/search?kind=organization',
      `#/profiles/${organization.unifiedId}`,
      `#/explain?a=${a.recordId}&b=${b.recordId}`,
      `#/records/${a.system}/${a.stream}/${encodeURIComponent(a.externalRecordId)}`,
      '#/runs',
      `#/runs/${runId}`,
      '#/mappings',
      '#/mappings/salesforce/Contact',
      '#/decisions',
    ];
    for (const hash of pages) {
      await page.goto(`${server.url}/${hash}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const tree = await page.locator('body').ariaSnapshot();
      for (const landmark of ['banner', 'navigation "Main"', 'main', 'contentinfo']) expect(tree, `${hash} lacks ${landmark}`).toContain(`- ${landmark}`);
      const unnamed = tree.split('\n').filter((line) => /^\s*- (textbox|searchbox|checkbox|button|combobox|link)(\s*\[[^\]]*\])?\s*(:.*)?$/.test(line));
      expect(unnamed, `${hash}: controls without a name`).toEqual([]);
      expect(await js<string[]>(page, CONTRAST_CHECK), `${hash}: text below AA contrast`).toEqual([]);
      // And each input is labelled by a <label> (not only a placeholder or aria-label).
      const unlabelled = await js<string[]>(page, "[...document.querySelectorAll('input, select, textarea')].filter((e) => !e.labels || e.labels.length === 0).map((e) => e.outerHTML)");
      expect(unlabelled, `${hash}: inputs without a label`).toEqual([]);
    }
    // The first Tab reaches the skip link, and it moves focus to the main content.
    await page.goto(`${server.url}/#/runs`);
    await page.reload();
    await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await js(page, 'document.activeElement?.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await js(page, 'document.activeElement?.id')).toBe('main');
  });

  it('takes a token from the URL fragment (as `concord demo` opens it), keeps it out of the address; a 401 returns to sign-in and back', async () => {
    const fresh = await browser.newPage();
    try {
      await fresh.goto(`${server.url}/#token=${server.token}`);
      await fresh.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      expect(fresh.url()).not.toContain(server.token);
      expect(await js(fresh, "sessionStorage.getItem('concord.token')")).toBe(server.token);
      await js(fresh, "sessionStorage.setItem('concord.token', 'cct_revokedrevokedrevokedrevokedrevokedrevoked')");
      await fresh.goto(`${server.url}/#/runs`);
      await fresh.getByRole('heading', { name: 'Sign in to Concord' }).waitFor();
      expect(await js(fresh, "sessionStorage.getItem('concord.token')")).toBeNull();
      // Signing in again returns to the page the 401 interrupted.
      await fresh.getByLabel('API token').fill(server.token);
      await fresh.getByRole('button', { name: 'Sign in' }).click();
      await fresh.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
    } finally {
      await fresh.close();
    }
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await phone.goto(`${server.url}/#token=${server.token}`);
      const [a, b] = customer.members;
      const pages = ['#/', '#/search', `#/profiles/${customer.unifiedId}`, '#/runs', '#/decisions', '#/mappings/salesforce/Contact'];
      if (a && b) pages.push(`#/explain?a=${a.recordId}&b=${b.recordId}`, `#/records/${a.system}/${a.stream}/${encodeURIComponent(a.externalRecordId)}`);
      // The longest id of the demo: a Marketing Cloud subscriber key is an email, one unbroken word.
      const subscribers = (await server.store.listCimRecords('Individual', { limit: 5000 })).filter((r) => r.sourceSystem === 'marketing-cloud');
      const longest = subscribers.sort((x, y) => y.sourceRecordId.length - x.sourceRecordId.length)[0];
      if (longest) pages.push(`#/records/marketing-cloud/${longest.sourceStream}/${encodeURIComponent(longest.sourceRecordId)}`);
      for (const hash of pages) {
        await phone.goto(`${server.url}/${hash}`);
        await phone.locator('main h1').first().waitFor();
        await phone.waitForLoadState('networkidle');
        expect(await js<number>(phone, 'document.documentElement.scrollWidth'), hash).toBeLessThanOrEqual(390);
      }
    } finally {
      await phone.close();
    }
  });
});
