import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEVIATIONS } from '../../src/model/deviations.js';
import { ENTITIES } from '../../src/model/model.js';

const doc = readFileSync(new URL('../../docs/cim-deviations.md', import.meta.url), 'utf8');

describe('docs/cim-deviations.md', () => {
  it.each(DEVIATIONS.map((d) => [d.id, d] as const))('names the deviation %s', (id, deviation) => {
    expect(doc).toContain(`\`${id}\``);
    if (deviation.scope === 'property') expect(doc).toContain(`\`${deviation.entity}.${deviation.property}\``);
  });

  it('names only deviations that exist', () => {
    const ids = new Set(DEVIATIONS.map((d) => d.id));
    const named = [...doc.matchAll(/^- \*\*`([a-zA-Z-]+)`\*\*/gm)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) expect(ids.has(id), id).toBe(true);
  });

  it('lists every extension entity and every extension property of a CIM entity', () => {
    for (const def of ENTITIES) {
      if (def.namespace === 'concord') expect(doc, def.name).toContain(`**${def.name}**`);
      else for (const prop of def.properties.filter((p) => p.extension)) expect(doc, `${def.name}.${prop.name}`).toContain(`\`${prop.name}\``);
    }
  });
});
