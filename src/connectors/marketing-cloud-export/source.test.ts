import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { context, readAll, tempDir, writeZip } from '../../../test/connectors/support.js';
import { marketingCloudExportConnector } from './index.js';
import { marketingCloudExportSpec } from './spec.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

function source(dir: string, extra: Record<string, unknown> = {}) {
  return marketingCloudExportConnector.createSource(marketingCloudExportSpec.parse({ path: '.', mid: 514001234, ...extra }), context(dir, 'mc'));
}

describe('marketing-cloud-export', () => {
  it('names the business unit in externalSourceId and discovers the six extracts', async () => {
    const src = source(FIXTURES);
    expect(src.externalSourceId).toBe('marketing-cloud:514001234');
    expect((await src.discover()).map((s) => s.name)).toEqual(['Subscribers', 'Sent', 'Opens', 'Clicks', 'Bounces', 'Unsubs']);
    expect(await src.check()).toMatchObject({ ok: true });
  });

  it('reads subscribers: key, latest date in UTC as modstamp, Deleted status as a delete, attribute columns kept', async () => {
    const { records, problems } = await readAll(source(FIXTURES), 'Subscribers');
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.recordId, r.modstamp, r.deleted])).toEqual([
      ['0035g00000A1b2CAAR', '2023-03-02T15:15:00.000Z', false],
      ['0035g00000A1b2DAAR', '2024-05-01T00:45:10.000Z', false],
      ['sub-0003', '2024-01-05T14:00:00.000Z', false],
      ['sub-0004', '2022-06-01T16:00:00.000Z', true],
    ]);
    expect(records[0]!.fields).toMatchObject({ LoyaltyTier: 'Gold', CreatedDate: '3/2/2023 9:15:00 AM' });
  });

  it.each([
    ['Sent', 3, '4211|87|1|99001|2024-05-01T13:00:00.000Z'],
    ['Opens', 2, '4211|87|1|99001|2024-05-01T13:05:09.000Z'],
    ['Clicks', 2, '4211|87|1|99001|2024-05-01T13:06:00.000Z|https://shop.example/spring?utm=mc'],
    ['Bounces', 1, '4211|87|1|99003|2024-05-01T13:00:05.000Z'],
    ['Unsubs', 1, '4211|87|1|99002|2024-05-01T00:45:10.000Z'],
  ])('reads %s events with deterministic keys and UTC modstamps', async (stream, count, firstId) => {
    const { records, problems } = await readAll(source(FIXTURES), stream);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(count);
    expect(records[0]!.recordId).toBe(firstId);
    expect(records[0]!.modstamp).toBe(firstId.split('|')[4]);
    expect(new Set(records.map((r) => r.recordId)).size).toBe(count);
  });

  it('turns rows without a key or with an unreadable EventDate into problems and reads on', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await writeFile(
        join(dir, 'Opens.csv'),
        'AccountID,JobID,ListID,BatchID,SubscriberID,SubscriberKey,EventDate,Domain,IsUnique\n1,4211,87,1,,k,5/1/2024 7:05:09 AM,d,True\n1,4211,87,1,5,k,someday,d,True\n1,4211,87,1,6,k,2024-05-01T07:05:09,d,True\n',
      );
      const { records, problems } = await readAll(source(dir), 'Opens');
      expect(problems.map((p) => [p.code, p.line, p.field])).toEqual([
        ['MISSING_ID', 2, 'SubscriberID'],
        ['INVALID_DATE', 3, 'EventDate'],
      ]);
      expect(records.map((r) => r.recordId)).toEqual(['4211|87|1|6|2024-05-01T13:05:09.000Z']);
    } finally {
      await cleanup();
    }
  });

  it('reads the extracts from one ZIP archive like from the folder', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const names = ['Subscribers', 'Sent', 'Opens', 'Clicks', 'Bounces', 'Unsubs'];
      await writeZip(join(dir, 'tracking.zip'), Object.fromEntries(names.map((n) => [`extract/${n}.csv`, { file: join(FIXTURES, `${n}.csv`) }])));
      const zipped = source(dir, { path: 'tracking.zip' });
      expect(await zipped.check()).toMatchObject({ ok: true });
      expect((await zipped.discover()).map((s) => s.name)).toEqual(names);
      for (const stream of names) {
        const strip = (r: { recordId: string; modstamp?: string | undefined; fields: unknown }) => [r.recordId, r.modstamp, r.fields];
        expect((await readAll(zipped, stream)).records.map(strip)).toEqual((await readAll(source(FIXTURES), stream)).records.map(strip));
      }
    } finally {
      await cleanup();
    }
  });

  it('rejects a MID that is not digits, naming the key', () => {
    expect(() => marketingCloudExportSpec.parse({ path: '.', mid: 'acme' })).toThrow(/MID/);
  });
});
