import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { captureOutput } from '../support/capture-output.js';

const dir = mkdtempSync(join(tmpdir(), 'concord-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function check(yaml: string): Promise<{ code: number; text: string }> {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, yaml);
  const out = captureOutput();
  const code = await main(['node', 'concord', 'config', 'check', '--config', file], { output: out, env: {} });
  return { code, text: out.text() };
}

describe('concord init + config check', () => {
  it('writes a config that checks clean, and refuses to overwrite it', async () => {
    const file = join(dir, 'init.yaml');
    expect(await main(['node', 'concord', 'init', '--config', file], { output: captureOutput(), env: {} })).toBe(EXIT.ok);
    const again = captureOutput();
    expect(await main(['node', 'concord', 'init', '--config', file], { output: again, env: {} })).toBe(EXIT.usage);
    expect(again.text()).toMatch(/already exists.*--force/);
    const out = captureOutput();
    expect(await main(['node', 'concord', 'config', 'check', '--config', file], { output: out, env: {} })).toBe(EXIT.ok);
    expect(out.text()).toMatch(/: ok \(store sqlite:/);
  });

  it.each([
    ['a top-level typo', 'stroe: sqlite:x.db\n', /:1: stroe: unknown key "stroe" — remove it or check its spelling/],
    ['a connector type typo', 'systems:\n  dv:\n    type: cdm-folde\n    path: y\n', /:3: systems\.dv\.type: .*did you mean cdm-folder\?/],
    ['a connector key typo', 'systems:\n  mc:\n    type: marketing-cloud-export\n    path: x\n    mid: "1"\n    delimeter: ";"\n', /:6: systems\.mc\.delimeter: .*did you mean delimiter\?/],
  ])('names %s with its line and a fix', async (_label, yaml, expected) => {
    const { code, text } = await check(yaml);
    expect(code).toBe(EXIT.usage);
    expect(text).toMatch(expected);
  });
});
