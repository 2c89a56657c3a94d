/**
 * Builders for organisation store tests: a company in one system as the Salesforce Account and Dataverse account
 * mappings store it — an Organization with its Party (same id), and a ContactPoint with a ContactPointPhone (the
 * business phone; a fax in the `/Fax` slot), a ContactPointAddress and a PartyWebAddress.
 */
import { concordId, contentHash } from '../../src/core/ids.js';
import type { CimRecordRow, PageCommit, Store } from '../../src/store/store.js';

export interface OrgSpec {
  system: string;
  id: string;
  name: string;
  phone?: string | undefined;
  fax?: string | undefined;
  street?: string | undefined;
  city?: string | undefined;
  postcode?: string | undefined;
  website?: string | undefined;
  duns?: string | undefined;
  modstamp?: string | undefined;
}

export const organizationId = (o: Pick<OrgSpec, 'system' | 'id'>): string => concordId(o.system, 'Account', o.id);

function rows(o: OrgSpec): CimRecordRow[] {
  const source = { system: o.system, stream: 'Account', recordId: o.id };
  const partyId = organizationId(o);
  const base = (slot: string) => ({ externalSourceId: o.system, externalRecordId: slot === '' ? o.id : `${o.id}/${slot}`, systemModstamp: o.modstamp });
  const records: Array<{ entity: string; data: Record<string, unknown> }> = [
    { entity: 'Organization', data: { id: partyId, ...base(''), partyId, businessName: o.name, dUNSNumber: o.duns } },
    { entity: 'Party', data: { id: partyId, ...base(''), partyTypeId: { type: 'Organization', id: partyId } } },
  ];
  const point = (slot: string, entity: string, data: Record<string, unknown>): void => {
    const id = concordId(o.system, 'Account', o.id, slot);
    records.push({ entity: 'ContactPoint', data: { id, ...base(slot), partyId, contactPointTypeId: { type: entity, id } } });
    records.push({ entity, data: { id, ...base(slot), ...data } });
  };
  if (o.phone !== undefined) point('Phone', 'ContactPointPhone', { telephoneNumber: o.phone });
  if (o.fax !== undefined) point('Fax', 'ContactPointPhone', { telephoneNumber: o.fax });
  if (o.street !== undefined) point('BillingAddress', 'ContactPointAddress', { addressLine1: o.street, cityName: o.city, postalCodeText: o.postcode, countryName: 'US' });
  if (o.website !== undefined) point('Website', 'PartyWebAddress', { webSiteURL: o.website });
  return records.map((record) => ({ record, id: String(record.data['id']), hash: contentHash(record.data), source, modstamp: o.modstamp }));
}

/** Stores organisations (one page per system); `deleted` ids become tombstones. */
export async function storeOrganizations(store: Store, orgs: readonly OrgSpec[], deleted: ReadonlyArray<Pick<OrgSpec, 'system' | 'id'>> = []): Promise<void> {
  const systems = [...new Set([...orgs.map((o) => o.system), ...deleted.map((d) => d.system)])];
  for (const system of systems) {
    const mine = orgs.filter((o) => o.system === system);
    const page: PageCommit = {
      runId: 'run-test', system, stream: 'Account',
      sourceRecords: mine.map((o) => ({ system, stream: 'Account', recordId: o.id, fields: { ...o }, hash: contentHash(o), modstamp: o.modstamp })),
      cimRecords: mine.flatMap(rows),
      deletions: deleted.filter((d) => d.system === system).map((d) => ({ recordId: d.id })),
      deadLetters: [],
    };
    await store.commitPage(page);
  }
}

const FIRST = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne', 'Soylent', 'Oscorp', 'Gringotts', 'Monarch', 'Pied Piper', 'Dunder Mifflin', 'Sterling Cooper', 'Prestige', 'Aperture'];
const SECOND = ['Industries', 'Logistics', 'Foods', 'Labs'];
const STREETS = ['Main', 'Oak', 'Pine', 'Maple', 'Cedar', 'Elm', 'Lake', 'Hill'];

/** `n` distinct organisations in `system` (names, phones, addresses and websites all different). */
export function distinctOrganizations(n: number, system = 'crm'): OrgSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    system, id: `${system}-org-${i}`, name: `${FIRST[i % FIRST.length]!} ${SECOND[Math.floor(i / FIRST.length) % SECOND.length]!} Inc`,
    phone: `+1312555${String(1000 + i).padStart(4, '0')}`, street: `${100 + i * 7} ${STREETS[i % STREETS.length]!} Street`, city: 'Chicago',
    postcode: `606${String(i % 50).padStart(2, '0')}`, website: `https://www.company${i}.example.com`, modstamp: '2025-01-01T00:00:00.000Z',
  }));
}
