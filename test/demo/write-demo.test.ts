import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { ConcordError } from '../../src/core/errors.js';
import {
  DATAVERSE_COLUMNS, GROUND_TRUTH_COLUMNS, MARKETING_CLOUD_COLUMNS, SALESFORCE_COLUMNS, generateDemo, isValidSalesforceId18, writeDemo,
} from '../../src/demo/index.js';
import type { DemoFiles } from '../../src/demo/index.js';
import { readZip } from './read-zip.js';

let base: string;
let first: DemoFiles;

async function treeHashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(d: string): Promise<void> {
    for (const name of (await readdir(d)).sort()) {
      const p = join(d, name);
      if ((await stat(p)).isDirectory()) await walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(await readFile(p)).digest('hex');
    }
  }
  await walk(dir);
  return out;
}

function csv(text: Buffer | string, columns: boolean): Array<Record<string, string>> | string[][] {
  return parse(text, { bom: true, columns, relax_quotes: false }) as Array<Record<string, string>> | string[][];
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'concord-demo-'));
  first = await writeDemo(generateDemo({ people: 1000, seed: 42 }), join(base, 'a'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('writeDemo', () => {
  it('writes byte-identical files for the same seed and different files for another', async () => {
    await writeDemo(generateDemo({ people: 1000, seed: 42 }), join(base, 'b'));
    await writeDemo(generateDemo({ people: 1000, seed: 7 }), join(base, 'c'));
    const a = await treeHashes(join(base, 'a'));
    expect(await treeHashes(join(base, 'b'))).toEqual(a);
    const c = await treeHashes(join(base, 'c'));
    expect(c['ground-truth.csv']).not.toBe(a['ground-truth.csv']);
    expect(c['marketing-cloud/Subscribers.csv']).not.toBe(a['marketing-cloud/Subscribers.csv']);
  });

  it('writes a Salesforce export zip with headed CSVs and valid ids', async () => {
    expect(first.salesforce.zip).toMatch(/salesforce\/WE_00D[0-9A-Za-z]{15}_1\.ZIP$/);
    expect(isValidSalesforceId18(first.salesforce.orgId)).toBe(true);
    const entries = await readZip(first.salesforce.zip);
    expect([...entries.keys()].sort()).toEqual(Object.keys(SALESFORCE_COLUMNS).map((o) => `${o}.csv`).sort());
    const prefixes: Record<string, string> = {
      Id: '', AccountId: '001', ContactId: '003', LeadId: '00Q', CampaignId: '701', OwnerId: '005', CreatedById: '005',
      LastModifiedById: '005', ConvertedContactId: '003', ConvertedAccountId: '001',
    };
    const objectPrefix: Record<string, string> = { User: '005', Account: '001', Contact: '003', Lead: '00Q', Opportunity: '006', Case: '500', Campaign: '701', CampaignMember: '00v' };
    for (const [name, buffer] of entries) {
      const object = name.replace(/\.csv$/, '') as keyof typeof SALESFORCE_COLUMNS;
      expect(buffer.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `${name} BOM`).toBe(true);
      const rows = csv(buffer, false) as string[][];
      expect(rows[0]).toEqual([...SALESFORCE_COLUMNS[object]]);
      const records = parse(buffer, { bom: true, columns: true }) as Array<Record<string, string>>;
      expect(records.length).toBe(first.salesforce.entries[object].records);
      for (const r of records) {
        for (const [column, prefix] of Object.entries(prefixes)) {
          const value = r[column];
          if (value === undefined || value === '') continue;
          expect(isValidSalesforceId18(value), `${name}.${column} ${value}`).toBe(true);
          expect(value.startsWith(column === 'Id' ? (objectPrefix[object] ?? '?') : prefix), `${name}.${column} ${value}`).toBe(true);
        }
        for (const column of ['CreatedDate', 'LastModifiedDate', 'SystemModstamp']) {
          if (r[column] !== undefined) expect(r[column]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
        }
        for (const column of ['IsDeleted', 'IsClosed', 'IsWon', 'HasResponded', 'DoNotCall']) {
          if (r[column] !== undefined) expect(['true', 'false']).toContain(r[column]);
        }
      }
    }
    const contacts = parse(entries.get('Contact.csv') ?? '', { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(contacts.some((c) => (c['MailingStreet'] ?? '').includes('\n'))).toBe(true);
  });

  it('writes a CDM folder whose model.json lists every partition with matching columns', async () => {
    const model = JSON.parse(await readFile(first.dataverse.modelJson, 'utf8')) as {
      version: string; name: string;
      entities: Array<{ $type: string; name: string; attributes: Array<{ name: string; dataType: string }>; partitions: Array<{ name: string; location: string }> }>;
    };
    expect(model.version).toBe('1.0');
    expect(model.entities.map((e) => e.name)).toEqual(Object.keys(DATAVERSE_COLUMNS));
    const listed = new Set<string>();
    for (const entity of model.entities) {
      expect(entity.$type).toBe('LocalEntity');
      expect(entity.attributes.map((a) => a.name)).toEqual(DATAVERSE_COLUMNS[entity.name as keyof typeof DATAVERSE_COLUMNS].map(([c]) => c));
      for (const a of entity.attributes) expect(['string', 'int64', 'decimal', 'double', 'boolean', 'dateTime', 'guid']).toContain(a.dataType);
      let rows = 0;
      for (const partition of entity.partitions) {
        const url = new URL(partition.location);
        expect(url.hostname).toMatch(/^[a-z0-9]+\.dfs\.core\.windows\.net$/);
        // A reader resolves the location by its trailing segments: <entity>/<partition>.csv.
        const file = join(first.dataverse.folder, ...url.pathname.split('/').slice(-2));
        expect(existsSync(file), file).toBe(true);
        listed.add(file);
        const records = csv(await readFile(file), false) as string[][];
        rows += records.length;
        for (const record of records) expect(record.length).toBe(entity.attributes.length);
        const idIndex = 0;
        for (const record of records) expect(record[idIndex]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      }
      expect(rows).toBe(first.dataverse.tables[entity.name as keyof typeof DATAVERSE_COLUMNS].records);
    }
    expect([...listed].sort()).toEqual(Object.values(first.dataverse.tables).flatMap((t) => t.files).sort());
  });

  it('writes Marketing Cloud extracts with data-view columns and CST dates', async () => {
    for (const [file, columns] of Object.entries(MARKETING_CLOUD_COLUMNS)) {
      const text = await readFile(join(first.marketingCloud.folder, `${file}.csv`));
      const rows = csv(text, false) as string[][];
      expect(rows[0]).toEqual([...columns]);
      expect(rows.length - 1).toBe(first.marketingCloud.files[file as keyof typeof MARKETING_CLOUD_COLUMNS].records);
    }
    const sent = csv(await readFile(join(first.marketingCloud.folder, 'Sent.csv')), true) as Array<Record<string, string>>;
    expect(sent.length).toBeGreaterThan(1000);
    for (const row of sent.slice(0, 200)) expect(row['EventDate']).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d\d:\d\d (AM|PM)$/);
    const subscribers = csv(await readFile(join(first.marketingCloud.folder, 'Subscribers.csv')), true) as Array<Record<string, string>>;
    const unsubs = csv(await readFile(join(first.marketingCloud.folder, 'Unsubs.csv')), true) as Array<Record<string, string>>;
    const unsubscribed = new Set(subscribers.filter((s) => s['Status'] === 'Unsubscribed').map((s) => s['SubscriberKey']));
    expect(new Set(unsubs.map((u) => u['SubscriberKey']))).toEqual(unsubscribed);
    for (const s of subscribers) expect(['Active', 'Bounced', 'Held', 'Unsubscribed']).toContain(s['Status']);
    // Plausible rates: opens 10–45% of sends, clicks 1–10%, bounces under 8%.
    const { Sent, Opens, Clicks, Bounces } = first.summary.records['marketing-cloud'];
    expect((Opens ?? 0) / (Sent ?? 1)).toBeGreaterThan(0.1);
    expect((Opens ?? 0) / (Sent ?? 1)).toBeLessThan(0.45);
    expect((Clicks ?? 0) / (Sent ?? 1)).toBeGreaterThan(0.01);
    expect((Clicks ?? 0) / (Sent ?? 1)).toBeLessThan(0.1);
    expect((Bounces ?? 0) / (Sent ?? 1)).toBeLessThan(0.08);
  });

  it('writes a ground truth that covers every person and company record', async () => {
    const truth = csv(await readFile(first.groundTruth.path), true) as Array<Record<string, string>>;
    expect(Object.keys(truth[0] ?? {})).toEqual([...GROUND_TRUTH_COLUMNS]);
    const keys = new Set(truth.map((t) => `${t['system']}/${t['stream']}/${t['record_id']}`));
    const entries = await readZip(first.salesforce.zip);
    for (const object of ['Account', 'Contact', 'Lead']) {
      const rows = parse(entries.get(`${object}.csv`) ?? '', { bom: true, columns: true }) as Array<Record<string, string>>;
      for (const r of rows) expect(keys.has(`salesforce/${object}/${r['Id']}`), r['Id']).toBe(true);
    }
    for (const table of ['account', 'contact', 'lead'] as const) {
      for (const file of first.dataverse.tables[table].files) {
        for (const r of csv(await readFile(file), false) as string[][]) expect(keys.has(`dataverse/${table}/${r[0]}`)).toBe(true);
      }
    }
    const subscribers = csv(await readFile(join(first.marketingCloud.folder, 'Subscribers.csv')), true) as Array<Record<string, string>>;
    for (const s of subscribers) expect(keys.has(`marketing-cloud/Subscribers/${s['SubscriberKey']}`)).toBe(true);
    const expectedRows = ['Account', 'Contact', 'Lead'].reduce((n, o) => n + (first.salesforce.entries[o as 'Account'].records), 0)
      + ['account', 'contact', 'lead'].reduce((n, t) => n + first.dataverse.tables[t as 'account'].records, 0) + subscribers.length;
    expect(truth.length).toBe(expectedRows);
    for (const t of truth) expect(t['entity_kind']).toMatch(/^(person|company)$/);
  });

  it('writes a concord.yaml the config schema accepts, with relative paths', async () => {
    const config = configSchema.parse(parseYaml(await readFile(first.config, 'utf8')));
    expect(config.store).toBe('sqlite:.concord/concord.db');
    expect(config.systems['salesforce']).toMatchObject({ type: 'salesforce-export', path: 'salesforce', orgId: first.salesforce.orgId });
    expect(config.systems['dataverse']).toMatchObject({ type: 'cdm-folder', path: 'dataverse', organizationId: first.dataverse.organizationId });
    expect(config.systems['marketing-cloud']).toMatchObject({ type: 'marketing-cloud-export', path: 'marketing-cloud', mid: first.marketingCloud.mid });
  });

  it('replaces the export part of an earlier seed instead of leaving two orgs side by side', async () => {
    const dir = join(base, 'reuse');
    await writeDemo(generateDemo({ people: 20, seed: 1 }), dir);
    const second = await writeDemo(generateDemo({ people: 20, seed: 2 }), dir);
    expect(await readdir(join(dir, 'salesforce'))).toEqual([second.salesforce.zip.split('/').pop()]);
  });

  it('fails with a typed error when the folder cannot be created', async () => {
    const blocker = join(base, 'not-a-dir');
    await writeFile(blocker, 'x');
    await expect(writeDemo(generateDemo({ people: 5, seed: 1 }), join(blocker, 'demo'))).rejects.toBeInstanceOf(ConcordError);
    await expect(writeDemo(generateDemo({ people: 5, seed: 1 }), join(blocker, 'demo'))).rejects.toMatchObject({ code: 'DEMO_WRITE_FAILED' });
  });
});
