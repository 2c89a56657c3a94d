/**
 * Marketing Cloud extract rows → source records. Pure.
 *
 * - `Subscribers`: `recordId` = SubscriberKey; `modstamp` = the later of CreatedDate and UnsubscribedDate in
 *   UTC; `deleted` when Status is `Deleted`.
 * - events (`Sent`, `Opens`, `Clicks`, `Bounces`, `Unsubs`): `recordId` = `JobID|ListID|BatchID|SubscriberID|<EventDate as UTC>`,
 *   plus `|URL` for clicks (the send's join key plus the event time); `modstamp` = EventDate in UTC.
 * - `fields`: the non-empty cells as written (EventDate keeps its raw Central Standard Time text).
 *
 * @example
 * marketingCloudRecord('mc', 'Opens', row) // ok({ recordId: '4211|87|1|99001|2024-05-01T13:05:09.000Z', … })
 */
import type { ReadProblem } from '../connector.js';
import type { SourceRecord } from '../../store/store.js';
import { err, ok, type Result } from '../../core/result.js';
import { nonEmptyFields, type CsvRecordRow } from '../shared/csv-part.js';
import { problem } from '../shared/problems.js';
import { eventDateToUtc } from './event-date.js';

export const MARKETING_CLOUD_STREAMS = ['Subscribers', 'Sent', 'Opens', 'Clicks', 'Bounces', 'Unsubs'] as const;
export type MarketingCloudStream = (typeof MARKETING_CLOUD_STREAMS)[number];

/** Subscriber statuses of All Subscribers (SOAP `SubscriberStatus`). */
export const SUBSCRIBER_STATUSES = ['Active', 'Bounced', 'Held', 'Unsubscribed', 'Deleted'] as const;

/** Columns that make an event's key, in key order. */
export const EVENT_KEY_COLUMNS = ['JobID', 'ListID', 'BatchID', 'SubscriberID', 'EventDate'] as const;

/** Columns each stream's extract is expected to have (others are kept as they come). */
export const STREAM_COLUMNS: Record<MarketingCloudStream, readonly string[]> = {
  Subscribers: ['SubscriberKey', 'EmailAddress', 'FirstName', 'LastName', 'Status', 'CreatedDate', 'UnsubscribedDate'],
  Sent: ['AccountID', 'JobID', 'ListID', 'BatchID', 'SubscriberID', 'SubscriberKey', 'EventDate', 'Domain'],
  Opens: ['AccountID', 'JobID', 'ListID', 'BatchID', 'SubscriberID', 'SubscriberKey', 'EventDate', 'Domain', 'IsUnique'],
  Clicks: ['AccountID', 'JobID', 'ListID', 'BatchID', 'SubscriberID', 'SubscriberKey', 'EventDate', 'Domain', 'IsUnique', 'URL', 'LinkName'],
  Bounces: ['AccountID', 'JobID', 'ListID', 'BatchID', 'SubscriberID', 'SubscriberKey', 'EventDate', 'Domain', 'IsUnique', 'BounceCategory', 'BounceSubcategory', 'SMTPCode', 'SMTPBounceReason'],
  Unsubs: ['AccountID', 'JobID', 'ListID', 'BatchID', 'SubscriberID', 'SubscriberKey', 'EventDate', 'Domain', 'IsUnique'],
};

/**
 * Builds the source record of one extract row, or the problem that keeps it from being one.
 *
 * @example
 * marketingCloudRecord('mc', 'Subscribers', { columns: ['SubscriberKey'], values: ['003…'], line: 2, file: 'Subscribers.csv' })
 */
export function marketingCloudRecord(system: string, stream: MarketingCloudStream, row: CsvRecordRow): Result<SourceRecord, ReadProblem> {
  const fields = nonEmptyFields(row);
  const payload = JSON.stringify(fields);
  if (stream === 'Subscribers') {
    const key = fields['SubscriberKey'];
    if (key === undefined) return err(problem('MISSING_ID', `Subscribers row at line ${row.line} has no SubscriberKey`, { line: row.line, field: 'SubscriberKey', payload }));
    const record: SourceRecord = { system, stream, recordId: key, fields, line: row.line };
    const times: string[] = [];
    for (const column of ['CreatedDate', 'UnsubscribedDate']) {
      const raw = fields[column];
      if (raw === undefined) continue;
      const utc = eventDateToUtc(raw);
      if (utc === undefined) return err(problem('INVALID_DATE', `Subscribers row at line ${row.line}: ${column} "${raw}" is not a date`, { line: row.line, field: column, recordId: key, payload }));
      times.push(utc);
    }
    if (times.length > 0) record.modstamp = times.sort().at(-1);
    if (fields['Status'] !== undefined) record.deleted = fields['Status'].toLowerCase() === 'deleted';
    return ok(record);
  }
  const missing: string[] = EVENT_KEY_COLUMNS.filter((c) => fields[c] === undefined);
  if (stream === 'Clicks' && fields['URL'] === undefined) missing.push('URL');
  if (missing.length > 0) {
    return err(problem('MISSING_ID', `${stream} row at line ${row.line} lacks ${missing.join(', ')}, which make its key`, { line: row.line, field: missing[0], payload }));
  }
  const eventDate = eventDateToUtc(fields['EventDate']!);
  if (eventDate === undefined) {
    return err(problem('INVALID_DATE', `${stream} row at line ${row.line}: EventDate "${fields['EventDate']}" is neither M/D/YYYY h:mm:ss AM nor ISO-8601`, { line: row.line, field: 'EventDate', payload }));
  }
  const parts = [fields['JobID'], fields['ListID'], fields['BatchID'], fields['SubscriberID'], eventDate];
  if (stream === 'Clicks') parts.push(fields['URL']);
  return ok({ system, stream, recordId: parts.join('|'), modstamp: eventDate, fields, line: row.line });
}
