/**
 * Writes the Marketing Cloud extracts: `Subscribers.csv` (All Subscribers with status) and one file per tracking
 * data view (`Sent`, `Opens`, `Clicks`, `Bounces`, `Unsubs`). Event dates are in Marketing Cloud's fixed CST,
 * 'M/D/YYYY h:mm:ss AM'. Events are regenerated per subscriber for each file instead of being held in memory.
 *
 * @example
 * const out = await writeMarketingCloudExport(world, '/tmp/demo/marketing-cloud');
 * out.files.Opens.records; // ≈ 0.28 × Sent
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { MarketingCloudFile, Row } from './columns.js';
import { MARKETING_CLOUD_COLUMNS } from './columns.js';
import { rowsOf, writeCsvFile } from './csv-file.js';
import type { McEventKind } from './mc-events.js';
import { subscriberEvents } from './mc-events.js';
import { marketingCloudDate } from './time-format.js';
import type { DemoWorld } from './world-types.js';

/** Paths and record counts of the written Marketing Cloud extracts. */
export interface MarketingCloudFiles {
  folder: string;
  mid: number;
  files: Record<MarketingCloudFile, { path: string; records: number }>;
}

const TRACKING_FILES: ReadonlyArray<readonly [MarketingCloudFile, McEventKind]> = [
  ['Sent', 'sent'], ['Opens', 'open'], ['Clicks', 'click'], ['Bounces', 'bounce'], ['Unsubs', 'unsub'],
];

/** One data-view row per event of the given kind, subscriber by subscriber. */
export function* trackingRows(world: DemoWorld, kind: McEventKind): Generator<Row> {
  const ctx = { seed: world.options.seed, jobs: world.marketingCloud.jobs };
  for (const sub of world.marketingCloud.subscribers) {
    const domain = (sub.email.split('@')[1] ?? '').toLowerCase();
    for (const e of subscriberEvents(ctx, sub)) {
      if (e.kind !== kind) continue;
      yield {
        AccountID: world.marketingCloud.mid, JobID: e.job.jobId, ListID: e.job.listId, BatchID: e.job.batchId,
        SubscriberID: sub.subscriberId, SubscriberKey: sub.key, EventDate: marketingCloudDate(e.at), Domain: domain,
        IsUnique: e.isUnique, URL: e.link?.url ?? null, LinkName: e.link?.name ?? null,
        BounceCategory: e.bounce?.category ?? null, BounceSubcategory: e.bounce?.subcategory ?? null,
        SMTPCode: e.bounce?.smtpCode ?? null, SMTPBounceReason: e.bounce?.reason ?? null,
      };
    }
  }
}

/** Writes the subscriber and tracking extracts into `folder`. */
export async function writeMarketingCloudExport(world: DemoWorld, folder: string): Promise<MarketingCloudFiles> {
  await mkdir(folder, { recursive: true });
  const files = {} as Record<MarketingCloudFile, { path: string; records: number }>;
  const style = { header: true, bom: false, quoted: false, booleans: 'title' } as const;
  const subscribers = join(folder, 'Subscribers.csv');
  const counter = { rows: 0 };
  const columns = MARKETING_CLOUD_COLUMNS.Subscribers;
  await writeCsvFile(subscribers, columns, rowsOf(columns, world.marketingCloud.subscribers.map((s) => s.row), style, counter), style);
  files.Subscribers = { path: subscribers, records: counter.rows };
  for (const [file, kind] of TRACKING_FILES) {
    const path = join(folder, `${file}.csv`);
    const c = { rows: 0 };
    const cols = MARKETING_CLOUD_COLUMNS[file];
    await writeCsvFile(path, cols, rowsOf(cols, trackingRows(world, kind), style, c), style);
    files[file] = { path, records: c.rows };
  }
  return { folder, mid: world.marketingCloud.mid, files };
}
