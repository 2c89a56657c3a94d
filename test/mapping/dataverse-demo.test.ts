/**
 * The shipped Dataverse and Marketing Cloud mappings on realistic rows: a small demo world is written in the
 * exporters' formats, read back through the real connectors (typed CDM values, Marketing Cloud extracts) and
 * mapped; every record must pass the model's validator in the practical profile, every column the demo writes
 * must be mapped or listed as deliberately unmapped, and events must point at their subscriber's records.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATAVERSE_MAPPINGS, DATAVERSE_NOT_MAPPED } from '../../src/connectors/dataverse/mappings/index.js';
import { cdmFolderConnector, cdmFolderSpec } from '../../src/connectors/cdm-folder/index.js';
import { getMapping } from '../../src/connectors/mapping-registry.js';
import { TRACKING_NOT_MAPPED } from '../../src/connectors/marketing-cloud/mappings/index.js';
import { marketingCloudExportConnector, marketingCloudExportSpec } from '../../src/connectors/marketing-cloud-export/index.js';
import { DATAVERSE_COLUMNS, MARKETING_CLOUD_COLUMNS, generateDemo } from '../../src/demo/index.js';
import { writeCdmFolder } from '../../src/demo/write-dataverse.js';
import { writeMarketingCloudExport } from '../../src/demo/write-marketing-cloud.js';
import { compileMapping, type MappingIssue } from '../../src/mapping/index.js';
import { validateRecord, type CimRecord } from '../../src/model/index.js';
import type { SourceRecord } from '../../src/store/store.js';
import { context, readAll, tempDir } from '../connectors/support.js';

interface Mapped {
  rows: SourceRecord[];
  records: CimRecord[];
  issues: MappingIssue[];
}

const SYSTEM_DV = 'dataverse';
const SYSTEM_MC = 'marketing-cloud';
const dataverse = new Map<string, Mapped>();
const marketingCloud = new Map<string, Mapped>();
let cleanup: () => Promise<void> = async () => {};

function mapAll(system: string, externalSourceId: string, mappingSystem: string, stream: string, rows: SourceRecord[]): Mapped {
  const map = compileMapping(getMapping(mappingSystem, stream), { defaultRegion: 'US', externalSourceId, system, stream });
  const out: Mapped = { rows, records: [...map.referenceRecords], issues: [] };
  for (const row of rows) {
    const { records, issues } = map(row);
    out.records.push(...records);
    out.issues.push(...issues);
  }
  return out;
}

beforeAll(async () => {
  const tmp = await tempDir();
  cleanup = tmp.cleanup;
  const world = generateDemo({ people: 160, seed: 11 });
  await writeCdmFolder(world, join(tmp.dir, 'dataverse'));
  await writeMarketingCloudExport(world, join(tmp.dir, 'marketing-cloud'));
  const dv = cdmFolderConnector.createSource(cdmFolderSpec.parse({ path: 'dataverse', organizationId: world.dataverse.organizationId }), context(tmp.dir, SYSTEM_DV));
  for (const stream of Object.keys(DATAVERSE_COLUMNS)) {
    const { records, problems } = await readAll(dv, stream);
    expect(problems).toEqual([]);
    dataverse.set(stream, mapAll(SYSTEM_DV, dv.externalSourceId, dv.mappingSystem, stream, records));
  }
  const mc = marketingCloudExportConnector.createSource(marketingCloudExportSpec.parse({ path: 'marketing-cloud', mid: world.marketingCloud.mid }), context(tmp.dir, SYSTEM_MC));
  for (const stream of Object.keys(MARKETING_CLOUD_COLUMNS)) {
    const { records, problems } = await readAll(mc, stream);
    expect(problems).toEqual([]);
    marketingCloud.set(stream, mapAll(SYSTEM_MC, mc.externalSourceId, mc.mappingSystem, stream, records));
  }
}, 60_000);

afterAll(() => cleanup());

const invalid = (records: readonly CimRecord[]): string[] =>
  records.flatMap((r) => {
    const result = validateRecord(r, 'practical');
    return result.ok ? [] : result.error.map((e) => e.message);
  });

describe('Dataverse demo tables through the cdm-folder connector', () => {
  it.each(Object.keys(DATAVERSE_COLUMNS))('%s: every column the demo writes is mapped or deliberately left unmapped', (table) => {
    const mapping = DATAVERSE_MAPPINGS.find((m) => m.stream === table)!;
    const mapped = new Set([mapping.idField, ...mapping.fields.map((f) => f.source), ...Object.values(mapping.systemFields ?? {})]);
    const notMapped = DATAVERSE_NOT_MAPPED[table] ?? {};
    const missing = DATAVERSE_COLUMNS[table as keyof typeof DATAVERSE_COLUMNS].map(([c]) => c).filter((c) => !mapped.has(c) && notMapped[c] === undefined);
    expect(missing).toEqual([]);
    for (const column of Object.keys(notMapped)) expect(mapping.description).toContain(`${column} (`);
  });

  it.each(Object.keys(DATAVERSE_COLUMNS))('%s: rows map without errors and every record passes the practical profile', (table) => {
    const { rows, records, issues } = dataverse.get(table)!;
    expect(rows.length).toBeGreaterThan(0);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Demo option values are all out-of-box ones: no value-table misses.
    expect(issues.filter((i) => i.code === 'UNKNOWN_VALUE')).toEqual([]);
    expect(invalid(records)).toEqual([]);
  });

  it('references between tables resolve to records the other mappings emit', () => {
    const ids = new Set([...dataverse.values()].flatMap((m) => m.records.map((r) => String(r.data['id']))));
    const refs = [
      ...dataverse.get('contact')!.records.filter((r) => r.entity === 'AccountContact').map((r) => r.data['accountId']),
      ...dataverse.get('opportunity')!.records.flatMap((r) => [r.data['accountId'], r.data['contactId']]),
      ...dataverse.get('incident')!.records.map((r) => r.data['contactId']),
    ].filter((v): v is string => typeof v === 'string');
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('date-only columns keep their calendar date (T11) and typed numbers stay numbers', () => {
    const { rows, records } = dataverse.get('contact')!;
    const row = rows.find((r) => typeof r.fields['birthdate'] === 'string')!;
    const individual = records.find((r) => r.entity === 'Individual' && r.data['externalRecordId'] === row.recordId)!;
    expect(individual.data['birthDate']).toBe(String(row.fields['birthdate']).slice(0, 10));
    const account = dataverse.get('account')!;
    const withRevenue = account.rows.find((r) => typeof r.fields['revenue'] === 'number')!;
    const org = account.records.find((r) => r.entity === 'Organization' && r.data['externalRecordId'] === withRevenue.recordId)!;
    expect(org.data['annualRevenueAmount']).toBe(withRevenue.fields['revenue']);
  });
});

describe('Marketing Cloud demo extracts through the marketing-cloud-export connector', () => {
  it.each(Object.keys(MARKETING_CLOUD_COLUMNS))('%s: every column is mapped or deliberately left unmapped; rows map cleanly and validate', (stream) => {
    const mapping = getMapping('marketing-cloud', stream);
    const mapped = new Set([mapping.idField, ...mapping.fields.map((f) => f.source), ...Object.values(mapping.systemFields ?? {})]);
    const missing = MARKETING_CLOUD_COLUMNS[stream as keyof typeof MARKETING_CLOUD_COLUMNS].filter((c) => !mapped.has(c) && TRACKING_NOT_MAPPED[c] === undefined);
    expect(missing).toEqual([]);
    const { records, issues } = marketingCloud.get(stream)!;
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(invalid(records)).toEqual([]);
  });

  it('every tracking event points at the Individual and email its Subscribers row produced', () => {
    const subscribers = marketingCloud.get('Subscribers')!.records;
    const individuals = new Set(subscribers.filter((r) => r.entity === 'Individual').map((r) => r.data['id']));
    const emails = new Set(subscribers.filter((r) => r.entity === 'ContactPointEmail').map((r) => r.data['id']));
    let events = 0;
    for (const stream of ['Sent', 'Opens', 'Clicks', 'Bounces', 'Unsubs']) {
      for (const r of marketingCloud.get(stream)!.records.filter((x) => x.entity === 'EngagementEvent')) {
        events++;
        expect(individuals.has(r.data['individualId'])).toBe(true);
        expect(emails.has(r.data['contactPointEmailId'])).toBe(true);
      }
    }
    expect(events).toBeGreaterThan(100);
  });

  it('every unsubscribe event also records an email opt-out for the same person', () => {
    const { records } = marketingCloud.get('Unsubs')!;
    const events = records.filter((r) => r.entity === 'EngagementEvent');
    const optOuts = records.filter((r) => r.entity === 'ContactPointConsent');
    expect(optOuts.length).toBe(events.length);
    expect(optOuts.map((r) => [r.data['status'], r.data['channel'], r.data['individualId']])).toEqual(events.map((e) => ['optOut', 'email', e.data['individualId']]));
  });
});
