/**
 * A mapping described for people: one row per field map (source, target, transform, written back or not and
 * what is lost), the fields the source declares but the mapping leaves unmapped, and every `Entity.property`
 * the mapping can emit. Used by `concord mapping show` and docs/mapping.md.
 *
 * @example
 * describeMapping(salesforceContact).rows[0]; // { source: 'AccountId', target: 'Individual.primaryAccountId', transform: 'lookup', … }
 */
import { prepareMapping } from './prepare.js';
import { reverseMapping } from './reverse.js';
import type { StreamMapping } from './types.js';

export interface FieldRow {
  readonly source: string;
  readonly type: string;
  readonly target: string;
  /** Transform name with its arguments in short form (`phone(Mobile)`). */
  readonly transform: string;
  readonly written: boolean;
  readonly loss: string;
  readonly note: string;
}

export interface MappingDescription {
  readonly system: string;
  readonly stream: string;
  readonly description: string;
  readonly records: ReadonlyArray<{ key: string; entity: string; companion: string; id: string; when: string }>;
  readonly rows: readonly FieldRow[];
  /** Declared source fields no field map uses (kept in the source record only). */
  readonly unmapped: readonly string[];
  /** Every `Entity.property` a row can produce, sorted. */
  readonly emits: readonly string[];
}

const SYSTEM = ['id', 'externalSourceId', 'externalRecordId', 'createdDate', 'lastModifiedDate', 'systemModstamp'];

function shortArgs(name: string, args: Readonly<Record<string, unknown>> | undefined): string {
  if (args === undefined) return name;
  if (name === 'phone') return `phone(${String(args['phoneType'])})`;
  if (name === 'lookup') return `lookup(${String(args['stream'])}${args['slot'] === undefined ? '' : `/${String(args['slot'])}`})`;
  if (name === 'consent') return `consent(${String(args['channel'])})`;
  if (name === 'choice') {
    const table = (args['table'] ?? {}) as Record<string, unknown>;
    return `choice(${Object.keys(table).length} values${args['unknown'] === 'skip' ? ', others skipped' : ''})`;
  }
  if (name === 'date' && args['parts'] !== undefined) return 'date(+day/month/year)';
  if (name === 'datetime' && args['datePart'] === true) return 'datetime(date part)';
  return name;
}

/**
 * Describes `mapping` (with any overrides already applied).
 *
 * @example
 * describeMapping(getMapping('salesforce', 'Lead')).emits.includes('LeadStatus.leadStatusName'); // true
 */
export function describeMapping(mapping: StreamMapping): MappingDescription {
  const prepared = prepareMapping(mapping, { defaultRegion: 'US', externalSourceId: '', system: mapping.system, phoneCacheSize: 0 });
  const reverse = reverseMapping(mapping);
  const rows: FieldRow[] = prepared.fields.map((f, i) => {
    const back = reverse.fields[i]!;
    return {
      source: f.map.source,
      type: mapping.source[f.map.source]?.type ?? '',
      target: f.map.target,
      transform: shortArgs(f.transformName, f.map.transform?.args),
      written: back.written,
      loss: back.loss ?? '',
      note: f.map.note ?? '',
    };
  });
  const used = new Set(mapping.fields.map((f) => f.source));
  const unmapped = Object.keys(mapping.source).filter((f) => !used.has(f) && f !== mapping.idField && !Object.values(mapping.systemFields ?? {}).includes(f));

  const emits = new Set<string>();
  for (const r of mapping.records) {
    const entities = r.companion === undefined ? [r.entity] : [r.entity, r.companion];
    for (const e of entities) for (const s of SYSTEM) emits.add(`${e}.${s}`);
    for (const p of Object.keys(r.set ?? {})) emits.add(`${r.entity}.${p}`);
    if (r.companion !== undefined) for (const p of Object.keys(r.companionSet ?? {})) emits.add(`${r.companion}.${p}`);
    if (r.companion === 'Party') {
      emits.add(`Party.partyTypeId`);
      emits.add(`${r.entity}.partyId`);
      emits.add(`${r.entity}.partyTypeId`);
    }
    if (r.companion === 'ContactPoint') emits.add('ContactPoint.contactPointTypeId');
  }
  for (const f of prepared.fields) for (const w of f.compiled.writes) emits.add(w);

  return {
    system: mapping.system,
    stream: mapping.stream,
    description: mapping.description ?? '',
    records: mapping.records.map((r) => ({
      key: r.key,
      entity: r.entity,
      companion: r.companion ?? '',
      id: r.referenceData !== undefined ? `reference data by ${r.referenceData.property}` : r.slot === undefined ? 'native id' : r.nativeRecordId === true ? `native id (slot ${r.slot})` : `<id>/${r.slot}`,
      when: typeof r.when === 'object' ? `mapped or with ${r.when.anyOf.join(', ')}` : `${r.when ?? 'mapped'}${r.requires === undefined ? '' : ` (needs ${r.requires})`}`,
    })),
    rows,
    unmapped,
    emits: [...emits].sort(),
  };
}
