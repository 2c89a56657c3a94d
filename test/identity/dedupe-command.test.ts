import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../support/capture-output.js';

const dir = mkdtempSync(join(tmpdir(), 'concord-dedupe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// FEBRL-style: ", " separators and a BOM; three people, one entered twice with typos, one with a swapped name.
const PEOPLE = [
  '\ufeffrec_id, given_name, surname, street_number, address_1, suburb, postcode, state, date_of_birth, soc_sec_id',
  'a1, michaela, neumann, 8, stanley street, winston hills, 4223, nsw, 19151111, 5304218',
  'a2, michaela, neuman, 8, stanley st, winston hills, 4223, nsw, 19151111, 5304218',
  'b1, courtney, painter, 12, pinkerton circuit, richlands, 4560, vic, 19161214, 4066625',
  'c1, charles, green, 38, salkauskas crescent, dapto, 4566, nsw, 19480930, 4365168',
  'c2, green, charles, 38, salkauskas cres, dapto, 4566, nsw, 19480930, 4365186',
  'd1, lachlan, berry, 69, giblin street, bittern, 4814, qld, 19990219, 7364009',
  'e1, deakin, sondergeld, 48, goldfinch circuit, canterbury, 2776, vic, 19600210, 2635962',
].join('\n');

async function run(args: string[]): Promise<{ code: number; out: ReturnType<typeof captureOutput> }> {
  const out = captureOutput();
  const code = await main(['node', 'concord', ...args], { output: out, env: {} });
  return { code, out };
}

describe('concord dedupe', () => {
  const file = join(dir, 'people.csv');
  writeFileSync(file, PEOPLE);

  it('writes record_id,cluster_id and prints a summary', async () => {
    const outFile = join(dir, 'clusters.csv');
    const { code, out } = await run(['dedupe', file, '--id', 'rec_id', '--out', outFile, '--region', 'AU', '--threshold', '0.5']);
    expect(code).toBe(EXIT.ok);
    expect(out.stdout.join('\n')).toMatch(/records\s+7/);
    // a1/a2 join through the deterministic rule (same identifier and date of birth); c1/c2 through the swapped-name
    // level (names crossed exactly) with the same street and birth date, despite the changed identifier.
    expect(out.stdout.join('\n')).toMatch(/clusters\s+5/);
    expect(out.stderr.join('\n')).toMatch(/given_name→first_name, surname→last_name/);
    const lines = readFileSync(outFile, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('record_id,cluster_id');
    const cluster = new Map(lines.slice(1).map((l) => l.split(',') as [string, string]));
    expect(cluster.get('a2')).toBe('a1');
    expect(cluster.get('c2')).toBe('c1');
    expect(cluster.get('d1')).toBe('d1');
    expect(cluster.get('b1')).toBe('b1');
  });

  it.each([
    [[], ['first_name', 'last_name', 'city']],
    [['--no-term-frequencies'], []],
  ])('weighs exact name and city matches by how common the value is unless told not to (%o)', async (flags, adjusted) => {
    const { code, out } = await run(['dedupe', file, '--id', 'rec_id', '--region', 'AU', '--json', ...flags]);
    expect(code).toBe(EXIT.ok);
    const summary = JSON.parse(out.stdout.join('\n')) as { termFrequencies: string[] };
    expect(summary.termFrequencies.sort()).toEqual([...adjusted].sort());
  });

  it('prints the summary as JSON', async () => {
    const { code, out } = await run(['dedupe', file, '--id', 'rec_id', '--json']);
    expect(code).toBe(EXIT.ok);
    const summary = JSON.parse(out.stdout.join('\n')) as Record<string, unknown>;
    expect(summary).toMatchObject({ records: 7 });
    expect(summary).toHaveProperty('candidatePairs');
    expect(summary).toHaveProperty('clusters');
    expect(summary).toHaveProperty('seconds');
  });

  it.each([
    [['--id', 'nope'], /CSV_ID_COLUMN_MISSING: id column "nope" is not in the header \(.*people\.csv:1\)/],
    [['--id', 'rec_id', '--map', 'surname=shoe_size'], /unknown attribute "shoe_size"/],
    [['--id', 'rec_id', '--threshold', '2'], /--threshold must be a number in \(0, 1\]/],
  ])('refuses bad usage %o', async (args, message) => {
    const { code, out } = await run(['dedupe', file, ...args]);
    expect(code).toBe(EXIT.usage);
    expect(out.text()).toMatch(message);
  });

  it('names the file and line of a malformed row', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'id,first_name,surname\n1,ann,lee\n2,bob\n');
    const { code, out } = await run(['dedupe', bad, '--id', 'id']);
    expect(code).toBe(EXIT.failure);
    expect(out.text()).toMatch(/bad\.csv:3/);
  });
});

describe('concord link', () => {
  it('writes left_id,right_id,probability across two files', async () => {
    const left = join(dir, 'left.csv');
    const right = join(dir, 'right.csv');
    writeFileSync(left, 'id,first_name,last_name,email,dob\nL1,ann,lee,ann.lee@mail.com,1980-01-02\nL2,bob,stone,bob@stone.io,1975-05-06\n');
    writeFileSync(right, 'id,firstname,lastname,email,dob\nR1,anne,lee,ann.lee@mail.com,1980-01-02\nR2,carl,marx,carl@marx.de,1818-05-05\n');
    const outFile = join(dir, 'links.csv');
    const { code } = await run(['link', left, right, '--id', 'id', '--out', outFile, '--one-to-one']);
    expect(code).toBe(EXIT.ok);
    const lines = readFileSync(outFile, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('left_id,right_id,probability');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['L1,R1']);
  });
});
