/**
 * The mapping each configured stream uses, as the sync would wire it: the shipped mapping of the system's kind
 * (Salesforce, Dataverse, Marketing Cloud) or, for csv/ndjson systems, the column mapping of concord.yaml —
 * with the `mappings.<system>.<stream>` overrides applied. Nothing is read from the systems themselves.
 *
 * @example
 * mappingFor(loaded, env, 'salesforce', 'Contact')?.records[0]?.entity; // 'Individual'
 */
import type { LoadedConfig } from '../config/load.js';
import { createSource } from '../connectors/registry.js';
import { buildColumnMapping, getMapping, hasMapping, listMappings } from '../connectors/mapping-registry.js';
import { applyOverrides } from '../mapping/overrides.js';
import type { MappingOverride, StreamMapping } from '../mapping/types.js';

const FILE_SYSTEM = 'files';

/** The mapping system (`salesforce`, `dataverse`, `files` …) of a configured system. */
export function mappingSystemOf(loaded: LoadedConfig, env: NodeJS.ProcessEnv, systemName: string): string | undefined {
  const system = loaded.config.systems[systemName];
  if (!system) return undefined;
  try {
    return createSource(systemName, system, { baseDir: loaded.baseDir, env }).mappingSystem;
  } catch {
    // A system whose settings do not validate here (a secret missing) still has a kind.
    return system.type.replace(/-export$/, '');
  }
}

/** The mapping of a configured stream, or undefined when Concord has none for it. */
export function mappingFor(loaded: LoadedConfig, env: NodeJS.ProcessEnv, systemName: string, stream: string): StreamMapping | undefined {
  const system = loaded.config.systems[systemName];
  const kind = mappingSystemOf(loaded, env, systemName);
  if (!system || kind === undefined) return undefined;
  const overrides = loaded.config.mappings[systemName]?.[stream] as MappingOverride | undefined;
  if (kind === FILE_SYSTEM) {
    const id = system['id'];
    const fields = system['fields'];
    if (typeof id !== 'string' || fields === null || typeof fields !== 'object') return undefined;
    return applyOverrides(buildColumnMapping({ stream, idColumn: id, fields: fields as Record<string, string>, system: FILE_SYSTEM }), overrides);
  }
  return hasMapping(kind, stream) ? getMapping(kind, stream, overrides) : undefined;
}

/**
 * The streams of a configured system whose mapping is known: its `streams` when configured, else every shipped
 * mapping of its kind, plus `seen` (streams the store has rows or runs for).
 */
export function streamsOf(loaded: LoadedConfig, env: NodeJS.ProcessEnv, systemName: string, seen: readonly string[] = []): string[] {
  const system = loaded.config.systems[systemName];
  if (!system) return [];
  const kind = mappingSystemOf(loaded, env, systemName);
  const listed = system.streams ?? listMappings().filter((m) => m.system === kind).map((m) => m.stream);
  return [...new Set([...listed, ...seen])].sort((a, b) => a.localeCompare(b));
}
