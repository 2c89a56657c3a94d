/**
 * The web UI's pure parts (routes, token hand-over, chart geometry, formatting), tested without a browser.
 */
import { describe, expect, it } from 'vitest';
import { href, kindFilterOf, parseRoute } from '../../web/src/router.js';
import { adoptTokenFromFragment, readToken, TOKEN_KEY, tokenFromFragment, type KeyValueStorage } from '../../web/src/token.js';
import { axisRange, circleLayout, ticks, waterfallBars } from '../../web/src/charts.js';
import { attributeLabel, formatProbability, formatWeight, systemColor } from '../../web/src/format.js';
import { bestPartner, groupBySystem } from '../../web/src/members.js';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

/** Relative luminance contrast of white text on a #rrggbb background (WCAG 2). */
function contrastWithWhite(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (l + 0.05);
}

describe('hash routes', () => {
  it.each([
    ['', 'dashboard', {}],
    ['#/', 'dashboard', {}],
    ['#/profiles/abc-1', 'profile', { id: 'abc-1' }],
    ['#/profiles/a%2Fb', 'profile', { id: 'a/b' }],
    ['#/records/salesforce/Contact/003A', 'record', { system: 'salesforce', stream: 'Contact', externalId: '003A' }],
    ['#/runs', 'runs', {}],
    ['#/decisions', 'decisions', {}],
    ['#/runs/r1', 'run', { id: 'r1' }],
    ['#/mappings/salesforce/Contact', 'mapping', { system: 'salesforce', stream: 'Contact' }],
    ['#/explain?a=x&b=y', 'explain', {}],
    ['#/nowhere/at/all', 'not-found', { path: '/nowhere/at/all' }],
  ])('%s is the %s page', (hash, name, params) => {
    const route = parseRoute(hash);
    expect(route.name).toBe(name);
    expect(route.params).toEqual(params);
  });

  it('builds links that parse back to the same route and query', () => {
    const link = href('explain', {}, { a: 'r 1', b: 'r&2', profile: undefined });
    expect(link).toBe('#/explain?a=r+1&b=r%262');
    const route = parseRoute(link);
    expect([route.name, route.query.get('a'), route.query.get('b'), route.query.has('profile')]).toEqual(['explain', 'r 1', 'r&2', false]);
    expect(parseRoute(href('profile', { id: 'a/b' })).params['id']).toBe('a/b');
  });
});

describe('the people / organisations switch', () => {
  it.each([
    ['#/search', 'person'],
    ['#/search?kind=organization', 'organization'],
    ['#/search?q=acme&kind=any', 'any'],
    ['#/search?kind=company', 'person'],
  ])('%s shows %s', (hash, kind) => {
    expect(kindFilterOf(parseRoute(hash).query.get('kind'))).toBe(kind);
  });

  it('keeps the switch in a shareable link; organisation attributes have readable labels', () => {
    expect(href('search', {}, { q: 'acme', kind: 'organization' })).toBe('#/search?q=acme&kind=organization');
    expect(attributeLabel('identifier')).toBe('DUNS number');
    expect(attributeLabel('organizationName')).toBe('Name');
  });
});

describe('token hand-over in the URL fragment', () => {
  it.each([
    ['#token=cct_abc', 'cct_abc', '#/'],
    ['#/profiles/p1?token=cct_abc', 'cct_abc', '#/profiles/p1'],
    ['#/search?q=ada&token=cct_abc', 'cct_abc', '#/search?q=ada'],
    ['#/search?q=ada', null, '#/search?q=ada'],
    ['', null, ''],
  ])('%s gives token %s and leaves %s', (fragment, token, rest) => {
    expect(tokenFromFragment(fragment)).toEqual({ token, rest });
  });

  it('stores the token under concord.token and removes it from the address', () => {
    const storage = memoryStorage();
    const replaced: Array<string | null | undefined> = [];
    const found = adoptTokenFromFragment({ hash: '#token=cct_xyz', pathname: '/', search: '' }, { replaceState: (_d, _u, url) => void replaced.push(url) }, storage);
    expect(found).toBe(true);
    expect(storage.data.get(TOKEN_KEY)).toBe('cct_xyz');
    expect(readToken(storage)).toBe('cct_xyz');
    expect(replaced).toEqual(['/#/']);
    expect(adoptTokenFromFragment({ hash: '#/runs', pathname: '/', search: '' }, { replaceState: () => { throw new Error('must not rewrite the address'); } }, storage)).toBe(false);
  });
});

describe('waterfall geometry', () => {
  const explanation = {
    priorWeight: -10,
    finalWeight: 4,
    steps: [
      { comparison: 'name', label: 'close', level: 2, weight: 8, cumulative: -2 },
      { comparison: 'phone', label: 'null', level: -1, weight: 0, cumulative: -2 },
      { comparison: 'email', label: 'exact', level: 3, weight: 9, cumulative: 7 },
      { comparison: 'birthDate', label: 'different', level: 0, weight: -3, cumulative: 4 },
    ],
  };

  it('starts at the prior, steps from one running total to the next and ends with the total', () => {
    const bars = waterfallBars(explanation);
    expect(bars.map((b) => [b.label, b.from, b.to, b.kind])).toEqual([
      ['prior', 0, -10, 'prior'],
      ['name', -10, -2, 'up'],
      ['phone', -2, -2, 'none'],
      ['email', -2, 7, 'up'],
      ['birthDate', 7, 4, 'down'],
      ['total', 0, 4, 'total'],
    ]);
    for (const [i, bar] of bars.slice(1, -1).entries()) expect(bar.to - bar.from).toBeCloseTo(explanation.steps[i]?.weight ?? NaN);
  });

  it('has an axis that includes zero and every bar end, with round ticks', () => {
    const range = axisRange([-10, -2, 7, 4]);
    expect(range.min).toBeLessThanOrEqual(-10);
    expect(range.max).toBeGreaterThanOrEqual(7);
    expect(ticks(-11, 8)).toEqual([-10, -5, 0, 5]);
    expect(axisRange([3, 5]).min).toBe(-1);
  });
});

describe('match graph layout and formatting', () => {
  it('puts nodes on a circle, all distinct and at the radius', () => {
    const at = circleLayout(['a', 'b', 'c', 'd'], 100, 100, 50);
    const points = [...at.values()];
    expect(new Set(points.map((p) => `${p.x},${p.y}`)).size).toBe(4);
    for (const p of points) expect(Math.hypot(p.x - 100, p.y - 100)).toBeCloseTo(50, 1);
    expect(circleLayout(['solo'], 10, 20, 50).get('solo')).toEqual({ x: 10, y: 20 });
  });

  it.each(['salesforce', 'dataverse', 'marketing-cloud', 'files', 'erp', 'x'])('the colour of %s keeps white text at WCAG AA contrast', (system) => {
    expect(contrastWithWhite(systemColor(system))).toBeGreaterThanOrEqual(4.5);
  });

  it.each([
    [0.9999, '>99.9%'],
    [0.5, '50.0%'],
    [0.0001, '<0.1%'],
    [1, '100.0%'],
  ])('probability %s reads %s', (p, text) => expect(formatProbability(p)).toBe(text));

  it('formats weights with a sign and attribute keys as words', () => {
    expect([formatWeight(3.14159), formatWeight(-2), formatWeight(0)]).toEqual(['+3.14', '−2.00', '+0.00']);
    expect(attributeLabel('birthDate')).toBe('Birth date');
  });
});

describe('member columns', () => {
  const members = [
    { recordId: 'r1', system: 'salesforce' },
    { recordId: 'r2', system: 'dataverse' },
    { recordId: 'r3', system: 'salesforce' },
  ];

  it('groups members by system in name order, keeping their order inside a system', () => {
    expect(groupBySystem(members).map(([system, ms]) => [system, ms.map((m) => m.recordId)])).toEqual([
      ['dataverse', ['r2']],
      ['salesforce', ['r1', 'r3']],
    ]);
  });

  it.each([
    ['r1', [{ a: 'r1', b: 'r2', probability: 0.7 }, { a: 'r3', b: 'r1', probability: 0.95 }], 'r3'],
    ['r2', [{ a: 'r1', b: 'r2', probability: 0.7 }, { a: 'r3', b: 'r1', probability: 0.95 }], 'r1'],
    ['r3', [], 'r1'],
    ['r1', [], 'r2'],
  ])('explains %s against its strongest edge (or the first other member)', (recordId, edges, partner) => {
    expect(bestPartner(recordId, members, edges)).toBe(partner);
  });

  it('has no partner for a lone record', () => {
    expect(bestPartner('r1', [{ recordId: 'r1', system: 'salesforce' }], [])).toBeUndefined();
  });
});
