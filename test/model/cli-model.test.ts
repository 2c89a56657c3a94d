import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Output } from '../../src/cli/output.js';
import { ENTITIES } from '../../src/model/model.js';

function capture(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t), interactive: false };
}

async function run(...args: string[]) {
  const output = capture();
  const code = await main(['node', 'concord', ...args], { output, env: {} });
  return { code, stdout: output.stdout.join('\n'), stderr: output.stderr.join('\n') };
}

describe('concord model', () => {
  it('list: every entity with namespace and property count', async () => {
    const { code, stdout } = await run('model', 'list');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^entity\s+namespace\s+area\s+properties$/);
    expect(lines).toHaveLength(ENTITIES.length + 2);
    const individual = ENTITIES.find((e) => e.name === 'Individual')!;
    expect(stdout).toMatch(new RegExp(`^Individual\\s+cim\\s+Party\\s+${individual.properties.length}$`, 'm'));
    expect(stdout).toMatch(/^ServiceCase\s+concord\s+Concord\s+\d+$/m);
  });

  it('show: field, type, reference and required per profile', async () => {
    const { code, stdout } = await run('model', 'show', 'ContactPoint');
    expect(code).toBe(0);
    expect(stdout).toContain('ContactPoint (CIM, Party)');
    expect(stdout).toMatch(/^field\s+type\s+reference\s+strict\s+practical$/m);
    expect(stdout).toMatch(/^contactPointTypeId\s+tagged ref\s+ContactPointApp \| ContactPointEmail .*\s+yes\s+yes$/m);
    expect(stdout).toMatch(/^forBusinessUse\s+boolean\s+yes$/m);
    expect(stdout).toMatch(/^partyId\s+ref\s+Party$/m);
  });

  it('show: an unknown entity is a usage error with a did-you-mean hint', async () => {
    const { code, stderr } = await run('model', 'show', 'Individal');
    expect(code).toBe(2);
    expect(stderr).toContain('MODEL_UNKNOWN_ENTITY: unknown entity Individal');
    expect(stderr).toContain('did you mean Individual?');
  });

  it.each([
    ['json-schema', (s: string) => expect(JSON.parse(s).$defs.Individual.title).toBe('Individual')],
    ['sql-sqlite', (s: string) => expect(s).toContain('CREATE TABLE IF NOT EXISTS "Individual"')],
    ['sql-postgres', (s: string) => expect(s).toContain('"createdDate" TIMESTAMPTZ')],
    ['jsonld-context', (s: string) => expect(JSON.parse(s)['@context']['@vocab']).toBe('http://cloudinformationmodel.org/model/')],
  ])('export --format %s prints to stdout', async (format, verify) => {
    const { code, stdout } = await run('model', 'export', '--format', format);
    expect(code).toBe(0);
    verify(stdout);
  });

  it('export --out writes the file; --profile strict reaches the JSON Schema', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'concord-model-')), 'schema.json');
    const { code, stdout, stderr } = await run('model', 'export', '--format', 'json-schema', '--profile', 'strict', '--out', file);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).$defs.ContactPointEmail.required).toContain('emailLatestBounceReasonText');
  });

  it('export: an unknown format is a usage error naming the formats', async () => {
    const { code, stderr } = await run('model', 'export', '--format', 'xml');
    expect(code).toBe(2);
    expect(stderr).toContain('json-schema, sql-sqlite, sql-postgres, jsonld-context');
  });
});
