/**
 * Marketing Cloud tracking extracts (system data views `_Sent`, `_Open`, `_Click`, `_Bounce`, `_Unsubscribe`,
 * vendor-apis B4) → `concord:EngagementEvent`, one per row, linked to the subscriber's Individual and email by
 * the ids the Subscribers mapping gives them (lookups on SubscriberKey), so events and people join without a
 * store look-up.
 *
 * Unsubs rows also emit a ContactPointConsent opt-out for the email (purpose marketing, captured at the
 * event): the event is the dated evidence of the opt-out, and a list-level unsubscribe recorded as a
 * channel-level opt-out errs on the restrictive side, as survivorship does (crosswalk §10). The subscriber's
 * current Status (Subscribers mapping) remains the consent of record.
 *
 * @example
 * getMapping('marketing-cloud', 'Clicks').fields.map((f) => f.target);
 */
import type { FieldMap, RecordSpec, SourceFieldSpec, StreamMapping } from '../../../mapping/types.js';

export type TrackingStream = 'Sent' | 'Opens' | 'Clicks' | 'Bounces' | 'Unsubs';

const EVENT_TYPES: Readonly<Record<TrackingStream, string>> = { Sent: 'send', Opens: 'open', Clicks: 'click', Bounces: 'bounce', Unsubs: 'unsubscribe' };

/** Columns every tracking extract has that no EngagementEvent property holds, and why. */
export const TRACKING_NOT_MAPPED: Readonly<Record<string, string>> = {
  AccountID: 'the business unit (MID): already the externalSourceId (marketing-cloud:<MID>)',
  Domain: "the subscriber's email domain: ContactPointEmail.emailDomain of the linked email",
};

/**
 * The event key the connector builds (`JobID|ListID|BatchID|SubscriberID|<EventDate UTC>`, `|URL` for clicks):
 * no extract column has this name, so the engine takes the record id.
 */
export const EVENT_KEY_FIELD = 'EventKey';

const lookupSubscriber = (slot?: string): { name: string; args: Record<string, string> } => ({
  name: 'lookup',
  args: slot === undefined ? { stream: 'Subscribers' } : { stream: 'Subscribers', slot },
});

const eventDate = { name: 'datetime', args: { assumeOffsetMinutes: -360 } };
const CST_NOTE = 'Central Standard Time (UTC−6, no DST) converted to UTC';

function trackingMapping(stream: TrackingStream, extraSource: Record<string, SourceFieldSpec>, extraFields: FieldMap[], extraRecords: RecordSpec[] = []): StreamMapping {
  const notMapped = Object.entries(TRACKING_NOT_MAPPED).map(([c, why]) => `${c} (${why})`).join('; ');
  return {
    system: 'marketing-cloud',
    stream,
    description: `A ${EVENT_TYPES[stream]} event: concord:EngagementEvent linked to the subscriber's Individual and email${extraRecords.length > 0 ? ', and an email opt-out' : ''}. Not mapped: ${notMapped}`,
    idField: EVENT_KEY_FIELD,
    idKind: 'string',
    source: {
      [EVENT_KEY_FIELD]: { type: 'id', readOnly: true },
      AccountID: { type: 'string' },
      JobID: { type: 'string' },
      ListID: { type: 'string' },
      BatchID: { type: 'string' },
      SubscriberID: { type: 'string' },
      SubscriberKey: { type: 'reference', references: 'Subscribers' },
      EventDate: { type: 'datetime' },
      Domain: { type: 'string' },
      ...(stream === 'Sent' ? {} : { IsUnique: { type: 'boolean' } satisfies SourceFieldSpec }),
      ...extraSource,
    },
    records: [{ key: 'Event', entity: 'EngagementEvent', when: 'always', set: { eventType: EVENT_TYPES[stream] } }, ...extraRecords],
    fields: [
      { source: 'EventDate', target: 'EngagementEvent.eventDateTime', transform: eventDate, note: CST_NOTE },
      { source: 'SubscriberKey', target: 'EngagementEvent.subscriberKey', transform: { name: 'copy' } },
      { source: 'SubscriberKey', target: 'EngagementEvent.individualId', transform: lookupSubscriber(), reverse: false, note: "the subscriber's Individual (same id as the Subscribers row)" },
      { source: 'SubscriberKey', target: 'EngagementEvent.contactPointEmailId', transform: lookupSubscriber('Email'), reverse: false, note: "the subscriber's email" },
      { source: 'JobID', target: 'EngagementEvent.sourceJobId' },
      { source: 'ListID', target: 'EngagementEvent.sourceListId' },
      { source: 'BatchID', target: 'EngagementEvent.sourceBatchId' },
      { source: 'SubscriberID', target: 'EngagementEvent.sourceSubscriberId' },
      ...(stream === 'Sent' ? [] : [{ source: 'IsUnique', target: 'EngagementEvent.isUnique' } satisfies FieldMap]),
      ...extraFields,
    ],
  };
}

export const marketingCloudSent = trackingMapping('Sent', {}, []);
export const marketingCloudOpens = trackingMapping('Opens', {}, []);
export const marketingCloudClicks = trackingMapping('Clicks', { URL: { type: 'url' }, LinkName: { type: 'string' } }, [
  { source: 'URL', target: 'EngagementEvent.url' },
  { source: 'LinkName', target: 'EngagementEvent.linkName' },
]);
export const marketingCloudBounces = trackingMapping(
  'Bounces',
  { BounceCategory: { type: 'picklist', values: ['Hard bounce', 'Soft bounce', 'Block bounce', 'Technical/Other bounce', 'Unknown bounce'] }, BounceSubcategory: { type: 'string' }, SMTPCode: { type: 'string' }, SMTPBounceReason: { type: 'textarea' } },
  [
    { source: 'BounceCategory', target: 'EngagementEvent.bounceCategory' },
    { source: 'BounceSubcategory', target: 'EngagementEvent.bounceSubcategory' },
    { source: 'SMTPCode', target: 'EngagementEvent.smtpCode' },
    { source: 'SMTPBounceReason', target: 'EngagementEvent.bounceReason' },
  ],
);
export const marketingCloudUnsubs = trackingMapping(
  'Unsubs',
  {},
  [
    { source: 'EventDate', target: 'ContactPointConsent.capturedDateTime', transform: eventDate, reverse: false, note: CST_NOTE },
    { source: 'SubscriberKey', target: 'ContactPointConsent.individualId', transform: lookupSubscriber(), reverse: false },
    { source: 'SubscriberKey', target: 'ContactPointConsent.contactPointId', transform: lookupSubscriber('Email'), reverse: false },
  ],
  [
    {
      key: 'OptOut',
      entity: 'ContactPointConsent',
      slot: 'OptOut',
      when: 'always',
      set: { channel: 'email', purpose: 'marketing', status: 'optOut', captureSource: 'Unsubs' },
    },
  ],
);
