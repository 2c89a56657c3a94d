import { existsSync, readdirSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONNECTORS, createSource, getConnector } from './registry.js';

const HERE = new URL('./', import.meta.url).pathname;
const ctx = { baseDir: HERE, env: {} };

describe('connector registry', () => {
  it('lists the file connectors', () => {
    expect(CONNECTORS.map((c) => c.type)).toEqual(expect.arrayContaining(['salesforce-export', 'cdm-folder', 'marketing-cloud-export', 'csv', 'ndjson']));
  });

  it('suggests the closest type for a typo', () => {
    expect(() => getConnector('salesforce-exprot')).toThrow(expect.objectContaining({ code: 'CONNECTOR_UNKNOWN', kind: 'config', hint: expect.stringContaining('did you mean salesforce-export?') }));
  });

  it.each([
    [{ type: 'salesforce-export', path: 'x', orgId: 'nope' }, 'systems.sf.orgId: must be a Salesforce organization id'],
    [{ type: 'salesforce-export', path: 'x', orgID: '00D5g000004abcdEAA' }, 'systems.sf.orgID: salesforce-export has no key orgID'],
    [{ type: 'marketing-cloud-export', path: 'x' }, 'systems.sf.mid:'],
    [{ type: 'cdm-folder' }, 'systems.sf.path:'],
    [{ type: 'csv', path: 'a.csv', stream: 's', id: 'id', fields: {}, delimiter: ';;' }, 'systems.sf.delimiter: must be one character'],
    [{ type: 'csvv', path: 'a.csv' }, 'systems.sf.type: unknown connector type csvv'],
  ])('names system and key for %j', (config, message) => {
    expect(() => createSource('sf', config, ctx)).toThrow(expect.objectContaining({ kind: 'config', message: expect.stringContaining(message) }));
  });

  it('passes the validated config (with defaults) to the connector, leaving out type, streams and enabled', () => {
    const source = createSource('mc', { type: 'marketing-cloud-export', path: 'marketing-cloud-export/fixtures', mid: 514001234, streams: ['Opens'], enabled: true }, ctx);
    expect(source.externalSourceId).toBe('marketing-cloud:514001234');
    expect(source.mappingSystem).toBe('marketing-cloud');
    expect(source.fullReadReconciles).toBe(true);
  });

  // STYLE.md: same shape, every plug-in.
  // Every connector folder (a folder with a source.ts) has the same files; folders holding only the mappings of a
  // system whose live connector is not built yet (dataverse/, marketing-cloud/) are not connectors.
  const connectorFolders = readdirSync(HERE, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(HERE, e.name, 'source.ts')))
    .map((e) => e.name);
  it('finds every connector folder', () => {
    expect(connectorFolders).toEqual(expect.arrayContaining(['salesforce-export', 'cdm-folder', 'marketing-cloud-export', 'files', 'salesforce']));
  });
  it.each(connectorFolders)('%s has spec.ts, source.ts, destination.ts, mappings/ and fixtures/', async (folder) => {
    const names = await readdir(join(HERE, folder));
    expect(names).toEqual(expect.arrayContaining(['index.ts', 'spec.ts', 'source.ts', 'destination.ts', 'mappings', 'fixtures']));
    expect((await stat(join(HERE, folder, 'mappings', 'index.ts'))).isFile()).toBe(true);
    expect((await readdir(join(HERE, folder, 'fixtures'))).length).toBeGreaterThan(0);
  });
});
