/**
 * Test support: valid sample values per property, whole valid records per entity, and fast-check arbitraries
 * that mix valid values with wrong ones so several validators can be held to the same verdicts.
 */
import fc from 'fast-check';
import type { EntityDef, Profile, PropertyDef } from '../../src/model/define.js';
import type { CimRecord } from '../../src/model/record.js';

const ID = '0b6e7a52-3c1f-5d2e-8a4b-9c0d1e2f3a4b';

/** A valid value for a property. */
export function sampleValue(prop: PropertyDef): unknown {
  if (prop.collection) return [];
  if (Array.isArray(prop.ref)) return { type: prop.ref[0], id: ID };
  if (prop.ref !== undefined) return ID;
  if (prop.enum !== undefined) return prop.enum[0];
  switch (prop.type) {
    case 'string':
      return `${prop.name} value`;
    case 'id':
      return ID;
    case 'datetime':
      return '2024-05-01T12:00:00.000Z';
    case 'date':
      return '2024-05-01';
    case 'time':
      return '09:30:00';
    case 'boolean':
      return true;
    case 'integer':
      return 42;
    case 'decimal':
    case 'amount':
    case 'percentage':
      return '1234.50';
  }
}

/** A record carrying exactly the properties the profile requires, each with a valid value. */
export function minimalRecord(def: EntityDef, profile: Profile): CimRecord {
  const data: Record<string, unknown> = {};
  for (const prop of def.properties) {
    if (prop.name === 'id' || (profile === 'strict' ? prop.strict : prop.practical)) data[prop.name] = sampleValue(prop);
  }
  return { entity: def.name, data };
}

/** A record carrying every stored property with a valid value. */
export function fullRecord(def: EntityDef): CimRecord {
  const data: Record<string, unknown> = {};
  for (const prop of def.properties) if (!prop.collection) data[prop.name] = sampleValue(prop);
  return { entity: def.name, data };
}

const junk = fc.oneof(
  fc.constant(''),
  fc.constant('not a date'),
  fc.constant('2024-13-01'),
  fc.constant('2024-05-01T12:00:00'),
  fc.constant('12.5.3'),
  fc.constant(1.5),
  fc.constant(2 ** 60),
  fc.constant(Number.NaN),
  fc.constant(-3),
  fc.constant(false),
  fc.constant(null),
  fc.constant([]),
  fc.constant(['x']),
  fc.constant({ type: 'Nope', id: ID }),
  fc.constant({ type: 'Individual', id: '' }),
  fc.constant({ id: ID }),
  fc.constant({}),
  fc.string(),
  fc.integer(),
  fc.double(),
);

/**
 * Records of `def`: each property present (valid value) nine times in ten, then zero to two properties replaced
 * by junk, and now and then an unknown property — so both verdicts occur often.
 */
export function arbitraryRecord(def: EntityDef): fc.Arbitrary<CimRecord> {
  const count = def.properties.length;
  return fc
    .record({
      present: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: count, maxLength: count }),
      corrupt: fc.array(fc.tuple(fc.nat({ max: count - 1 }), junk), { maxLength: 2 }),
      extra: fc.integer({ min: 0, max: 9 }),
      // Entities with many required properties (Product: 26 in strict) are rarely complete by chance alone.
      complete: fc.boolean(),
    })
    .map(({ present, corrupt, extra, complete }) => {
      const data: Record<string, unknown> = {};
      def.properties.forEach((prop, i) => {
        if ((complete || present[i]! > 0) && !prop.collection) data[prop.name] = sampleValue(prop);
      });
      for (const [i, value] of corrupt) data[def.properties[i]!.name] = value;
      if (extra === 0) data['notAProperty'] = 'x';
      return { entity: def.name, data };
    });
}
