import { describe, expect, it } from 'vitest';
import { concordId } from '../../src/core/ids.js';
import { buildColumnMapping } from '../../src/connectors/mapping-registry.js';
import { compileMapping, unmapRecords } from '../../src/mapping/index.js';
import { validateRecord } from '../../src/model/validate.js';

describe('buildColumnMapping', () => {
  const mapping = buildColumnMapping({
    stream: 'people',
    idColumn: 'customer_id',
    regionColumn: 'country',
    fields: {
      first: 'Individual.firstName', last: 'Individual.lastName', mail: 'ContactPointEmail.emailAddress',
      mobile: 'ContactPointPhone[Mobile].telephoneNumber', street: 'ContactPointAddress.addressLine1', city: 'ContactPointAddress.cityName',
      country: 'ContactPointAddress.countryName',
    },
  });
  const map = compileMapping(mapping, { defaultRegion: 'US', externalSourceId: 'file:people.csv', system: 'crm-export' });

  it('maps columns onto one Individual and the contact points the targets imply', () => {
    const { records, issues } = map({ system: 'crm-export', stream: 'people', recordId: 'C-1', fields: { customer_id: 'C-1', first: ' Ada ', last: 'King', mail: 'ada@example.com', mobile: '07911 123456', street: '10 Downing St', city: 'London', country: 'United Kingdom' } });
    expect(issues).toEqual([]);
    expect(records.map((r) => `${r.entity} ${String(r.data['externalRecordId'])}`)).toEqual([
      'Party C-1', 'Individual C-1', 'ContactPoint C-1/Email', 'ContactPointEmail C-1/Email', 'ContactPoint C-1/Mobile', 'ContactPointPhone C-1/Mobile',
      'ContactPoint C-1/Address', 'ContactPointAddress C-1/Address',
    ]);
    const person = concordId('crm-export', 'people', 'C-1');
    expect(records[1]!.data).toMatchObject({ id: person, firstName: 'Ada', lastName: 'King' });
    expect(records[4]!.data).toMatchObject({ partyId: person, forPersonalUse: true });
    expect(records[5]!.data).toMatchObject({ formattedE164PhoneNumber: '+447911123456', isSMSCapable: true });
    expect(records[7]!.data).toMatchObject({ addressLine1: '10 Downing St', cityName: 'London', countryName: 'United Kingdom' });
    for (const r of records) expect(validateRecord(r, 'practical').ok).toBe(true);
    expect(unmapRecords(mapping, records)).toEqual({ customer_id: 'C-1', first: 'Ada', last: 'King', mail: 'ada@example.com', mobile: '07911 123456', street: '10 Downing St', city: 'London', country: 'United Kingdom' });
  });

  it('emits no contact point for empty columns', () => {
    const { records } = map({ system: 'crm-export', stream: 'people', recordId: 'C-2', fields: { customer_id: 'C-2', last: 'Hopper', mail: '', mobile: null } });
    expect(records.map((r) => r.entity)).toEqual(['Party', 'Individual']);
  });

  it.each([
    [{ x: 'Spaceship.name' }, 'x'],
    [{ x: 'nonsense' }, 'x'],
  ])('rejects %j naming the column', (fields, column) => {
    expect(() => buildColumnMapping({ stream: 's', idColumn: 'id', fields })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', context: expect.objectContaining({ field: column }) }));
  });

  it('maps an organisation file onto Organization', () => {
    const org = buildColumnMapping({ stream: 'companies', idColumn: 'id', fields: { name: 'Organization.businessName', phone: 'ContactPointPhone.telephoneNumber' } });
    const { records } = compileMapping(org, { defaultRegion: 'US', externalSourceId: 'file:c', system: 'f' })({ system: 'f', stream: 'companies', recordId: '1', fields: { id: '1', name: 'Acme', phone: '+1 415 555 2671' } });
    expect(records.map((r) => r.entity)).toEqual(['Party', 'Organization', 'ContactPoint', 'ContactPointPhone']);
  });
});
