/**
 * `generateDemo`: a deterministic world of companies and people, and the three systems' views of it.
 *
 * @example
 * const world = generateDemo({ people: 1000, seed: 42 });
 * world.summary.overlap;          // { oneSystem: …, twoSystems: …, threeSystems: … }
 * world.groundTruth[0];           // { system: 'salesforce', stream: 'Account', recordId: '001…', entityKind: 'company', truthId: 'company-000001' }
 */
import { ConcordError } from '../core/errors.js';
import { hash32, Rng } from './prng.js';
import type { Row } from './columns.js';
import { DataverseBuilder } from './dataverse-world.js';
import type { McEventKind, McJob } from './mc-events.js';
import { subscriberEvents, subscriberStatus } from './mc-events.js';
import type { SalesforcePersonRef } from './salesforce-world.js';
import { SalesforceBuilder } from './salesforce-world.js';
import { DAY_MS, marketingCloudDate, referenceDateMs } from './time-format.js';
import type { TruthPerson } from './truth.js';
import { EmailRegistry, makeCompanies, makePerson } from './truth.js';
import type { PersonView, Variation, ViewOptions } from './views.js';
import { personView } from './views.js';
import type { DemoOptions, DemoSummary, DemoWorld, GroundTruthRow, McSubscriber, SystemName } from './world-types.js';
import { formatPhone } from './phone.js';

/**
 * Membership draws and the intra-system duplicate share. Draws sit a little below the targets (60% Salesforce,
 * 55% Dataverse, 50% Marketing Cloud) because people drawn into no system are then placed in one.
 */
export const DEMO_RATES = {
  salesforce: 0.55,
  dataverse: 0.5,
  marketingCloud: 0.45,
  duplicate: 0.08,
} as const;

/**
 * Upper bound on --people. The world is held in memory (≈ 3.6 KB of heap per person, measured at 100k), so
 * 500k people need ≈ 1.8 GB, safely below Node's default heap limit on a 64-bit machine.
 */
export const MAX_DEMO_PEOPLE = 500_000;

function validate(options: DemoOptions): void {
  if (!Number.isInteger(options.people) || options.people < 1 || options.people > MAX_DEMO_PEOPLE) {
    throw new ConcordError('DEMO_PEOPLE_INVALID', `people must be a whole number from 1 to ${MAX_DEMO_PEOPLE}, got ${options.people}`, {
      kind: 'usage', hint: 'pass --people 1000 (the default) or another whole number',
    });
  }
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff) {
    throw new ConcordError('DEMO_SEED_INVALID', `seed must be a whole number from 0 to 4294967295, got ${options.seed}`, {
      kind: 'usage', hint: 'pass --seed 42',
    });
  }
}

/** Which systems hold a person: independent draws at the target rates, never none. */
function membership(rng: Rng): Record<SystemName, boolean> {
  const m = {
    salesforce: rng.chance(DEMO_RATES.salesforce),
    dataverse: rng.chance(DEMO_RATES.dataverse),
    'marketing-cloud': rng.chance(DEMO_RATES.marketingCloud),
  };
  if (!m.salesforce && !m.dataverse && !m['marketing-cloud']) {
    m[rng.weighted([['salesforce', 6], ['dataverse', 5.5], ['marketing-cloud', 5]] as const)] = true;
  }
  return m;
}

function makeJobs(rng: Rng, refMs: number): McJob[] {
  const jobs: McJob[] = [];
  let jobId = rng.int(10_000, 90_000);
  const listId = rng.int(1_000, 9_000);
  // About two sends a month over the six months the data views retain.
  for (let t = refMs - 180 * DAY_MS + rng.int(0, 5) * DAY_MS; t < refMs - DAY_MS; t += rng.int(10, 18) * DAY_MS) {
    jobId += rng.int(3, 60);
    const name = rng.pick(['Monthly Newsletter', 'Product Update', 'Webinar Invitation', 'Customer Story', 'Special Offer', 'Event Reminder']);
    const slug = name.toLowerCase().replace(/\s+/g, '-');
    const day = new Date(t).toISOString().slice(0, 10);
    jobs.push({
      jobId, listId, batchId: rng.int(1, 5),
      // Sends go out on a weekday morning, US Central time.
      sentAt: Math.floor(t / DAY_MS) * DAY_MS + (14 + rng.int(0, 3)) * 3_600_000,
      emailName: `${day} ${name}`,
      links: [
        { url: `https://www.concord-demo.example/${slug}?utm_source=sfmc&utm_medium=email&utm_campaign=${jobId}`, name: 'Hero CTA' },
        { url: 'https://www.concord-demo.example/pricing', name: 'Pricing' },
        { url: 'https://www.concord-demo.example/blog', name: 'Read more' },
        { url: `https://www.concord-demo.example/preferences?job=${jobId}`, name: 'Manage preferences' },
      ],
    });
  }
  return jobs;
}

interface Counters {
  variations: Partial<Record<Variation, number>>;
}

function count(counters: Counters, variations: readonly Variation[]): void {
  for (const v of variations) counters.variations[v] = (counters.variations[v] ?? 0) + 1;
}

/**
 * Generates the demo world. Pure and deterministic: the same options give the same world, byte for byte once
 * written. Memory grows linearly with `people` (≈ a few KB per person).
 *
 * @example
 * generateDemo({ people: 100, seed: 1 }).summary.people; // 100
 */
export function generateDemo(options: DemoOptions): DemoWorld {
  validate(options);
  const { people, seed } = options;
  const root = new Rng(seed);
  const refMs = referenceDateMs(hash32(`reference:${seed}`));
  const companies = makeCompanies(Math.max(5, Math.round(people / 7)), root.fork('companies'));
  const emails = new EmailRegistry();
  const groundTruth: GroundTruthRow[] = [];
  const sf = new SalesforceBuilder(root.fork('salesforce'), refMs, companies, groundTruth);
  const dv = new DataverseBuilder(root.fork('dataverse'), refMs, companies, groundTruth);
  const mcRng = root.fork('marketing-cloud');
  const mid = mcRng.int(100_000_000, 599_999_999);
  const jobs = makeJobs(mcRng.fork('jobs'), refMs);
  const subscribers: McSubscriber[] = [];
  const subscriberKeys = new Set<string>();
  let subscriberId = mcRng.int(10_000_000, 90_000_000);
  const eventCounts: Record<McEventKind, number> = { sent: 0, open: 0, click: 0, bounce: 0, unsub: 0 };
  const counters: Counters = { variations: {} };
  const truthPeople: TruthPerson[] = [];
  const peopleIn: Record<SystemName, number> = { salesforce: 0, dataverse: 0, 'marketing-cloud': 0 };
  const overlap = { oneSystem: 0, twoSystems: 0, threeSystems: 0 };
  const duplicates = { salesforcePeople: 0, dataversePeople: 0, marketingCloudSubscribers: 0 };

  const addSubscriber = (p: TruthPerson, v: PersonView, key: string | undefined, rng: Rng): boolean => {
    const email = v.email ?? p.personalEmail;
    const subscriberKey = key ?? email;
    if (subscriberKeys.has(subscriberKey.toLowerCase())) return false;
    subscriberKeys.add(subscriberKey.toLowerCase());
    subscriberId += rng.int(1, 9);
    const createdAt = refMs - rng.int(1, 720) * DAY_MS - rng.int(0, 86_399) * 1000;
    const seedData = {
      key: subscriberKey, subscriberId, email, createdAt,
      engagement: rng.weighted([[0.02, 25], [0.12, 35], [0.3, 30], [0.6, 10]] as const),
      deliverable: v.emailDeliverable,
    };
    const events = subscriberEvents({ seed, jobs }, seedData);
    for (const e of events) eventCounts[e.kind]++;
    const { status, unsubscribedAt } = subscriberStatus(events);
    const row: Row = {
      SubscriberKey: subscriberKey, EmailAddress: email,
      FirstName: rng.chance(0.85) ? v.firstName : null, LastName: rng.chance(0.8) ? v.lastName : null,
      Status: status, CreatedDate: marketingCloudDate(createdAt),
      UnsubscribedDate: unsubscribedAt === undefined ? null : marketingCloudDate(unsubscribedAt),
      Phone: rng.chance(0.4) ? (v.mobile ?? (p.mobile ? formatPhone(p.mobile, 'e164') : null)) : null,
      PostalCode: rng.chance(0.55) ? (v.address?.postalCode ?? null) : null,
    };
    subscribers.push({ ...seedData, row });
    groundTruth.push({ system: 'marketing-cloud', stream: 'Subscribers', recordId: subscriberKey, entityKind: 'person', truthId: p.truthId });
    return true;
  };

  for (let i = 0; i < people; i++) {
    const pr = root.fork(`person:${i}`);
    const p = makePerson(i, companies, pr, emails);
    truthPeople.push(p);
    const m = membership(pr);
    const systems = Number(m.salesforce) + Number(m.dataverse) + Number(m['marketing-cloud']);
    if (systems === 1) overlap.oneSystem++;
    else if (systems === 2) overlap.twoSystems++;
    else overlap.threeSystems++;
    const employed = p.company !== undefined;
    const sfRefs: SalesforcePersonRef[] = [];

    if (m.salesforce) {
      peopleIn.salesforce++;
      const r = pr.fork('sf');
      const stale = p.previousCompany !== undefined && r.chance(0.5);
      const opts: ViewOptions = { emailPreference: 'work', stale, noise: 1, birthdateRate: 0.35 };
      const v = personView(p, companies, r, opts);
      count(counters, v.variations);
      const object = (v.company !== undefined && r.chance(0.78)) || (v.company === undefined && r.chance(0.1)) ? 'Contact' : 'Lead';
      const first = sf.addPerson(p, v, object, r);
      sfRefs.push(first);
      if (r.chance(DEMO_RATES.duplicate)) {
        const dv2 = personView(p, companies, r.fork('dup'), { ...opts, noise: 1.6, stale: stale && r.chance(0.5) });
        count(counters, dv2.variations);
        const dupObject = object === 'Lead' || r.chance(0.45) ? 'Lead' : 'Contact';
        const converted = dupObject === 'Lead' && object === 'Contact' && r.chance(0.35) ? first : undefined;
        sfRefs.push(sf.addPerson(p, dv2, dupObject, r, converted));
        duplicates.salesforcePeople++;
      }
    }

    if (m.dataverse) {
      peopleIn.dataverse++;
      const r = pr.fork('dv');
      const opts: ViewOptions = { emailPreference: 'work', stale: p.previousCompany !== undefined && r.chance(0.3), noise: 1, birthdateRate: 0.25 };
      const v = personView(p, companies, r, opts);
      count(counters, v.variations);
      const table = (v.company !== undefined && r.chance(0.8)) || (!employed && r.chance(0.6)) ? 'contact' : 'lead';
      dv.addPerson(p, v, table, r);
      if (r.chance(DEMO_RATES.duplicate)) {
        const v2 = personView(p, companies, r.fork('dup'), { ...opts, noise: 1.6 });
        count(counters, v2.variations);
        dv.addPerson(p, v2, r.chance(0.6) ? table : table === 'lead' ? 'contact' : 'lead', r);
        duplicates.dataversePeople++;
      }
    }

    if (m['marketing-cloud']) {
      peopleIn['marketing-cloud']++;
      const r = pr.fork('mc');
      const stale = p.previousCompany !== undefined && r.chance(0.3);
      const v = personView(p, companies, r, { emailPreference: 'personal', stale, noise: 1, birthdateRate: 0 });
      count(counters, v.variations);
      // Marketing Cloud Connect keys subscribers by the Salesforce Contact/Lead id; other sign-ups by e-mail.
      const connected = sfRefs[0] !== undefined && r.chance(0.75);
      // A former employer's mailbox no longer exists: sends to it bounce.
      const staleMail = stale && v.email !== undefined && v.email.toLowerCase() === p.previousWorkEmail;
      const view = staleMail ? { ...v, emailDeliverable: false } : v;
      addSubscriber(p, view, connected ? sfRefs[0]?.id : undefined, r);
      if (r.chance(DEMO_RATES.duplicate)) {
        // The same person signed up again with their other address (or the other Salesforce record).
        const v2 = personView(p, companies, r.fork('dup'), { emailPreference: v.email === p.personalEmail ? 'work' : 'personal', stale: false, noise: 1.6, birthdateRate: 0 });
        const other = v2.email === v.email ? { ...v2, email: v2.secondEmail ?? `${p.personalEmail.split('@')[0] ?? 'x'}+news@${p.personalEmail.split('@')[1] ?? 'example.com'}` } : v2;
        count(counters, other.variations);
        if (addSubscriber(p, other, connected && sfRefs[1] ? sfRefs[1].id : undefined, r)) duplicates.marketingCloudSubscribers++;
      }
    }
  }

  sf.addRemainingAccounts(root.fork('sf-remaining'), 0.3);
  dv.addRemainingAccounts(root.fork('dv-remaining'), 0.3);
  sf.finish(root.fork('sf-activity'), people);
  dv.finish(root.fork('dv-activity'));
  for (const view of [...sf.views, ...dv.views]) count(counters, view.variations);

  const organizationSlug = `unq${dv.organizationId.replace(/-/g, '').slice(0, 12)}`;
  const records: DemoSummary['records'] = {
    salesforce: Object.fromEntries(Object.entries(sf.objects).map(([k, rows]) => [k, rows.length])),
    dataverse: Object.fromEntries(Object.entries(dv.tables).map(([k, rows]) => [k, rows.length])),
    'marketing-cloud': {
      Subscribers: subscribers.length, Sent: eventCounts.sent, Opens: eventCounts.open, Clicks: eventCounts.click,
      Bounces: eventCounts.bounce, Unsubs: eventCounts.unsub,
    },
  };
  const referenceDate = new Date(refMs).toISOString();
  return {
    options: { people, seed },
    referenceDate,
    truth: { companies, people: truthPeople },
    salesforce: { orgId: sf.orgId, objects: sf.objects },
    dataverse: {
      organizationId: dv.organizationId,
      lakeAccount: `concorddemo${String(hash32(`lake:${seed}`) % 100000).padStart(5, '0')}`,
      container: `dataverse-concorddemo-${organizationSlug}`,
      tables: dv.tables,
    },
    marketingCloud: { mid, jobs, subscribers, eventCounts },
    groundTruth,
    summary: {
      seed, referenceDate, people, companies: companies.length, peopleIn, overlap,
      duplicates: { ...duplicates, salesforceAccounts: sf.duplicateAccounts, dataverseAccounts: dv.duplicateAccounts },
      records, variations: counters.variations,
    },
  };
}
