/**
 * The mapping engine: declarative mappings (types.ts) compiled to fast row functions (compile.ts), reversed
 * for write-back (reverse.ts), overridden from concord.yaml (overrides.ts), described for people (describe.ts).
 *
 * @example
 * import { compileMapping, unmapRecords } from './mapping/index.js';
 */
export type {
  CompileOptions, EmitCondition, FieldMap, JsonValue, MapOutcome, MappingIssue, MappingOverride, RecordSpec, SetValue,
  SourceFieldSpec, SourceFieldType, StreamMapping, TransformRef,
} from './types.js';
export { compileMapping, REFERENCE_DATA, type CompiledMapping } from './compile.js';
export { reverseMapping, unmapRecords, type FieldReverse, type ReverseMapping, type UnmapOptions } from './reverse.js';
export { applyOverrides } from './overrides.js';
export { TRANSFORMS, type TransformDef } from './transforms.js';
export { createIdFunction } from './fast-id.js';
export { describeMapping, type FieldRow, type MappingDescription } from './describe.js';
export { buildColumnMapping, type ColumnMappingInput } from './column-mapping.js';
