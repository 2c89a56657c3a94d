/**
 * The shipped Marketing Cloud mappings: All Subscribers rows to Individual, contact points and email consent
 * by Status; tracking rows to EngagementEvents that link to the subscriber's Individual and email; Unsubs to an
 * opt-out. Rows as the marketing-cloud-export connector reads them (text cells, CST EventDate, composite ids).
 */
import { describe, expect, it } from 'vitest';
import { concordId } from '../../src/core/ids.js';
import { getMapping } from '../../src/connectors/mapping-registry.js';
import { MARKETING_CLOUD_MAPPINGS, type TrackingStream } from '../../src/connectors/marketing-cloud/mappings/index.js';
import { eventDateToUtc } from '../../src/connectors/marketing-cloud-export/index.js';
import { REFERENCE_DATA, compileMapping } from '../../src/mapping/index.js';
import { validateRecord, type CimRecord } from '../../src/model/index.js';
import type { SourceRecord } from '../../src/store/store.js';

const SYSTEM = 'mc';
const MID = 'marketing-cloud:514001234';
const OPTIONS = { defaultRegion: 'US', externalSourceId: MID, system: SYSTEM } as const;
const KEY = '0035g00000A1b2CAAR';

const compiled = new Map(MARKETING_CLOUD_MAPPINGS.map((m) => [m.stream, compileMapping(m, OPTIONS)]));

function mapRow(stream: string, fields: Record<string, string>): { records: CimRecord[]; issues: unknown[] } {
  let recordId = fields['SubscriberKey'] ?? '';
  if (stream !== 'Subscribers') {
    const parts = [fields['JobID'], fields['ListID'], fields['BatchID'], fields['SubscriberID'], eventDateToUtc(fields['EventDate'] ?? '')];
    if (stream === 'Clicks') parts.push(fields['URL']);
    recordId = parts.join('|');
  }
  const record: SourceRecord = { system: SYSTEM, stream, recordId, fields };
  return compiled.get(stream)!(record);
}

const entity = (records: CimRecord[], name: string) => records.filter((r) => r.entity === name).map((r) => r.data);
const invalid = (records: CimRecord[]) => records.flatMap((r) => { const v = validateRecord(r, 'practical'); return v.ok ? [] : v.error.map((e) => e.message); });

const subscriber = (status: string, extra: Record<string, string> = {}) =>
  mapRow('Subscribers', { SubscriberKey: KEY, EmailAddress: 'ana.ng@northwind.example', FirstName: 'Ana', LastName: 'Ng', Status: status, CreatedDate: '3/2/2023 9:15:00 AM', ...extra });

describe('Subscribers', () => {
  it('maps to Individual + Party keyed by SubscriberKey, with the email as primary contact point', () => {
    const { records, issues } = subscriber('Active', { Phone: '(425) 555-0100', PostalCode: '98052' });
    expect(issues).toEqual([]);
    expect(invalid(records)).toEqual([]);
    const id = concordId(SYSTEM, 'Subscribers', KEY);
    expect(entity(records, 'Individual')).toEqual([expect.objectContaining({ id, externalSourceId: MID, externalRecordId: KEY, firstName: 'Ana', lastName: 'Ng', personName: 'Ana Ng' })]);
    expect(entity(records, 'ContactPointEmail')).toEqual([expect.objectContaining({ id: concordId(SYSTEM, 'Subscribers', KEY, 'Email'), emailAddress: 'ana.ng@northwind.example', emailDomain: 'northwind.example' })]);
    expect(entity(records, 'ContactPointPhone')).toEqual([expect.objectContaining({ formattedE164PhoneNumber: '+14255550100', primaryPhoneTypeId: concordId(SYSTEM, REFERENCE_DATA, 'PrimaryPhoneType', 'Other') })]);
    expect(entity(records, 'ContactPointAddress')).toEqual([expect.objectContaining({ postalCodeText: '98052' })]);
    expect(entity(records, 'ContactPoint').map((c) => c['partyId'])).toEqual([id, id, id]);
  });

  it('emits no phone or address record when the extract has neither', () => {
    const { records } = subscriber('Active');
    expect(records.map((r) => r.entity).sort()).toEqual(['ContactPoint', 'ContactPointConsent', 'ContactPointEmail', 'Individual', 'Party']);
  });

  it.each([
    ['Active', 'optIn'],
    ['Bounced', 'optIn'],
    ['Held', 'optIn'],
    ['Unsubscribed', 'optOut'],
  ])('Status %s → email consent %s', (status, consent) => {
    const { records } = subscriber(status);
    expect(invalid(records)).toEqual([]);
    expect(entity(records, 'ContactPointConsent')).toEqual([
      expect.objectContaining({
        channel: 'email', purpose: 'marketing', status: consent,
        individualId: concordId(SYSTEM, 'Subscribers', KEY), contactPointId: concordId(SYSTEM, 'Subscribers', KEY, 'Email'),
      }),
    ]);
  });

  it.each([
    ['Active', false],
    ['Bounced', true],
    ['Held', true],
    ['Unsubscribed', false],
  ])('Status %s → the email ContactPoint isUndeliverable %s', (status, undeliverable) => {
    const { records } = subscriber(status);
    const email = concordId(SYSTEM, 'Subscribers', KEY, 'Email');
    expect(entity(records, 'ContactPoint').find((c) => c['id'] === email)?.['isUndeliverable']).toBe(undeliverable);
  });

  it('a subscriber without an email gets no email contact point from its status alone', () => {
    const { records } = subscriber('Held', { EmailAddress: '' });
    expect(entity(records, 'ContactPointEmail')).toEqual([]);
    expect(entity(records, 'ContactPoint')).toEqual([]);
  });

  it.each(['Deleted', 'Pending'])('Status %s gives no consent record', (status) => {
    expect(entity(subscriber(status).records, 'ContactPointConsent')).toEqual([]);
  });

  it('an opt-out is captured at UnsubscribedDate, later than the creation', () => {
    const { records } = subscriber('Unsubscribed', { UnsubscribedDate: '4/30/2024 6:45:10 PM' });
    const [consent] = entity(records, 'ContactPointConsent');
    // 6:45:10 PM CST on April 30 is 00:45:10 UTC on May 1.
    expect(consent?.['capturedDateTime']).toBe('2024-05-01T00:45:10.000Z');
    expect(String(consent?.['capturedDateTime']) > String(entity(records, 'Individual')[0]?.['createdDate'])).toBe(true);
    // CreatedDate is Central Standard Time without daylight saving (UTC-6), like every Marketing Cloud extract date.
    expect(entity(records, 'Individual')[0]?.['createdDate']).toBe('2023-03-02T15:15:00.000Z');
  });
});

const TRACKING = { AccountID: '514001234', JobID: '4211', ListID: '87', BatchID: '1', SubscriberID: '99001', SubscriberKey: KEY, EventDate: '5/1/2024 7:05:09 AM', Domain: 'northwind.example' };

describe('tracking extracts', () => {
  it.each<[TrackingStream, Record<string, string>, string, Record<string, unknown>]>([
    ['Sent', {}, 'send', {}],
    ['Opens', { IsUnique: 'True' }, 'open', { isUnique: true }],
    ['Clicks', { IsUnique: 'False', URL: 'https://shop.example/spring?utm=mc', LinkName: 'Spring sale' }, 'click', { isUnique: false, url: 'https://shop.example/spring?utm=mc', linkName: 'Spring sale' }],
    [
      'Bounces',
      { IsUnique: 'True', BounceCategory: 'Hard bounce', BounceSubcategory: 'User Unknown', SMTPCode: '550', SMTPBounceReason: '550 5.1.1 user unknown' },
      'bounce',
      { bounceCategory: 'Hard bounce', bounceSubcategory: 'User Unknown', smtpCode: '550', bounceReason: '550 5.1.1 user unknown' },
    ],
    ['Unsubs', { IsUnique: 'True' }, 'unsubscribe', {}],
  ])('%s → EngagementEvent %s linked to the subscriber', (stream, extra, eventType, expected) => {
    const { records, issues } = mapRow(stream, { ...TRACKING, ...extra });
    expect(issues).toEqual([]);
    expect(invalid(records)).toEqual([]);
    const [event] = entity(records, 'EngagementEvent');
    expect(event).toMatchObject({
      eventType,
      externalSourceId: MID,
      subscriberKey: KEY,
      individualId: concordId(SYSTEM, 'Subscribers', KEY),
      contactPointEmailId: concordId(SYSTEM, 'Subscribers', KEY, 'Email'),
      sourceJobId: '4211', sourceListId: '87', sourceBatchId: '1', sourceSubscriberId: '99001',
      ...expected,
    });
    expect(String(event?.['externalRecordId'])).toMatch(/^4211\|87\|1\|99001\|2024-05-01T/);
  });

  it('links events to the very records the Subscribers row produced', () => {
    const people = subscriber('Active').records;
    const { records } = mapRow('Opens', { ...TRACKING, IsUnique: 'True' });
    const [event] = entity(records, 'EngagementEvent');
    expect(entity(people, 'Individual').map((r) => r['id'])).toEqual([event?.['individualId']]);
    expect(entity(people, 'ContactPointEmail').map((r) => r['id'])).toEqual([event?.['contactPointEmailId']]);
  });

  it('an unsubscribe also records an email opt-out for the subscriber, captured at the event', () => {
    const { records } = mapRow('Unsubs', { ...TRACKING, IsUnique: 'True' });
    const [event] = entity(records, 'EngagementEvent');
    expect(entity(records, 'ContactPointConsent')).toEqual([
      expect.objectContaining({
        channel: 'email', purpose: 'marketing', status: 'optOut', captureSource: 'Unsubs',
        individualId: concordId(SYSTEM, 'Subscribers', KEY), contactPointId: concordId(SYSTEM, 'Subscribers', KEY, 'Email'),
        capturedDateTime: event?.['eventDateTime'],
      }),
    ]);
  });

  it('two clicks of one send on different links are two events', () => {
    const a = mapRow('Clicks', { ...TRACKING, URL: 'https://shop.example/a', IsUnique: 'True' }).records;
    const b = mapRow('Clicks', { ...TRACKING, URL: 'https://shop.example/b', IsUnique: 'True' }).records;
    expect(entity(a, 'EngagementEvent')[0]?.['id']).not.toBe(entity(b, 'EngagementEvent')[0]?.['id']);
  });

  it('EventDate is Central Standard Time: 7:05:09 AM CST is 13:05:09 UTC', () => {
    const [event] = entity(mapRow('Opens', { ...TRACKING, IsUnique: 'True' }).records, 'EngagementEvent');
    expect(event?.['eventDateTime']).toBe('2024-05-01T13:05:09.000Z');
  });

  it('every Marketing Cloud stream is registered', () => {
    expect(MARKETING_CLOUD_MAPPINGS.map((m) => getMapping('marketing-cloud', m.stream).stream)).toEqual(['Subscribers', 'Sent', 'Opens', 'Clicks', 'Bounces', 'Unsubs']);
  });
});
