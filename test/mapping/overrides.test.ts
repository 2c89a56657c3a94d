/** concord.yaml overrides through the registry: retarget, drop, value tables, and errors naming the field. */
import { describe, expect, it } from 'vitest';
import { getMapping, hasMapping, listMappings } from '../../src/connectors/mapping-registry.js';
import { compileMapping, unmapRecords } from '../../src/mapping/index.js';

const OPTIONS = { defaultRegion: 'US', externalSourceId: 'salesforce:00D5g000004ABCDEAA', system: 'salesforce' } as const;
const id = '0035g00000A1b2CAAR';

describe('mapping registry', () => {
  it('lists every shipped Salesforce mapping', () => {
    expect(listMappings().filter((m) => m.system === 'salesforce').map((m) => m.stream)).toEqual([
      'Account', 'Campaign', 'CampaignMember', 'Case', 'Contact', 'Lead', 'Opportunity', 'Order', 'OrderItem', 'Product2',
    ]);
    expect(hasMapping('salesforce', 'Contact')).toBe(true);
  });

  it('names the shipped streams when a mapping is missing', () => {
    expect(() => getMapping('salesforce', 'Asset')).toThrow(expect.objectContaining({ code: 'MAPPING_NOT_FOUND', hint: expect.stringContaining('Contact') }));
  });

  it('retargets a field and drops another', () => {
    const mapping = getMapping('salesforce', 'Contact', { fields: { Title: 'Individual.occupation', Phone: null } });
    const map = compileMapping(mapping, OPTIONS);
    const { records } = map({ system: 'salesforce', stream: 'Contact', recordId: id, fields: { Id: id, LastName: 'King', Title: 'CTO', Phone: '+14155552671' } });
    expect(records.find((r) => r.entity === 'Individual')?.data['occupation']).toBe('CTO');
    expect(records.map((r) => r.entity)).not.toContain('ContactPointPhone');
    expect(records.map((r) => r.entity)).not.toContain('AccountContact');
    expect(unmapRecords(mapping, records)).toMatchObject({ Title: 'CTO' });
  });

  it('maps an org-specific custom field', () => {
    const mapping = getMapping('salesforce', 'Contact', { fields: { Nickname__c: 'Individual.preferredName' } });
    const { records } = compileMapping(mapping, OPTIONS)({ system: 'salesforce', stream: 'Contact', recordId: id, fields: { Id: id, Nickname__c: 'Addie' } });
    expect(records.find((r) => r.entity === 'Individual')?.data['preferredName']).toBe('Addie');
  });

  it('replaces value-table entries, in both directions', () => {
    const mapping = getMapping('salesforce', 'Lead', { values: { Status: { 'Working - Contacted': 'Working' } } });
    const map = compileMapping(mapping, OPTIONS);
    const leadId = '00Q5g00000LeAdXEAV';
    const { records, issues } = map({ system: 'salesforce', stream: 'Lead', recordId: leadId, fields: { Id: leadId, LastName: 'H', Status: 'Working - Contacted' } });
    expect(issues).toEqual([]);
    expect(records.find((r) => r.entity === 'LeadStatus')?.data['leadStatusName']).toBe('Working');
    expect(unmapRecords(mapping, records)['Status']).toBe('Working - Contacted');
  });

  it.each([
    [{ fields: { Nickname: 'Individual.preferredName' } }, 'MAPPING_OVERRIDE_UNKNOWN_FIELD', 'Nickname'],
    [{ values: { Favourite: { a: 'b' } } }, 'MAPPING_OVERRIDE_UNKNOWN_FIELD', 'Favourite'],
    [{ fields: { Title: 'Spaceship.name' } }, 'MAPPING_INVALID', 'Title'],
    [{ fields: { Phone: 'ContactPointPhone.telephoneNumber' } }, 'MAPPING_INVALID', 'Phone'],
    [{ values: { Birthdate: { '2020-01-01': 'x' } } }, 'MAPPING_OVERRIDE_NOT_CHOICE', 'Birthdate'],
  ])('rejects %j with %s naming the field', (override, code, field) => {
    expect(() => getMapping('salesforce', 'Contact', override)).toThrow(expect.objectContaining({ code, context: expect.objectContaining({ field }) }));
  });

  it('leaves the shipped mapping unchanged', () => {
    const before = JSON.stringify(getMapping('salesforce', 'Contact'));
    getMapping('salesforce', 'Contact', { fields: { Title: null } });
    expect(JSON.stringify(getMapping('salesforce', 'Contact'))).toBe(before);
  });

  it('every shipped mapping is JSON-serialisable data', () => {
    for (const m of listMappings()) expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});
