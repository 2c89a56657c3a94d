import { describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../identity/store/assemble.js';
import type { OrganizationRecord } from '../../identity/store/assemble-organizations.js';
import type { StoredCimRecord } from '../../store/store.js';
import {
  accountOf, campaignEngagementOf, caseOf, consentOf, engagementOf, memberLabel, memberRecordOf, newestFirst, opportunityOf, organizationMemberOf, peopleOf,
  summaryOf,
} from './view.js';

function cim(entity: string, id: string, data: Record<string, unknown>, system = 'salesforce'): StoredCimRecord {
  return {
    entity, id, externalSourceId: `${system}:org`, externalRecordId: `ext-${id}`, data, deleted: false, hash: 'h', sourceSystem: system,
    sourceStream: entity, sourceRecordId: `src-${id}`, updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const person = (values: PersonRecord['values']): PersonRecord => ({
  record: { id: 'r1', source: 'salesforce', features: {} as PersonRecord['record']['features'] },
  system: 'salesforce', stream: 'Contact', sourceRecordId: '003A', externalRecordId: '003A', modstamp: '2025-01-01T00:00:00Z', values,
});

describe('profile view', () => {
  it('summarizes golden values and member systems', () => {
    const golden = (value: string) => ({ value, provenance: { system: 'salesforce', recordId: 'r1', externalRecordId: '003A' }, rule: 'only value', candidates: 1 });
    const profile = { unifiedId: 'u1', kind: 'person' as const, status: 'active' as const, createdAt: 'c', updatedAt: 'u', attributes: { firstName: golden('Ada'), lastName: golden('King'), email: golden('ada@example.com') } };
    expect(summaryOf({ profile, systems: [{ system: 'dataverse', records: 1 }, { system: 'salesforce', records: 2 }], members: 3 })).toEqual({
      unifiedId: 'u1', kind: 'person', status: 'active', name: 'Ada King', email: 'ada@example.com', phone: undefined, address: undefined, website: undefined,
      systems: ['dataverse', 'salesforce'], members: 3, updatedAt: 'u',
    });
  });

  it('names an organisation by its golden organisation name, with its phone and website', () => {
    const golden = (value: string) => ({ value, provenance: { system: 'dataverse', recordId: 'o1', externalRecordId: 'acc-1' }, rule: 'only value', candidates: 1 });
    const profile = {
      unifiedId: 'u2', kind: 'organization' as const, status: 'active' as const, createdAt: 'c', updatedAt: 'u',
      attributes: { organizationName: golden('Acme Robotics, Inc.'), phone: golden('+14155552671'), website: golden('acme.example'), identifier: golden('123456789') },
    };
    expect(summaryOf({ profile, systems: [{ system: 'dataverse', records: 1 }], members: 1 })).toMatchObject({
      unifiedId: 'u2', kind: 'organization', name: 'Acme Robotics, Inc.', phone: '+14155552671', website: 'acme.example', email: undefined, systems: ['dataverse'],
    });
  });

  it('shows an organisation member with its company values, labelled by name, else website', () => {
    const org = (values: OrganizationRecord['values']): OrganizationRecord => ({
      record: { id: 'o1', source: 'dataverse', features: {} as OrganizationRecord['record']['features'] },
      system: 'dataverse', stream: 'account', sourceRecordId: 'acc-1', externalRecordId: 'acc-1', modstamp: '2025-01-01T00:00:00Z', values,
    });
    const m = organizationMemberOf(org({ organizationName: 'Acme', website: 'acme.example', phone: undefined, identifier: '123456789' }), 'since');
    expect(m).toEqual({
      recordId: 'o1', system: 'dataverse', stream: 'account', externalRecordId: 'acc-1', entity: 'Organization', since: 'since', modstamp: '2025-01-01T00:00:00Z',
      values: { organizationName: 'Acme', website: 'acme.example', identifier: '123456789' },
    });
    expect(memberLabel(m)).toBe('Acme');
    expect(memberLabel(organizationMemberOf(org({ website: 'acme.example' }), undefined))).toBe('acme.example');
  });

  it('groups an organisation\'s contacts by person profile, with their titles and systems, sorted by name', () => {
    const summary = (unifiedId: string, name: string | undefined) => ({ unifiedId, kind: 'person', status: 'active', name, systems: [], members: 1, updatedAt: 'u' });
    const contacts = [
      { link: cim('AccountContact', 'l1', { title: 'CFO' }), unifiedId: 'p-2' },
      { link: cim('AccountContact', 'l2', { title: 'Controller' }, 'dataverse'), unifiedId: 'p-2' },
      { link: cim('AccountContact', 'l3', {}), unifiedId: 'p-1' },
      { link: cim('AccountContact', 'l4', { title: 'CFO' }), unifiedId: 'p-2' },
      { link: cim('AccountContact', 'l5', { title: 'Intern' }), unifiedId: undefined },
      { link: cim('AccountContact', 'l6', {}), unifiedId: 'p-3' },
    ];
    const summaries = new Map([['p-1', summary('p-1', 'Zoe Adams')], ['p-2', summary('p-2', 'Ada King')], ['p-3', summary('p-3', undefined)]]);
    expect(peopleOf(contacts, summaries)).toEqual([
      { unifiedId: 'p-2', name: 'Ada King', email: undefined, roles: ['CFO', 'Controller'], systems: ['dataverse', 'salesforce'] },
      { unifiedId: 'p-1', name: 'Zoe Adams', email: undefined, roles: [], systems: ['salesforce'] },
      { unifiedId: 'p-3', name: undefined, email: undefined, roles: [], systems: ['salesforce'] },
    ]);
  });

  it('shows a member without its middle name or missing values, labelled by name, email or id', () => {
    const m = memberRecordOf(person({ personName: 'Ada King', middleName: 'Augusta', email: 'ada@example.com', phone: undefined }), 'since');
    expect(m).toEqual({
      recordId: 'r1', system: 'salesforce', stream: 'Contact', externalRecordId: '003A', entity: 'Individual', since: 'since', modstamp: '2025-01-01T00:00:00Z',
      values: { personName: 'Ada King', email: 'ada@example.com' },
    });
    expect(memberLabel(m)).toBe('Ada King');
    expect(memberLabel(memberRecordOf(person({ email: 'x@y.z' }), undefined))).toBe('x@y.z');
    expect(memberLabel(memberRecordOf(person({}), undefined))).toBe('003A');
  });

  it.each([
    ['case', () => caseOf(cim('ServiceCase', 'c1', { subject: 'Cannot sign in', status: 'New', createdDate: '2025-10-26T04:41:17.000Z' })), { recordId: 'c1', system: 'salesforce', subject: 'Cannot sign in', status: 'New', createdAt: '2025-10-26T04:41:17.000Z' }],
    ['closed case without status', () => caseOf(cim('ServiceCase', 'c2', { caseNumber: '00001616', isClosed: true })), { recordId: 'c2', system: 'salesforce', subject: '00001616', status: 'Closed', createdAt: undefined }],
    ['opportunity', () => opportunityOf(cim('Opportunity', 'o1', { name: 'Pilot', stage: '2-Develop', amount: 23250, closeDate: '2026-03-06' }, 'dataverse')), { recordId: 'o1', system: 'dataverse', name: 'Pilot', stage: '2-Develop', amount: 23250, closeDate: '2026-03-06' }],
    ['engagement', () => engagementOf(cim('EngagementEvent', 'e1', { eventType: 'open', eventDateTime: '2025-09-22T14:45:39.000Z' }, 'marketing-cloud')), { recordId: 'e1', system: 'marketing-cloud', type: 'open', at: '2025-09-22T14:45:39.000Z' }],
    ['campaign member', () => campaignEngagementOf(cim('CampaignMember', 'm1', { status: 'Responded', firstRespondedDate: '2025-11-15' }), cim('Campaign', 'k1', { name: 'Free Trial Push' })), { recordId: 'm1', system: 'salesforce', type: 'campaign responded', at: '2025-11-15', campaign: 'Free Trial Push' }],
    ['consent', () => consentOf(cim('ContactPointConsent', 'p1', { channel: 'email', purpose: 'marketing', status: 'optIn', capturedDateTime: '2024-01-12T21:34:03.000Z' })), { recordId: 'p1', system: 'salesforce', channel: 'email', purpose: 'marketing', status: 'optIn', at: '2024-01-12T21:34:03.000Z' }],
    ['account', () => accountOf(cim('AccountContact', 'a1', { title: 'Controller' }), cim('Account', 'acc', { name: 'Acme' })), { recordId: 'acc', system: 'salesforce', name: 'Acme', role: 'Controller', organizationId: undefined }],
    ['account of a resolved company', () => accountOf(cim('AccountContact', 'a1', {}), cim('Account', 'acc', { name: 'Acme' }), 'org-1'), { recordId: 'acc', system: 'salesforce', name: 'Acme', role: undefined, organizationId: 'org-1' }],
  ])('%s', (_name, build, expected) => {
    expect(build()).toEqual(expected);
  });

  it('leaves out an account link whose account is gone, and orders newest first with a bound', () => {
    expect(accountOf(cim('AccountContact', 'a1', {}), undefined)).toBeUndefined();
    const items = [{ recordId: 'a', at: '2025-01-01' }, { recordId: 'b', at: '2026-01-01' }, { recordId: 'c', at: undefined }, { recordId: 'd', at: '2026-01-01' }];
    expect(newestFirst(items, (i) => i.at, 3).map((i) => i.recordId)).toEqual(['b', 'd', 'a']);
  });
});
