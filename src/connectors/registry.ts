/**
 * The connector registry: every `type:` that concord.yaml accepts, and the one place a system's config is
 * validated against its connector's `spec` before a source is created.
 *
 * @example
 * const source = createSource('sf_export', { type: 'salesforce-export', path: 'exports' }, { baseDir: '.', env: process.env });
 */
import { z } from 'zod';
import { ConcordError } from '../core/errors.js';
import type { ConnectorContext, ConnectorDefinition, Source } from './connector.js';
import { cdmFolderConnector } from './cdm-folder/index.js';
import { dataverseConnector } from './dataverse/index.js';
import { csvConnector, ndjsonConnector } from './files/index.js';
import { marketingCloudExportConnector } from './marketing-cloud-export/index.js';
import { salesforceExportConnector } from './salesforce-export/index.js';
import { salesforceConnector } from './salesforce/index.js';
import { didYouMean } from './shared/did-you-mean.js';

/** Every connector, by `type`. */
export const CONNECTORS: readonly ConnectorDefinition[] = [salesforceExportConnector, salesforceConnector, cdmFolderConnector, dataverseConnector, marketingCloudExportConnector, csvConnector, ndjsonConnector];

/** Keys of a system that concord.yaml's own schema owns; they are not passed to the connector's spec. */
const SYSTEM_KEYS = ['type', 'streams', 'enabled'] as const;

/**
 * The connector of a `type:`; an unknown type is a config error that suggests the closest one.
 *
 * @example
 * getConnector('salesforce-export').description
 * getConnector('salesforce-exprot') // throws CONNECTOR_UNKNOWN … did you mean salesforce-export?
 */
export function getConnector(type: string): ConnectorDefinition {
  const found = CONNECTORS.find((c) => c.type === type);
  if (found) return found;
  const types = CONNECTORS.map((c) => c.type);
  const guess = didYouMean(type, types);
  throw new ConcordError('CONNECTOR_UNKNOWN', `unknown connector type ${type}`, {
    kind: 'config',
    context: { key: 'type' },
    hint: guess ? `did you mean ${guess}? (types: ${types.join(', ')})` : `types: ${types.join(', ')}`,
  });
}

/**
 * Validates a system's config with its connector's spec and creates its source. Errors name the system and
 * the key (`systems.sf_export.orgId: must be a Salesforce organization id …`). `systemName` is the one passed to
 * the connector, whatever `ctx.systemName` says.
 *
 * @example
 * createSource('leads', { type: 'csv', path: 'leads.csv', stream: 'leads', id: 'id', fields: {} }, { baseDir: '/srv', env: {} })
 */
export function createSource(systemName: string, systemConfig: Record<string, unknown>, ctx: Omit<ConnectorContext, 'systemName'> & { systemName?: string }): Source {
  const type = systemConfig['type'];
  if (typeof type !== 'string') {
    throw new ConcordError('CONFIG_INVALID', `systems.${systemName}.type is missing`, {
      kind: 'config',
      context: { system: systemName, key: 'type' },
      hint: `set type: to one of ${CONNECTORS.map((c) => c.type).join(', ')}`,
    });
  }
  let connector: ConnectorDefinition;
  try {
    connector = getConnector(type);
  } catch (error) {
    if (error instanceof ConcordError) throw new ConcordError(error.code, `systems.${systemName}.type: ${error.message}`, { kind: 'config', context: { system: systemName, key: 'type' }, ...(error.hint ? { hint: error.hint } : {}) });
    throw error;
  }
  const connectorConfig = Object.fromEntries(Object.entries(systemConfig).filter(([key]) => !(SYSTEM_KEYS as readonly string[]).includes(key)));
  const parsed = connector.spec.safeParse(connectorConfig);
  if (!parsed.success) throw configError(systemName, connector, parsed.error);
  return connector.createSource(parsed.data, { ...ctx, systemName });
}

function configError(systemName: string, connector: ConnectorDefinition, error: z.ZodError): ConcordError {
  const issue = error.issues[0]!;
  const allowed = connector.spec instanceof z.ZodObject ? Object.keys(connector.spec.shape as Record<string, unknown>) : [];
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const guess = didYouMean(key, allowed);
    return new ConcordError('CONFIG_INVALID', `systems.${systemName}.${key}: ${connector.type} has no key ${key}`, {
      kind: 'config',
      context: { system: systemName, key },
      hint: guess ? `did you mean ${guess}? (keys: ${allowed.join(', ')})` : `keys: ${allowed.join(', ')}`,
    });
  }
  const key = issue.path.map(String).join('.');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : '';
  return new ConcordError('CONFIG_INVALID', `systems.${systemName}.${key}: ${issue.message}${more}`, {
    kind: 'config',
    context: { system: systemName, key },
    hint: `see docs/connectors.md, ${connector.type}`,
  });
}
