/**
 * Where Concord's model knowingly departs from the CIM 1.0 source shapes, each with its reason. The conformance
 * test (test/model/conformance.test.ts) accepts a difference from `../shared/cim/model.jsonld` only when it is
 * covered here, and docs/cim-deviations.md must name every entry (a test checks that too).
 *
 * Rule deviations apply to every slot of a kind; property deviations name one entity and property.
 *
 * @example
 * DEVIATIONS.find((d) => d.id === 'timestamps-as-datetime')?.reason
 */
export interface RuleDeviation {
  readonly id: string;
  readonly scope: 'rule';
  readonly reason: string;
}

export interface PropertyDeviation {
  readonly id: string;
  readonly scope: 'property';
  readonly entity: string;
  readonly property: string;
  readonly reason: string;
}

export type Deviation = RuleDeviation | PropertyDeviation;

/** xsd:time slots that really are times of day and keep the `time` type; every other xsd:time slot is a date-time. */
export const TIME_OF_DAY_PROPERTIES: readonly string[] = ['bestTimeToContactStartTime', 'bestTimeToContactEndTime'];

export const DEVIATIONS: readonly Deviation[] = [
  {
    id: 'timestamps-as-datetime',
    scope: 'rule',
    reason:
      'CIM types createdDate, lastModifiedDate, systemModstamp and most …DateTime slots as xsd:time (a time of day); real values are instants, so they are typed datetime (ISO-8601 with a zone). Only the best-time-to-contact slots stay time.',
  },
  {
    id: 'references-as-ids',
    scope: 'rule',
    reason:
      'CIM types a reference as the target object (OpenAPI $ref, GraphQL type); the slot names (partyId, accountId) show the intent. A reference holds the target record id as a string; JSON-LD writes it as {"@id": …}.',
  },
  {
    id: 'polymorphic-references-tagged',
    scope: 'rule',
    reason:
      'A reference to one of several subtypes (sh:xone, e.g. Party.partyTypeId, ContactPoint.contactPointTypeId) cannot be resolved from an id alone, so it is a tagged { type, id } whose type must be one of the union.',
  },
  {
    id: 'collections-optional-not-stored',
    scope: 'rule',
    reason:
      'Inverse collections (Party.ContactPoints, Individual.PersonEducations …) carry minCount 1 in CIM; a party without sellers is valid. They are listed, optional in both profiles, derivable from the forward references and never stored.',
  },
  {
    id: 'decimals-exact',
    scope: 'rule',
    reason:
      "xsd:decimal slots are decimal (CIM's dist formats truncate them to integers); decimal, amount and percentage values may be numbers or exact decimal strings so money never passes through a float.",
  },
  {
    id: 'id-required',
    scope: 'rule',
    reason:
      'Every record carries a Concord id (UUIDv5 over source, stream, native id and slot) so joins never depend on the external id pair; the strict profile requires it even where the CIM shape leaves it optional or lacks it.',
  },
  {
    id: 'id-added-AccountBusinessType',
    scope: 'property',
    entity: 'AccountBusinessType',
    property: 'id',
    reason: 'The CIM shape has no id (it is keyed by the external id pair); Concord adds one like on every entity.',
  },
  {
    id: 'id-added-Contact',
    scope: 'property',
    entity: 'Contact',
    property: 'id',
    reason: 'The CIM shape has no id, yet SalesOrder.billToContactId and shipToContactId reference it; Concord adds one.',
  },
  {
    id: 'external-source-id-added-ProductAssetConversionAction',
    scope: 'property',
    entity: 'ProductAssetConversionAction',
    property: 'externalSourceId',
    reason: 'The CIM shape has externalRecordId but no externalSourceId; records are keyed by (entity, externalSourceId, externalRecordId), so Concord adds it.',
  },
];

/**
 * The deviation covering one entity property, if any.
 *
 * @example
 * propertyDeviation('Contact', 'id')?.id // 'id-added-Contact'
 */
export function propertyDeviation(entity: string, property: string): PropertyDeviation | undefined {
  return DEVIATIONS.find((d): d is PropertyDeviation => d.scope === 'property' && d.entity === entity && d.property === property);
}
