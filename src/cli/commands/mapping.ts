/** `concord mapping list|show`: the shipped mappings, field by field, with transforms and write-back losses. */
import { loadConfig } from '../../config/load.js';
import { getMapping, listMappings } from '../../connectors/mapping-registry.js';
import { describeMapping } from '../../mapping/describe.js';
import { formatTable } from '../output.js';
import type { RegisterCommand } from './types.js';

export const registerMapping: RegisterCommand = (program, ctx) => {
  const mapping = program.command('mapping').description('shipped source ⇄ CIM mappings: fields, transforms, write-back losses');
  mapping
    .command('list')
    .description('every shipped mapping')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const all = listMappings().map((m) => ({ system: m.system, stream: m.stream, fields: m.fields.length, records: m.records.map((r) => r.entity).filter((e, i, a) => a.indexOf(e) === i).join(', '), description: m.description ?? '' }));
      if (opts.json) return ctx.output.out(JSON.stringify(all, null, 2));
      ctx.output.out(formatTable(['system', 'stream', 'field maps', 'produces'], all.map((m) => [m.system, m.stream, m.fields, m.records])));
    });
  mapping
    .command('show')
    .description('one mapping: source field, CIM target, transform, written back / loss')
    .argument('<system>', 'system type (salesforce) or, with --config, a system name from concord.yaml')
    .argument('<stream>', 'stream (Contact, Account, …)')
    .option('-c, --config <file>', 'apply the mapping overrides of this concord.yaml')
    .option('--json', 'print JSON')
    .action((system: string, stream: string, opts: { config?: string; json?: boolean }) => {
      let type = system;
      let overrides;
      if (opts.config !== undefined) {
        const { config } = loadConfig(opts.config, ctx.env);
        type = config.systems[system]?.type.replace(/-export$/, '') ?? system;
        overrides = config.mappings[system]?.[stream];
      }
      const d = describeMapping(getMapping(type, stream, overrides));
      if (opts.json) return ctx.output.out(JSON.stringify(d, null, 2));
      ctx.output.out(`${d.system} ${d.stream}: ${d.description}`);
      ctx.output.out('\nrecords per row:');
      ctx.output.out(formatTable(['key', 'entity', 'companion', 'id', 'emitted'], d.records.map((r) => [r.key, r.entity, r.companion, r.id, r.when])));
      ctx.output.out('\nfields:');
      ctx.output.out(
        formatTable(
          ['source', 'type', 'target', 'transform', 'write-back', 'loss'],
          d.rows.map((r) => [r.source, r.type, r.target, r.transform, r.written ? 'yes' : 'no', r.loss]),
        ),
      );
      if (d.unmapped.length > 0) ctx.output.out(`\nnot mapped (kept in the source record): ${d.unmapped.join(', ')}`);
    });
};
