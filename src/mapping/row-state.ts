/**
 * The per-row working state of a compiled mapping: one data object per produced record (created on first
 * write), the row's system values and the issues found. A class, not an object literal, so V8 keeps one
 * hidden class for every row.
 */
import type { MappingIssue } from './types.js';

/** Which row of a produced record a value goes to: the record itself or its companion (supertype) row. */
export const MAIN = 0;
export const COMPANION = 1;
export type Part = typeof MAIN | typeof COMPANION;

export type Data = Record<string, unknown>;

/** Creates the data objects of record `index` (and its companion) for the current row. */
export type EnsureRecord = (row: RowState, index: number) => void;

export class RowState {
  readonly datas: Array<Data | undefined>;
  readonly companions: Array<Data | undefined>;
  /** 1 when a field map wrote into the record (drives `when: 'mapped'`). */
  readonly mapped: Uint8Array;
  issues: MappingIssue[] = [];
  hasError = false;
  fields: Readonly<Record<string, unknown>> = {};
  nativeId = '';
  createdDate: string | undefined = undefined;
  lastModifiedDate: string | undefined = undefined;
  systemModstamp: string | undefined = undefined;

  constructor(
    recordCount: number,
    private readonly ensureRecord: EnsureRecord,
  ) {
    this.datas = new Array<Data | undefined>(recordCount).fill(undefined);
    this.companions = new Array<Data | undefined>(recordCount).fill(undefined);
    this.mapped = new Uint8Array(recordCount);
  }

  /**
   * Starts the next row. One state serves every row of a compiled mapping (mapping is synchronous), which
   * spares three allocations per row; the records and issues handed out are always fresh.
   */
  reset(fields: Readonly<Record<string, unknown>>, nativeId: string): this {
    this.fields = fields;
    this.nativeId = nativeId;
    this.datas.fill(undefined);
    this.companions.fill(undefined);
    this.mapped.fill(0);
    this.issues = [];
    this.hasError = false;
    this.createdDate = this.lastModifiedDate = this.systemModstamp = undefined;
    return this;
  }

  /**
   * Writes `value` to `property` of record `index` (creating the record) and marks it mapped. `mark = false`
   * writes without marking: a `false` flag alone does not make a contact point exist.
   */
  put(index: number, part: Part, property: string, value: unknown, mark = true): void {
    let data = part === MAIN ? this.datas[index] : this.companions[index];
    if (data === undefined) {
      this.ensureRecord(this, index);
      data = (part === MAIN ? this.datas[index] : this.companions[index])!;
    }
    data[property] = value;
    if (mark) this.mapped[index] = 1;
  }

  /** Reads a property already written in this row (transforms that depend on an earlier one). */
  peek(index: number, part: Part, property: string): unknown {
    const data = part === MAIN ? this.datas[index] : this.companions[index];
    return data === undefined ? undefined : data[property];
  }

  error(field: string, code: string, reason: string, value?: unknown, entity?: string): void {
    this.hasError = true;
    if (!this.seen(field, code)) this.issues.push(issue('error', field, code, reason, value, entity));
  }

  warn(field: string, code: string, reason: string, value?: unknown, entity?: string): void {
    if (!this.seen(field, code)) this.issues.push(issue('warning', field, code, reason, value, entity));
  }

  /** A field mapped twice (AccountId → two references) reports its problem once. */
  private seen(field: string, code: string): boolean {
    for (const i of this.issues) if (i.field === field && i.code === code) return true;
    return false;
  }
}

function issue(
  severity: 'error' | 'warning',
  field: string,
  code: string,
  reason: string,
  value: unknown,
  entity: string | undefined,
): MappingIssue {
  const out: { -readonly [K in keyof MappingIssue]: MappingIssue[K] } = { severity, field, code, reason };
  if (entity !== undefined) out.entity = entity;
  if (value !== undefined) out.value = value;
  return out;
}

/** The records of one source row, found again for the reverse direction. */
export interface ReverseView {
  get(index: number, part: Part): Readonly<Data> | undefined;
  /** Native id of the record a Concord id points at (write-back resolves through the store). */
  resolveRef(id: string): string | undefined;
}
