/**
 * Compiles a declarative mapping into a fast row function. Everything that can be decided once is decided at
 * compile time (targets, transforms, value tables, id prefixes, `set` values); per row the function reads each
 * mapped field once, runs the precompiled writers and assembles the records, with no config lookups, object
 * spreading or regex compilation.
 *
 * @example
 * const mapContact = compileMapping(salesforceContact, {
 *   defaultRegion: 'US', externalSourceId: 'salesforce:00D5g000004ABCDEAA', system: 'salesforce',
 * });
 * const { records, issues } = mapContact({ system: 'salesforce', stream: 'Contact', recordId: '0035g00000A1b2CAAR',
 *   fields: { Id: '0035g00000A1b2CAAR', LastName: 'King', Email: 'ada@example.com' } });
 */
import type { CimRecord } from '../model/record.js';
import type { SourceRecord } from '../store/store.js';
import { parseDateTime } from './normalize/index.js';
import { prepareMapping, type PreparedMapping, type PreparedSet } from './prepare.js';
import { RowState, type Data } from './row-state.js';
import { idNormalizer, isEmptyValue } from './transforms.js';
import type { CompileOptions, MapOutcome, StreamMapping } from './types.js';

/**
 * A compiled mapping: source row in, CIM records and issues out. `referenceRecords` are the fixed
 * reference-data records the mapping points at (PrimaryPhoneType "Mobile" …): load them once per run.
 */
export type CompiledMapping = ((record: SourceRecord) => MapOutcome) & { readonly referenceRecords: readonly CimRecord[] };

/** The namespace part of reference-data ids: concordId(system, REFERENCE_DATA, entity, value). */
export const REFERENCE_DATA = '#ref';

/**
 * Compiles `mapping` for one connection. Throws `MAPPING_INVALID` (a ConcordError naming the field) when the
 * mapping is inconsistent; per-row problems are returned as issues, never thrown.
 */
export function compileMapping(mapping: StreamMapping, options: CompileOptions): CompiledMapping {
  return compilePrepared(prepareMapping(mapping, options), options.profile ?? 'practical');
}

/** Compiles an already prepared mapping (shared with the benchmark and the reverse direction). */
export function compilePrepared(prepared: PreparedMapping, profile: 'strict' | 'practical'): CompiledMapping {
  const { mapping, system, stream, externalSourceId, records, fields, id } = prepared;
  const n = records.length;
  const normalizeId = idNormalizer(prepared.idKind);
  const idField = mapping.idField;
  const createdField = mapping.systemFields?.createdDate;
  const modifiedField = mapping.systemFields?.lastModifiedDate;
  const modstampField = mapping.systemFields?.systemModstamp;
  const stampOffset = mapping.systemFields?.assumeOffsetMinutes;
  const stampOptions = stampOffset === undefined ? undefined : { assumeOffsetMinutes: stampOffset };
  const mainEntity = records.find((r) => r.when === 0)!.spec.entity;
  const strict = profile === 'strict';

  // Per-record constants, in arrays indexed like `records`.
  const entities = records.map((r) => r.spec.entity);
  const companions = records.map((r) => r.spec.companion);
  const slots = records.map((r) => r.spec.slot);
  const suffixes = records.map((r) => (r.spec.slot === undefined || r.spec.nativeRecordId === true ? undefined : `/${r.spec.slot}`));
  const refData = records.map((r) => r.spec.referenceData?.property);
  const requires = records.map((r) => r.spec.requires);
  // Source fields feeding each record, to name them when an incomplete record is not emitted.
  const feeders = records.map((_, i) => [...new Set(fields.filter((f) => f.target.record === i).map((f) => f.map.source))]);

  let mainId = '';

  // Fixed reference data: ids computed once, records listed once.
  const referenceRecords: CimRecord[] = [];
  const referenceIds = new Map<PreparedSet, string>();
  const seen = new Set<string>();
  for (const r of records) {
    for (const s of [...r.set, ...r.companionSet]) {
      if (s.kind !== 'referenceData') continue;
      const refId = id(system, REFERENCE_DATA, s.entity, s.value);
      referenceIds.set(s, refId);
      if (seen.has(refId)) continue;
      seen.add(refId);
      referenceRecords.push({ entity: s.entity, data: { id: refId, externalSourceId, externalRecordId: s.value, [s.nameProperty]: s.value } });
    }
  }

  function ensure(row: RowState, i: number): void {
    const slot = slots[i];
    const isRef = refData[i] !== undefined;
    const recordId = isRef ? '' : slot === undefined ? mainId : id(system, stream, row.nativeId, slot);
    const suffix = suffixes[i];
    // Reference data is shared by every row with the value: no row's timestamps, so its content never churns.
    const data: Data = isRef ? { id: '', externalSourceId, externalRecordId: '' } : newData(recordId, suffix === undefined ? row.nativeId : row.nativeId + suffix, row);
    row.datas[i] = data;
    const companion = companions[i];
    if (companion !== undefined) {
      const c = newData(recordId, data['externalRecordId'] as string, row);
      const entity = entities[i]!;
      if (companion === 'Party') {
        c['partyTypeId'] = { type: entity, id: recordId };
        data['partyId'] = recordId;
        data['partyTypeId'] = { type: entity, id: recordId };
      } else if (companion === 'ContactPoint') {
        c['contactPointTypeId'] = { type: entity, id: recordId };
      }
      row.companions[i] = c;
    }
  }

  function newData(recordId: string, externalRecordId: string, row: RowState): Data {
    const data: Data = { id: recordId, externalSourceId, externalRecordId };
    if (row.createdDate !== undefined) data['createdDate'] = row.createdDate;
    if (row.lastModifiedDate !== undefined) data['lastModifiedDate'] = row.lastModifiedDate;
    if (row.systemModstamp !== undefined) data['systemModstamp'] = row.systemModstamp;
    return data;
  }

  // The three stamps of a row are often the same text (LastModifiedDate = SystemModstamp): parse it once.
  let lastStampRaw = '';
  let lastStamp: string | undefined;
  function readStamp(row: RowState, field: string | undefined): string | undefined {
    if (field === undefined) return undefined;
    const raw = row.fields[field];
    if (isEmptyValue(raw)) return undefined;
    const text = typeof raw === 'string' ? raw : String(raw);
    if (text === lastStampRaw && lastStamp !== undefined) return lastStamp;
    const instant = parseDateTime(text, stampOptions);
    lastStampRaw = text;
    lastStamp = instant;
    if (instant === undefined) row.error(field, 'INVALID_DATETIME', `${field} is not a possible date-time: ${JSON.stringify(raw)}`, raw, mainEntity);
    return instant;
  }

  function dropIncomplete(row: RowState, i: number, needed: string): void {
    const present = feeders[i]!.filter((source) => !isEmptyValue(row.fields[source]));
    const field = present[0] ?? needed;
    row.warn(field, 'RECORD_INCOMPLETE', `${entities[i]!} ${records[i]!.spec.key} needs ${needed}; not emitted, so ${present.join(', ')} ${present.length === 1 ? 'is' : 'are'} not mapped`, present, entities[i]);
  }

  function applySet(row: RowState, data: Data, sets: readonly PreparedSet[]): void {
    for (let k = 0; k < sets.length; k++) {
      const s = sets[k]!;
      if (data[s.property] !== undefined) continue;
      if (s.kind === 'value') data[s.property] = s.value;
      else if (s.kind === 'ref') {
        const target = row.datas[s.record];
        if (target === undefined) continue;
        data[s.property] = s.tag ? { type: entities[s.record]!, id: target['id'] } : target['id'];
      } else if (s.kind === 'referenceData') {
        data[s.property] = referenceIds.get(s);
      } else {
        const v = s.name === 'nativeId' ? row.nativeId : s.name === 'externalSourceId' ? externalSourceId : s.name === 'createdDate' ? row.createdDate : s.name === 'lastModifiedDate' ? row.lastModifiedDate : row.systemModstamp;
        if (v !== undefined) data[s.property] = s.datePart ? v.slice(0, 10) : v;
      }
    }
  }

  const fieldCount = fields.length;
  const sources = fields.map((f) => f.map.source);
  const forwards = fields.map((f) => f.compiled.forward);
  const onEmpties = fields.map((f) => f.compiled.onEmpty);
  const defaults = fields.map((f) => f.defaultValue);
  const targets = fields.map((f) => f.target);

  const state = new RowState(n, ensure);
  const mapRecord = function mapRecord(record: SourceRecord): MapOutcome {
    const f = record.fields;
    let raw = f[idField];
    if (isEmptyValue(raw)) raw = record.recordId;
    const native = isEmptyValue(raw) ? undefined : normalizeId(String(raw).trim());
    if (native === undefined) {
      const row = state.reset(f, '');
      const missing = isEmptyValue(raw);
      row.error(idField, missing ? 'MISSING_ID' : 'INVALID_ID', missing ? `${mainEntity} row has no ${idField}` : `${idField} is not a valid id: ${JSON.stringify(raw)}`, raw, mainEntity);
      return { records: [], issues: row.issues };
    }
    const row = state.reset(f, native);
    mainId = id(system, stream, native);
    row.createdDate = readStamp(row, createdField);
    row.lastModifiedDate = readStamp(row, modifiedField);
    row.systemModstamp = readStamp(row, modstampField);

    for (let k = 0; k < fieldCount; k++) {
      const value = f[sources[k]!];
      if (!isEmptyValue(value)) forwards[k]!(value, row);
      else {
        const onEmpty = onEmpties[k];
        if (onEmpty !== undefined) onEmpty(row);
        else {
          const fallback = defaults[k];
          if (fallback !== undefined) {
            // A default is a CIM value (Lead source "Unknown"), written as is, not run through the transform.
            const t = targets[k]!;
            row.put(t.record, t.part, t.property, fallback);
            if (strict) row.warn(sources[k]!, 'DEFAULT_USED', `${sources[k]!} is empty; the required CIM slot got the default ${JSON.stringify(fallback)}`, undefined, fields[k]!.target.entity);
          }
        }
      }
    }

    // Which records are emitted: always; mapped (a field map wrote a value); or along with another record.
    for (let i = 0; i < n; i++) {
      const r = records[i]!;
      let emit = r.when === 0 || row.mapped[i] === 1;
      if (!emit && r.when === 2) {
        for (const other of r.anyOf) if (row.mapped[other] === 1 || records[other]!.when === 0) { emit = true; break; }
      }
      const needed = requires[i];
      if (emit && needed !== undefined && row.datas[i]?.[needed] === undefined) {
        emit = false;
        if (row.mapped[i] === 1) dropIncomplete(row, i, needed);
      }
      if (!emit) row.datas[i] = row.companions[i] = undefined;
      else if (row.datas[i] === undefined) ensure(row, i);
    }
    for (let i = 0; i < n; i++) {
      const property = refData[i];
      const data = row.datas[i];
      if (property === undefined || data === undefined) continue;
      const value = data[property];
      if (isEmptyValue(value)) { row.datas[i] = undefined; continue; }
      data['id'] = id(system, REFERENCE_DATA, entities[i]!, String(value));
      data['externalRecordId'] = String(value);
    }

    const out: CimRecord[] = [];
    for (let i = 0; i < n; i++) {
      const data = row.datas[i];
      if (data === undefined) continue;
      const r = records[i]!;
      const c = row.companions[i];
      if (c !== undefined) {
        if (r.companionSet.length > 0) applySet(row, c, r.companionSet);
        out.push({ entity: companions[i]!, data: c });
      }
      if (r.set.length > 0) applySet(row, data, r.set);
      out.push({ entity: entities[i]!, data });
    }
    return { records: out, issues: row.issues };
  };
  return Object.assign(mapRecord, { referenceRecords });
}
