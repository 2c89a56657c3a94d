import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { captureOutput } from '../support/capture-output.js';

const argv = (...args: string[]) => ['node', 'concord', ...args];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'concord-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('concord demo and concord sync', () => {
  it('generates three systems, syncs them and balances the counts; a second sync changes nothing', async () => {
    const demoDir = join(dir, 'demo');
    const out = captureOutput();
    const code = await main(argv('demo', '--people', '150', '--seed', '7', '--dir', demoDir, '--no-serve'), { output: out, env: {} });
    expect(out.stderr.join('\n')).not.toMatch(/error:/);
    expect([EXIT.ok, EXIT.deadLettered]).toContain(code);
    expect(out.text()).toMatch(/read (\d+) = loaded \1 \+ unchanged 0 \+ dead-lettered 0: balanced|: balanced/);
    expect(existsSync(join(demoDir, 'ground-truth.csv'))).toBe(true);
    for (const system of ['salesforce', 'dataverse', 'marketing-cloud']) expect(out.text()).toContain(`${system}/`);

    const again = captureOutput();
    const second = await main(argv('sync', '--config', join(demoDir, 'concord.yaml'), '--json'), { output: again, env: {} });
    const report = JSON.parse(again.stdout.join('\n')) as { totals: { read: number; loaded: number; unchanged: number; deadLettered: number }; balanced: boolean };
    expect(report.balanced).toBe(true);
    expect(report.totals.read).toBeGreaterThan(0);
    expect(report.totals.loaded).toBe(0);
    expect(report.totals.unchanged).toBe(report.totals.read - report.totals.deadLettered);
    expect([EXIT.ok, EXIT.deadLettered]).toContain(second);

    const checked = captureOutput();
    expect(await main(argv('check', '--config', join(demoDir, 'concord.yaml')), { output: checked, env: {} })).toBe(EXIT.ok);
    expect(checked.text()).toMatch(/salesforce\s+salesforce-export\s+ok/);
    const discovered = captureOutput();
    expect(await main(argv('discover', '--config', join(demoDir, 'concord.yaml'), '--json'), { output: discovered, env: {} })).toBe(EXIT.ok);
    const streams = JSON.parse(discovered.stdout.join('\n')) as Array<{ system: string; name: string; mapped: boolean }>;
    expect(streams.filter((s) => s.mapped).map((s) => `${s.system}/${s.name}`)).toEqual(expect.arrayContaining(['salesforce/Contact', 'dataverse/contact', 'marketing-cloud/Subscribers']));
  });

  it('concord check fails, naming the system, when its files are gone', async () => {
    const file = join(dir, 'missing.yaml');
    writeFileSync(file, 'systems:\n  sf:\n    type: salesforce-export\n    path: no-such-folder\n    orgId: 00D000000000001AAA\n');
    const out = captureOutput();
    expect(await main(argv('check', '--config', file), { output: out, env: {} })).toBe(EXIT.failure);
    expect(out.text()).toMatch(/sf\s+salesforce-export\s+FAILED/);
  });

  it('exits with 3 and lists dead letters when rows are bad', async () => {
    const folder = join(dir, 'bad');
    execFileSync('mkdir', ['-p', folder]);
    writeFileSync(
      join(folder, 'people.csv'),
      'id,email,first,last\n1,ada@example.com,Ada,Lovelace\n2,"broken,Bob,Smith\n3,carol@example.com,Carol,Jones\n',
    );
    writeFileSync(
      join(folder, 'concord.yaml'),
      [
        'store: sqlite:.concord/concord.db',
        'systems:',
        '  people:',
        '    type: csv',
        '    path: people.csv',
        '    stream: people',
        '    id: id',
        '    fields: { email: ContactPointEmail.emailAddress, first: Individual.firstName, last: Individual.lastName }',
        '',
      ].join('\n'),
    );
    const out = captureOutput();
    const code = await main(argv('sync', '--config', join(folder, 'concord.yaml')), { output: out, env: {} });
    expect(code).toBe(EXIT.deadLettered);
    expect(out.text()).toMatch(/dead-lettered/);
    const runId = /run ([0-9a-f-]{36}): succeeded/.exec(out.text())?.[1];
    expect(runId).toBeDefined();
    const show = captureOutput();
    expect(await main(argv('runs', 'show', runId!, '--config', join(folder, 'concord.yaml')), { output: show, env: {} })).toBe(EXIT.ok);
    expect(show.text()).toMatch(/people\/people/);
    expect(show.text()).toMatch(/extract/);
  });

  it('names a config problem with exit code 2', async () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'systems:\n  sf:\n    type: nosuch\n    path: x\n');
    const out = captureOutput();
    expect(await main(argv('sync', '--config', file), { output: out, env: {} })).toBe(EXIT.usage);
    expect(out.stderr.join('\n')).toMatch(/nosuch/);
  });
});

describe('the concord binary', () => {
  it('lists its commands', () => {
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'concord.js');
    if (!existsSync(join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js'))) {
      throw new Error('dist/ is missing: `npm install` builds it (prepare script), or run `npm run build`');
    }
    const help = execFileSync('node', [bin, '--help'], { encoding: 'utf8' });
    for (const command of ['demo', 'init', 'config', 'sync', 'runs', 'model', 'mapping']) expect(help).toContain(command);
    expect(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')).toContain('"bin"');
  });
});
