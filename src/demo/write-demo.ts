/**
 * `writeDemo`: writes a generated world to disk — the three systems' exports, the ground truth and a
 * `concord.yaml` that reads them — and reports what it wrote.
 *
 * @example
 * const files = await writeDemo(generateDemo({ people: 1000, seed: 42 }), './demo');
 * files.config;  // './demo/concord.yaml'
 * files.summary.overlap.threeSystems; // ≈ 140
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stringify as toYaml } from 'yaml';
import { ConcordError } from '../core/errors.js';
import { GROUND_TRUTH_COLUMNS } from './columns.js';
import type { Row } from './columns.js';
import { rowsOf, writeCsvFile } from './csv-file.js';
import type { CdmFolderFiles } from './write-dataverse.js';
import { writeCdmFolder } from './write-dataverse.js';
import type { MarketingCloudFiles } from './write-marketing-cloud.js';
import { writeMarketingCloudExport } from './write-marketing-cloud.js';
import type { SalesforceExportFiles } from './write-salesforce.js';
import { writeSalesforceExport } from './write-salesforce.js';
import type { DemoSummary, DemoWorld } from './world-types.js';

/** Folder names inside the demo directory, also used as the system names in concord.yaml. */
export const DEMO_LAYOUT = {
  salesforce: 'salesforce',
  dataverse: 'dataverse',
  marketingCloud: 'marketing-cloud',
  groundTruth: 'ground-truth.csv',
  config: 'concord.yaml',
} as const;

/** What `writeDemo` wrote: absolute paths and record counts per system and stream, and the world summary. */
export interface DemoFiles {
  dir: string;
  config: string;
  groundTruth: { path: string; records: number };
  salesforce: SalesforceExportFiles;
  dataverse: CdmFolderFiles;
  marketingCloud: MarketingCloudFiles;
  summary: DemoSummary;
}

/**
 * The concord.yaml for a demo folder. Paths are relative: the loader resolves them against the file's folder,
 * so the demo folder can be moved.
 *
 * @example
 * demoConfigYaml(world).includes('type: salesforce-export'); // true
 */
export function demoConfigYaml(world: DemoWorld): string {
  const config = {
    store: 'sqlite:.concord/concord.db',
    systems: {
      salesforce: { type: 'salesforce-export', path: DEMO_LAYOUT.salesforce, orgId: world.salesforce.orgId },
      dataverse: { type: 'cdm-folder', path: DEMO_LAYOUT.dataverse, organizationId: world.dataverse.organizationId },
      'marketing-cloud': { type: 'marketing-cloud-export', path: DEMO_LAYOUT.marketingCloud, mid: world.marketingCloud.mid },
    },
  };
  const header = [
    `# Concord demo: ${world.summary.people} people and ${world.summary.companies} companies (seed ${world.options.seed}).`,
    '# Generated data; ground-truth.csv says which real-world entity each record stands for.',
    '',
  ].join('\n');
  return header + toYaml(config);
}

function* groundTruthRows(world: DemoWorld): Generator<Row> {
  for (const g of world.groundTruth) {
    yield { system: g.system, stream: g.stream, record_id: g.recordId, entity_kind: g.entityKind, truth_id: g.truthId };
  }
}

/**
 * Writes every demo file under `dir` (created if missing). Files are streamed row by row; the same world
 * always produces byte-identical files.
 */
export async function writeDemo(world: DemoWorld, dir: string): Promise<DemoFiles> {
  const root = resolve(dir);
  try {
    await mkdir(root, { recursive: true });
    const salesforce = await writeSalesforceExport(world, join(root, DEMO_LAYOUT.salesforce));
    const dataverse = await writeCdmFolder(world, join(root, DEMO_LAYOUT.dataverse));
    const marketingCloud = await writeMarketingCloudExport(world, join(root, DEMO_LAYOUT.marketingCloud));
    const truthPath = join(root, DEMO_LAYOUT.groundTruth);
    const counter = { rows: 0 };
    const style = { header: true, bom: false, quoted: false, booleans: 'lower' } as const;
    await writeCsvFile(truthPath, GROUND_TRUTH_COLUMNS, rowsOf(GROUND_TRUTH_COLUMNS, groundTruthRows(world), style, counter), style);
    const config = join(root, DEMO_LAYOUT.config);
    await writeFile(config, demoConfigYaml(world), 'utf8');
    return { dir: root, config, groundTruth: { path: truthPath, records: counter.rows }, salesforce, dataverse, marketingCloud, summary: world.summary };
  } catch (cause) {
    if (cause instanceof ConcordError) throw cause;
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    throw new ConcordError('DEMO_WRITE_FAILED', `could not write the demo files under ${root}: ${(cause as Error | undefined)?.message ?? String(cause)}`, {
      kind: code === 'EACCES' || code === 'EROFS' || code === 'ENOTDIR' ? 'config' : 'transient',
      context: { file: root },
      hint: 'choose a folder you can write to, e.g. --dir ./concord-demo',
      cause,
    });
  }
}
