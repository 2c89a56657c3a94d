/**
 * `concord model`: look at the CIM model Concord validates against, and export it.
 *   concord model list                                   entities with namespace and property count
 *   concord model show <Entity>                          fields, types, references, strict/practical requirement
 *   concord model export --format json-schema|sql-sqlite|sql-postgres|jsonld-context [--profile p] [--out file]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConcordError } from '../../core/errors.js';
import type { Profile, PropertyDef } from '../../model/define.js';
import { toJsonSchema } from '../../model/json-schema.js';
import { toJsonLdContext } from '../../model/jsonld.js';
import { ENTITIES, getEntity } from '../../model/model.js';
import { toSql } from '../../model/sql.js';
import { formatTable } from '../output.js';
import type { RegisterCommand } from './types.js';

const FORMATS = ['json-schema', 'sql-sqlite', 'sql-postgres', 'jsonld-context'] as const;
type ExportFormat = (typeof FORMATS)[number];

export const registerModel: RegisterCommand = (program, ctx) => {
  const model = program.command('model').description('inspect and export the CIM model (and Concord extensions)');

  model
    .command('list')
    .description('list entities with their namespace and property count')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }) => {
      const rows = ENTITIES.map((e) => ({ name: e.name, namespace: e.namespace, area: e.area, properties: e.properties.length }));
      if (opts.json) ctx.output.out(JSON.stringify(rows, null, 2));
      else ctx.output.out(formatTable(['entity', 'namespace', 'area', 'properties'], rows.map((r) => [r.name, r.namespace, r.area, r.properties])));
    });

  model
    .command('show')
    .description('show an entity: each field with its type, reference and whether the strict / practical profile requires it')
    .argument('<entity>', 'entity name, e.g. Individual')
    .option('--json', 'print as JSON')
    .action((name: string, opts: { json?: boolean }) => {
      const def = getEntity(name);
      if (def === undefined) throw unknownEntity(name);
      if (opts.json) {
        ctx.output.out(JSON.stringify(def, null, 2));
        return;
      }
      const header = `${def.name} (${def.namespace === 'concord' ? 'Concord extension' : `CIM, ${def.area}`}${def.extends ? `, subClassOf ${def.extends}` : ''})`;
      const rows = def.properties.map((p) => [p.name, typeLabel(p), referenceLabel(p), yes(p.strict || (p.name === 'id')), yes(p.practical)]);
      ctx.output.out(`${header}\n${formatTable(['field', 'type', 'reference', 'strict', 'practical'], rows)}`);
    });

  model
    .command('export')
    .description('print the model as JSON Schema, SQL DDL or a JSON-LD context')
    .requiredOption('-f, --format <format>', `one of ${FORMATS.join(', ')}`)
    .option('-p, --profile <profile>', 'validation profile for json-schema: strict or practical', 'practical')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action((opts: { format: string; profile: string; out?: string }) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        throw new ConcordError('MODEL_EXPORT_FORMAT', `unknown export format ${opts.format}`, { kind: 'usage', hint: `use one of ${FORMATS.join(', ')}` });
      }
      if (opts.profile !== 'strict' && opts.profile !== 'practical') {
        throw new ConcordError('MODEL_PROFILE', `unknown profile ${opts.profile}`, { kind: 'usage', hint: 'use strict or practical' });
      }
      const text = render(opts.format as ExportFormat, opts.profile);
      if (opts.out === undefined) {
        ctx.output.out(text);
      } else {
        const file = resolve(opts.out);
        writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`, 'utf8');
        ctx.output.err(`wrote ${file}`);
      }
    });
};

function render(format: ExportFormat, profile: Profile): string {
  switch (format) {
    case 'json-schema':
      return JSON.stringify(toJsonSchema({ profile }), null, 2);
    case 'sql-sqlite':
      return toSql('sqlite');
    case 'sql-postgres':
      return toSql('postgres');
    case 'jsonld-context':
      return JSON.stringify(toJsonLdContext(), null, 2);
  }
}

function typeLabel(p: PropertyDef): string {
  if (p.collection) return 'collection (not stored)';
  if (Array.isArray(p.ref)) return 'tagged ref';
  if (p.ref !== undefined) return 'ref';
  if (p.enum !== undefined) return `enum ${p.enum.join('|')}`;
  return p.type;
}

function referenceLabel(p: PropertyDef): string {
  if (p.ref === undefined) return '';
  return typeof p.ref === 'string' ? p.ref : p.ref.join(' | ');
}

const yes = (b: boolean): string => (b ? 'yes' : '');

function unknownEntity(name: string): ConcordError {
  const suggestion = closestEntity(name);
  return new ConcordError('MODEL_UNKNOWN_ENTITY', `unknown entity ${name}`, {
    kind: 'usage',
    context: { entity: name },
    hint: suggestion ? `did you mean ${suggestion}? (concord model list shows all)` : 'run `concord model list` to see all entities',
  });
}

/** The entity name nearest to `name` (case-insensitive edit distance), when near enough to be a typo. */
export function closestEntity(name: string): string | undefined {
  const wanted = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const def of ENTITIES) {
    const distance = editDistance(wanted, def.name.toLowerCase());
    if (best === undefined || distance < best.distance) best = { name: def.name, distance };
  }
  return best !== undefined && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    prev = row;
  }
  return prev[b.length]!;
}
