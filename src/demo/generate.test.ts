import { describe, expect, it } from 'vitest';
import { ConcordError } from '../core/errors.js';
import { DATAVERSE_COLUMNS, SALESFORCE_COLUMNS } from './columns.js';
import type { Row } from './columns.js';
import { generateDemo } from './generate.js';
import { stripAccents } from './text-noise.js';
import type { TruthPerson } from './truth.js';

const world = generateDemo({ people: 1000, seed: 42 });
const peopleByTruth = new Map(world.truth.people.map((p) => [p.truthId, p]));

/** Every (row, truth person) pair of a stream. */
function personRows(system: string, stream: string, rows: readonly Row[], idColumn: string): Array<[Row, TruthPerson]> {
  const truthOf = new Map(world.groundTruth.filter((g) => g.system === system && g.stream === stream).map((g) => [g.recordId, g.truthId]));
  return rows.map((row) => {
    const person = peopleByTruth.get(truthOf.get(String(row[idColumn])) ?? '');
    if (!person) throw new Error(`no truth for ${system}/${stream} ${String(row[idColumn])}`);
    return [row, person];
  });
}

const sfPeople = [
  ...personRows('salesforce', 'Contact', world.salesforce.objects.Contact, 'Id'),
  ...personRows('salesforce', 'Lead', world.salesforce.objects.Lead, 'Id'),
];

describe('generateDemo', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const again = generateDemo({ people: 1000, seed: 42 });
    expect(again.summary).toEqual(world.summary);
    expect(again.salesforce.objects.Contact).toEqual(world.salesforce.objects.Contact);
    expect(again.marketingCloud.subscribers.map((s) => s.row)).toEqual(world.marketingCloud.subscribers.map((s) => s.row));
    const other = generateDemo({ people: 1000, seed: 43 });
    expect(other.salesforce.orgId).not.toBe(world.salesforce.orgId);
    expect(other.salesforce.objects.Contact[0]).not.toEqual(world.salesforce.objects.Contact[0]);
  });

  it('derives the reference date from the seed, not the clock', () => {
    expect(world.referenceDate).toBe(generateDemo({ people: 5, seed: 42 }).referenceDate);
    expect(world.referenceDate.startsWith('2025-')).toBe(true);
  });

  it('puts people in the systems at the target shares', () => {
    const { peopleIn, overlap, people } = world.summary;
    expect(peopleIn.salesforce / people).toBeGreaterThan(0.54);
    expect(peopleIn.salesforce / people).toBeLessThan(0.66);
    expect(peopleIn.dataverse / people).toBeGreaterThan(0.49);
    expect(peopleIn.dataverse / people).toBeLessThan(0.61);
    expect(peopleIn['marketing-cloud'] / people).toBeGreaterThan(0.44);
    expect(peopleIn['marketing-cloud'] / people).toBeLessThan(0.56);
    expect(overlap.oneSystem + overlap.twoSystems + overlap.threeSystems).toBe(people);
    expect(overlap.oneSystem).toBeGreaterThan(0.25 * people);
    expect(overlap.threeSystems).toBeGreaterThan(0.1 * people);
  });

  it('duplicates about 8% of people inside each system, and some accounts', () => {
    const { duplicates, peopleIn } = world.summary;
    for (const [dups, base] of [
      [duplicates.salesforcePeople, peopleIn.salesforce],
      [duplicates.dataversePeople, peopleIn.dataverse],
      [duplicates.marketingCloudSubscribers, peopleIn['marketing-cloud']],
    ] as const) {
      expect(dups / base).toBeGreaterThan(0.04);
      expect(dups / base).toBeLessThan(0.13);
    }
    expect(duplicates.salesforceAccounts + duplicates.dataverseAccounts).toBeGreaterThan(0);
    // The duplicates are visible in the ground truth: one truth id, two records in one stream family.
    const sfTruth = world.groundTruth.filter((g) => g.system === 'salesforce' && g.entityKind === 'person').map((g) => g.truthId);
    expect(sfTruth.length - new Set(sfTruth).size).toBe(duplicates.salesforcePeople);
  });

  it('gives every system record a row in the ground truth, and nothing else', () => {
    const expected = [
      ...world.salesforce.objects.Account.map((r) => `salesforce/Account/${String(r['Id'])}`),
      ...world.salesforce.objects.Contact.map((r) => `salesforce/Contact/${String(r['Id'])}`),
      ...world.salesforce.objects.Lead.map((r) => `salesforce/Lead/${String(r['Id'])}`),
      ...world.dataverse.tables.account.map((r) => `dataverse/account/${String(r['accountid'])}`),
      ...world.dataverse.tables.contact.map((r) => `dataverse/contact/${String(r['contactid'])}`),
      ...world.dataverse.tables.lead.map((r) => `dataverse/lead/${String(r['leadid'])}`),
      ...world.marketingCloud.subscribers.map((s) => `marketing-cloud/Subscribers/${s.key}`),
    ].sort();
    expect(world.groundTruth.map((g) => `${g.system}/${g.stream}/${g.recordId}`).sort()).toEqual(expected);
    const truthIds = new Set([...world.truth.people.map((p) => p.truthId), ...world.truth.companies.map((c) => c.truthId)]);
    expect(world.groundTruth.every((g) => truthIds.has(g.truthId))).toBe(true);
  });

  it('fills only the declared columns', () => {
    for (const [object, rows] of Object.entries(world.salesforce.objects)) {
      const columns = new Set<string>(SALESFORCE_COLUMNS[object as keyof typeof SALESFORCE_COLUMNS]);
      for (const row of rows) for (const key of Object.keys(row)) expect(columns.has(key), `${object}.${key}`).toBe(true);
    }
    for (const [table, rows] of Object.entries(world.dataverse.tables)) {
      const columns = new Set<string>(DATAVERSE_COLUMNS[table as keyof typeof DATAVERSE_COLUMNS].map(([c]) => c));
      for (const row of rows) for (const key of Object.keys(row)) expect(columns.has(key), `${table}.${key}`).toBe(true);
    }
  });

  it('writes nicknames, typos, lost accents and case changes into names', () => {
    let nicknames = 0;
    let typos = 0;
    let accentsLost = 0;
    let upper = 0;
    for (const [row, p] of sfPeople) {
      const first = String(row['FirstName']);
      const last = String(row['LastName']);
      if (p.given.nicknames.includes(first)) nicknames++;
      if (first === first.toUpperCase() && last === last.toUpperCase() && /[A-Z]/.test(last)) upper++;
      if (last !== p.lastName && last.toLowerCase() !== p.lastName.toLowerCase() && stripAccents(last) !== stripAccents(p.lastName)) typos++;
      if (p.lastName !== stripAccents(p.lastName) && last === stripAccents(p.lastName)) accentsLost++;
    }
    expect(nicknames).toBeGreaterThan(20);
    expect(typos).toBeGreaterThan(5);
    expect(accentsLost).toBeGreaterThan(3);
    expect(upper).toBeGreaterThan(2);
  });

  it('writes phones in many formats and sometimes with transposed digits', () => {
    const phones = [...world.salesforce.objects.Contact.map((r) => r['MobilePhone']), ...world.dataverse.tables.contact.map((r) => r['mobilephone'])]
      .filter((p): p is string => typeof p === 'string');
    expect(new Set(phones.map((p) => p.replace(/\d/g, '9'))).size).toBeGreaterThan(15);
    for (const shape of [/^\(\d{3}\) \d{3}-\d{4}$/, /^\+1 \d{3} \d{3} \d{4}$/, /^\d{3}\.\d{3}\.\d{4}$/, /^\+1\d{10}$/, /^00(44|49|33|61) /]) {
      expect(phones.some((p) => shape.test(p)), String(shape)).toBe(true);
    }
    expect(world.summary.variations['phone-transposed'] ?? 0).toBeGreaterThan(10);
  });

  it('varies company names between the two CRMs', () => {
    const sfNames = new Set(world.salesforce.objects.Account.map((r) => String(r['Name'])));
    const dvNames = world.dataverse.tables.account.map((r) => String(r['name']));
    const differing = dvNames.filter((n) => !sfNames.has(n)).length;
    expect(differing / dvNames.length).toBeGreaterThan(0.2);
    expect([...sfNames, ...dvNames].some((n) => /\b(Inc|Incorporated|Ltd|Limited|GmbH)\b/.test(n))).toBe(true);
  });

  it('keys most connected subscribers by Salesforce id and the rest by e-mail', () => {
    const keys = world.marketingCloud.subscribers.map((s) => s.key);
    expect(keys.some((k) => /^00[3Q]/.test(k))).toBe(true);
    expect(keys.some((k) => k.includes('@'))).toBe(true);
    expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(keys.length);
  });

  it('sets Unsubscribed exactly for subscribers with an unsubscribe event', () => {
    const statuses = world.marketingCloud.subscribers.map((s) => s.row['Status']);
    expect(statuses.filter((s) => s === 'Unsubscribed').length).toBe(world.marketingCloud.eventCounts.unsub);
    expect(new Set(statuses)).toContain('Active');
  });

  it.each([
    [{ people: 0, seed: 1 }, 'DEMO_PEOPLE_INVALID'],
    [{ people: 1.5, seed: 1 }, 'DEMO_PEOPLE_INVALID'],
    [{ people: 10, seed: -1 }, 'DEMO_SEED_INVALID'],
  ])('rejects %j', (options, code) => {
    expect(() => generateDemo(options)).toThrow(ConcordError);
    expect(() => generateDemo(options)).toThrow(expect.objectContaining({ code }));
  });

  it('handles a tiny world', () => {
    const tiny = generateDemo({ people: 1, seed: 9 });
    expect(tiny.summary.people).toBe(1);
    expect(tiny.groundTruth.some((g) => g.entityKind === 'person')).toBe(true);
  });
});
