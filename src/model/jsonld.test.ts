import { describe, expect, it } from 'vitest';
import { CIM_VOCAB, CONCORD_VOCAB, idToIri, toJsonLd, toJsonLdContext } from './jsonld.js';

const id = '6f1c5d1e-2d3b-4c8a-9f57-3e0b8d2a7c41';
const other = '0b6e7a52-3c1f-5d2e-8a4b-9c0d1e2f3a4b';

describe('JSON-LD', () => {
  it("uses CIM's vocabulary and a concord prefix, with date-time coercions", () => {
    const context = toJsonLdContext()['@context'];
    expect(context).toMatchObject({ '@vocab': CIM_VOCAB, cim: CIM_VOCAB, concord: CONCORD_VOCAB });
    expect(context['createdDate']).toEqual({ '@type': 'xsd:dateTime' });
    expect(context['birthDate']).toEqual({ '@type': 'xsd:date' });
  });

  it('writes a CIM record with @id, @type, references as {"@id"} and tagged references with their @type', () => {
    const node = toJsonLd(
      { entity: 'Individual', data: { id, personName: 'Ada Lovelace', partyId: id, partyTypeId: { type: 'Individual', id }, primaryAccountId: other, birthDate: null, 'concord:ownerId': '005x' } },
      { context: false },
    );
    expect(node).toEqual({
      '@id': `urn:uuid:${id}`,
      '@type': 'Individual',
      personName: 'Ada Lovelace',
      partyId: { '@id': `urn:uuid:${id}` },
      partyTypeId: { '@id': `urn:uuid:${id}`, '@type': 'Individual' },
      primaryAccountId: { '@id': `urn:uuid:${other}` },
      'concord:ownerId': '005x',
    });
  });

  it('puts extension entities and their own properties under the concord prefix, system fields under CIM', () => {
    const node = toJsonLd({ entity: 'ServiceCase', data: { id, externalSourceId: 'salesforce:org', subject: 'Printer on fire', accountId: other } }, { context: 'https://concord.dev/model/context.jsonld' });
    expect(node).toEqual({
      '@context': 'https://concord.dev/model/context.jsonld',
      '@id': `urn:uuid:${id}`,
      '@type': 'concord:ServiceCase',
      externalSourceId: 'salesforce:org',
      'concord:subject': 'Printer on fire',
      'concord:accountId': { '@id': `urn:uuid:${other}` },
    });
  });

  it('embeds the context by default', () => {
    expect(toJsonLd({ entity: 'Gender', data: { id, name: 'Female' } })['@context']).toEqual(toJsonLdContext()['@context']);
  });

  it('rejects an unknown entity', () => {
    expect(() => toJsonLd({ entity: 'Nope', data: {} })).toThrow(/unknown entity Nope/);
  });

  it.each([
    [id.toUpperCase(), `urn:uuid:${id}`],
    ['003000000000001AAA', 'urn:concord:id:003000000000001AAA'],
    ['a b/c', 'urn:concord:id:a%20b%2Fc'],
  ])('idToIri(%s)', (value, iri) => {
    expect(idToIri(value)).toBe(iri);
  });
});
