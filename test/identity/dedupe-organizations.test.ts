import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../support/capture-output.js';

const dir = mkdtempSync(join(tmpdir(), 'concord-dedupe-org-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Childcare sites as scraped listings carry them: one site under a short and a long name, one written twice,
// and a chain whose switchboard number sits on three of its buildings.
const SITES = [
  'Id,Site name,Address,Zip,Phone,Fax,Program Name',
  's1," Hay","1018 N. Laramie ",,5346000,,Head Start',
  's2,"CHICAGO PUBLIC SCHOOLS HAY COMM. ACADEMY, JOHN","1018 N LARAMIE ",60651,5346000,,',
  's3,"Chicago Public Schools Hay Comm. Academy, John","1018 N. Laramie ",60651,5346000,,',
  'y1," YMCA South Side","6330 S Stony Island Ave ",60637,9470700,,Child Care',
  'y2," YMCA of Metropolitan Chicago - South Side YMCA","6330 S. Stony Island ",,9470700,,',
  'c1,"Carole Robertson Center For Learning","2929 W. 19th St.",60623,5211600,,',
  'c2,"Carole Robertson Center For Learning","3701 W. Ogden Ave.",60623,5211600,,',
  'c3,"Carole Robertson Center For Learning","2020 W. Roosevelt Rd.",60608,5211600,,',
  'm1,"Marcy Newberry Association","1073 W. Maxwell",60608,7466024,,',
].join('\n');

async function run(args: string[]): Promise<{ code: number; out: ReturnType<typeof captureOutput> }> {
  const out = captureOutput();
  const code = await main(['node', 'concord', ...args], { output: out, env: {} });
  return { code, out };
}

const clustersOf = (file: string): Map<string, string> =>
  new Map(readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',') as [string, string]));

describe('concord dedupe on organisations', () => {
  const file = join(dir, 'sites.csv');
  writeFileSync(file, SITES);

  it('chooses organisation from the columns, says so, and keeps a chain\'s buildings apart', async () => {
    const outFile = join(dir, 'clusters.csv');
    const { code, out } = await run(['dedupe', file, '--id', 'Id', '--out', outFile]);
    expect(code).toBe(EXIT.ok);
    expect(out.stdout.join('\n')).toMatch(/entity\s+organization/);
    expect(out.stdout.join('\n')).toMatch(/records\s+9/);
    expect(out.stderr.join('\n')).toMatch(/entity: organization \(organisation name column "Site name" and no person-name column\)/);
    expect(out.stderr.join('\n')).toMatch(/Site name→company, Address→address_1, Zip→postcode, Phone→phone; ignored: Fax, Program Name/);
    expect(out.stderr.join('\n')).toMatch(/phone_last7 "5211600" is on 3 records; it no longer links them/);
    const cluster = clustersOf(outFile);
    expect(cluster.get('s3')).toBe('s1');
    expect(cluster.get('s2')).toBe('s1');
    expect(new Set(['c1', 'c2', 'c3'].map((id) => cluster.get(id)))).toEqual(new Set(['c1', 'c2', 'c3']));
    expect(cluster.get('m1')).toBe('m1');
  });

  it.each([
    [[], 'organization', 'organisation name column "Site name" and no person-name column'],
    [['--entity', 'organisation'], 'organization', '--entity'],
    [['--entity', 'person'], 'person', '--entity'],
  ])('reports the entity in JSON with %o', async (args, entity, reason) => {
    const { code, out } = await run(['dedupe', file, '--id', 'Id', '--json', ...args]);
    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(out.stdout.join('\n'))).toMatchObject({ entity, entityReason: reason, records: 9 });
  });

  it('refuses an unknown entity', async () => {
    const { code, out } = await run(['dedupe', file, '--id', 'Id', '--entity', 'household']);
    expect(code).toBe(EXIT.usage);
    expect(out.text()).toMatch(/--entity must be person or organization, got household/);
  });
});

describe('concord link on organisations', () => {
  const left = join(dir, 'accounts.csv');
  const right = join(dir, 'providers.csv');
  writeFileSync(left, 'id,Account Name,Billing Street,Billing Postal Code,Phone,Website\nA1,Acme Day Care Inc.,12 Main Street,60601,(312) 555-0101,https://www.acmedaycare.com\nA2,Little Stars Learning Center,400 N Elm Ave,60602,(312) 555-0199,\n');
  writeFileSync(right, 'id,Business Name,Address,Zip,Telephone,Homepage\nP1,ACME DAY CARE,12 Main St.,60601,5550101,acmedaycare.com\nP2,Sunrise Academy,77 Lake Shore Dr,60611,5550777,\n');

  it('links the same organisation across two files', async () => {
    const outFile = join(dir, 'links.csv');
    const { code, out } = await run(['link', left, right, '--id', 'id', '--out', outFile, '--one-to-one']);
    expect(code).toBe(EXIT.ok);
    expect(out.stdout.join('\n')).toMatch(/entity\s+organization/);
    const lines = readFileSync(outFile, 'utf8').trim().split('\n');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['A1,P1']);
  });

  it('refuses files that hold different entities unless --entity says', async () => {
    const people = join(dir, 'people.csv');
    writeFileSync(people, 'id,first_name,last_name,phone\nX1,ann,lee,3125550101\n');
    const refused = await run(['link', left, people, '--id', 'id']);
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.out.text()).toMatch(/CSV_ENTITY_MISMATCH: .*accounts\.csv holds organization records .* but .*people\.csv holds person records/);
    const forced = await run(['link', left, people, '--id', 'id', '--entity', 'person', '--json']);
    expect(forced.code).toBe(EXIT.ok);
    expect(JSON.parse(forced.out.stdout.join('\n'))).toMatchObject({ entity: 'person', records: 3 });
  });
});
