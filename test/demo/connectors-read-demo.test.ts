/**
 * The demo's contract with the file connectors: the concord.yaml it writes opens all three systems, every
 * stream reads without problems, counts match what the writer reported, and every ground-truth record id is
 * a record id the connector yields (so identity results can be scored against the truth).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSource } from '../../src/connectors/registry.js';
import { generateDemo, writeDemo } from '../../src/demo/index.js';
import type { DemoFiles } from '../../src/demo/index.js';

let dir: string;
let files: DemoFiles;
const seen = new Map<string, Set<string>>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'concord-demo-read-'));
  files = await writeDemo(generateDemo({ people: 300, seed: 11 }), dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function expectedCount(system: string, stream: string): number | undefined {
  if (system === 'salesforce') return files.salesforce.entries[stream as keyof DemoFiles['salesforce']['entries']]?.records;
  if (system === 'dataverse') return files.dataverse.tables[stream as keyof DemoFiles['dataverse']['tables']]?.records;
  return files.marketingCloud.files[stream as keyof DemoFiles['marketingCloud']['files']]?.records;
}

describe('the demo read by the file connectors', () => {
  it.each(['salesforce', 'dataverse', 'marketing-cloud'])('%s opens and every stream reads cleanly', async (system) => {
    const config = parseYaml(await readFile(files.config, 'utf8')) as { systems: Record<string, Record<string, unknown>> };
    const systemConfig = config.systems[system];
    expect(systemConfig).toBeDefined();
    const source = createSource(system, systemConfig ?? {}, { baseDir: files.dir, env: {} });
    expect((await source.check()).ok).toBe(true);
    const streams = await source.discover();
    expect(streams.length).toBeGreaterThan(0);
    for (const stream of streams) {
      const ids = new Set<string>();
      const problems: unknown[] = [];
      for await (const page of source.read(stream.name, { cursor: undefined, pageSize: 500 })) {
        for (const record of page.records) ids.add(record.recordId);
        problems.push(...page.problems);
      }
      expect(problems, `${system}/${stream.name}`).toEqual([]);
      const expected = expectedCount(system, stream.name);
      expect(expected, `${system}/${stream.name} is a file the demo wrote`).toBeDefined();
      // Tracking rows are keyed by send and time, so a subscriber's events could in principle share a key.
      if (system !== 'marketing-cloud' || stream.name === 'Subscribers') expect(ids.size, `${system}/${stream.name}`).toBe(expected);
      seen.set(`${system}/${stream.name}`, ids);
    }
  });

  it('yields every ground-truth record id', async () => {
    const truth = parse(await readFile(files.groundTruth.path), { columns: true }) as Array<Record<string, string>>;
    expect(truth.length).toBeGreaterThan(0);
    for (const row of truth) {
      expect(seen.get(`${row['system']}/${row['stream']}`)?.has(row['record_id'] ?? ''), `${row['system']}/${row['stream']}/${row['record_id']}`).toBe(true);
    }
  });
});
