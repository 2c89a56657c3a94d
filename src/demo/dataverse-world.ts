/**
 * The Dataverse environment of the demo: accounts, contacts and leads from person views, then opportunities
 * and cases (incidents). Option-set columns hold the out-of-box integer values (crosswalk §9).
 *
 * @example
 * const dv = new DataverseBuilder(rng, refMs, companies, truthSink);
 * dv.addPerson(person, view, 'contact', rng);
 * dv.finish(rng);
 */
import type { DataverseTable, Row } from './columns.js';
import { DATAVERSE_COLUMNS } from './columns.js';
import { guid } from './demo-ids.js';
import type { Rng } from './prng.js';
import { DAY_MS, dataverseDateOnly, dataverseDateTime } from './time-format.js';
import type { TruthCompany, TruthPerson } from './truth.js';
import type { CompanyView, PersonView } from './views.js';
import { companyName, companyView } from './views.js';
import type { GroundTruthRow } from './world-types.js';
import type { WrittenAddress } from './address.js';

// Copied by spread so rows keep V8's fast (shared-shape) layout; see salesforce-world.ts.
const TEMPLATES = Object.fromEntries(
  Object.entries(DATAVERSE_COLUMNS).map(([table, columns]) => [table, Object.fromEntries(columns.map(([c]) => [c, null]))]),
) as Record<DataverseTable, Row>;

/** An empty row with every column of the table, in column order. */
function emptyRow(table: DataverseTable): Row {
  return { ...TEMPLATES[table] };
}

/** address1_line1..3: lines beyond the third are joined into line 3 (crosswalk T1). */
function address1(a: WrittenAddress | undefined): Row {
  if (!a) return {};
  const [l1 = null, l2 = null, ...rest] = a.lines;
  return {
    address1_line1: l1, address1_line2: l2, address1_line3: rest.length > 0 ? rest.join(', ') : null,
    address1_city: a.city, address1_stateorprovince: a.state, address1_postalcode: a.postalCode, address1_country: a.country,
  };
}

/**
 * Accumulates the Dataverse tables while people are added; `finish` adds opportunities and incidents.
 *
 * @example
 * const dv = new DataverseBuilder(rng, refMs, companies, truth);
 * dv.addPerson(person, view, 'contact', rng); // → contactid GUID
 */
export class DataverseBuilder {
  readonly organizationId: string;
  readonly tables: Record<DataverseTable, Row[]>;
  duplicateAccounts = 0;
  private readonly owners: string[] = [];
  private readonly accounts = new Map<number, string[]>();
  private readonly accountContacts = new Map<string, string[]>();
  private readonly companyViews: CompanyView[] = [];
  private version: number;
  private readonly refMs: number;
  private readonly companies: readonly TruthCompany[];
  private readonly truth: GroundTruthRow[];

  constructor(rng: Rng, refMs: number, companies: readonly TruthCompany[], truth: GroundTruthRow[]) {
    this.organizationId = guid(rng);
    this.refMs = refMs;
    this.companies = companies;
    this.truth = truth;
    this.version = rng.int(1_000_000, 9_000_000);
    this.tables = { account: [], contact: [], lead: [], opportunity: [], incident: [] };
    const ownerCount = Math.min(30, 3 + Math.floor(companies.length / 50));
    for (let i = 0; i < ownerCount; i++) this.owners.push(guid(rng));
  }

  get views(): readonly CompanyView[] {
    return this.companyViews;
  }

  private system(row: Row, rng: Rng, createdMs: number, state: number, status: number): void {
    // Whole seconds: both systems store datetimes at second precision.
    const modified = createdMs + Math.floor((rng.float() * (this.refMs - createdMs)) / 1000) * 1000;
    this.version += rng.int(1, 25);
    Object.assign(row, {
      ownerid: rng.pick(this.owners), owneridtype: 'systemuser', statecode: state, statuscode: status,
      createdon: dataverseDateTime(createdMs), modifiedon: dataverseDateTime(modified), versionnumber: this.version,
    });
  }

  private createdMs(rng: Rng, maxDaysAgo = 1100): number {
    return this.refMs - rng.int(1, maxDaysAgo) * DAY_MS - rng.int(0, 86_399) * 1000;
  }

  private addAccountRow(c: TruthCompany, rng: Rng, noise: number): string {
    const view = companyView(c, rng, noise);
    this.companyViews.push(view);
    const id = guid(rng);
    const row = emptyRow('account');
    const inactive = rng.chance(0.05);
    Object.assign(row, {
      accountid: id, name: view.name, accountnumber: rng.chance(0.3) ? `ACC-${String(c.index + 1).padStart(5, '0')}` : null,
      telephone1: view.phone ?? null, emailaddress1: rng.chance(0.3) ? `info@${c.domain}` : null,
      websiteurl: view.website ?? null, ...address1(view.address),
      industrycode: rng.chance(0.7) ? rng.int(1, 33) : null, customertypecode: rng.pick([3, 3, 8, 8, 5, 9, 11, 12]),
      revenue: rng.chance(0.5) ? `${c.annualRevenue}.00` : null, numberofemployees: rng.chance(0.6) ? c.employees : null,
    });
    this.system(row, rng, this.createdMs(rng, 1500), inactive ? 1 : 0, inactive ? 2 : 1);
    this.tables.account.push(row);
    this.accountContacts.set(id, []);
    this.truth.push({ system: 'dataverse', stream: 'account', recordId: id, entityKind: 'company', truthId: c.truthId });
    return id;
  }

  /** The account(s) of a company, created on first use; ~4% get a duplicate account. */
  accountsFor(company: number, rng: Rng): string[] {
    const existing = this.accounts.get(company);
    if (existing) return existing;
    const c = this.companies[company];
    if (!c) return [];
    const r = rng.fork(`dv-account:${company}`);
    const ids = [this.addAccountRow(c, r, 1)];
    if (r.chance(0.04)) {
      ids.push(this.addAccountRow(c, r, 2));
      this.duplicateAccounts++;
    }
    this.accounts.set(company, ids);
    return ids;
  }

  addRemainingAccounts(rng: Rng, share: number): void {
    for (const c of this.companies) if (!this.accounts.has(c.index) && rng.chance(share)) this.accountsFor(c.index, rng);
  }

  /** A contact (linked to its employer's account when it has one) or a lead for one person view. */
  addPerson(p: TruthPerson, v: PersonView, table: 'contact' | 'lead', rng: Rng): string {
    const id = guid(rng);
    const full = [v.firstName, v.middleName, v.lastName].filter(Boolean).join(' ');
    const createdMs = this.createdMs(rng);
    if (table === 'contact') {
      const accountIds = v.company === undefined ? [] : this.accountsFor(v.company, rng);
      const parent = accountIds.length > 1 && rng.chance(0.3) ? accountIds[1] : accountIds[0];
      const row = emptyRow('contact');
      const inactive = rng.chance(0.04);
      Object.assign(row, {
        contactid: id, salutation: v.salutation ?? null, firstname: v.firstName, middlename: v.middleName ?? null,
        lastname: v.lastName, fullname: full, emailaddress1: v.email ?? null,
        emailaddress2: v.secondEmail && rng.chance(0.25) ? v.secondEmail : null,
        telephone1: v.workPhone ?? null, telephone2: v.homePhone ?? null, mobilephone: v.mobile ?? null,
        jobtitle: v.title ?? null, department: v.department ?? null,
        birthdate: v.birthdate ? dataverseDateOnly(v.birthdate) : null, ...address1(v.address),
        parentcustomerid: parent ?? null, parentcustomeridtype: parent ? 'account' : null,
        gendercode: rng.chance(0.5) ? (p.gender === 'male' ? 1 : 2) : null,
        donotemail: rng.chance(0.05), donotbulkemail: rng.chance(0.08), donotphone: rng.chance(0.03),
      });
      this.system(row, rng, createdMs, inactive ? 1 : 0, inactive ? 2 : 1);
      this.tables.contact.push(row);
      if (parent) this.accountContacts.get(parent)?.push(id);
    } else {
      const employer = v.company === undefined ? undefined : this.companies[v.company];
      const companyNameText = employer ? companyName(employer, rng, 1.2) : null;
      const parentAccount = v.company !== undefined && this.accounts.has(v.company) && rng.chance(0.4) ? (this.accounts.get(v.company)?.[0] ?? null) : null;
      const [state, status] = rng.weighted([[[0, 1], 4], [[0, 2], 3], [[1, 3], 1], [[2, 4], 1], [[2, 6], 1]] as const);
      const row = emptyRow('lead');
      Object.assign(row, {
        leadid: id,
        // Dataverse requires a topic; forms compose one from company and name (crosswalk §2).
        subject: companyNameText ? `${companyNameText} – ${full}` : rng.pick(['Website enquiry', 'Newsletter sign-up', 'Product demo request', `Enquiry from ${full}`]),
        salutation: v.salutation ?? null, firstname: v.firstName, lastname: v.lastName, fullname: full,
        companyname: companyNameText, jobtitle: v.title ?? null, emailaddress1: v.email ?? null,
        telephone1: v.workPhone ?? v.homePhone ?? null, mobilephone: v.mobile ?? null,
        websiteurl: employer && rng.chance(0.3) ? `https://www.${employer.domain}` : null, ...address1(v.address),
        leadsourcecode: rng.chance(0.7) ? rng.int(1, 10) : null, leadqualitycode: rng.pick([1, 2, 3, null]),
        revenue: employer && rng.chance(0.2) ? `${employer.annualRevenue}.00` : null,
        numberofemployees: employer && rng.chance(0.3) ? employer.employees : null,
        donotemail: rng.chance(0.05), donotphone: rng.chance(0.03), parentaccountid: parentAccount,
      });
      this.system(row, rng, createdMs, state, status);
      this.tables.lead.push(row);
    }
    this.truth.push({ system: 'dataverse', stream: table, recordId: id, entityKind: 'person', truthId: p.truthId });
    return id;
  }

  /** Opportunities per account and incidents per contact. */
  finish(rng: Rng): void {
    const opp = rng.fork('opportunities');
    for (const account of this.tables.account) {
      const accountId = String(account['accountid']);
      const n = opp.weighted([[0, 45], [1, 30], [2, 17], [3, 8]] as const);
      for (let i = 0; i < n; i++) {
        const closeMs = this.refMs + opp.int(-200, 120) * DAY_MS;
        const closed = closeMs < this.refMs && opp.chance(0.85);
        const won = closed && opp.chance(0.45);
        const [state, status] = !closed ? [0, opp.chance(0.9) ? 1 : 2] : won ? [1, 3] : [2, opp.chance(0.5) ? 4 : 5];
        const value = opp.int(2, 400) * 250;
        const contacts = this.accountContacts.get(accountId) ?? [];
        const row = emptyRow('opportunity');
        Object.assign(row, {
          opportunityid: guid(opp), name: `${opp.pick(['New deal', 'Renewal', 'Upsell', 'Expansion', 'Pilot'])} – ${String(account['name'])}`,
          customerid: accountId, customeridtype: 'account', parentaccountid: accountId,
          parentcontactid: contacts.length > 0 && opp.chance(0.6) ? opp.pick(contacts) : null,
          estimatedvalue: `${value}.00`, actualvalue: won ? `${Math.round(value * (0.8 + opp.float() * 0.3))}.00` : null,
          closeprobability: closed ? (won ? 100 : 0) : opp.pick([10, 20, 40, 60, 80]),
          estimatedclosedate: dataverseDateOnly(new Date(closeMs).toISOString().slice(0, 10)),
          actualclosedate: closed ? dataverseDateOnly(new Date(closeMs).toISOString().slice(0, 10)) : null,
          stepname: closed ? (won ? 'Close' : null) : opp.pick(['1-Qualify', '2-Develop', '3-Propose']),
        });
        this.system(row, opp, Math.min(closeMs, this.refMs) - opp.int(10 * 86_400, 200 * 86_400) * 1000, state, status);
        this.tables.opportunity.push(row);
      }
    }
    const inc = rng.fork('incidents');
    for (const contact of this.tables.contact) {
      const n = inc.weighted([[0, 86], [1, 11], [2, 3]] as const);
      for (let i = 0; i < n; i++) {
        const contactId = String(contact['contactid']);
        const accountId = contact['parentcustomerid'];
        const toAccount = typeof accountId === 'string' && inc.chance(0.6);
        const [state, status] = inc.weighted([[[0, 1], 3], [[0, 2], 1], [[0, 3], 1], [[1, 5], 5], [[1, 1000], 1], [[2, 6], 1]] as const);
        const row = emptyRow('incident');
        const hex = guid(inc).replace(/-/g, '').slice(0, 6).toUpperCase();
        Object.assign(row, {
          incidentid: guid(inc), ticketnumber: `CAS-${String(inc.int(1000, 99999)).padStart(5, '0')}-${hex}`,
          title: inc.pick(['Cannot sign in', 'Billing question', 'Order not delivered', 'Error when exporting', 'Request a callback', 'Upgrade licence']),
          customerid: toAccount ? accountId : contactId, customeridtype: toAccount ? 'account' : 'contact',
          primarycontactid: contactId, prioritycode: inc.weighted([[1, 1], [2, 3], [3, 2]] as const),
          caseorigincode: inc.weighted([[1, 3], [2, 4], [3, 3]] as const), casetypecode: inc.pick([1, 2, 3, null]),
          isescalated: inc.chance(0.08),
        });
        this.system(row, inc, this.refMs - inc.int(0, 180) * DAY_MS - inc.int(0, 86_399) * 1000, state, status);
        this.tables.incident.push(row);
      }
    }
  }
}
