/**
 * Salesforce CampaignMember → concord:CampaignMember (crosswalk §8): campaign, member (contact or lead),
 * status, responded.
 *
 * @example
 * getMapping('salesforce', 'CampaignMember').records[0]?.entity; // 'CampaignMember'
 */
import type { StreamMapping } from '../../../mapping/types.js';
import { SYSTEM_FIELDS, SYSTEM_SOURCE, identityTable } from './common.js';

const STATUSES = ['Planned', 'Received', 'Responded', 'Sent'] as const;

export const salesforceCampaignMember: StreamMapping = {
  system: 'salesforce',
  stream: 'CampaignMember',
  description: 'Campaign membership and response: concord:CampaignMember',
  idField: 'Id',
  idKind: 'salesforce',
  modstampField: 'SystemModstamp',
  systemFields: SYSTEM_FIELDS,
  source: {
    Id: { type: 'id' },
    CampaignId: { type: 'reference', references: 'Campaign' },
    ContactId: { type: 'reference', references: 'Contact' },
    LeadId: { type: 'reference', references: 'Lead' },
    Status: { type: 'picklist', values: STATUSES },
    HasResponded: { type: 'boolean', readOnly: true },
    FirstRespondedDate: { type: 'date', readOnly: true },
    ...SYSTEM_SOURCE,
  },
  records: [{ key: 'CampaignMember', entity: 'CampaignMember', when: 'always' }],
  fields: [
    { source: 'CampaignId', target: 'CampaignMember.campaignId', transform: { name: 'lookup', args: { stream: 'Campaign' } } },
    { source: 'LeadId', target: 'CampaignMember.partyId', transform: { name: 'lookup', args: { stream: 'Lead', slot: 'Individual' } }, reverse: false, note: "the lead's Party; a contact member overrides it" },
    { source: 'ContactId', target: 'CampaignMember.contactId', transform: { name: 'lookup', args: { stream: 'Contact' } } },
    { source: 'ContactId', target: 'CampaignMember.partyId', transform: { name: 'lookup', args: { stream: 'Contact' } }, reverse: false, note: "the contact's Party (same id as its Individual)" },
    { source: 'LeadId', target: 'CampaignMember.leadId', transform: { name: 'lookup', args: { stream: 'Lead' } } },
    { source: 'Status', target: 'CampaignMember.status', transform: { name: 'choice', args: { table: identityTable(STATUSES) } } },
    { source: 'HasResponded', target: 'CampaignMember.hasResponded' },
    { source: 'FirstRespondedDate', target: 'CampaignMember.firstRespondedDate' },
  ],
};
