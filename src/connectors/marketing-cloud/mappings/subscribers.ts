/**
 * Marketing Cloud All Subscribers (`Subscribers` extract, vendor-apis B5) → CIM: Party + Individual keyed by
 * SubscriberKey, the subscriber's email (+ phone and postal code when the extract has them), and a
 * ContactPointConsent for the email reflecting Status: Unsubscribed → optOut (captured at UnsubscribedDate),
 * Active / Bounced / Held → optIn (the address stays subscribed; Held only stops sends). Bounced and Held also mark
 * the email's ContactPoint undeliverable.
 *
 * Tracking events (events.ts) point at this Individual and email by the same deterministic ids.
 *
 * @example
 * getMapping('marketing-cloud', 'Subscribers').records.map((r) => r.entity);
 */
import type { StreamMapping } from '../../../mapping/types.js';

/** SubscriberStatus → consent status; Deleted rows are tombstones (the connector marks them deleted). */
export const SUBSCRIBER_CONSENT = { Active: 'optIn', Bounced: 'optIn', Held: 'optIn', Unsubscribed: 'optOut' } as const;

/** SubscriberStatus → ContactPoint.isUndeliverable: Marketing Cloud holds an address after repeated bounces. */
export const SUBSCRIBER_UNDELIVERABLE = { Active: 'false', Bounced: 'true', Held: 'true', Unsubscribed: 'false' } as const;

const activeFrom = { system: 'createdDate', datePart: true } as const;

export const marketingCloudSubscribers: StreamMapping = {
  system: 'marketing-cloud',
  stream: 'Subscribers',
  description:
    'An email subscriber: Individual + Party, ContactPointEmail, phone and postal address when present, email consent from Status. ' +
    'CreatedDate and UnsubscribedDate are Central Standard Time (UTC−6, no DST); CreatedDate, as the system createdDate, is read as UTC until system fields take an offset',
  idField: 'SubscriberKey',
  idKind: 'string',
  systemFields: { createdDate: 'CreatedDate', assumeOffsetMinutes: -360 },
  source: {
    SubscriberKey: { type: 'id' },
    EmailAddress: { type: 'email', length: 254 },
    FirstName: { type: 'string' },
    LastName: { type: 'string' },
    Status: { type: 'picklist', values: ['Active', 'Bounced', 'Held', 'Unsubscribed', 'Deleted'] },
    CreatedDate: { type: 'datetime', readOnly: true },
    UnsubscribedDate: { type: 'datetime' },
    Phone: { type: 'phone' },
    PostalCode: { type: 'string', length: 20 },
    // Not an All Subscribers column: a profile attribute of that name is taken as entered, else composed.
    FullName: { type: 'string', readOnly: true },
  },
  records: [
    { key: 'Individual', entity: 'Individual', companion: 'Party', when: 'always' },
    {
      key: 'Email',
      entity: 'ContactPointEmail',
      companion: 'ContactPoint',
      slot: 'Email',
      set: { emailLatestBounceReasonText: null, emailLatestBounceDateTime: null },
      companionSet: { partyId: { ref: 'Individual' }, forBusinessUse: false, forPersonalUse: true, primaryFlag: true, activeFromDate: activeFrom },
    },
    {
      key: 'Phone',
      entity: 'ContactPointPhone',
      companion: 'ContactPoint',
      slot: 'Phone',
      set: { primaryPhoneTypeId: { referenceData: 'PrimaryPhoneType', value: 'Other' } },
      companionSet: { partyId: { ref: 'Individual' }, forBusinessUse: false, forPersonalUse: true, activeFromDate: activeFrom },
    },
    {
      key: 'Address',
      entity: 'ContactPointAddress',
      companion: 'ContactPoint',
      slot: 'Address',
      companionSet: { partyId: { ref: 'Individual' }, forBusinessUse: false, forPersonalUse: true, activeFromDate: activeFrom },
    },
    {
      key: 'EmailConsent',
      entity: 'ContactPointConsent',
      slot: 'EmailConsent',
      set: {
        individualId: { ref: 'Individual' },
        contactPointId: { ref: 'Email' },
        channel: 'email',
        purpose: 'marketing',
        captureSource: 'Status',
        // Opted in when subscribed; UnsubscribedDate (mapped below) wins for an opt-out.
        capturedDateTime: { system: 'createdDate' },
      },
    },
  ],
  fields: [
    { source: 'FirstName', target: 'Individual.firstName' },
    { source: 'LastName', target: 'Individual.lastName' },
    {
      source: 'FullName',
      target: 'Individual.personName',
      transform: { name: 'personName', args: { firstName: 'FirstName', lastName: 'LastName' } },
      note: 'T12: composed from FirstName and LastName; never written back',
    },
    { source: 'EmailAddress', target: 'ContactPointEmail.emailAddress', transform: { name: 'email' } },
    { source: 'Phone', target: 'ContactPointPhone.telephoneNumber', transform: { name: 'phone', args: { phoneType: 'Other' } } },
    { source: 'PostalCode', target: 'ContactPointAddress.postalCodeText' },
    {
      source: 'Status',
      target: 'ContactPointConsent.status',
      transform: { name: 'choice', args: { table: SUBSCRIBER_CONSENT, unknown: 'skip' } },
      note: 'Unsubscribed → optOut; Active, Bounced, Held → optIn; Deleted and unknown statuses give no consent',
    },
    {
      source: 'Status',
      target: 'ContactPoint[Email].isUndeliverable',
      transform: { name: 'choice', args: { table: SUBSCRIBER_UNDELIVERABLE, output: 'boolean' } },
      reverse: false,
      note: 'Bounced and Held → true, Active and Unsubscribed → false; read-only (Marketing Cloud sets it)',
    },
    {
      source: 'UnsubscribedDate',
      target: 'ContactPointConsent.capturedDateTime',
      transform: { name: 'datetime', args: { assumeOffsetMinutes: -360 } },
      note: 'when the opt-out happened (CST converted to UTC)',
    },
  ],
};
