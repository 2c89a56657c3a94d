import { describe, expect, it } from 'vitest';
import { parseConfigText } from './load.js';
import { configTemplate } from './template.js';

describe('parseConfigText', () => {
  it('accepts the template that `concord init` writes and fills defaults', () => {
    const result = parseConfigText(configTemplate(), 'concord.yaml', {});
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.config.store).toBe('sqlite:.concord/concord.db');
      expect(result.config.defaults.region).toBe('US');
    }
  });

  it.each([
    ['store: mysql://x\n', 'store', 1, /sqlite: or postgres/],
    ['defaults:\n  region: usa\n', 'defaults.region', 2, /ISO 3166-1/],
    ['defaults:\n  pageSize: 1\n  colour: red\n', 'defaults.colour', 3, /unknown key "colour"/],
    ["systems:\n  Bad Name:\n    type: csv\n", "systems.Bad Name", 2, /Bad Name": system names are lower-case/],
    ['systems:\n  sf:\n    path: x\n', 'systems.sf.type', 2, /expected string/],
  ])('%j names %s at line %i', (text, path, line, message) => {
    const result = parseConfigText(text, 'concord.yaml', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]).toMatchObject({ path, line });
      expect(result.issues[0]!.message).toMatch(message);
    }
  });

  it('reports YAML syntax errors with a line', () => {
    const result = parseConfigText('store: [unclosed\n', 'concord.yaml', {});
    expect(result.ok).toBe(false);
  });

  it('interpolates environment variables and names a missing one', () => {
    const ok = parseConfigText('store: ${DB}\n', 'c.yaml', { DB: 'postgres://u:p@h/db' });
    expect(ok.ok && ok.config.store).toBe('postgres://u:p@h/db');
    expect(() => parseConfigText('store: ${NOPE}\n', 'c.yaml', {})).toThrow(/NOPE is not set/);
  });
});
