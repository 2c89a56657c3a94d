/**
 * The same Dataverse world read two ways — from the CDM folder the demo writes (the `cdm-folder` connector) and
 * from the Web API emulator seeded with that world (the `dataverse` connector) — gives the same records: same
 * ids, same typed fields, same content hashes, same externalSourceId. So the shipped Dataverse mappings, written
 * for the CDM folder's values, apply to the live connector unchanged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSource } from '../../src/connectors/registry.js';
import { generateDemo } from '../../src/demo/generate.js';
import { DATAVERSE_TABLES, writeCdmFolder } from '../../src/demo/write-dataverse.js';
import { sourceHash } from '../../src/pipeline/sync-stream.js';
import { startDataverseEmulator, type DataverseEmulator } from '../emulators/dataverse/index.js';
import { drain, liveSource } from '../emulators/dataverse/harness.js';

const SEED = 21;
const PEOPLE = 250;

describe('dataverse live source vs the cdm-folder source of the same world', () => {
  let dv: DataverseEmulator;
  let dir: string;
  beforeAll(async () => {
    dv = await startDataverseEmulator({ seed: SEED, people: PEOPLE });
    dir = mkdtempSync(join(tmpdir(), 'concord-dv-cdm-'));
    await writeCdmFolder(generateDemo({ seed: SEED, people: PEOPLE }), join(dir, 'lake'));
  });
  afterAll(async () => {
    await dv.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(DATAVERSE_TABLES)('%s: same ids, fields and hashes', async (table) => {
    const lake = createSource('dynamics', { type: 'cdm-folder', path: 'lake', organizationId: dv.organizationId }, { baseDir: dir, env: {} });
    const live = liveSource(dv);
    expect(live.externalSourceId).toBe(lake.externalSourceId);
    const fromLake = await drain(lake, table, undefined);
    const fromLive = await drain(live, table, undefined);
    expect(fromLake.pages.flatMap((p) => p.problems)).toEqual([]);
    expect(fromLive.pages.flatMap((p) => p.problems)).toEqual([]);
    const liveById = new Map(fromLive.records.map((r) => [r.recordId, r]));
    expect([...liveById.keys()].sort()).toEqual(fromLake.records.map((r) => r.recordId).sort());
    for (const record of fromLake.records) {
      const other = liveById.get(record.recordId)!;
      expect(other.fields).toEqual(record.fields);
      expect(sourceHash(other)).toBe(sourceHash(record));
      expect(other.modstamp).toBe(record.modstamp);
    }
  });
});
