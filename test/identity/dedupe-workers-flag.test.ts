import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../support/capture-output.js';

const dir = mkdtempSync(join(tmpdir(), 'concord-dedupe-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PEOPLE = [
  'id,first_name,last_name,dob,email',
  'a1,michaela,neumann,1915-11-11,mn@x.com',
  'a2,michaela,neuman,1915-11-11,mn@x.com',
  'b1,courtney,painter,1916-12-14,cp@y.com',
].join('\n');

async function run(args: string[]): Promise<{ code: number; out: ReturnType<typeof captureOutput> }> {
  const out = captureOutput();
  const code = await main(['node', 'concord', ...args], { output: out, env: {} });
  return { code, out };
}

describe('concord dedupe / link --workers', () => {
  const file = join(dir, 'people.csv');
  writeFileSync(file, PEOPLE);

  it.each(['1', '2'])('--workers %s writes the clusters of the default', async (workers) => {
    const expected = join(dir, 'default.csv');
    const actual = join(dir, `workers-${workers}.csv`);
    expect((await run(['dedupe', file, '--id', 'id', '--out', expected])).code).toBe(EXIT.ok);
    expect((await run(['dedupe', file, '--id', 'id', '--workers', workers, '--out', actual])).code).toBe(EXIT.ok);
    expect(readFileSync(actual, 'utf8')).toBe(readFileSync(expected, 'utf8'));
  });

  it.each([
    ['dedupe', '0'], ['dedupe', '1.5'], ['dedupe', 'two'], ['link', '0'],
  ])('%s rejects --workers %s', async (command, workers) => {
    const files = command === 'link' ? [file, file] : [file];
    const { code, out } = await run([command, ...files, '--id', 'id', '--workers', workers]);
    expect(code).toBe(EXIT.usage);
    expect(out.stderr.join('\n')).toMatch(/--workers must be a whole number/);
  });
});
