/**
 * The reverse direction, for write-back: the CIM records of one source row back to the source fields. Every
 * field map whose transform is reversible contributes; read-only source fields (computed names, system
 * stamps) are never written back (T12), and lossy transforms declare what they lose (`reverseMapping().losses`).
 *
 * @example
 * const { records } = mapContact(row);
 * unmapRecords(salesforceContact, records, { resolveRef: (id) => nativeIdFromStore(id) });
 * // { Id: '0035g00000A1b2CAAR', LastName: 'King', Email: 'ada@example.com', … }
 */
import type { CimRecord } from '../model/record.js';
import { prepareMapping, type PreparedMapping } from './prepare.js';
import { COMPANION, MAIN, type Data, type Part, type ReverseView } from './row-state.js';
import type { StreamMapping } from './types.js';

/** One source field as write-back sees it. */
export interface FieldReverse {
  readonly source: string;
  readonly target: string;
  /** True when the field is written back. */
  readonly written: boolean;
  /** What is lost on the way back (or why the field is not written). */
  readonly loss?: string;
}

export interface UnmapOptions {
  /** Native id of the record a Concord id points at; without it lookups (AccountId …) are not written back. */
  resolveRef?: (id: string) => string | undefined;
}

export interface ReverseMapping {
  readonly mapping: StreamMapping;
  /** Per field map: written back or not, and the declared loss. */
  readonly fields: readonly FieldReverse[];
  /** Source fields that are written back. */
  readonly writable: readonly string[];
  unmap(records: readonly CimRecord[], options?: UnmapOptions): Record<string, unknown>;
}

const cache = new WeakMap<StreamMapping, ReverseMapping>();

/**
 * Builds (once per mapping object) the reverse of a mapping.
 *
 * @example
 * reverseMapping(salesforceContact).fields.filter((f) => !f.written); // Name (computed), CreatedDate …
 */
export function reverseMapping(mapping: StreamMapping): ReverseMapping {
  const hit = cache.get(mapping);
  if (hit !== undefined) return hit;
  // Ids and phone parsing play no part in reversing; any valid connection options do.
  const prepared = prepareMapping(mapping, { defaultRegion: 'US', externalSourceId: '', system: mapping.system, phoneCacheSize: 0 });
  const built = buildReverse(prepared);
  cache.set(mapping, built);
  return built;
}

/**
 * The source fields of one row back from its CIM records (as `compileMapping` produced them, possibly changed
 * since). Fields without a value are left out.
 *
 * @example
 * unmapRecords(salesforceAccount, records).Name; // 'Acme'
 */
export function unmapRecords(mapping: StreamMapping, records: readonly CimRecord[], options: UnmapOptions = {}): Record<string, unknown> {
  return reverseMapping(mapping).unmap(records, options);
}

function buildReverse(prepared: PreparedMapping): ReverseMapping {
  const { mapping, records, fields } = prepared;
  const described: FieldReverse[] = [];
  const steps: Array<{ source: string; reverse: (view: ReverseView) => unknown }> = [];
  for (const f of fields) {
    const base = { source: f.map.source, target: f.map.target };
    if (f.readOnly) described.push({ ...base, written: false, loss: f.transformName === 'personName' ? (f.compiled.loss ?? '') : 'read-only (computed or system-maintained) in the source: never written back' });
    else if (f.map.reverse === false) described.push({ ...base, written: false, loss: 'derived: the source is written back from its primary field map' });
    else if (f.compiled.reverse === undefined) described.push({ ...base, written: false, loss: f.compiled.loss ?? 'not reversible' });
    else {
      const fallback = f.defaultValue;
      const losses = [f.compiled.loss, fallback !== undefined ? `a source value equal to the default ${JSON.stringify(fallback)} is written back as empty` : undefined].filter((x): x is string => x !== undefined);
      described.push(losses.length > 0 ? { ...base, written: true, loss: losses.join('; ') } : { ...base, written: true });
      const reverse = f.compiled.reverse;
      steps.push({ source: f.map.source, reverse: fallback === undefined ? reverse : (view) => { const v = reverse(view); return v === fallback ? undefined : v; } });
    }
  }
  const writable = [...new Set(steps.map((s) => s.source))];
  const idField = mapping.idField;
  const suffixes = records.map((r) => (r.spec.slot === undefined || r.spec.nativeRecordId === true ? undefined : `/${r.spec.slot}`));

  function unmap(input: readonly CimRecord[], options: UnmapOptions = {}): Record<string, unknown> {
    const main: Array<Data | undefined> = new Array<Data | undefined>(records.length);
    const comp: Array<Data | undefined> = new Array<Data | undefined>(records.length);
    let nativeId: string | undefined;
    // Pass 1: the row's native id, from a record keyed by it.
    for (const rec of input) {
      const x = rec.data['externalRecordId'];
      if (typeof x !== 'string') continue;
      for (let i = 0; i < records.length; i++) {
        const spec = records[i]!.spec;
        if (spec.referenceData !== undefined) continue;
        if (rec.entity !== spec.entity && rec.entity !== spec.companion) continue;
        const suffix = suffixes[i];
        if (suffix === undefined) { nativeId ??= x; break; }
        if (x.endsWith(suffix)) { nativeId ??= x.slice(0, -suffix.length); break; }
      }
    }
    // Pass 2: each record to its spec.
    for (const rec of input) {
      const x = rec.data['externalRecordId'];
      for (let i = 0; i < records.length; i++) {
        const spec = records[i]!.spec;
        const part: Part | undefined = rec.entity === spec.entity ? MAIN : rec.entity === spec.companion ? COMPANION : undefined;
        if (part === undefined) continue;
        if (spec.referenceData === undefined) {
          const suffix = suffixes[i];
          const expected = suffix === undefined ? nativeId : nativeId === undefined ? undefined : nativeId + suffix;
          if (x !== expected) continue;
        } else if (!referencedBy(input, rec)) continue;
        if (part === MAIN) main[i] ??= rec.data as Data;
        else comp[i] ??= rec.data as Data;
        break;
      }
    }
    const resolveRef = options.resolveRef ?? (() => undefined);
    const view: ReverseView = { get: (i, part) => (part === MAIN ? main[i] : comp[i]), resolveRef };
    const out: Record<string, unknown> = {};
    if (nativeId !== undefined) out[idField] = nativeId;
    for (const step of steps) {
      if (out[step.source] !== undefined) continue;
      const v = step.reverse(view);
      if (v !== undefined && v !== null) out[step.source] = v;
    }
    return out;
  }

  return { mapping, fields: described, writable, unmap };
}

/** Reference data (LeadStatus, Currency) belongs to the row that points at it. */
function referencedBy(input: readonly CimRecord[], target: CimRecord): boolean {
  const id = target.data['id'];
  for (const rec of input) {
    if (rec === target) continue;
    for (const v of Object.values(rec.data)) if (v === id) return true;
  }
  return false;
}
