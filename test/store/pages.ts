/**
 * Builders of page commits for the store tests: a "contact" source row that maps to an Individual and one
 * ContactPointEmail per email, as a mapping would produce them.
 */
import { concordId, contentHash } from '../../src/core/ids.js';
import type { CimRecordRow, PageCommit, SourceRecordRow } from '../../src/store/store.js';

export const SYSTEM = 'crm';
export const STREAM = 'Contact';

export interface ContactSpec {
  id: string;
  name: string;
  emails?: string[];
  modstamp?: string;
}

export function sourceRow(spec: ContactSpec, deleted = false): SourceRecordRow {
  const fields = { Name: spec.name, Emails: spec.emails ?? [] };
  return { system: SYSTEM, stream: STREAM, recordId: spec.id, modstamp: spec.modstamp, deleted, fields, hash: contentHash({ fields, deleted }) };
}

export function cimRows(spec: ContactSpec): CimRecordRow[] {
  const source = { system: SYSTEM, stream: STREAM, recordId: spec.id };
  const individual = { entity: 'Individual', data: { id: concordId(SYSTEM, STREAM, spec.id), externalSourceId: SYSTEM, externalRecordId: spec.id, name: spec.name } };
  const emails = (spec.emails ?? []).map((email, slot) => ({
    entity: 'ContactPointEmail',
    data: { id: concordId(SYSTEM, STREAM, spec.id, `Email${slot}`), externalSourceId: SYSTEM, externalRecordId: `${spec.id}/Email${slot}`, emailAddress: email },
  }));
  return [individual, ...emails].map((record) => ({ record, id: String(record.data.id), hash: contentHash(record.data), source, modstamp: spec.modstamp }));
}

export function contactPage(contacts: ContactSpec[], extra: Partial<PageCommit> = {}): PageCommit {
  return {
    runId: 'run-1',
    system: SYSTEM,
    stream: STREAM,
    sourceRecords: contacts.map((c) => sourceRow(c)),
    cimRecords: contacts.flatMap(cimRows),
    deletions: [],
    deadLetters: [],
    ...extra,
  };
}
