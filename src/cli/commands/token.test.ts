import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../exit-codes.js';
import { main } from '../main.js';
import { TOKEN_PATTERN } from '../../api/tokens.js';
import { captureOutput } from '../../../test/support/capture-output.js';

let dir: string;
let config: string;
const run = async (...args: string[]) => {
  const out = captureOutput();
  const code = await main(['node', 'concord', ...args], { output: out, env: {} });
  return { code, out };
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'concord-token-'));
  config = join(dir, 'concord.yaml');
  writeFileSync(config, 'store: sqlite:concord.db\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('concord token', () => {
  it('creates a token printed once, lists it without the secret, refuses a duplicate live name and revokes it', async () => {
    const created = await run('token', 'create', '--name', 'ops', '--config', config);
    expect(created.code).toBe(EXIT.ok);
    const token = created.out.stdout.join('').trim();
    expect(token).toMatch(TOKEN_PATTERN);

    const listed = await run('token', 'list', '--config', config, '--json');
    const rows = JSON.parse(listed.out.stdout.join('\n')) as Array<Record<string, unknown>>;
    expect(rows).toEqual([{ name: 'ops', createdAt: expect.any(String), lastUsedAt: null, revokedAt: null }]);
    expect(listed.out.text()).not.toContain(token);

    const again = await run('token', 'create', '--name', 'ops', '--config', config);
    expect(again.code).toBe(EXIT.usage);
    expect(again.out.text()).toContain('TOKEN_NAME_TAKEN');

    expect((await run('token', 'revoke', 'ops', '--config', config)).code).toBe(EXIT.ok);
    const gone = await run('token', 'revoke', 'ops', '--config', config);
    expect(gone.code).toBe(EXIT.usage);
    expect(gone.out.text()).toContain('TOKEN_NOT_FOUND');
    const table = await run('token', 'list', '--config', config);
    expect(table.out.text()).toMatch(/ops\s+\S+\s+never\s+\S+/);
    expect((await run('token', 'create', '--name', 'ops', '--config', config)).code).toBe(EXIT.ok);
  });

  it.each([['bad name', ['token', 'create', '--name', 'no spaces please']], ['missing name', ['token', 'create']]])('refuses a %s', async (_name, args) => {
    const { code } = await run(...args, '--config', config);
    expect(code).toBe(EXIT.usage);
  });

  it.each([['serve'], ['token'], ['token', 'create']])('has --help for %s', async (...command) => {
    const { code, out } = await run(...command, '--help');
    expect(code).toBe(EXIT.ok);
    expect(out.text()).toMatch(/Usage: concord/);
  });
});
