/**
 * The Salesforce org of the demo: users, accounts (some twice), contacts and leads built from person views,
 * then opportunities, cases, campaigns and campaign members around them.
 *
 * @example
 * const sf = new SalesforceBuilder(rng, refMs, companies, truthSink);
 * sf.addPerson(person, view, 'Contact', rng);
 * sf.finish(rng); // activities
 */
import type { Row, SalesforceObject } from './columns.js';
import { SALESFORCE_COLUMNS } from './columns.js';
import { KEY_PREFIX, SalesforceIdMinter } from './demo-ids.js';
import type { Rng } from './prng.js';
import { DAY_MS, isoDate, salesforceDateTime } from './time-format.js';
import type { TruthCompany, TruthPerson } from './truth.js';
import type { CompanyView, PersonView } from './views.js';
import { companyName, companyView } from './views.js';
import type { GroundTruthRow } from './world-types.js';

const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Trade Show', 'Word of mouth', 'Other'];
const ACCOUNT_TYPES = ['Prospect', 'Customer - Direct', 'Customer - Channel', 'Channel Partner / Reseller', 'Technology Partner', 'Other'];
const STAGES: ReadonlyArray<readonly [stage: string, probability: number, forecast: string]> = [
  ['Prospecting', 10, 'Pipeline'], ['Qualification', 10, 'Pipeline'], ['Needs Analysis', 20, 'Pipeline'],
  ['Value Proposition', 50, 'Pipeline'], ['Id. Decision Makers', 60, 'Pipeline'], ['Perception Analysis', 70, 'Pipeline'],
  ['Proposal/Price Quote', 75, 'BestCase'], ['Negotiation/Review', 90, 'Commit'],
];
const CASE_SUBJECTS = [
  'Cannot log in to the customer portal', 'Invoice shows the wrong amount', 'Request for a product demo',
  'Shipment arrived damaged', 'How do I export my data?', 'Integration returns error 500', 'Password reset not received',
  'Upgrade to the enterprise plan', 'Duplicate charge on credit card', 'Feature request: dark mode',
];
const CAMPAIGN_THEMES = ['Spring Webinar', 'Product Launch', 'Customer Summit', 'Newsletter', 'Partner Roadshow', 'Trade Show', 'Holiday Promotion', 'Win-back Offer', 'Analyst Report Download', 'Free Trial Push'];

// One template per object, copied by spread: rows built key by key from many column lists fall into V8's
// dictionary mode and take about twice the memory (measured at 100k people).
const TEMPLATES = Object.fromEntries(
  Object.entries(SALESFORCE_COLUMNS).map(([object, columns]) => [object, Object.fromEntries(columns.map((c) => [c, null]))]),
) as Record<SalesforceObject, Row>;

/** An empty row with every column of the object, in column order. */
function emptyRow(object: SalesforceObject): Row {
  return { ...TEMPLATES[object] };
}

function fullName(first: string | undefined, last: string): string {
  return first ? `${first} ${last}` : last;
}

function street(lines: readonly string[] | undefined): string | null {
  return lines && lines.length > 0 ? lines.join('\n') : null;
}

/** A Contact or Lead just written, for linking duplicates, conversions and activities. */
export interface SalesforcePersonRef {
  id: string;
  object: 'Contact' | 'Lead';
  accountId: string | null;
  createdMs: number;
}

/**
 * Accumulates the Salesforce objects while people are added, minting ids per key prefix; `finish` adds
 * campaigns, members, opportunities and cases.
 *
 * @example
 * const sf = new SalesforceBuilder(rng, refMs, companies, truth);
 * sf.addPerson(person, view, 'Contact', rng).id; // '003…'
 */
export class SalesforceBuilder {
  readonly orgId: string;
  readonly objects: Record<SalesforceObject, Row[]>;
  readonly people: SalesforcePersonRef[] = [];
  duplicateAccounts = 0;
  private readonly ids: SalesforceIdMinter;
  private readonly users: string[] = [];
  private readonly accounts = new Map<number, string[]>();
  private readonly accountContacts = new Map<string, string[]>();
  private readonly companyViews: CompanyView[] = [];
  private readonly refMs: number;
  private readonly companies: readonly TruthCompany[];
  private readonly truth: GroundTruthRow[];

  constructor(rng: Rng, refMs: number, companies: readonly TruthCompany[], truth: GroundTruthRow[]) {
    this.ids = new SalesforceIdMinter(rng.fork('ids'));
    this.orgId = this.ids.next(KEY_PREFIX.Organization);
    this.refMs = refMs;
    this.companies = companies;
    this.truth = truth;
    this.objects = { User: [], Account: [], Contact: [], Lead: [], Opportunity: [], Case: [], Campaign: [], CampaignMember: [] };
    this.addUsers(rng.fork('users'), Math.min(40, 3 + Math.floor(companies.length / 40)));
  }

  /** Company views drawn while building, for summary counts. */
  get views(): readonly CompanyView[] {
    return this.companyViews;
  }

  private audit(row: Row, rng: Rng, createdMs: number, owned = true): void {
    const owner = rng.pick(this.users);
    // Whole seconds: both systems store datetimes at second precision.
    const modified = createdMs + Math.floor((rng.float() * (this.refMs - createdMs)) / 1000) * 1000;
    if (owned) row['OwnerId'] = owner;
    row['CreatedDate'] = salesforceDateTime(createdMs);
    row['CreatedById'] = rng.pick(this.users);
    row['LastModifiedDate'] = salesforceDateTime(modified);
    row['LastModifiedById'] = rng.pick(this.users);
    // SystemModstamp moves with background jobs too, so it is at or after LastModifiedDate.
    row['SystemModstamp'] = salesforceDateTime(modified + rng.int(0, 3) * 60_000);
  }

  private createdMs(rng: Rng, maxDaysAgo = 1100): number {
    return this.refMs - rng.int(1, maxDaysAgo) * DAY_MS - rng.int(0, 86_399) * 1000;
  }

  private addUsers(rng: Rng, count: number): void {
    const names = [['Alex', 'Morgan'], ['Jordan', 'Lee'], ['Casey', 'Rivera'], ['Taylor', 'Brooks'], ['Sam', 'Patel'], ['Robin', 'Schulz'], ['Jamie', 'Okoro'], ['Drew', 'Nakamura']];
    for (let i = 0; i < count; i++) {
      const [first = 'Alex', last = 'Morgan'] = names[i % names.length] ?? [];
      const lastName = i < names.length ? last : `${last} ${Math.floor(i / names.length) + 1}`;
      const id = this.ids.next(KEY_PREFIX.User);
      this.users.push(id);
      const row = emptyRow('User');
      const alias = `${first.slice(0, 1)}${lastName.replace(/\s/g, '').slice(0, 4)}`.toLowerCase();
      const created = this.createdMs(rng, 2000);
      Object.assign(row, {
        Id: id, Username: `${alias}${i}@concord-demo.example`, FirstName: first, LastName: lastName, Name: `${first} ${lastName}`,
        CompanyName: 'Concord Demo', Department: i === 0 ? 'Administration' : 'Sales', Title: i === 0 ? 'System Administrator' : 'Account Executive',
        Email: `${alias}${i}@concord-demo.example`, Alias: alias, IsActive: rng.chance(0.9), TimeZoneSidKey: 'America/Los_Angeles',
        LocaleSidKey: 'en_US', EmailEncodingKey: 'UTF-8', LanguageLocaleKey: 'en_US', UserType: 'Standard',
        CreatedDate: salesforceDateTime(created), LastModifiedDate: salesforceDateTime(created + DAY_MS), SystemModstamp: salesforceDateTime(created + DAY_MS),
      });
      this.objects.User.push(row);
    }
  }

  private addAccountRow(company: TruthCompany, rng: Rng, noise: number): string {
    const view = companyView(company, rng, noise);
    this.companyViews.push(view);
    const id = this.ids.next(KEY_PREFIX.Account);
    const row = emptyRow('Account');
    const billing = view.address;
    Object.assign(row, {
      Id: id, IsDeleted: false, Name: view.name, Type: rng.pick(ACCOUNT_TYPES),
      BillingStreet: street(billing?.lines), BillingCity: billing?.city ?? null, BillingState: billing?.state ?? null,
      BillingPostalCode: billing?.postalCode ?? null, BillingCountry: billing?.country ?? null,
      Phone: view.phone ?? null, Website: view.website ?? null, Industry: rng.chance(0.85) ? company.industry : null,
      AnnualRevenue: rng.chance(0.6) ? company.annualRevenue : null, NumberOfEmployees: rng.chance(0.7) ? company.employees : null,
      AccountNumber: rng.chance(0.5) ? `CD-${String(100000 + company.index)}` : null, AccountSource: rng.pick(LEAD_SOURCES),
      Rating: rng.pick(['Hot', 'Warm', 'Cold', null]), Description: null,
    });
    if (billing && rng.chance(0.5)) {
      Object.assign(row, {
        ShippingStreet: row['BillingStreet'] ?? null, ShippingCity: billing.city, ShippingState: billing.state,
        ShippingPostalCode: billing.postalCode, ShippingCountry: billing.country,
      });
    }
    this.audit(row, rng, this.createdMs(rng, 1500));
    this.objects.Account.push(row);
    this.truth.push({ system: 'salesforce', stream: 'Account', recordId: id, entityKind: 'company', truthId: company.truthId });
    this.accountContacts.set(id, []);
    return id;
  }

  /** The account(s) of a company, created on first use; ~4% of companies get a duplicate account. */
  accountsFor(company: number, rng: Rng): string[] {
    const existing = this.accounts.get(company);
    if (existing) return existing;
    const c = this.companies[company];
    if (!c) return [];
    const r = rng.fork(`sf-account:${company}`);
    const ids = [this.addAccountRow(c, r, 1)];
    if (r.chance(0.04)) {
      ids.push(this.addAccountRow(c, r, 2));
      this.duplicateAccounts++;
    }
    this.accounts.set(company, ids);
    return ids;
  }

  /** Adds accounts without any people for a share of the remaining companies (prospects nobody met yet). */
  addRemainingAccounts(rng: Rng, share: number): void {
    for (const c of this.companies) if (!this.accounts.has(c.index) && rng.chance(share)) this.accountsFor(c.index, rng);
  }

  /**
   * A Contact or Lead for one person view. `convertedFrom` marks a lead converted into that contact (the lead
   * stays in the org, as converted leads do).
   */
  addPerson(p: TruthPerson, v: PersonView, object: 'Contact' | 'Lead', rng: Rng, convertedFrom?: SalesforcePersonRef): SalesforcePersonRef {
    const createdMs = this.createdMs(rng);
    const accountIds = object === 'Contact' && v.company !== undefined ? this.accountsFor(v.company, rng) : [];
    const accountId = accountIds.length > 1 && rng.chance(0.3) ? (accountIds[1] ?? null) : (accountIds[0] ?? null);
    const address = v.address;
    const common = {
      IsDeleted: false, Salutation: v.salutation ?? null, FirstName: v.firstName, LastName: v.lastName,
      Name: fullName(v.firstName, v.lastName), Email: v.email ?? null, Title: v.title ?? null, LeadSource: rng.chance(0.7) ? rng.pick(LEAD_SOURCES) : null,
      HasOptedOutOfEmail: rng.chance(0.05), DoNotCall: rng.chance(0.03),
    };
    let id: string;
    if (object === 'Contact') {
      id = this.ids.next(KEY_PREFIX.Contact);
      const row = emptyRow('Contact');
      Object.assign(row, common, {
        Id: id, AccountId: accountId, MailingStreet: street(address?.lines), MailingCity: address?.city ?? null,
        MailingState: address?.state ?? null, MailingPostalCode: address?.postalCode ?? null, MailingCountry: address?.country ?? null,
        Phone: v.workPhone ?? null, MobilePhone: v.mobile ?? null, HomePhone: v.homePhone ?? null, Department: v.department ?? null,
        Birthdate: v.birthdate ?? null, HasOptedOutOfFax: false,
      });
      if (!v.emailDeliverable && v.email && rng.chance(0.6)) {
        row['EmailBouncedReason'] = '550 5.1.1 user unknown';
        row['EmailBouncedDate'] = salesforceDateTime(this.refMs - rng.int(1, 200) * DAY_MS);
      }
      this.audit(row, rng, createdMs);
      this.objects.Contact.push(row);
      if (accountId) this.accountContacts.get(accountId)?.push(id);
    } else {
      id = this.ids.next(KEY_PREFIX.Lead);
      const row = emptyRow('Lead');
      const employer = v.company === undefined ? undefined : this.companies[v.company];
      const converted = convertedFrom !== undefined;
      Object.assign(row, common, {
        Id: id,
        // Salesforce requires Company; web forms fill a placeholder for consumers.
        Company: employer ? companyName(employer, rng, 1.2) : rng.pick(['[not provided]', '[not provided]', fullName(v.firstName, v.lastName), 'Individual']),
        Street: street(address?.lines), City: address?.city ?? null, State: address?.state ?? null,
        PostalCode: address?.postalCode ?? null, Country: address?.country ?? null,
        Phone: v.workPhone ?? v.homePhone ?? null, MobilePhone: v.mobile ?? null,
        Website: employer && rng.chance(0.4) ? `www.${employer.domain}` : null,
        Status: converted ? 'Closed - Converted' : rng.weighted([['Open - Not Contacted', 4], ['Working - Contacted', 3], ['Closed - Not Converted', 2]] as const),
        Industry: employer && rng.chance(0.5) ? employer.industry : null, Rating: rng.pick(['Hot', 'Warm', 'Cold', null]),
        AnnualRevenue: employer && rng.chance(0.3) ? employer.annualRevenue : null,
        NumberOfEmployees: employer && rng.chance(0.4) ? employer.employees : null,
        IsConverted: converted,
        ConvertedDate: converted ? isoDate(Math.max(createdMs, convertedFrom.createdMs)) : null,
        ConvertedAccountId: converted ? convertedFrom.accountId : null,
        ConvertedContactId: converted ? convertedFrom.id : null,
      });
      this.audit(row, rng, converted ? Math.min(createdMs, convertedFrom.createdMs - DAY_MS) : createdMs);
      this.objects.Lead.push(row);
    }
    this.truth.push({ system: 'salesforce', stream: object, recordId: id, entityKind: 'person', truthId: p.truthId });
    const ref: SalesforcePersonRef = { id, object, accountId: object === 'Contact' ? accountId : null, createdMs };
    this.people.push(ref);
    return ref;
  }

  /** Campaigns, campaign members, opportunities and cases around the people and accounts. */
  finish(rng: Rng, peopleCount: number): void {
    const campaigns = this.addCampaigns(rng.fork('campaigns'), Math.min(60, 6 + Math.round(peopleCount / 150)));
    this.addCampaignMembers(rng.fork('members'), campaigns);
    this.addOpportunities(rng.fork('opportunities'), campaigns);
    this.addCases(rng.fork('cases'));
  }

  private addCampaigns(rng: Rng, count: number): Array<{ id: string; start: number }> {
    const out: Array<{ id: string; start: number }> = [];
    for (let i = 0; i < count; i++) {
      const id = this.ids.next(KEY_PREFIX.Campaign);
      const start = this.refMs - rng.int(-30, 180) * DAY_MS;
      const end = start + rng.int(7, 60) * DAY_MS;
      const status = end < this.refMs ? (rng.chance(0.9) ? 'Completed' : 'Aborted') : start > this.refMs ? 'Planned' : 'In Progress';
      const type = rng.pick(['Email', 'Webinar', 'Conference', 'Advertisement', 'Direct Mail', 'Trade Show']);
      const row = emptyRow('Campaign');
      const budget = rng.int(5, 200) * 500;
      Object.assign(row, {
        Id: id, IsDeleted: false, Name: `${new Date(start).getUTCFullYear()} ${rng.pick(CAMPAIGN_THEMES)} ${i + 1}`, Type: type, Status: status,
        StartDate: isoDate(start), EndDate: isoDate(end), ExpectedRevenue: budget * rng.int(2, 10), BudgetedCost: budget,
        ActualCost: status === 'Planned' ? null : Math.round(budget * (0.6 + rng.float() * 0.6)), ExpectedResponse: rng.int(1, 15),
        NumberSent: status === 'Planned' ? 0 : rng.int(100, 20000), IsActive: status === 'In Progress' || status === 'Planned', Description: null,
      });
      this.audit(row, rng, start - rng.int(5 * 86_400, 40 * 86_400) * 1000);
      this.objects.Campaign.push(row);
      out.push({ id, start });
    }
    return out;
  }

  private addCampaignMembers(rng: Rng, campaigns: ReadonlyArray<{ id: string; start: number }>): void {
    const started = campaigns.filter((c) => c.start <= this.refMs);
    if (started.length === 0) return;
    for (const person of this.people) {
      if (!rng.chance(0.22)) continue;
      for (const campaign of rng.sample(started, rng.int(1, 2))) {
        const responded = rng.chance(0.3);
        const row = emptyRow('CampaignMember');
        const created = Math.min(this.refMs - 60_000, campaign.start + rng.int(0, 10 * 86_399) * 1000);
        Object.assign(row, {
          Id: this.ids.next(KEY_PREFIX.CampaignMember), IsDeleted: false, CampaignId: campaign.id,
          LeadId: person.object === 'Lead' ? person.id : null, ContactId: person.object === 'Contact' ? person.id : null,
          Status: responded ? 'Responded' : 'Sent', HasResponded: responded,
          FirstRespondedDate: responded ? isoDate(Math.min(this.refMs, created + rng.int(0, 20) * DAY_MS)) : null,
        });
        this.audit(row, rng, created, false);
        this.objects.CampaignMember.push(row);
      }
    }
  }

  private addOpportunities(rng: Rng, campaigns: ReadonlyArray<{ id: string }>): void {
    for (const account of this.objects.Account) {
      const accountId = String(account['Id']);
      const n = rng.weighted([[0, 40], [1, 30], [2, 20], [3, 10]] as const);
      for (let i = 0; i < n; i++) {
        const closeMs = this.refMs + rng.int(-200, 120) * DAY_MS;
        const closed = closeMs < this.refMs && rng.chance(0.85);
        const won = closed && rng.chance(0.45);
        const [stage, probability, forecast] = closed ? (won ? ['Closed Won', 100, 'Closed'] : ['Closed Lost', 0, 'Omitted']) : rng.pick(STAGES);
        const contacts = this.accountContacts.get(accountId) ?? [];
        const row = emptyRow('Opportunity');
        Object.assign(row, {
          Id: this.ids.next(KEY_PREFIX.Opportunity), IsDeleted: false, AccountId: accountId,
          ContactId: contacts.length > 0 && rng.chance(0.7) ? rng.pick(contacts) : null,
          Name: `${String(account['Name'])} - ${rng.pick(['New Business', 'Renewal', 'Upsell', 'Expansion', 'Pilot'])}`,
          StageName: stage, Amount: rng.int(2, 400) * 250, Probability: probability, CloseDate: isoDate(closeMs),
          Type: rng.pick(['New Customer', 'Existing Customer - Upgrade', 'Existing Customer - Replacement', 'Existing Customer - Downgrade']),
          NextStep: closed ? null : rng.pick(['Send proposal', 'Schedule demo', 'Legal review', 'Call back', null]),
          LeadSource: rng.pick(LEAD_SOURCES), IsClosed: closed, IsWon: won, ForecastCategory: forecast, ForecastCategoryName: forecast === 'BestCase' ? 'Best Case' : forecast,
          CampaignId: campaigns.length > 0 && rng.chance(0.25) ? rng.pick(campaigns).id : null,
        });
        this.audit(row, rng, Math.min(closeMs, this.refMs) - rng.int(10 * 86_400, 200 * 86_400) * 1000);
        this.objects.Opportunity.push(row);
      }
    }
  }

  private addCases(rng: Rng): void {
    let caseNumber = 1000 + rng.int(0, 5000);
    for (const row of this.objects.Contact) {
      const n = rng.weighted([[0, 84], [1, 12], [2, 4]] as const);
      for (let i = 0; i < n; i++) {
        const status = rng.weighted([['New', 2], ['Working', 2], ['Escalated', 1], ['Closed', 6]] as const);
        const created = this.refMs - rng.int(0, 180) * DAY_MS - rng.int(0, 86_399) * 1000;
        const closed = status === 'Closed';
        const c = emptyRow('Case');
        caseNumber += rng.int(1, 3);
        Object.assign(c, {
          Id: this.ids.next(KEY_PREFIX.Case), IsDeleted: false, CaseNumber: String(caseNumber).padStart(8, '0'),
          ContactId: row['Id'] ?? null, AccountId: row['AccountId'] ?? null,
          SuppliedEmail: rng.chance(0.3) ? (row['Email'] ?? null) : null,
          Type: rng.pick(['Question', 'Problem', 'Feature Request', null]), Status: status, Reason: rng.pick(['Installation', 'Performance', 'Breakdown', 'Feedback', 'Other', null]),
          Origin: rng.pick(['Phone', 'Email', 'Web']), Subject: rng.pick(CASE_SUBJECTS), Priority: rng.weighted([['High', 1], ['Medium', 3], ['Low', 2]] as const),
          IsClosed: closed, ClosedDate: closed ? salesforceDateTime(Math.min(this.refMs, created + rng.int(1, 240) * 3_600_000)) : null,
          IsEscalated: status === 'Escalated',
        });
        this.audit(c, rng, created);
        this.objects.Case.push(c);
      }
    }
  }
}
