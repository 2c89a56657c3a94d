/**
 * The mapping format: a stream's mapping is plain, JSON-serialisable data, so it can be shipped, printed
 * (`concord mapping show`), diffed and overridden from concord.yaml. The engine (`compile.ts`) turns it into a
 * fast function; `reverse.ts` runs it backwards for write-back.
 *
 * A mapping names the records one source row produces (`records`, each with a `key` the field maps refer to),
 * then maps source fields onto properties of those records (`fields`), through named transforms
 * (`transforms.ts`, the crosswalk's T1–T12 plus small ones).
 *
 * @example
 * const mapping: StreamMapping = {
 *   system: 'salesforce', stream: 'Contact', idField: 'Id', idKind: 'salesforce', modstampField: 'SystemModstamp',
 *   source: { Id: { type: 'id' }, Email: { type: 'email' } },
 *   records: [
 *     { key: 'Individual', entity: 'Individual', companion: 'Party', when: 'always' },
 *     { key: 'Email', entity: 'ContactPointEmail', companion: 'ContactPoint', slot: 'Email',
 *       companionSet: { partyId: { ref: 'Individual' } } },
 *   ],
 *   fields: [{ source: 'Email', target: 'ContactPointEmail.emailAddress', transform: { name: 'email' } }],
 * };
 */

import type { CimRecord } from '../model/record.js';

/** A JSON value, so mappings survive YAML/JSON round trips. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Source field types, named after Salesforce's describe types (other systems map theirs onto these). */
export type SourceFieldType =
  | 'id'
  | 'reference'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'double'
  | 'currency'
  | 'percent'
  | 'int';

/** What the mapping knows about one source field. */
export interface SourceFieldSpec {
  readonly type: SourceFieldType;
  /** Computed or system-maintained: read, never written back (T12, T8). */
  readonly readOnly?: boolean;
  /** Known picklist values (documentation and test generation; unknown values still pass through). */
  readonly values?: readonly string[];
  /** Maximum length of text fields. */
  readonly length?: number;
  /** For `reference` fields: the stream the id points at (`Account`). */
  readonly references?: string;
}

/**
 * When a produced record is emitted:
 * - `always`: every row produces it (the row's main entity);
 * - `mapped`: only when at least one field map wrote a value into it (a contact point for a non-empty slot);
 * - `{ anyOf }`: when mapped, or when any of the named records is emitted.
 */
export type EmitCondition = 'always' | 'mapped' | { readonly anyOf: readonly string[] };

/**
 * A value set on a record regardless of the row's fields: a literal, a reference to another record of the same
 * row (`{ ref: 'Individual' }` → its id; `{ tag: 'Email' }` → `{ type: 'ContactPointEmail', id }`), or a system
 * value of the row (`{ system: 'createdDate', datePart: true }`), or a fixed reference-data record
 * (`{ referenceData: 'PrimaryPhoneType', value: 'Mobile' }` → its deterministic id; the compiled mapping lists
 * those records in `referenceRecords`, to be loaded once).
 */
export type SetValue =
  | JsonValue
  | { readonly ref: string }
  | { readonly tag: string }
  | { readonly referenceData: string; readonly value: string; readonly property?: string }
  | { readonly system: 'nativeId' | 'externalSourceId' | 'createdDate' | 'lastModifiedDate' | 'systemModstamp'; readonly datePart?: boolean };

/** One CIM record a source row produces. */
export interface RecordSpec {
  /** Name the field maps and refs use (`Individual`, `Email`, `MailingAddress`). Unique within the mapping. */
  readonly key: string;
  /** CIM or extension entity name. */
  readonly entity: string;
  /**
   * A supertype row emitted with the same id (cim-core §5): `Party` for Individual/Organization (gets
   * `partyTypeId`), `ContactPoint` for contact point subtypes (gets `contactPointTypeId`), `PartyRole` for roles.
   */
  readonly companion?: string;
  /**
   * Id slot (T10). Absent: the row's own record — id = concordId(system, stream, nativeId), externalRecordId =
   * native id. Present: id = concordId(system, stream, nativeId, slot) and externalRecordId = `<native id>/<slot>`
   * unless `nativeRecordId` is true (a different entity keyed by the same native id, e.g. BusinessAccount).
   */
  readonly slot?: string;
  readonly nativeRecordId?: boolean;
  /**
   * Reference data (`LeadStatus`, `Currency`): one record per distinct value of `property`, id =
   * concordId(system, '#ref', entity, value), externalRecordId = the value. Shared by every row with that value.
   */
  readonly referenceData?: { readonly property: string };
  /** Default `mapped`. */
  readonly when?: EmitCondition;
  /**
   * A property the record cannot exist without (CIM-required, e.g. `emailAddress`, `accountId`). When it stays
   * empty the record is not emitted, and any values mapped into it are reported (warning RECORD_INCOMPLETE).
   */
  readonly requires?: string;
  /** Properties set on the record itself. */
  readonly set?: Readonly<Record<string, SetValue>>;
  /** Properties set on the companion (supertype) row. */
  readonly companionSet?: Readonly<Record<string, SetValue>>;
}

/** A transform by name with its arguments (see `TRANSFORMS` in transforms.ts for the catalogue). */
export interface TransformRef {
  readonly name: string;
  readonly args?: Readonly<Record<string, JsonValue>>;
}

/**
 * One field map. `target` is `Entity.property`, or `Entity[key].property` when several records share the
 * entity (six ContactPointPhone records), or `Entity[key]` for transforms that fill a whole record.
 */
export interface FieldMap {
  readonly source: string;
  readonly target: string;
  readonly transform?: TransformRef;
  /**
   * CIM value written to the target when the source is empty (CIM-required slots, e.g. Lead source "Unknown");
   * not run through the transform, and written back as empty.
   */
  readonly default?: JsonValue;
  /** False: forward only (a derived value); the source is written back from another field map. */
  readonly reverse?: boolean;
  /** Why this field map exists or what it loses, shown by `concord mapping show`. */
  readonly note?: string;
}

/** The mapping of one stream of one system. */
export interface StreamMapping {
  /** System type (`salesforce`, `dataverse`, `marketing-cloud`, `file`). */
  readonly system: string;
  readonly stream: string;
  readonly description?: string;
  /** Source field holding the native id. */
  readonly idField: string;
  /** How native ids are normalised (T10): Salesforce to 18 characters, GUIDs lower-case, others as they are. */
  readonly idKind?: 'salesforce' | 'guid' | 'string';
  readonly modstampField?: string;
  /** Source fields carrying the CIM system timestamps (T11). */
  readonly systemFields?: {
    readonly createdDate?: string;
    readonly lastModifiedDate?: string;
    readonly systemModstamp?: string;
    /**
     * Offset (minutes east of UTC) of stamps written without a zone: Marketing Cloud writes Central Standard
     * Time without daylight saving, -360. Stamps with a zone or `Z` are read as written.
     */
    readonly assumeOffsetMinutes?: number;
  };
  /** Declared source fields: types drive documentation, generated tests and write-back. */
  readonly source: Readonly<Record<string, SourceFieldSpec>>;
  readonly records: readonly RecordSpec[];
  readonly fields: readonly FieldMap[];
}

/** concord.yaml `mappings.<system>.<stream>`: retarget or drop fields, replace value-table entries. */
export interface MappingOverride {
  readonly fields?: Readonly<Record<string, string | null>> | undefined;
  readonly values?: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;
}

/** What a compiled mapping needs to know about the connection. */
export interface CompileOptions {
  /** Region for phone numbers without a country code and without an address country (ISO alpha-2). */
  readonly defaultRegion: string;
  /** T10 `externalSourceId`, e.g. `salesforce:00D5g000004ABCDEAA`. */
  readonly externalSourceId: string;
  /** The system's name in concord.yaml; the first part of every Concord id. */
  readonly system: string;
  /** Defaults to the mapping's stream. */
  readonly stream?: string;
  /** Validation profile; `strict` reports CIM-required slots filled with placeholders as warnings. */
  readonly profile?: 'strict' | 'practical';
  /** Phone cache size (distinct numbers); default 100,000. */
  readonly phoneCacheSize?: number;
}

/** A problem found while mapping one row. `error` sends the row to dead letters; `warning` is reported. */
export interface MappingIssue {
  readonly severity: 'error' | 'warning';
  /** Source field. */
  readonly field: string;
  readonly entity?: string;
  readonly code: string;
  readonly reason: string;
  readonly value?: unknown;
}

export interface MapOutcome {
  records: CimRecord[];
  issues: MappingIssue[];
}
