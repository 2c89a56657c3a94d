/**
 * Person records for identity resolution, assembled from stored CIM records: each live Individual with its
 * contact points (ContactPoint.partyId → the Individual; ContactPointEmail / Phone / Address share the
 * ContactPoint's id). Every entity is read by keyset paging over the store; contact points are indexed by party
 * first, then the Individuals are streamed past that index.
 *
 * @example
 * for await (const batch of assemblePersons(store)) for (const p of batch) p.record.id; // the Individual's id
 */
import { isSupportedCountry } from 'libphonenumber-js';
import { buildPersonFeatures } from '../normalize/features.js';
import { decodeFeatures, encodeFeatures } from '../parallel/feature-codec.js';
import { StringPool } from './string-pool.js';
import type { Store, StoredCimRecord } from '../../store/store.js';
import type { IdentityRecord } from '../types.js';

const PAGE = 2000;

/** The values survivorship chooses among, as the record has them. */
export interface PersonValues {
  personName?: string | undefined;
  firstName?: string | undefined;
  middleName?: string | undefined;
  lastName?: string | undefined;
  birthDate?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  address?: string | undefined;
}

/** One Individual ready to match, with where it came from. */
export interface PersonRecord {
  record: IdentityRecord;
  system: string;
  stream: string;
  sourceRecordId: string;
  externalRecordId: string;
  modstamp?: string | undefined;
  values: PersonValues;
}

export interface AssembleOptions {
  /** Default region for phones and postcodes (ISO alpha-2). Default `US`. */
  region?: string;
  /** Records per read. */
  pageSize?: number;
}

/** Every live record of an entity, page by page in id order. */
export async function* cimPages(store: Store, entity: string, pageSize = PAGE): AsyncGenerator<StoredCimRecord[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await store.listCimRecords(entity, { limit: pageSize, ...(after !== undefined && { after }) });
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

interface ContactOf {
  email?: { value: string; rank: string };
  phone?: { value: string; rank: string };
  address?: { value: AddressParts; rank: string };
}

/** A postal address as CIM ContactPointAddress holds it. */
export interface AddressParts {
  street?: string | undefined;
  city?: string | undefined;
  postcode?: string | undefined;
  state?: string | undefined;
  country?: string | undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** The primary (then most recently modified) email, phone and address of each party, fed point by point. */
class ContactIndex {
  private readonly points = new Map<string, { partyId: string; rank: string }>();
  readonly byParty = new Map<string, ContactOf>();

  addPoint(cp: StoredCimRecord): void {
    const partyId = str(cp.data['partyId']);
    if (partyId === undefined) return;
    // Primary first, then latest modstamp: ranks compare as strings, larger wins.
    const rank = `${cp.data['primaryFlag'] === true ? 1 : 0}|${str(cp.data['systemModstamp']) ?? ''}`;
    this.points.set(cp.id, { partyId, rank });
  }

  addSubtype(r: StoredCimRecord): void {
    if (r.entity === 'ContactPointEmail') this.offer(r.id, 'email', str(r.data['emailAddress']));
    else if (r.entity === 'ContactPointPhone') this.offer(r.id, 'phone', str(r.data['formattedE164PhoneNumber']) ?? str(r.data['telephoneNumber']));
    else if (r.entity === 'ContactPointAddress') {
      const street = [str(r.data['addressLine1']), str(r.data['addressLine2'])].filter((v) => v !== undefined).join(' ');
      const parts: AddressParts = {
        street: street === '' ? undefined : street, city: str(r.data['cityName']), postcode: str(r.data['postalCodeText']),
        state: str(r.data['stateProvinceName']), country: str(r.data['countryName']),
      };
      this.offer(r.id, 'address', Object.values(parts).some((v) => v !== undefined) ? parts : undefined);
    }
  }

  /** The contacts of one party, forgotten here: each Individual is assembled once, so a full read frees as it goes. */
  take(partyId: string): ContactOf | undefined {
    const contacts = this.byParty.get(partyId);
    this.byParty.delete(partyId);
    return contacts;
  }

  /** Drops the point → party map once every subtype has been fed (a million people have two million points). */
  pointsDone(): void {
    this.points.clear();
  }

  private offer<K extends keyof ContactOf>(id: string, key: K, value: NonNullable<ContactOf[K]>['value'] | undefined): void {
    const point = this.points.get(id);
    if (!point || value === undefined) return;
    const entry = this.byParty.get(point.partyId) ?? {};
    const current = entry[key];
    if (!current || point.rank > current.rank) entry[key] = { value, rank: point.rank } as ContactOf[K];
    this.byParty.set(point.partyId, entry);
  }
}

const SUBTYPES = ['ContactPointEmail', 'ContactPointPhone', 'ContactPointAddress'] as const;

/** The contact points of every party, read entity by entity. */
async function contactsByParty(store: Store, pageSize: number): Promise<ContactIndex> {
  const index = new ContactIndex();
  for await (const page of cimPages(store, 'ContactPoint', pageSize)) for (const cp of page) index.addPoint(cp);
  for (const entity of SUBTYPES) for await (const page of cimPages(store, entity, pageSize)) for (const r of page) index.addSubtype(r);
  index.pointsDone();
  return index;
}

/** The address on one line (street, city, state postcode, country), as the address comparisons read it. */
export function formatAddress(a: AddressParts | undefined): string | undefined {
  if (!a) return undefined;
  const text = [a.street, a.city, [a.state, a.postcode].filter((s) => s !== undefined).join(' '), a.country].filter((s) => s !== undefined && s !== '').join(', ');
  return text === '' ? undefined : text;
}

// Country names as systems write them (per record, so built once).
const COUNTRIES: Readonly<Record<string, string>> = {
  'united states': 'US', 'united states of america': 'US', usa: 'US', 'united kingdom': 'GB', uk: 'GB', germany: 'DE', deutschland: 'DE', france: 'FR',
  canada: 'CA', australia: 'AU', italy: 'IT', italia: 'IT', spain: 'ES', 'españa': 'ES', netherlands: 'NL', japan: 'JP', india: 'IN',
};

/** A country name or code → ISO alpha-2 when it is one we know; otherwise undefined (the default region applies). */
export function regionOf(country: string | undefined): string | undefined {
  if (country === undefined) return undefined;
  const code = country.length === 2 ? country.toUpperCase() : undefined;
  if (code !== undefined) return code === 'UK' ? 'GB' : isSupportedCountry(code) ? code : undefined;
  return COUNTRIES[country.toLowerCase()];
}

/**
 * Streams the live Individuals as person records, in batches (id order).
 *
 * @example
 * const people: PersonRecord[] = [];
 * for await (const batch of assemblePersons(store, { region: 'US' })) people.push(...batch);
 */
export async function* assemblePersons(store: Store, options: AssembleOptions = {}): AsyncGenerator<PersonRecord[]> {
  const pageSize = options.pageSize ?? PAGE;
  const region = options.region ?? 'US';
  const contacts = await contactsByParty(store, pageSize);
  // Every row brings its own copy of each string; a full read keeps one of each repeated value (see StringPool).
  const pool = new StringPool();
  const intern = (name: string): string => pool.share('source', name);
  for await (const page of cimPages(store, 'Individual', pageSize)) {
    const people = page.map((row) => personRecordOf(row, contacts.take(row.id), region, intern));
    // The features once more through JSON (losslessly, see feature-codec): a parsed feature object takes ~0.9 KB
    // against ~1.5 KB as built (sliced and concatenated strings, arrays grown by push) — 0.6 GB at a million,
    // held through clustering, for ~15 µs a person.
    const compact = decodeFeatures(encodeFeatures(people.map((p) => p.record.features)));
    yield people.map((p, i) => shared({ ...p, record: { ...p.record, features: compact[i]! } }, pool));
  }
}

/**
 * A few Individuals by Concord id (live ones only; others are left out), with their contact points — for
 * look-ups and explanations without reading every person.
 *
 * @example
 * const [a, b] = await assemblePersonsById(store, [idA, idB]);
 */
export async function assemblePersonsById(store: Store, ids: readonly string[], options: AssembleOptions = {}): Promise<PersonRecord[]> {
  const region = options.region ?? 'US';
  const index = new ContactIndex();
  // A subtype record (email, phone, address) shares its ContactPoint's id: one batched read per subtype.
  const pointsOfType = new Map<string, string[]>();
  for (const cp of await store.contactPointsOfParties(ids)) {
    index.addPoint(cp);
    const type = (cp.data['contactPointTypeId'] as { type?: unknown } | undefined)?.type;
    if (typeof type !== 'string' || !(SUBTYPES as readonly string[]).includes(type)) continue;
    pointsOfType.set(type, [...(pointsOfType.get(type) ?? []), cp.id]);
  }
  for (const [type, pointIds] of pointsOfType) for (const sub of await store.liveCimRecordsByIds(type, pointIds)) index.addSubtype(sub);
  const byId = new Map((await store.liveCimRecordsByIds('Individual', ids)).map((row) => [row.id, row] as const));
  const out: PersonRecord[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row) out.push(personRecordOf(row, index.byParty.get(row.id), region));
  }
  return out;
}

/** A person whose strings are the pool's: its features', and its values' where they equal a feature or repeat. */
function shared(person: PersonRecord, pool: StringPool): PersonRecord {
  const features = person.record.features as Record<string, unknown>;
  pool.shareFeatures(features);
  const v = person.values;
  // Raw values often are already normal (an E.164 phone, an ISO date, a lower-case email): one string for both.
  if (v.email !== undefined && v.email === features['email']) v.email = features['email'];
  if (v.phone !== undefined && v.phone === features['phone']) v.phone = features['phone'];
  if (v.birthDate !== undefined && v.birthDate === features['dob']) v.birthDate = features['dob'];
  for (const key of ['personName', 'firstName', 'middleName', 'lastName', 'birthDate', 'address'] as const) {
    const value = v[key];
    if (value !== undefined) v[key] = pool.share(`values.${key}`, value);
  }
  if (person.modstamp !== undefined) person.modstamp = pool.share('modstamp', person.modstamp);
  return person;
}

function personRecordOf(row: StoredCimRecord, c: ContactOf | undefined, region: string, intern = (name: string): string => name): PersonRecord {
  const d = row.data;
  const address = c?.address?.value;
  const values: PersonValues = {
    personName: str(d['personName']), firstName: str(d['firstName']), middleName: str(d['middleName']) ?? str(d['concord:middleName']),
    lastName: str(d['lastName']), birthDate: str(d['birthDate']), email: c?.email?.value, phone: c?.phone?.value, address: formatAddress(address),
  };
  const features = buildPersonFeatures(
    {
      firstName: values.firstName, middleName: values.middleName, lastName: values.lastName, fullName: values.personName,
      dob: values.birthDate, email: values.email, phone: values.phone, street: address?.street, city: address?.city,
      postcode: address?.postcode, state: address?.state, country: regionOf(address?.country),
    },
    { region: regionOf(address?.country) ?? region },
  );
  const system = intern(row.sourceSystem);
  return {
    record: { id: row.id, source: system, features },
    system, stream: intern(row.sourceStream), sourceRecordId: row.sourceRecordId, externalRecordId: row.externalRecordId,
    modstamp: str(d['systemModstamp']) ?? str(d['lastModifiedDate']) ?? str(d['createdDate']),
    values,
  };
}
