/**
 * How one system sees a true person or company: the same entity written by different hands. Each view draws
 * its own variation — nickname, typo, lost accent, case, phone style, transposed digits, address style,
 * missing fields, an e-mail from a former employer — and records which ones it applied.
 *
 * @example
 * const v = personView(person, companies, rng, { emailPreference: 'work', stale: false, noise: 1 });
 * v.firstName; // 'Bob' for Robert, sometimes
 * v.variations; // ['nickname', 'phone-style']
 */
import type { WrittenAddress } from './address.js';
import { drawAddressStyle, formatAddress } from './address.js';
import type { PhoneNumber } from './phone.js';
import { formatPhone, phoneStyles, transposeDigits } from './phone.js';
import type { Rng } from './prng.js';
import { hasAccents, stripAccents, titleCase, transliterate, typo } from './text-noise.js';
import type { TruthCompany, TruthPerson } from './truth.js';
import { LEGAL_FORMS } from './vocabulary.js';

/** The kinds of variation a view can carry (counted in the demo summary). */
export type Variation =
  | 'nickname'
  | 'first-name-typo'
  | 'last-name-typo'
  | 'accents-lost'
  | 'upper-case'
  | 'lower-case'
  | 'email-typo'
  | 'email-case'
  | 'email-missing'
  | 'old-employer'
  | 'phone-transposed'
  | 'phone-missing'
  | 'address-missing'
  | 'address-typo'
  | 'birthdate-swapped'
  | 'company-name-variant'
  | 'company-name-typo';

/** One record's version of a person, before it is laid out in a system's columns. */
export interface PersonView {
  salutation: string | undefined;
  firstName: string;
  middleName: string | undefined;
  lastName: string;
  email: string | undefined;
  /** False when a typo made the address undeliverable (Marketing Cloud bounces it). */
  emailDeliverable: boolean;
  /** The other e-mail the person has, for systems with two slots. */
  secondEmail: string | undefined;
  workPhone: string | undefined;
  mobile: string | undefined;
  homePhone: string | undefined;
  address: WrittenAddress | undefined;
  birthdate: string | undefined;
  title: string | undefined;
  department: string | undefined;
  /** The employer this record shows (a former one for stale records), if any. */
  company: number | undefined;
  variations: Variation[];
}

/** How a system tends to hold people. */
export interface ViewOptions {
  /** Which e-mail the system usually holds. */
  emailPreference: 'work' | 'personal';
  /** Record written before the person changed jobs: it shows the former employer and e-mail. */
  stale: boolean;
  /** Multiplier on every variation rate (duplicates entered by hand are messier). */
  noise: number;
  /** Share of records with a birthdate in this system. */
  birthdateRate: number;
}

const DOMAIN_TYPOS: Readonly<Record<string, string>> = {
  'gmail.com': 'gmial.com', 'yahoo.com': 'yaho.com', 'hotmail.com': 'hotmal.com', 'outlook.com': 'outlok.com',
  'icloud.com': 'iclod.com', 'gmx.de': 'gmx.com',
};

function phoneText(p: PhoneNumber | undefined, rng: Rng, noise: number, variations: Variation[]): string | undefined {
  if (!p) return undefined;
  if (rng.chance(0.08 * noise)) {
    variations.push('phone-missing');
    return undefined;
  }
  let number = p;
  if (rng.chance(0.03 * noise)) {
    const swapped = transposeDigits(p, rng);
    if (swapped !== p) {
      number = swapped;
      variations.push('phone-transposed');
    }
  }
  return formatPhone(number, rng.weighted(phoneStyles(p.country)));
}

function emailText(email: string, rng: Rng, noise: number, variations: Variation[]): { email: string; deliverable: boolean } {
  const at = email.lastIndexOf('@');
  let local = email.slice(0, at);
  let domain = email.slice(at + 1);
  let deliverable = true;
  const roll = rng.float();
  if (roll < 0.015 * noise) {
    local = typo(local, rng);
    deliverable = false;
    variations.push('email-typo');
  } else if (roll < 0.025 * noise && DOMAIN_TYPOS[domain]) {
    domain = DOMAIN_TYPOS[domain] ?? domain;
    deliverable = false;
    variations.push('email-typo');
  }
  let out = `${local}@${domain}`;
  if (rng.chance(0.05 * noise)) {
    // Mixed case as typed into a web form: "John.Smith@Gmail.com".
    out = `${titleCase(local.replace(/[._]/g, (m) => ` ${m} `)).replace(/ ([._]) /g, '$1')}@${domain[0]?.toUpperCase() ?? ''}${domain.slice(1)}`;
    variations.push('email-case');
  }
  return { email: out, deliverable };
}

/**
 * One system's record of a person.
 *
 * @example
 * personView(p, companies, rng, { emailPreference: 'personal', stale: false, noise: 1, birthdateRate: 0.3 }).email;
 */
export function personView(p: TruthPerson, companies: readonly TruthCompany[], rng: Rng, opts: ViewOptions): PersonView {
  const variations: Variation[] = [];
  const { noise } = opts;
  let firstName = p.given.name;
  if (p.given.nicknames.length > 0 && rng.chance(0.18 * noise)) {
    firstName = rng.pick(p.given.nicknames);
    variations.push('nickname');
  }
  let lastName = p.lastName;
  if (rng.chance(0.03 * noise)) {
    firstName = typo(firstName, rng);
    variations.push('first-name-typo');
  }
  if (rng.chance(0.04 * noise)) {
    lastName = typo(lastName, rng);
    variations.push('last-name-typo');
  }
  if (hasAccents(firstName + lastName) && rng.chance(0.35 * noise)) {
    const plain = rng.chance(0.5) ? transliterate : stripAccents;
    firstName = plain(firstName);
    lastName = plain(lastName);
    variations.push('accents-lost');
  }
  const caseRoll = rng.float();
  if (caseRoll < 0.03 * noise) {
    firstName = firstName.toUpperCase();
    lastName = lastName.toUpperCase();
    variations.push('upper-case');
  } else if (caseRoll < 0.05 * noise) {
    firstName = firstName.toLowerCase();
    lastName = lastName.toLowerCase();
    variations.push('lower-case');
  } else if (/^(van|de|von|le) /.test(lastName) && rng.chance(0.4 * noise)) {
    // Particles capitalised by forms that title-case every word: "Van Der Berg".
    lastName = titleCase(lastName);
  }

  const company = opts.stale ? p.previousCompany : p.company;
  if (opts.stale) variations.push('old-employer');
  const work = opts.stale ? p.previousWorkEmail : p.workEmail;
  const wantWork = opts.emailPreference === 'work' ? rng.chance(0.85) : rng.chance(0.3);
  const primary = wantWork && work ? work : p.personalEmail;
  const secondary = primary === p.personalEmail ? work : p.personalEmail;
  let email: string | undefined;
  let deliverable = true;
  if (rng.chance(0.04 * noise)) {
    variations.push('email-missing');
  } else {
    const written = emailText(primary, rng, noise, variations);
    email = written.email;
    deliverable = written.deliverable;
  }

  let address: WrittenAddress | undefined;
  if (rng.chance(0.12 * noise)) variations.push('address-missing');
  else {
    address = formatAddress(p.address, drawAddressStyle(rng));
    if (rng.chance(0.03 * noise) && address.lines[0]) {
      address = { ...address, lines: [typo(address.lines[0], rng), ...address.lines.slice(1)] };
      variations.push('address-typo');
    }
  }
  let birthdate: string | undefined;
  if (rng.chance(opts.birthdateRate)) {
    birthdate = p.birthdate;
    const [y, m, d] = p.birthdate.split('-');
    // Day and month swapped (US vs European entry) where the result is still a date.
    if (rng.chance(0.03 * noise) && Number(d) <= 12 && d !== m) {
      birthdate = `${y}-${d}-${m}`;
      variations.push('birthdate-swapped');
    }
  }
  return {
    salutation: rng.chance(0.6) ? p.salutation : undefined,
    firstName,
    middleName: p.middleInitial && rng.chance(0.5) ? p.middleInitial : undefined,
    lastName,
    email,
    emailDeliverable: deliverable,
    secondEmail: secondary,
    workPhone: company !== undefined && company === p.company ? phoneText(p.workPhone ?? companies[company]?.phone, rng, noise, variations) : undefined,
    mobile: phoneText(p.mobile, rng, noise, variations),
    homePhone: phoneText(p.homePhone, rng, noise, variations),
    address,
    birthdate,
    title: company !== undefined && rng.chance(0.8) ? p.title : undefined,
    department: company !== undefined && rng.chance(0.5) ? p.department : undefined,
    company,
    variations,
  };
}

/** One record's version of a company. */
export interface CompanyView {
  name: string;
  website: string | undefined;
  phone: string | undefined;
  address: WrittenAddress | undefined;
  variations: Variation[];
}

/**
 * A company's name as one system holds it: legal form spelled another way or dropped, "The" added or dropped,
 * case changed, the occasional typo.
 *
 * @example
 * companyName(acme, rng, 1); // 'Acme Robotics Inc', 'ACME ROBOTICS, INC.', 'Acme Robotics Incorporated', …
 */
export function companyName(c: TruthCompany, rng: Rng, noise: number, variations: Variation[] = []): string {
  const forms = LEGAL_FORMS[c.country]?.[c.legalForm] ?? [''];
  let form = forms[0] ?? '';
  let the = c.hasThe;
  let changed = false;
  const roll = rng.float();
  if (roll < 0.25 * noise) {
    form = '';
    changed = true;
  } else if (roll < 0.5 * noise && forms.length > 1) {
    form = rng.pick(forms.slice(1));
    changed = true;
  }
  if (rng.chance(0.06 * noise)) {
    the = !the;
    changed = true;
  }
  let name = `${the ? 'The ' : ''}${c.baseName}`;
  if (form) name += form.startsWith(',') ? form : ` ${form}`;
  if (rng.chance(0.05 * noise)) {
    name = name.toUpperCase();
    changed = true;
  }
  if (rng.chance(0.03 * noise)) {
    name = typo(name, rng);
    variations.push('company-name-typo');
  }
  if (changed) variations.push('company-name-variant');
  return name;
}

/** One system's record of a company. */
export function companyView(c: TruthCompany, rng: Rng, noise: number): CompanyView {
  const variations: Variation[] = [];
  const name = companyName(c, rng, noise, variations);
  const website = rng.chance(0.85)
    ? rng.pick([`https://www.${c.domain}`, `www.${c.domain}`, `http://${c.domain}`, `https://${c.domain}/`, c.domain])
    : undefined;
  return {
    name,
    website,
    phone: phoneText(c.phone, rng, noise, variations),
    address: rng.chance(0.9) ? formatAddress(c.address, drawAddressStyle(rng)) : undefined,
    variations,
  };
}
