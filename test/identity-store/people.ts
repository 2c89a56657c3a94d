/**
 * Builders for identity store tests: a person in one system as the mappings store it — an Individual, and a
 * ContactPoint + ContactPointEmail (same id) and ContactPoint + ContactPointPhone for its email and phone.
 */
import { concordId, contentHash } from '../../src/core/ids.js';
import type { CimRecordRow, PageCommit, Store } from '../../src/store/store.js';

export interface PersonSpec {
  system: string;
  id: string;
  first: string;
  last: string;
  email?: string | undefined;
  phone?: string | undefined;
  dob?: string | undefined;
  modstamp?: string | undefined;
}

export const individualId = (p: Pick<PersonSpec, 'system' | 'id'>): string => concordId(p.system, 'Contact', p.id);

function rows(p: PersonSpec): CimRecordRow[] {
  const source = { system: p.system, stream: 'Contact', recordId: p.id };
  const partyId = individualId(p);
  const base = (suffix: string) => ({ externalSourceId: p.system, externalRecordId: suffix === '' ? p.id : `${p.id}/${suffix}`, systemModstamp: p.modstamp });
  const records: Array<{ entity: string; data: Record<string, unknown> }> = [
    { entity: 'Individual', data: { id: partyId, ...base(''), partyId, firstName: p.first, lastName: p.last, personName: `${p.first} ${p.last}`, birthDate: p.dob } },
  ];
  if (p.email !== undefined) {
    const id = concordId(p.system, 'Contact', p.id, 'Email');
    records.push({ entity: 'ContactPoint', data: { id, ...base('Email'), partyId, contactPointTypeId: { type: 'ContactPointEmail', id } } });
    records.push({ entity: 'ContactPointEmail', data: { id, ...base('Email'), emailAddress: p.email } });
  }
  if (p.phone !== undefined) {
    const id = concordId(p.system, 'Contact', p.id, 'Phone');
    records.push({ entity: 'ContactPoint', data: { id, ...base('Phone'), partyId, contactPointTypeId: { type: 'ContactPointPhone', id } } });
    records.push({ entity: 'ContactPointPhone', data: { id, ...base('Phone'), telephoneNumber: p.phone } });
  }
  return records.map((record) => ({ record, id: String(record.data['id']), hash: contentHash(record.data), source, modstamp: p.modstamp }));
}

/** Stores people (one page per system); `deleted` ids become tombstones. */
export async function storePeople(store: Store, people: readonly PersonSpec[], deleted: ReadonlyArray<Pick<PersonSpec, 'system' | 'id'>> = []): Promise<void> {
  const systems = [...new Set([...people.map((p) => p.system), ...deleted.map((d) => d.system)])];
  for (const system of systems) {
    const mine = people.filter((p) => p.system === system);
    const page: PageCommit = {
      runId: 'run-test', system, stream: 'Contact',
      sourceRecords: mine.map((p) => ({ system, stream: 'Contact', recordId: p.id, fields: { ...p }, hash: contentHash(p), modstamp: p.modstamp })),
      cimRecords: mine.flatMap(rows),
      deletions: deleted.filter((d) => d.system === system).map((d) => ({ recordId: d.id })),
      deadLetters: [],
    };
    await store.commitPage(page);
  }
}

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John', 'Radia', 'Tim', 'Ken', 'Dennis', 'Margaret', 'Niklaus', 'Leslie', 'Shafi', 'Hedy', 'Claude', 'Katherine', 'Linus'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'McCarthy', 'Perlman', 'Berners', 'Thompson', 'Ritchie', 'Hamilton', 'Wirth', 'Lamport', 'Goldwasser', 'Lamarr', 'Shannon', 'Johnson', 'Torvalds'];

/** `n` distinct people in the `crm` system (names, emails, phones and birth dates all different). */
export function distinctPeople(n: number, system = 'crm'): PersonSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    system, id: `${system}-${i}`, first: FIRST[i % FIRST.length]!, last: `${LAST[Math.floor(i / FIRST.length) % LAST.length]!}${i >= 400 ? i : ''}`,
    email: `person${i}@example${i % 7}.com`, phone: `+1415555${String(1000 + i).padStart(4, '0')}`,
    dob: `19${50 + (i % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, modstamp: '2025-01-01T00:00:00.000Z',
  }));
}
