/**
 * The real dependencies of a sync: connectors from the registry, shipped mappings (with concord.yaml overrides)
 * compiled per stream, and the model's validator. Kept apart from the pipeline so tests can plug in their own.
 */
import type { ConcordConfig, SystemConfig } from '../config/schema.js';
import { createSource } from '../connectors/registry.js';
import { getMapping, hasMapping } from '../connectors/mapping-registry.js';
import { applyOverrides, compileMapping } from '../mapping/index.js';
import { buildColumnMapping, type ColumnMappingInput } from '../mapping/column-mapping.js';
import type { MappingOverride } from '../mapping/types.js';
import { validateRecord } from '../model/index.js';
import type { CimRecord } from '../model/record.js';
import type { Source } from '../connectors/connector.js';
import type { PlanDeps } from './plan.js';
import type { RecordMapper, RecordValidator } from './types.js';

export interface WiredMapper {
  mapper: RecordMapper;
  referenceRecords: readonly CimRecord[];
  isShared: (record: CimRecord) => boolean;
}

export function realPlanDeps(config: ConcordConfig, env: NodeJS.ProcessEnv): PlanDeps & { wired: Map<string, WiredMapper> } {
  const wired = new Map<string, WiredMapper>();
  return {
    wired,
    createSource(systemName: string, system: SystemConfig, baseDir: string): Source {
      return createSource(systemName, system, { baseDir, env });
    },
    mapperFor(source: Source, systemName: string, system: SystemConfig, stream: string) {
      const fileColumns = source.mappingSystem === FILE_SYSTEM ? columnMappingInput(system, stream) : undefined;
      if (!fileColumns && !hasMapping(source.mappingSystem, stream)) {
        return { skip: `no ${source.mappingSystem} mapping for ${stream} (see \`concord mapping list\`; add one under mappings.${systemName} in concord.yaml)` };
      }
      const overrides = config.mappings[systemName]?.[stream] as MappingOverride | undefined;
      const mapping = fileColumns ? applyOverrides(buildColumnMapping(fileColumns), overrides) : getMapping(source.mappingSystem, stream, overrides);
      const compiled = compileMapping(mapping, {
        defaultRegion: config.defaults.region,
        externalSourceId: source.externalSourceId,
        system: systemName,
        stream,
        profile: config.defaults.profile,
      });
      // Reference-data entities (LeadStatus, Currency …) are only ever produced as shared records.
      const sharedEntities = new Set([
        ...mapping.records.filter((r) => r.referenceData !== undefined).map((r) => r.entity),
        ...compiled.referenceRecords.map((r) => r.entity),
      ]);
      const isShared = (record: CimRecord): boolean => sharedEntities.has(record.entity);
      const mapper: RecordMapper = (record) => compiled(record);
      wired.set(`${systemName}/${stream}`, { mapper, referenceRecords: compiled.referenceRecords, isShared });
      return mapper;
    },
  };
}

/** Mapping system of the generic csv / ndjson connectors: their mapping comes from the system's `fields`. */
const FILE_SYSTEM = 'files';

function columnMappingInput(system: SystemConfig, stream: string): ColumnMappingInput | undefined {
  const id = system['id'];
  const fields = system['fields'];
  if (typeof id !== 'string' || fields === null || typeof fields !== 'object') return undefined;
  return { stream, idColumn: id, fields: fields as Record<string, string>, system: FILE_SYSTEM };
}

/** The model's validator for the configured profile, shaped for the pipeline. */
export function modelValidator(profile: 'strict' | 'practical'): RecordValidator {
  return (record) => {
    const result = validateRecord(record, profile);
    return result.ok ? [] : result.error;
  };
}
