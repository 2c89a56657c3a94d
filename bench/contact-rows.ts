/**
 * Seeded Salesforce Contact rows for the mapping benchmark, generated one at a time (row `i` is a pure
 * function of the seed and `i`), so a million rows never sit in memory. Field fill rates follow a typical org:
 * every contact has a name and an owner, most have an account, an email and a business phone, fewer have a
 * mobile, a second address or a fax.
 */
import { mulberry32 } from '../src/core/random.js';


const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John', 'Katherine', 'Tim', 'Radia', 'Ken', 'Margaret', 'Dennis'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Backus', 'Johnson', 'Berners-Lee', 'Perlman', 'Thompson', 'Hamilton', 'Ritchie'];
const DOMAINS = ['example.com', 'acme.example', 'mail.example.org', 'corp.example.co.uk', 'Example.NET'];
const CITIES = [['San Francisco', 'CA', 'United States', 'US'], ['New York', 'NY', 'United States', 'US'], ['London', '', 'United Kingdom', 'GB'], ['Berlin', '', 'Germany', 'DE'], ['Paris', '', 'France', 'FR']] as const;
const AREAS = ['212', '415', '312', '617', '206', '303', '404', '512', '646', '718'];
const TITLES = ['CEO', 'CTO', 'VP Sales', 'Buyer', 'Engineer', 'Office Manager'];
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function sfId(prefix: string, n: number): string {
  let s = '';
  let x = n;
  for (let i = 0; i < 12; i++) {
    s = ALNUM[x % 62]! + s;
    x = Math.floor(x / 62);
  }
  return prefix + s;
}

export interface RowOptions {
  /** Share of rows with phone numbers (0 = none: measures mapping without the phone normalizer). */
  phones: number;
  /** Share of phone numbers that repeat earlier ones (shared switchboards, re-imported lists). */
  phoneRepeats?: number;
}

/** Row `i` of the benchmark stream. */
export function contactRow(i: number, options: RowOptions): Record<string, unknown> {
  const r = mulberry32(i * 2_654_435_761 + 17);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
  const first = pick(FIRST);
  const last = pick(LAST);
  const city = pick(CITIES);
  const phoneNumber = (n: number): string => {
    const k = options.phoneRepeats !== undefined && r() < options.phoneRepeats ? Math.floor(r() * 1000) : n;
    const area = AREAS[k % AREAS.length]!;
    const line = String(2_000_000 + ((k * 7919) % 7_999_999)).padStart(7, '0');
    return city[3] === 'US' ? `(${area}) ${line.slice(0, 3)}-${line.slice(3)}` : city[3] === 'GB' ? `020 7${line.slice(1, 4)} ${line.slice(3)}` : city[3] === 'DE' ? `030 ${line}` : `01 ${line.slice(0, 2)} ${line.slice(2, 4)} ${line.slice(4, 6)} ${line.slice(5, 7)}`;
  };
  const row: Record<string, unknown> = {
    Id: sfId('003', i),
    FirstName: first,
    LastName: last,
    Name: `${first} ${last}`,
    Salutation: r() < 0.5 ? 'Ms.' : 'Mr.',
    Title: pick(TITLES),
    OwnerId: sfId('005', i % 50),
    MailingStreet: `${1 + (i % 999)} Main St${r() < 0.3 ? '\nSuite 200' : ''}`,
    MailingCity: city[0],
    MailingPostalCode: String(10_000 + (i % 89_999)),
    MailingCountry: city[2],
    HasOptedOutOfEmail: r() < 0.1,
    DoNotCall: r() < 0.05,
    HasOptedOutOfFax: false,
    IsEmailBounced: false,
    LeadSource: pick(['Web', 'Phone Inquiry', 'Partner Referral', 'Other']),
    CreatedDate: '2024-05-01T12:00:00.000+0000',
    LastModifiedDate: '2024-05-02T08:30:00.000+0000',
    SystemModstamp: '2024-05-02T08:30:00.000+0000',
  };
  if (r() < 0.3) row['Birthdate'] = `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}`;
  if (city[1] !== '') row['MailingState'] = city[1];
  if (r() < 0.9) row['AccountId'] = sfId('001', i % 20_000);
  if (r() < 0.85) row['Email'] = `${first.toLowerCase()}.${last.toLowerCase()}${i}@${pick(DOMAINS)}`;
  if (r() < options.phones) row['Phone'] = phoneNumber(i * 3);
  if (r() < options.phones * 0.5) row['MobilePhone'] = phoneNumber(i * 3 + 1);
  if (r() < options.phones * 0.1) row['Fax'] = phoneNumber(i * 3 + 2);
  if (r() < 0.1) {
    row['OtherStreet'] = `${i % 77} High Rd`;
    row['OtherCity'] = city[0];
    row['OtherCountry'] = city[2];
  }
  return row;
}
