/**
 * The real world behind the demo: companies and people as they truly are. Every system record is a view of one
 * of these entities, and the ground-truth file names which.
 *
 * @example
 * const companies = makeCompanies(150, rng);
 * const person = makePerson(0, companies, rng.fork('person:0'), emails);
 */
import type { PostalAddress } from './address.js';
import { makeAddress } from './address.js';
import type { CountryCode, PhoneNumber } from './phone.js';
import { makePhone } from './phone.js';
import type { Rng } from './prng.js';
import { emailSafe, stripAccents } from './text-noise.js';
import type { Gender, GivenName } from './vocabulary.js';
import {
  CITIES, COMPANY_TLD, COMPANY_WORDS_A, COMPANY_WORDS_B, FIRST_NAMES, INDUSTRIES, JOB_TITLES, LAST_NAMES,
  LEGAL_FORMS, PERSONAL_EMAIL_DOMAINS, SALUTATIONS,
} from './vocabulary.js';

/** A real-world company of the demo. */
export interface TruthCompany {
  truthId: string;
  index: number;
  /** Name without legal form, e.g. "Acme Robotics". */
  baseName: string;
  /** Whether the registered name starts with "The". */
  hasThe: boolean;
  /** Index into LEGAL_FORMS[country]. */
  legalForm: number;
  country: CountryCode;
  domain: string;
  address: PostalAddress;
  phone: PhoneNumber;
  industry: string;
  employees: number;
  annualRevenue: number;
}

/** A real-world person of the demo. */
export interface TruthPerson {
  truthId: string;
  index: number;
  gender: Gender;
  given: GivenName;
  middleInitial: string | undefined;
  lastName: string;
  salutation: string;
  birthdate: string;
  country: CountryCode;
  address: PostalAddress;
  personalEmail: string;
  mobile: PhoneNumber | undefined;
  homePhone: PhoneNumber | undefined;
  /** Current employer (index into companies), if any. */
  company: number | undefined;
  /** Previous employer, for people who changed jobs: older records still show it. */
  previousCompany: number | undefined;
  workEmail: string | undefined;
  previousWorkEmail: string | undefined;
  workPhone: PhoneNumber | undefined;
  title: string | undefined;
  department: string | undefined;
}

const COUNTRY_WEIGHTS: ReadonlyArray<readonly [CountryCode, number]> = [
  ['US', 70], ['GB', 9], ['DE', 8], ['CA', 6], ['FR', 4], ['AU', 3],
];

const EXTRA_WORDS = ['International', 'Global', 'Pacific', 'Atlantic', 'Digital', 'Worldwide', 'Direct', 'Group', 'Works', 'Collective'];

/** Display name of a company in its registered form, e.g. "The Summit Group Ltd" or "Acme Robotics, Inc.". */
export function registeredName(c: TruthCompany): string {
  const form = LEGAL_FORMS[c.country]?.[c.legalForm]?.[0] ?? '';
  return `${c.hasThe ? 'The ' : ''}${c.baseName}${form.startsWith(',') ? form : ` ${form}`}`.trim();
}

/**
 * `count` companies with unique names and domains.
 *
 * @example
 * makeCompanies(3, new Rng(1)).map(registeredName); // ['Apex Logistics Inc.', 'Rhein Pharma GmbH', …]
 */
export function makeCompanies(count: number, rng: Rng): TruthCompany[] {
  const names = new Set<string>();
  const domains = new Set<string>();
  const out: TruthCompany[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`company:${i}`);
    const country = r.weighted(COUNTRY_WEIGHTS);
    let baseName = `${r.pick(COMPANY_WORDS_A)} ${r.pick(COMPANY_WORDS_B)}`;
    if (names.has(baseName)) baseName = `${baseName} ${r.pick(EXTRA_WORDS)}`;
    for (let n = 2; names.has(baseName); n++) baseName = `${baseName.replace(/ \d+$/, '')} ${n}`;
    names.add(baseName);
    let domain = `${emailSafe(baseName)}.${COMPANY_TLD[country] ?? 'com'}`;
    for (let n = 2; domains.has(domain); n++) domain = `${emailSafe(baseName)}${n}.${COMPANY_TLD[country] ?? 'com'}`;
    domains.add(domain);
    const address = makeAddress(country, r);
    const employees = Math.round(Math.exp(r.float() * Math.log(50_000)) + 4);
    out.push({
      truthId: `company-${String(i + 1).padStart(6, '0')}`,
      index: i,
      baseName,
      hasThe: r.chance(0.08),
      legalForm: r.int(0, (LEGAL_FORMS[country]?.length ?? 1) - 1),
      country,
      domain,
      address,
      phone: makePhone(country, address.city.area, false, r),
      industry: r.pick(INDUSTRIES),
      employees,
      annualRevenue: Math.round(employees * r.int(80, 400)) * 1000,
    });
  }
  return out;
}

/** Registry of e-mail addresses already handed out, so two people never share one by accident. */
export class EmailRegistry {
  private readonly used = new Set<string>();

  /** The first free address among the candidates, else the last one with a number appended. */
  claim(candidates: readonly string[], domain: string, rng: Rng): string {
    for (const local of candidates) {
      const email = `${local}@${domain}`;
      if (!this.used.has(email)) {
        this.used.add(email);
        return email;
      }
    }
    const base = candidates[candidates.length - 1] ?? 'user';
    for (;;) {
      const email = `${base}${rng.int(1, 9999)}@${domain}`;
      if (!this.used.has(email)) {
        this.used.add(email);
        return email;
      }
    }
  }
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function workEmailFor(first: string, last: string, domain: string, pattern: number, emails: EmailRegistry, rng: Rng): string {
  const f = emailSafe(first);
  const l = emailSafe(last);
  const patterns = [`${f}.${l}`, `${f[0] ?? ''}${l}`, `${f}`, `${f}_${l}`, `${f}${l[0] ?? ''}`];
  const first1 = patterns[pattern % patterns.length] ?? `${f}.${l}`;
  return emails.claim([first1, `${f}.${l}`, `${f}.${l}${rng.int(2, 9)}`], domain, rng);
}

/**
 * One person. Employed people mostly live in their employer's country and city.
 *
 * @example
 * makePerson(0, companies, rng.fork('person:0'), new EmailRegistry()).truthId; // 'person-0000001'
 */
export function makePerson(index: number, companies: readonly TruthCompany[], rng: Rng, emails: EmailRegistry): TruthPerson {
  const gender: Gender = rng.chance(0.5) ? 'female' : 'male';
  const pool = FIRST_NAMES.filter((n) => n.gender === gender);
  const given = rng.pick(pool);
  const lastName = rng.pick(LAST_NAMES);
  const employed = companies.length > 0 && rng.chance(0.85);
  const company = employed ? rng.int(0, companies.length - 1) : undefined;
  const employer = company === undefined ? undefined : companies[company];
  const country: CountryCode = employer && rng.chance(0.85) ? employer.country : rng.weighted(COUNTRY_WEIGHTS);
  const nearEmployer = employer && employer.country === country ? employer.address.city : undefined;
  const address = makeAddress(country, rng, nearEmployer ?? rng.pick(CITIES[country] ?? []));
  const year = rng.int(1952, 2004);
  const birthdate = isoDate(year, rng.int(1, 12), rng.int(1, 28));
  const f = emailSafe(given.name);
  const l = emailSafe(lastName);
  const personalDomain = rng.pick(PERSONAL_EMAIL_DOMAINS[country] ?? PERSONAL_EMAIL_DOMAINS['US'] ?? ['gmail.com']);
  const nick = given.nicknames[0] ? emailSafe(given.nicknames[0]) : f;
  const personalEmail = emails.claim(
    rng.sample([`${f}.${l}`, `${f}${l}`, `${f}${l}${year % 100}`, `${nick}.${l}`, `${f[0] ?? ''}${l}${rng.int(1, 99)}`, `${f}_${l}`], 3),
    personalDomain,
    rng,
  );
  const pattern = rng.int(0, 4);
  const changedJob = employer !== undefined && companies.length > 1 && rng.chance(0.1);
  let previousCompany: number | undefined;
  if (changedJob && company !== undefined) {
    previousCompany = (company + rng.int(1, companies.length - 1)) % companies.length;
  }
  const previousEmployer = previousCompany === undefined ? undefined : companies[previousCompany];
  const [title, department] = employer ? rng.pick(JOB_TITLES) : [undefined, undefined];
  return {
    truthId: `person-${String(index + 1).padStart(7, '0')}`,
    index,
    gender,
    given,
    middleInitial: rng.chance(0.25) ? String.fromCharCode(65 + rng.int(0, 25)) : undefined,
    lastName,
    salutation: rng.pick(SALUTATIONS[gender]),
    birthdate,
    country,
    address,
    personalEmail,
    mobile: rng.chance(0.92) ? makePhone(country, address.city.area, true, rng) : undefined,
    homePhone: rng.chance(0.3) ? makePhone(country, address.city.area, false, rng) : undefined,
    company,
    previousCompany,
    workEmail: employer ? workEmailFor(given.name, lastName, employer.domain, pattern, emails, rng) : undefined,
    previousWorkEmail: previousEmployer ? workEmailFor(given.name, lastName, previousEmployer.domain, pattern, emails, rng) : undefined,
    workPhone: employer && rng.chance(0.7) ? makePhone(employer.country, employer.address.city.area, false, rng) : undefined,
    title,
    department,
  };
}

/** "José Müller" without accents, for places that cannot hold them. */
export function asciiName(p: TruthPerson): string {
  return stripAccents(`${p.given.name} ${p.lastName}`);
}
