/**
 * Salesforce Case → concord:ServiceCase (crosswalk §5; CIM 1.0 has no service case).
 *
 * @example
 * getMapping('salesforce', 'Case').records[0]?.entity; // 'ServiceCase'
 */
import type { StreamMapping } from '../../../mapping/types.js';
import { SYSTEM_FIELDS, SYSTEM_SOURCE, identityTable } from './common.js';

/** Salesforce's default case picklists (crosswalk §5, §9). */
export const CASE_STATUSES = ['New', 'Working', 'Escalated', 'Closed'] as const;
const PRIORITIES = ['High', 'Medium', 'Low'] as const;
const ORIGINS = ['Phone', 'Email', 'Web'] as const;
const TYPES = ['Mechanical', 'Electrical', 'Electronic', 'Structural', 'Other'] as const;
const REASONS = ['Installation', 'Equipment Complexity', 'Performance', 'Breakdown', 'Equipment Design', 'Feedback', 'Other'] as const;
const choice = (values: readonly string[]) => ({ name: 'choice', args: { table: identityTable(values) } });

export const salesforceCase: StreamMapping = {
  system: 'salesforce',
  stream: 'Case',
  description: 'A service request: concord:ServiceCase',
  idField: 'Id',
  idKind: 'salesforce',
  modstampField: 'SystemModstamp',
  systemFields: SYSTEM_FIELDS,
  source: {
    Id: { type: 'id' },
    CaseNumber: { type: 'string', readOnly: true },
    Subject: { type: 'string', length: 255 },
    Description: { type: 'textarea', length: 32000 },
    AccountId: { type: 'reference', references: 'Account' },
    ContactId: { type: 'reference', references: 'Contact' },
    Status: { type: 'picklist', values: CASE_STATUSES },
    IsClosed: { type: 'boolean', readOnly: true },
    ClosedDate: { type: 'datetime', readOnly: true },
    Priority: { type: 'picklist', values: PRIORITIES },
    Origin: { type: 'picklist', values: ORIGINS },
    Type: { type: 'picklist', values: TYPES },
    Reason: { type: 'picklist', values: REASONS },
    IsEscalated: { type: 'boolean' },
    ParentId: { type: 'reference', references: 'Case' },
    ProductId: { type: 'reference', references: 'Product2' },
    AssetId: { type: 'reference', references: 'Asset' },
    EntitlementId: { type: 'reference', references: 'Entitlement' },
    SuppliedName: { type: 'string', length: 80 },
    SuppliedEmail: { type: 'email' },
    SuppliedPhone: { type: 'string', length: 40 },
    SuppliedCompany: { type: 'string', length: 80 },
    SlaStartDate: { type: 'datetime' },
    SlaExitDate: { type: 'datetime', readOnly: true },
    OwnerId: { type: 'reference', references: 'User' },
    ...SYSTEM_SOURCE,
  },
  records: [{ key: 'ServiceCase', entity: 'ServiceCase', when: 'always' }],
  fields: [
    { source: 'CaseNumber', target: 'ServiceCase.caseNumber' },
    { source: 'Subject', target: 'ServiceCase.subject' },
    { source: 'Description', target: 'ServiceCase.description' },
    { source: 'AccountId', target: 'ServiceCase.accountId', transform: { name: 'lookup', args: { stream: 'Account', slot: 'Account' } } },
    { source: 'ContactId', target: 'ServiceCase.contactId', transform: { name: 'lookup', args: { stream: 'Contact' } } },
    { source: 'Status', target: 'ServiceCase.status', transform: choice(CASE_STATUSES) },
    { source: 'IsClosed', target: 'ServiceCase.isClosed' },
    { source: 'ClosedDate', target: 'ServiceCase.closedAt' },
    { source: 'Priority', target: 'ServiceCase.priority', transform: choice(PRIORITIES) },
    { source: 'Origin', target: 'ServiceCase.origin', transform: choice(ORIGINS) },
    { source: 'Type', target: 'ServiceCase.type', transform: choice(TYPES) },
    { source: 'Reason', target: 'ServiceCase.reason', transform: choice(REASONS) },
    { source: 'IsEscalated', target: 'ServiceCase.isEscalated' },
    { source: 'ParentId', target: 'ServiceCase.parentCaseId', transform: { name: 'lookup', args: { stream: 'Case' } } },
    { source: 'ProductId', target: 'ServiceCase.productId', transform: { name: 'lookup', args: { stream: 'Product2' } } },
    { source: 'AssetId', target: 'ServiceCase.assetId' },
    { source: 'EntitlementId', target: 'ServiceCase.entitlementId' },
    { source: 'SuppliedName', target: 'ServiceCase.suppliedName' },
    { source: 'SuppliedEmail', target: 'ServiceCase.suppliedEmail', transform: { name: 'trim' }, note: 'web-to-case submitter, kept as text' },
    { source: 'SuppliedPhone', target: 'ServiceCase.suppliedPhone' },
    { source: 'SuppliedCompany', target: 'ServiceCase.suppliedCompany' },
    { source: 'SlaStartDate', target: 'ServiceCase.slaStartAt' },
    { source: 'SlaExitDate', target: 'ServiceCase.slaExitAt' },
    { source: 'OwnerId', target: 'ServiceCase.ownerId' },
  ],
};
