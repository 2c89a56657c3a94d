/**
 * Mappings for the generic CSV / NDJSON connector, built from concord.yaml: columns onto one Individual (or
 * Organization) and the contact points the targets imply. `Individual.firstName` fills the person;
 * `ContactPointEmail.emailAddress` makes an email contact point; `ContactPointPhone.telephoneNumber` a phone;
 * `ContactPointAddress.cityName` an address. Several contact points of one kind are told apart by a key:
 * `ContactPointPhone[Mobile].telephoneNumber`.
 *
 * @example
 * buildColumnMapping({ stream: 'people', idColumn: 'customer_id', fields: {
 *   first: 'Individual.firstName', last: 'Individual.lastName', mail: 'ContactPointEmail.emailAddress',
 *   mobile: 'ContactPointPhone[Mobile].telephoneNumber', city: 'ContactPointAddress.cityName' } });
 */
import { ConcordError } from '../core/errors.js';
import type { FieldMap, RecordSpec, SourceFieldSpec, StreamMapping, TransformRef } from './types.js';

export interface ColumnMappingInput {
  readonly stream: string;
  readonly idColumn: string;
  /** Column → `Entity.property` or `Entity[key].property`. */
  readonly fields: Readonly<Record<string, string>>;
  /** System type for ids and docs; default `file`. */
  readonly system?: string;
  /** Region column used to parse phone numbers (an address country column). */
  readonly regionColumn?: string;
}

const TARGET = /^([A-Za-z][A-Za-z0-9_]*)(?:\[([A-Za-z0-9_]+)\])?\.(.+)$/;
const PARTIES = new Set(['Individual', 'Organization']);
const CONTACT_POINTS = new Set(['ContactPointEmail', 'ContactPointPhone', 'ContactPointAddress']);
const PHONE_TYPES: Readonly<Record<string, string>> = { Mobile: 'Mobile', Home: 'Home', Fax: 'Fax', Business: 'Business', Work: 'Business', Other: 'Other' };

/**
 * Builds a `StreamMapping` for a file stream. Throws CONFIG_INVALID naming the column whose target is not one
 * of Individual / Organization / ContactPointEmail / ContactPointPhone / ContactPointAddress.
 */
export function buildColumnMapping(input: ColumnMappingInput): StreamMapping {
  const system = input.system ?? 'file';
  const fail = (column: string, message: string): ConcordError =>
    new ConcordError('CONFIG_INVALID', message, { kind: 'config', context: { stream: input.stream, field: column }, hint: 'targets: Individual.*, Organization.*, ContactPointEmail[key].*, ContactPointPhone[key].*, ContactPointAddress[key].*' });

  const parsed = Object.entries(input.fields).map(([column, target]) => {
    const m = TARGET.exec(target);
    if (m === null) throw fail(column, `column ${column}: target "${target}" is not Entity.property`);
    return { column, entity: m[1]!, key: m[2], property: m[3]! };
  });
  const partyEntities = new Set(parsed.filter((p) => PARTIES.has(p.entity)).map((p) => p.entity));
  if (partyEntities.size > 1) throw fail(input.idColumn, 'a file row maps to one party: Individual or Organization, not both');
  const party = [...partyEntities][0] ?? 'Individual';

  const records: RecordSpec[] = [{ key: party, entity: party, companion: 'Party', when: 'always' }];
  const source: Record<string, SourceFieldSpec> = { [input.idColumn]: { type: 'string' } };
  const fields: FieldMap[] = [];
  const seen = new Set<string>();
  let firstEmail = true;

  for (const p of parsed) {
    if (PARTIES.has(p.entity)) {
      source[p.column] = { type: 'string' };
      fields.push({ source: p.column, target: `${p.entity}.${p.property}`, transform: { name: 'trim' } });
      continue;
    }
    if (!CONTACT_POINTS.has(p.entity)) throw fail(p.column, `column ${p.column}: ${p.entity} is not a party or contact point entity`);
    const kind = p.entity === 'ContactPointEmail' ? 'Email' : p.entity === 'ContactPointPhone' ? 'Phone' : 'Address';
    const key = p.key ?? kind;
    if (!seen.has(key)) {
      seen.add(key);
      const business = p.entity === 'ContactPointPhone' ? (PHONE_TYPES[key] ?? 'Other') === 'Business' : false;
      const spec: RecordSpec = {
        key,
        entity: p.entity,
        companion: 'ContactPoint',
        slot: key,
        companionSet: { partyId: { ref: party }, forBusinessUse: business, forPersonalUse: !business, ...(p.entity === 'ContactPointEmail' ? { primaryFlag: firstEmail } : {}) },
        ...(p.entity === 'ContactPointEmail' ? { requires: 'emailAddress', set: { emailLatestBounceReasonText: null, emailLatestBounceDateTime: null } } : {}),
        ...(p.entity === 'ContactPointPhone' ? { requires: 'telephoneNumber' } : {}),
      };
      if (p.entity === 'ContactPointEmail') firstEmail = false;
      records.push(spec);
    }
    let transform: TransformRef = { name: 'trim' };
    let target = `${p.entity}[${key}].${p.property}`;
    if (p.entity === 'ContactPointEmail' && p.property === 'emailAddress') transform = { name: 'email' };
    if (p.entity === 'ContactPointPhone' && p.property === 'telephoneNumber') {
      const phoneType = PHONE_TYPES[key] ?? 'Other';
      transform = { name: 'phone', args: input.regionColumn === undefined ? { phoneType } : { phoneType, regionField: input.regionColumn } };
    }
    if (p.entity === 'ContactPointAddress' && (p.property === 'street' || p.property === 'addressLine1')) {
      transform = { name: 'street' };
      target = `${p.entity}[${key}]`;
    }
    source[p.column] = { type: p.entity === 'ContactPointEmail' ? 'email' : p.entity === 'ContactPointPhone' ? 'phone' : 'string' };
    fields.push({ source: p.column, target, transform });
  }
  if (input.regionColumn !== undefined && source[input.regionColumn] === undefined) source[input.regionColumn] = { type: 'string' };
  return { system, stream: input.stream, description: `columns of ${input.stream}`, idField: input.idColumn, idKind: 'string', source, records, fields };
}
