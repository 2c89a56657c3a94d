/**
 * The registry of shipped mappings, by (system type, stream). Adding a system's mappings is one line in
 * `REGISTERED` below; `getMapping` applies concord.yaml overrides (`mappings.<system>.<stream>`).
 *
 * @example
 * const contact = getMapping('salesforce', 'Contact', config.mappings['salesforce']?.['Contact']);
 * listMappings(); // [{ system: 'salesforce', stream: 'Account', … }, …]
 */
import { ConcordError } from '../core/errors.js';
import { applyOverrides } from '../mapping/overrides.js';
import type { MappingOverride, StreamMapping } from '../mapping/types.js';
import { DATAVERSE_MAPPINGS } from './dataverse/mappings/index.js';
import { MARKETING_CLOUD_MAPPINGS } from './marketing-cloud/mappings/index.js';
import { SALESFORCE_MAPPINGS } from './salesforce/mappings/index.js';

/** One line per system: `[...SALESFORCE_MAPPINGS, ...DATAVERSE_MAPPINGS]`. */
const REGISTERED: readonly StreamMapping[] = [...SALESFORCE_MAPPINGS, ...DATAVERSE_MAPPINGS, ...MARKETING_CLOUD_MAPPINGS];

const bySystem = new Map<string, Map<string, StreamMapping>>();
for (const mapping of REGISTERED) register(mapping);

function register(mapping: StreamMapping): void {
  let streams = bySystem.get(mapping.system);
  if (streams === undefined) bySystem.set(mapping.system, (streams = new Map()));
  if (streams.has(mapping.stream)) {
    throw new ConcordError('MAPPING_DUPLICATE', `two mappings for ${mapping.system} ${mapping.stream}`, { kind: 'bug' });
  }
  streams.set(mapping.stream, mapping);
}

/** Whether a shipped mapping exists (no error). */
export function hasMapping(system: string, stream: string): boolean {
  return bySystem.get(system)?.has(stream) === true;
}

/**
 * The shipped mapping of `system`/`stream` with `overrides` applied. Throws MAPPING_NOT_FOUND (naming the
 * streams that exist) or an override error naming the unknown field.
 */
export function getMapping(system: string, stream: string, overrides?: MappingOverride): StreamMapping {
  const streams = bySystem.get(system);
  const mapping = streams?.get(stream);
  if (mapping === undefined) {
    const known = streams === undefined ? [...bySystem.keys()].map((s) => `system ${s}`) : [...streams.keys()];
    throw new ConcordError('MAPPING_NOT_FOUND', `no mapping for ${system} ${stream}`, {
      kind: 'usage',
      context: { system, stream },
      hint: `shipped: ${known.join(', ')}`,
    });
  }
  return applyOverrides(mapping, overrides);
}

/** Every shipped mapping, sorted by system and stream. */
export function listMappings(): StreamMapping[] {
  return [...REGISTERED].sort((a, b) => a.system.localeCompare(b.system) || a.stream.localeCompare(b.stream));
}
export { buildColumnMapping, type ColumnMappingInput } from '../mapping/column-mapping.js';
