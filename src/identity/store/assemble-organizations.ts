/**
 * Organisation records for identity resolution, assembled from stored CIM records: each live `Organization`
 * (what the Salesforce Account and Dataverse account mappings make of a company, with its Party under the same
 * id) with its contact points — ContactPoint.partyId → the Organization; the ContactPointPhone, ContactPointAddress
 * and PartyWebAddress sharing the ContactPoint's id. Organisations are read page by page and their contact points
 * looked up by party for each page (indexed), so the cost follows the number of organisations, not of people.
 *
 * @example
 * for await (const batch of assembleOrganizations(store)) for (const o of batch) o.values.organizationName;
 */
import { buildOrganizationMatchFeatures } from '../normalize/organization.js';
import type { Store, StoredCimRecord } from '../../store/store.js';
import type { IdentityRecord } from '../types.js';
import { cimPages, formatAddress, regionOf, type AddressParts } from './assemble.js';

/** The values survivorship chooses among for an organisation, as the record has them. */
export type OrganizationValues = {
  organizationName?: string | undefined;
  phone?: string | undefined;
  website?: string | undefined;
  address?: string | undefined;
  /** DUNS or another registration number. */
  identifier?: string | undefined;
};

/** The golden attributes of an organisation profile, in order. */
export const ORGANIZATION_ATTRIBUTES: ReadonlyArray<keyof OrganizationValues> = ['organizationName', 'phone', 'website', 'address', 'identifier'];

/** One Organization ready to match, with where it came from. */
export interface OrganizationRecord {
  record: IdentityRecord;
  system: string;
  stream: string;
  sourceRecordId: string;
  externalRecordId: string;
  modstamp?: string | undefined;
  values: OrganizationValues;
}

export interface AssembleOrganizationOptions {
  /** Default region for phones and postcodes (ISO alpha-2). Default `US`. */
  region?: string;
  /** Organisations per read. */
  pageSize?: number;
}

interface Contacts {
  phone?: { value: string; rank: string };
  website?: { value: string; rank: string };
  address?: { value: AddressParts; rank: string };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const SUBTYPES = ['ContactPointPhone', 'ContactPointAddress', 'PartyWebAddress'] as const;

/**
 * The best phone, website and address of each party: primary first, then the latest modstamp. A fax line is
 * never the organisation's phone (both CRM mappings give it the `Fax` slot).
 */
async function contactsOf(store: Store, partyIds: readonly string[]): Promise<Map<string, Contacts>> {
  const points = new Map<string, { partyId: string; rank: string }>();
  const ofType = new Map<string, string[]>();
  for (const cp of await store.contactPointsOfParties(partyIds)) {
    const partyId = str(cp.data['partyId']);
    const type = (cp.data['contactPointTypeId'] as { type?: unknown } | undefined)?.type;
    if (partyId === undefined || typeof type !== 'string' || !(SUBTYPES as readonly string[]).includes(type)) continue;
    if (cp.externalRecordId.endsWith('/Fax')) continue;
    points.set(cp.id, { partyId, rank: `${cp.data['primaryFlag'] === true ? 1 : 0}|${str(cp.data['systemModstamp']) ?? ''}` });
    ofType.set(type, [...(ofType.get(type) ?? []), cp.id]);
  }
  const out = new Map<string, Contacts>();
  const offer = <K extends keyof Contacts>(id: string, key: K, value: NonNullable<Contacts[K]>['value'] | undefined): void => {
    const point = points.get(id);
    if (point === undefined || value === undefined) return;
    const entry = out.get(point.partyId) ?? {};
    const current = entry[key];
    if (current === undefined || point.rank > current.rank) entry[key] = { value, rank: point.rank } as Contacts[K];
    out.set(point.partyId, entry);
  };
  for (const [type, ids] of ofType) {
    for (const r of await store.liveCimRecordsByIds(type, ids)) {
      if (type === 'ContactPointPhone') offer(r.id, 'phone', str(r.data['formattedE164PhoneNumber']) ?? str(r.data['telephoneNumber']));
      else if (type === 'PartyWebAddress') offer(r.id, 'website', str(r.data['webSiteURL']));
      else {
        const street = [str(r.data['addressLine1']), str(r.data['addressLine2'])].filter((v) => v !== undefined).join(' ');
        const parts: AddressParts = {
          street: street === '' ? undefined : street, city: str(r.data['cityName']), postcode: str(r.data['postalCodeText']),
          state: str(r.data['stateProvinceName']), country: str(r.data['countryName']),
        };
        offer(r.id, 'address', Object.values(parts).some((v) => v !== undefined) ? parts : undefined);
      }
    }
  }
  return out;
}

function organizationRecordOf(row: StoredCimRecord, c: Contacts | undefined, region: string): OrganizationRecord {
  const d = row.data;
  const address = c?.address?.value;
  const values: OrganizationValues = {
    organizationName: str(d['businessName']) ?? str(d['name']), phone: c?.phone?.value, website: c?.website?.value,
    address: formatAddress(address), identifier: str(d['dUNSNumber']),
  };
  const country = regionOf(address?.country);
  const features = buildOrganizationMatchFeatures(
    {
      name: values.organizationName, website: values.website, phone: values.phone, street: address?.street, city: address?.city,
      postcode: address?.postcode, country, identifier: values.identifier,
    },
    { region: country ?? region },
  );
  return {
    record: { id: row.id, source: row.sourceSystem, features },
    system: row.sourceSystem, stream: row.sourceStream, sourceRecordId: row.sourceRecordId, externalRecordId: row.externalRecordId,
    modstamp: str(d['systemModstamp']) ?? str(d['lastModifiedDate']) ?? str(d['createdDate']),
    values,
  };
}

/**
 * Streams the live Organizations as organisation records, in batches (id order).
 *
 * @example
 * const orgs: OrganizationRecord[] = [];
 * for await (const batch of assembleOrganizations(store, { region: 'GB' })) orgs.push(...batch);
 */
export async function* assembleOrganizations(store: Store, options: AssembleOrganizationOptions = {}): AsyncGenerator<OrganizationRecord[]> {
  const region = options.region ?? 'US';
  for await (const page of cimPages(store, 'Organization', options.pageSize ?? 2000)) {
    const contacts = await contactsOf(store, page.map((row) => row.id));
    yield page.map((row) => organizationRecordOf(row, contacts.get(row.id), region));
  }
}
