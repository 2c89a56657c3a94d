/**
 * Dataverse `incident` (case) → `concord:ServiceCase` (crosswalk §5): number, title, customer and contact,
 * status (statecode + statuscode, §9), priority, origin, type, escalation, parent case and product.
 *
 * @example
 * getMapping('dataverse', 'incident').fields.find((f) => f.source === 'prioritycode')?.target; // 'ServiceCase.priority'
 */
import type { StreamMapping } from '../../../mapping/types.js';
import { accountWhenTyped, SYSTEM_FIELDS, SYSTEM_NOT_MAPPED, SYSTEM_SOURCE, choice, describeWithUnmapped, flag, lookup, optionSource, stateStatusFields } from './common.js';

export const CASE_STATES = { 0: 'Active', 1: 'Resolved', 2: 'Canceled' } as const;
export const CASE_STATUSES = {
  1: 'In Progress', 2: 'On Hold', 3: 'Waiting for Details', 4: 'Researching', 5: 'Problem Solved', 1000: 'Information Provided', 6: 'Canceled', 2000: 'Merged',
} as const;
export const PRIORITY_CODES = { 1: 'High', 2: 'Normal', 3: 'Low' } as const;
export const CASE_ORIGIN_CODES = { 1: 'Phone', 2: 'Email', 3: 'Web', 2483: 'Facebook', 3986: 'Twitter', 700610000: 'IoT' } as const;
export const CASE_TYPE_CODES = { 1: 'Question', 2: 'Problem', 3: 'Request' } as const;
export const SATISFACTION_CODES = { 1: 'Very Dissatisfied', 2: 'Dissatisfied', 3: 'Neutral', 4: 'Satisfied', 5: 'Very Satisfied' } as const;

const state = stateStatusFields('ServiceCase.status', CASE_STATES, CASE_STATUSES);

export const INCIDENT_NOT_MAPPED: Readonly<Record<string, string>> = {
  ...SYSTEM_NOT_MAPPED,
  customeridtype: 'T6 discriminator of customerid: read by its lookup, no CIM slot of its own',
};

export const dataverseIncident: StreamMapping = {
  system: 'dataverse',
  stream: 'incident',
  description: describeWithUnmapped('A service case: concord:ServiceCase with customer, contact, status, priority, origin and type', INCIDENT_NOT_MAPPED),
  idField: 'incidentid',
  idKind: 'guid',
  modstampField: 'modifiedon',
  systemFields: SYSTEM_FIELDS,
  source: {
    incidentid: { type: 'id' },
    ticketnumber: { type: 'string', length: 100, readOnly: true },
    title: { type: 'string', length: 200 },
    description: { type: 'textarea', length: 2000 },
    customerid: { type: 'reference', references: 'account' },
    customeridtype: { type: 'picklist', values: ['account', 'contact'] },
    primarycontactid: { type: 'reference', references: 'contact' },
    prioritycode: optionSource(PRIORITY_CODES),
    caseorigincode: optionSource(CASE_ORIGIN_CODES),
    casetypecode: optionSource(CASE_TYPE_CODES),
    customersatisfactioncode: optionSource(SATISFACTION_CODES),
    isescalated: { type: 'boolean' },
    escalatedon: { type: 'datetime', readOnly: true },
    parentcaseid: { type: 'reference', references: 'incident' },
    productid: { type: 'reference', references: 'product' },
    entitlementid: { type: 'reference', references: 'entitlement' },
    emailaddress: { type: 'email', length: 100 },
    ownerid: { type: 'reference', references: 'systemuser' },
    owneridtype: { type: 'picklist', values: ['systemuser', 'team'] },
    ...state.source,
    ...SYSTEM_SOURCE,
  },
  records: [{ key: 'ServiceCase', entity: 'ServiceCase', when: 'always' }],
  fields: [
    { source: 'ticketnumber', target: 'ServiceCase.caseNumber', note: 'assigned by Dataverse; never written back' },
    { source: 'title', target: 'ServiceCase.subject' },
    { source: 'description', target: 'ServiceCase.description' },
    {
      source: 'customerid',
      target: 'ServiceCase.accountId',
      transform: accountWhenTyped('customeridtype'),
      note: 'T6: the account when customeridtype = account; a contact-typed customer is in contactId (primarycontactid)',
    },
    { source: 'primarycontactid', target: 'ServiceCase.contactId', transform: lookup('contact') },
    { source: 'prioritycode', target: 'ServiceCase.priority', transform: choice(PRIORITY_CODES) },
    { source: 'caseorigincode', target: 'ServiceCase.origin', transform: choice(CASE_ORIGIN_CODES) },
    { source: 'casetypecode', target: 'ServiceCase.type', transform: choice(CASE_TYPE_CODES) },
    { source: 'customersatisfactioncode', target: 'ServiceCase.satisfaction', transform: choice(SATISFACTION_CODES) },
    { source: 'isescalated', target: 'ServiceCase.isEscalated' },
    { source: 'escalatedon', target: 'ServiceCase.escalatedAt' },
    { source: 'parentcaseid', target: 'ServiceCase.parentCaseId', transform: lookup('incident') },
    { source: 'productid', target: 'ServiceCase.productId', transform: lookup('product') },
    { source: 'entitlementid', target: 'ServiceCase.entitlementId' },
    { source: 'emailaddress', target: 'ServiceCase.suppliedEmail' },
    { source: 'ownerid', target: 'ServiceCase.ownerId' },
    { source: 'owneridtype', target: 'ServiceCase.ownerType' },
    ...state.fields,
    { source: 'statecode', target: 'ServiceCase.isClosed', transform: flag({ 0: false, 1: true, 2: true }), reverse: false, note: 'T5: Resolved and Canceled are closed; follows from the state on write-back' },
  ],
};
