import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';

describe('concord.yaml identity section', () => {
  it('defaults to threshold 0.9 and no source priority', () => {
    const result = parseConfigText('systems: {}\n', 'concord.yaml', {});
    expect(result.ok && result.config.identity).toEqual({ threshold: 0.9, sourcePriority: [], resolveOnSync: true, survivorship: { rules: ['most-recent', 'most-complete', 'source-priority'], attributes: {} } });
  });

  it('reads threshold and source priority', () => {
    const result = parseConfigText('identity:\n  threshold: 0.95\n  sourcePriority: [salesforce, dataverse]\n', 'concord.yaml', {});
    expect(result.ok && result.config.identity).toMatchObject({ threshold: 0.95, sourcePriority: ['salesforce', 'dataverse'], resolveOnSync: true });
  });

  it('reads resolveOnSync', () => {
    const result = parseConfigText('identity:\n  resolveOnSync: false\n', 'concord.yaml', {});
    expect(result.ok && result.config.identity.resolveOnSync).toBe(false);
  });

  it('reads survivorship rule chains, for all attributes and per attribute', () => {
    const result = parseConfigText('identity:\n  survivorship:\n    rules: [most-frequent, most-recent]\n    attributes:\n      email: [source-priority, most-recent]\n', 'concord.yaml', {});
    expect(result.ok && result.config.identity.survivorship).toEqual({ rules: ['most-frequent', 'most-recent'], attributes: { email: ['source-priority', 'most-recent'] } });
  });

  it.each([
    ['identity:\n  survivorship:\n    rules: [newest]\n', 'identity.survivorship.rules.0'],
    ['identity:\n  survivorship:\n    rules: []\n', 'identity.survivorship.rules'],
    ['identity:\n  survivorship:\n    attributes:\n      shoeSize: [most-recent]\n', 'identity.survivorship.attributes.shoeSize'],
    ['identity:\n  resolveOnSync: sometimes\n', 'identity.resolveOnSync'],
    ['identity:\n  threshold: 1.5\n', 'identity.threshold'],
    ['identity:\n  threshold: 0\n', 'identity.threshold'],
    ['identity:\n  sourcePriority: salesforce\n', 'identity.sourcePriority'],
    ['identity:\n  colour: red\n', 'identity.colour'],
  ])('rejects %j', (text, path) => {
    const result = parseConfigText(text, 'concord.yaml', {});
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toContain(path);
  });
});
