import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/connectors/support.js';
import { resolveLocation } from './cdm-layout.js';
import { collectAttributes, readManifest, traitFormat } from './manifest.js';
import { csvFormat } from './model-json.js';

describe('CDM metadata helpers', () => {
  it('reads CSV format from trait arguments and from fileFormatSettings', () => {
    const trait = { traitReference: 'is.partition.format.CSV', arguments: [{ name: 'columnHeaders', value: 'true' }, { name: 'delimiter', value: ';' }, { name: 'quoteStyle', value: 'QuoteStyle.None' }, { name: 'encoding', value: 'ISO-8859-1' }] };
    expect(traitFormat([trait])).toEqual({ columnHeaders: true, delimiter: ';', quote: null, encoding: 'latin1' });
    expect(traitFormat(undefined)).toEqual({ columnHeaders: false, delimiter: ',', quote: '"', encoding: 'utf8' });
    expect(csvFormat({ columnHeaders: true, delimiter: '|', quoteStyle: 'QuoteStyle.Csv', csvStyle: 'CsvStyle.QuoteAfterDelimiter' })).toEqual({ columnHeaders: true, delimiter: '|', quote: '"', encoding: 'utf8' });
  });

  it('flattens attribute groups and finds keys and data formats', () => {
    expect(
      collectAttributes([
        { attributeGroupReference: { members: [{ name: 'leadid', dataType: 'entityId', purpose: 'identifiedBy' }, { name: 'budget', dataType: { dataTypeReference: 'currency' } }] } },
        { name: 'createdon', dataType: 'dateTime', dataFormat: 'DateTime' },
        { name: 'parentaccount', entity: { entityReference: 'account' } },
      ]),
    ).toEqual([
      { name: 'leadid', type: 'string', isPrimaryKey: true },
      { name: 'budget', type: 'decimal' },
      { name: 'createdon', type: 'dateTime' },
    ]);
  });
});

describe('partition locations and patterns', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    await mkdir(join(dir, 'lead', '2024'), { recursive: true });
    await writeFile(join(dir, 'lead', '2024', '01.csv'), '"x"\n');
    await writeFile(join(dir, 'lead', '2024', '02.csv'), '"y"\n');
    await writeFile(join(dir, 'lead', 'notes.txt'), 'n');
  });
  afterEach(() => cleanup());

  it.each([
    ['https://acct.dfs.core.windows.net/container/crm/lead/2024/01.csv', 'lead/2024/01.csv'],
    ['adls:/container/crm/lead/2024/02.csv', 'lead/2024/02.csv'],
    ['lead/2024/01.csv', 'lead/2024/01.csv'],
    ['https://acct.dfs.core.windows.net/c/lead/2023/01.csv', undefined],
    ['../../etc/passwd', undefined],
  ])('%s → %s', async (location, expected) => {
    expect(await resolveLocation(location, dir, dir)).toBe(expected === undefined ? undefined : join(dir, expected));
  });

  it('matches glob patterns across folders and keeps explicit partitions first', async () => {
    await writeFile(join(dir, 'lead.cdm.json'), JSON.stringify({ definitions: [{ entityName: 'lead', hasAttributes: [{ name: 'subject', dataType: 'string' }] }] }));
    await writeFile(
      join(dir, 'default.manifest.cdm.json'),
      JSON.stringify({
        manifestName: 'm',
        entities: [
          {
            type: 'LocalEntity',
            entityName: 'lead',
            entityPath: 'lead.cdm.json/lead',
            dataPartitions: [{ location: 'lead/2024/02.csv' }],
            dataPartitionPatterns: [{ rootLocation: 'lead', globPattern: '**/*.csv' }],
          },
        ],
      }),
    );
    const folder = await readManifest(join(dir, 'default.manifest.cdm.json'));
    expect(folder.entities[0]!.partitions.map((p) => p.path)).toEqual([join(dir, 'lead/2024/02.csv'), join(dir, 'lead/2024/01.csv')]);
  });

  it('names the entity when its document lacks the definition', async () => {
    await writeFile(join(dir, 'lead.cdm.json'), JSON.stringify({ definitions: [] }));
    await writeFile(join(dir, 'm.manifest.cdm.json'), JSON.stringify({ entities: [{ entityName: 'lead', entityPath: 'lead.cdm.json/lead' }] }));
    await expect(readManifest(join(dir, 'm.manifest.cdm.json'))).rejects.toMatchObject({ code: 'CDM_ENTITY_MISSING', context: { entity: 'lead' } });
  });
});
