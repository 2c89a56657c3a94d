import { describe, expect, it } from 'vitest';
import { EXTENSION_PREFIX, entity, systemFields, type EntityDataOf } from './define.js';
import { ENTITIES, getEntity, type EntityData } from './model.js';
import { entitySchema } from './schemas.js';
import type { ContactPoint, EngagementEvent, Individual } from './schemas.js';

const CORE = [
  'Party', 'Individual', 'Organization', 'PartyIdentification', 'PartyRole', 'Customer', 'Household', 'ContactPoint', 'ContactPointEmail',
  'ContactPointPhone', 'ContactPointAddress', 'ContactPointSocial', 'ContactPointApp', 'PartyWebAddress', 'Account', 'AccountContact', 'Lead',
  'Product', 'ProductCategory', 'SalesOrder', 'SalesOrderProduct', 'Payment', 'PaymentMethod', 'Shipment', 'Currency',
];
const REFERENCE_DATA = ['LeadSource', 'LeadStatus', 'LeadRating', 'PrimaryPhoneType', 'CustomerStatus', 'Gender', 'SalesOrderStatus', 'AccountBusinessType', 'ProductStatus'];
const EXTENSIONS = ['ServiceCase', 'Opportunity', 'Campaign', 'CampaignMember', 'EngagementEvent', 'ContactPointConsent'];

describe('the entity table', () => {
  it.each([...CORE, ...REFERENCE_DATA].map((n) => [n]))('has the CIM entity %s', (name) => {
    expect(getEntity(name)).toMatchObject({ name, namespace: 'cim' });
  });

  it.each(EXTENSIONS.map((n) => [n]))('has the extension entity %s in the concord namespace, with system fields', (name) => {
    const def = getEntity(name)!;
    expect(def.namespace).toBe('concord');
    expect(def.properties.map((p) => p.name)).toEqual(expect.arrayContaining(['id', 'createdDate', 'lastModifiedDate', 'systemModstamp', 'externalSourceId', 'externalRecordId', 'implementorType']));
    expect(def.properties.every((p) => p.extension)).toBe(true);
  });

  it.each([
    ['Organization', 'dUNSNumber'],
    ['Account', 'shippingPhoneid'],
    ['PaymentMethod', 'accountID'],
    ['Product', 'requiresInvididualUnitPricing'],
    ['Product', 'mSRPAmount'],
    ['ContactPointApp', 'sDKVerName'],
    ['Currency', 'iSOCurrencyCodeAlphanumericText'],
    ['PartyIdentificationType', 'implementerType'],
  ])('keeps the quirky name %s.%s verbatim', (entityName, property) => {
    expect(getEntity(entityName)!.properties.map((p) => p.name)).toContain(property);
  });

  it('resolves every reference of the customer core to an entity in the model', () => {
    for (const name of [...CORE, ...EXTENSIONS]) {
      for (const prop of getEntity(name)!.properties) {
        if (prop.ref === undefined || prop.collection) continue;
        for (const target of typeof prop.ref === 'string' ? [prop.ref] : prop.ref) {
          expect(getEntity(target), `${name}.${prop.name} → ${target}`).toBeDefined();
        }
      }
    }
  });

  it('prefixes every extension property of a CIM entity with concord:', () => {
    for (const def of ENTITIES.filter((e) => e.namespace === 'cim')) {
      for (const prop of def.properties) expect(prop.extension).toBe(prop.name.startsWith(EXTENSION_PREFIX));
    }
  });

  it('requires id and the external id pair in the practical profile of every entity', () => {
    for (const def of ENTITIES) {
      const required = def.properties.filter((p) => p.practical).map((p) => p.name);
      expect(required, def.name).toEqual(expect.arrayContaining(['id', 'externalSourceId', 'externalRecordId']));
    }
  });

  it('never requires an inverse collection', () => {
    for (const def of ENTITIES) for (const p of def.properties.filter((q) => q.collection)) expect([p.strict, p.practical]).toEqual([false, false]);
  });

  it('rejects a malformed spec and a practical key that is not a property', () => {
    expect(() => entity('Broken', { area: 'Test' }, { ...systemFields, size: 'float' as 'decimal' })).toThrow(/unknown spec float/);
    expect(() => entity('Broken', { area: 'Test', practical: ['nope' as 'id'] }, { ...systemFields })).toThrow(/practical key nope/);
  });
});

describe('types inferred from the table', () => {
  it('type records from the spec strings and agree with the zod schemas at run time', () => {
    const id = '6f1c5d1e-2d3b-4c8a-9f57-3e0b8d2a7c41';
    const keys = { id, externalSourceId: 's', externalRecordId: 'r' };
    const individual: Individual = { ...keys, personName: 'Ada', birthDate: null, childrenCount: 2, personHeight: '1.65' };
    const contactPoint: ContactPoint = { ...keys, contactPointTypeId: { type: 'ContactPointEmail', id } };
    const event: EngagementEvent = { ...keys, eventType: 'open', eventDateTime: '2024-05-01T12:00:00Z' };
    // @ts-expect-error a tag outside the union does not type-check
    const badTag: ContactPoint = { ...keys, contactPointTypeId: { type: 'Account', id } };
    // @ts-expect-error the practical profile requires externalRecordId
    const missingKey: Individual = { id, externalSourceId: 's' };
    // @ts-expect-error the strict profile requires personName (and the system fields)
    const strictIndividual: EntityData<'Individual', 'strict'> = { id, createdDate: '', lastModifiedDate: '', systemModstamp: '', implementorType: '', partyTypeId: { type: 'Individual', id } };
    // @ts-expect-error eventType is a closed list
    const badEvent: EngagementEvent = { ...keys, eventType: 'opened', eventDateTime: '2024-05-01T12:00:00Z' };
    expect(entitySchema('Individual', 'practical').safeParse(individual).success).toBe(true);
    expect(entitySchema('ContactPoint', 'practical').safeParse(contactPoint).success).toBe(true);
    expect(entitySchema('EngagementEvent', 'practical').safeParse(event).success).toBe(true);
    expect(entitySchema('ContactPoint', 'practical').safeParse(badTag).success).toBe(false);
    expect(entitySchema('Individual', 'practical').safeParse(missingKey).success).toBe(false);
    expect(entitySchema('Individual', 'strict').safeParse(strictIndividual).success).toBe(false);
    expect(entitySchema('EngagementEvent', 'practical').safeParse(badEvent).success).toBe(false);
  });

  it('EntityDataOf works on a standalone entity', () => {
    const Gender = entity('Gender', { area: 'Party', practical: ['name'] }, { ...systemFields, name: 'string!' });
    const gender: EntityDataOf<typeof Gender> = { id: 'g', externalSourceId: 's', externalRecordId: 'r', name: 'Female' };
    expect(Gender.properties.find((p) => p.name === 'name')).toMatchObject({ type: 'string', strict: true, practical: true });
    expect(gender.name).toBe('Female');
  });

  it('entitySchema rejects an unknown entity with a ConcordError', () => {
    expect(() => entitySchema('Nope', 'strict')).toThrow(/unknown entity Nope/);
  });
});
