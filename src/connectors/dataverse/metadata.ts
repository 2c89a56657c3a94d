/**
 * A table's metadata from the Web API: `EntityDefinitions(LogicalName='…')` (entity set name, primary id,
 * whether change tracking is on) and its `/Attributes` (logical names and types), as a {@link TableMeta}.
 *
 * @example
 * const meta = await readTableMeta(client, 'contact', 'dynamics');
 * meta.entitySetName; // 'contacts'
 */
import { ConcordError, isConcordError } from '../../core/errors.js';
import type { DataverseClient } from './client.js';
import { tableMeta, type AttributeDefinition, type EntityDefinition, type TableMeta } from './record.js';

/**
 * Reads one table's metadata (two calls); an unknown table is a config error that points at discover.
 *
 * @example
 * await readTableMeta(client, 'contactz', 'dv') // throws DATAVERSE_TABLE_UNKNOWN
 */
export async function readTableMeta(client: DataverseClient, stream: string, system: string): Promise<TableMeta> {
  const context = { system, stream };
  if (!/^[a-z_][a-z0-9_]*$/.test(stream)) throw unknownTable(stream, system);
  let entity: EntityDefinition;
  try {
    entity = await client.json<EntityDefinition>(`/EntityDefinitions(LogicalName='${stream}')?$select=LogicalName,EntitySetName,PrimaryIdAttribute,ChangeTrackingEnabled`, { context });
  } catch (error) {
    if (isConcordError(error) && error.context['status'] === 404) throw unknownTable(stream, system);
    throw error;
  }
  const attributes = await client.json<{ value: AttributeDefinition[] }>(`/EntityDefinitions(LogicalName='${stream}')/Attributes?$select=LogicalName,AttributeType,AttributeOf,IsValidForRead`, { context });
  return tableMeta(entity, attributes.value);
}

function unknownTable(stream: string, system: string): ConcordError {
  return new ConcordError('DATAVERSE_TABLE_UNKNOWN', `the environment has no table ${stream}`, {
    kind: 'config',
    context: { system, stream },
    hint: 'streams are table logical names (account, contact, lead …); run `concord discover` to list them',
  });
}
