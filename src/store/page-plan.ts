/**
 * What a page commit must do, worked out before touching the database (pure, shared by both backends):
 * duplicates removed (last occurrence wins, as the source's latest word), every CIM record's key resolved,
 * and the two kinds of tombstone gathered — source records deleted in the system, and CIM records a changed
 * source record no longer produces.
 *
 * @example
 * const plan = planPage(page); // plan.cimRows, plan.produced, plan.deletions
 */
import { ConcordError } from '../core/errors.js';
import { cimKeyOf, type CimKey } from '../model/record.js';
import type { CimRecordRow, PageCommit, SourceRecordRow } from './store.js';

/** Separator of composite keys in memory and in SQL lists; cannot occur in ids Concord accepts from sources. */
export const KEY_SEPARATOR = '\u001f';

export interface PlannedCimRow extends CimKey {
  row: CimRecordRow;
}

export interface SourceRef {
  system: string;
  stream: string;
  recordId: string;
}

export interface PagePlan {
  sourceRows: SourceRecordRow[];
  cimRows: PlannedCimRow[];
  /**
   * Live source records of this page whose complete CIM output is `keys` (`entity␟externalSourceId␟externalRecordId`):
   * their other live CIM records are no longer produced and become tombstones.
   */
  produced: Array<SourceRef & { keys: string[] }>;
  /** Source records deleted in the system (from `deletions` and from deleted source rows). */
  deletions: Array<SourceRef & { modstamp: string | undefined }>;
}

export function cimKeyText(key: CimKey): string {
  return `${key.entity}${KEY_SEPARATOR}${key.externalSourceId}${KEY_SEPARATOR}${key.externalRecordId}`;
}

/** `system␟stream␟recordId`, the in-memory key of a source record. */
export function sourceKeyText(ref: SourceRef): string {
  return `${ref.system}${KEY_SEPARATOR}${ref.stream}${KEY_SEPARATOR}${ref.recordId}`;
}

export function planPage(page: PageCommit): PagePlan {
  const sources = new Map<string, SourceRecordRow>();
  for (const row of page.sourceRecords) sources.set(sourceKeyText(row), row);

  const cims = new Map<string, PlannedCimRow>();
  for (const row of page.cimRecords) {
    const key = cimKeyOf(row.record);
    if (!key.entity || !key.externalSourceId || !key.externalRecordId) {
      throw new ConcordError('STORE_CIM_KEY_MISSING', `a ${key.entity || 'CIM'} record has no complete key (entity, externalSourceId, externalRecordId)`, {
        kind: 'bug',
        context: { system: row.source.system, stream: row.source.stream, recordId: row.source.recordId, entity: key.entity },
        hint: 'the mapping must set externalSourceId and externalRecordId on every record it produces',
      });
    }
    cims.set(cimKeyText(key), { ...key, row });
  }

  const producedBySource = new Map<string, string[]>();
  for (const [text, row] of sources) if (row.deleted !== true) producedBySource.set(text, []);
  for (const [keyText, planned] of cims) producedBySource.get(sourceKeyText(planned.row.source))?.push(keyText);

  const deletions = new Map<string, SourceRef & { modstamp: string | undefined }>();
  for (const d of page.deletions) {
    const ref = { system: page.system, stream: page.stream, recordId: d.recordId };
    deletions.set(sourceKeyText(ref), { ...ref, modstamp: d.modstamp });
  }
  for (const [text, row] of sources) {
    if (row.deleted === true && !deletions.has(text)) deletions.set(text, { system: row.system, stream: row.stream, recordId: row.recordId, modstamp: row.modstamp });
  }

  return {
    sourceRows: [...sources.values()],
    cimRows: [...cims.values()],
    produced: [...producedBySource].map(([text, keys]) => {
      const row = sources.get(text)!;
      return { system: row.system, stream: row.stream, recordId: row.recordId, keys };
    }),
    deletions: [...deletions.values()],
  };
}
