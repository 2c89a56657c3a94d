/**
 * The in-flight shape of CIM data. A `CimRecord` is one instance of a CIM (or Concord extension) entity: the
 * entity's name and its properties, exactly as the model names them. System fields (`id`, `externalSourceId`,
 * `externalRecordId`, `createdDate`, `lastModifiedDate`, `systemModstamp`) live in `data` like every other
 * property. References are id strings (`partyId: '…'`); polymorphic references are tagged
 * (`partyTypeId: { type: 'Individual', id: '…' }`).
 *
 * Key: (entity, externalSourceId, externalRecordId). A record derived from a slot of a source row (the second
 * email of a contact) has `externalRecordId` = `<native id>/<slot>` so each derived record keeps its own key.
 *
 * @example
 * const email: CimRecord = { entity: 'ContactPointEmail', data: { id, externalSourceId: 'salesforce:00D…',
 *   externalRecordId: '003…/Email', emailAddress: 'ada@example.com', emailMailBox: 'ada', emailDomain: 'example.com' } };
 */
export interface CimRecord {
  /** CIM entity name (`Individual`) or Concord extension entity name (`ServiceCase`). */
  readonly entity: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A tagged polymorphic reference, e.g. `ContactPoint.contactPointTypeId = { type: 'ContactPointEmail', id }`. */
export interface TaggedRef {
  readonly type: string;
  readonly id: string;
}

/** The three values that key a CIM record in the store. */
export interface CimKey {
  readonly entity: string;
  readonly externalSourceId: string;
  readonly externalRecordId: string;
}

export function cimKeyOf(record: CimRecord): CimKey {
  return {
    entity: record.entity,
    externalSourceId: String(record.data['externalSourceId'] ?? ''),
    externalRecordId: String(record.data['externalRecordId'] ?? ''),
  };
}
