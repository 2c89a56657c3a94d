/**
 * fast-check arbitraries for source rows, generated from a mapping's declared source fields and types, and the
 * comparison the round-trip properties use (values compared as their type means them).
 */
import fc from 'fast-check';
import { salesforceId18 } from '../../src/core/ids.js';
import type { SourceFieldSpec, StreamMapping } from '../../src/mapping/types.js';
import { SALESFORCE_ID_PREFIX } from './salesforce-prefixes.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A 15-character Salesforce id with the object's key prefix. */
export function sfId(stream: string | undefined): fc.Arbitrary<string> {
  const prefix = (stream === undefined ? undefined : SALESFORCE_ID_PREFIX[stream]) ?? 'a0X';
  return fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 12, maxLength: 12 }).map((s) => prefix + s);
}

const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ çéü-\''), minLength: 1, maxLength: 20 }).map((s) => s.trim()).filter((s) => s !== '');

const line = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789 ,.#'), minLength: 1, maxLength: 30 }).map((s) => s.trim()).filter((s) => s !== '');

const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });

const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9._+-]{0,15}[a-z0-9]$/), fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]\.(com|org|de|co\.uk)$/)).map(([l, d]) => `${l}@${d}`);

const phone = fc.oneof(
  fc.tuple(fc.integer({ min: 201, max: 989 }), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 0, max: 9999 })).map(([a, b, c]) => `(${a}) ${b}-${String(c).padStart(4, '0')}`),
  fc.stringMatching(/^\+44 20 7[0-9]{3} [0-9]{4}$/),
  fc.stringMatching(/^[0-9 ()+-]{3,16}$/).filter((s) => s.trim() !== ''),
);

/** An arbitrary for one field's value, as the Salesforce REST API returns it. */
export function valueOf(spec: SourceFieldSpec, idKind: StreamMapping['idKind'] = 'salesforce'): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case 'id':
    case 'reference':
      return idKind === 'guid' ? fc.uuid() : idKind === 'string' ? fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/) : sfId(spec.references);
    case 'boolean':
      return fc.boolean();
    case 'date':
      return date.map((d) => d.toISOString().slice(0, 10));
    case 'datetime':
      return date.map((d) => d.toISOString().replace('Z', '+0000'));
    case 'int':
      return fc.integer({ min: 0, max: 9999 });
    case 'double':
    case 'currency':
    case 'percent':
      return fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => (spec.type === 'percent' ? Math.abs(n % 10_000) / 100 : n / 100));
    case 'email':
      return email;
    case 'phone':
      return phone;
    case 'textarea':
      return fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));
    case 'picklist':
      return spec.values !== undefined && spec.values.length > 0 ? fc.oneof(fc.constantFrom(...spec.values), word) : word;
    default:
      return word;
  }
}

/** A source row for `mapping`: every declared field optionally present (the id always). */
export function rowOf(mapping: StreamMapping): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [field, spec] of Object.entries(mapping.source)) {
    // Coordinates stay within the globe (the mappings reject others).
    model[field] = /(Latitude|Longitude)$/.test(field) ? fc.integer({ min: -8_999, max: 8_999 }).map((n) => n / 100) : valueOf(spec, mapping.idKind);
  }
  return fc.record(model, { requiredKeys: [mapping.idField] });
}

/** Canonical form of a value for comparison: ids to 18 characters, numbers and booleans by meaning. */
export function canonical(spec: SourceFieldSpec | undefined, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  switch (spec?.type) {
    case 'id':
    case 'reference':
      return salesforceId18(String(value));
    case 'boolean':
      return value === true || value === 'true';
    case 'double':
    case 'currency':
    case 'percent':
    case 'int':
      return Number(value);
    case 'datetime':
      return new Date(String(value).replace(/\+0000$/, 'Z')).toISOString();
    default:
      return value;
  }
}
