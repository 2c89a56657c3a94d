/**
 * One Data Export CSV row → a source record. Pure.
 *
 * - `recordId`: the `Id` column normalised to 18 characters (a 15-character Id gets its case-safe suffix);
 * - `modstamp`: `SystemModstamp`, else `LastModifiedDate`, as an ISO-8601 instant;
 * - `deleted`: `IsDeleted` is `true` or `1` (any case);
 * - `fields`: every non-empty cell as a string (empty cells are omitted), `Id` in its 18-character form.
 *
 * @example
 * salesforceRecord('sf', 'Contact', { columns: ['Id', 'LastName'], values: ['0035g00000A1b2C', 'Ng'], line: 2, file: 'Contact.csv' })
 * // ok({ system: 'sf', stream: 'Contact', recordId: '0035g00000A1b2CAAR', fields: { Id: '0035g00000A1b2CAAR', LastName: 'Ng' }, line: 2 })
 */
import type { ReadProblem } from '../connector.js';
import type { SourceRecord } from '../../store/store.js';
import { salesforceId18 } from '../../core/ids.js';
import { err, ok, type Result } from '../../core/result.js';
import { nonEmptyFields, type CsvRecordRow } from '../shared/csv-part.js';
import { problem } from '../shared/problems.js';

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function inRange(iso: string): boolean {
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || Number(iso.slice(11, 13)) > 23 || Number(iso.slice(14, 16)) > 59 || Number(iso.slice(17, 19)) > 59) return false;
  const year = Number(iso.slice(0, 4));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  // Day 31 of April and February 30 do not exist.
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

const ID_PATTERN = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;

/**
 * An ISO-8601 date-time as a UTC instant (`…Z`); anything else gives undefined.
 *
 * @example
 * isoInstant('2024-05-01T12:00:00.000+0000') // '2024-05-01T12:00:00.000Z'
 */
export function isoInstant(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // Data Export writes 2024-05-01T12:00:00.000Z: already the answer once its numbers are in range (a hot path).
  if (CANONICAL_INSTANT.test(value)) return inRange(value) ? value : undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  // Salesforce writes offsets as +0000; Date.parse wants +00:00.
  const normalised = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const time = Date.parse(/[zZ]|[+-]\d{2}:\d{2}$/.test(normalised) ? normalised : `${normalised}Z`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * Builds the source record of one row, or the problem that keeps it from being one.
 *
 * @example
 * salesforceRecord('sf', 'Account', row) // Result<SourceRecord, ReadProblem>
 */
export function salesforceRecord(system: string, stream: string, row: CsvRecordRow): Result<SourceRecord, ReadProblem> {
  const fields = nonEmptyFields(row);
  const rawId = fields['Id'];
  if (rawId === undefined) {
    return err(problem('MISSING_ID', `${stream} row at line ${row.line} has no Id`, { line: row.line, field: 'Id', payload: JSON.stringify(fields) }));
  }
  if (!ID_PATTERN.test(rawId)) {
    return err(problem('INVALID_ID', `${stream} row at line ${row.line}: Id "${rawId}" is not a 15- or 18-character Salesforce id`, { line: row.line, field: 'Id', payload: JSON.stringify(fields) }));
  }
  const recordId = salesforceId18(rawId);
  fields['Id'] = recordId;
  const record: SourceRecord = { system, stream, recordId, fields, line: row.line };
  const modstamp = isoInstant(fields['SystemModstamp'] ?? fields['LastModifiedDate']);
  if (modstamp !== undefined) record.modstamp = modstamp;
  const isDeleted = fields['IsDeleted']?.toLowerCase();
  if (isDeleted !== undefined) record.deleted = isDeleted === 'true' || isDeleted === '1';
  return ok(record);
}
