/** `concord check` and `concord discover`: can each system be read, and what does it hold. */
import { loadConfig } from '../../config/load.js';
import { hasMapping } from '../../connectors/mapping-registry.js';
import { createSource } from '../../connectors/registry.js';
import { toConcordError } from '../../core/errors.js';
import { EXIT } from '../exit-codes.js';
import { formatTable } from '../output.js';
import type { RegisterCommand } from './types.js';

export const registerCheck: RegisterCommand = (program, ctx, setExit) => {
  program
    .command('check')
    .description('test that every configured system can be reached and read')
    .option('-c, --config <file>', 'config file (default: concord.yaml)')
    .option('--json', 'print JSON')
    .action(async (opts: { config?: string; json?: boolean }) => {
      const loaded = loadConfig(opts.config, ctx.env);
      const results: Array<{ system: string; type: string; ok: boolean; message: string }> = [];
      for (const [name, system] of Object.entries(loaded.config.systems)) {
        try {
          const result = await createSource(name, system, { baseDir: loaded.baseDir, env: ctx.env }).check();
          results.push({ system: name, type: system.type, ...result });
        } catch (error) {
          results.push({ system: name, type: system.type, ok: false, message: toConcordError(error).toLine() });
        }
      }
      if (opts.json) ctx.output.out(JSON.stringify(results, null, 2));
      else ctx.output.out(formatTable(['system', 'type', 'status', 'message'], results.map((r) => [r.system, r.type, r.ok ? 'ok' : 'FAILED', r.message])));
      if (results.some((r) => !r.ok)) setExit(EXIT.failure);
    });

  program
    .command('discover')
    .description('list the streams of each configured system: fields, id, size, and whether Concord maps them')
    .option('-c, --config <file>', 'config file (default: concord.yaml)')
    .option('-s, --system <name>', 'only this system')
    .option('--fields', 'list every field of every stream')
    .option('--json', 'print JSON')
    .action(async (opts: { config?: string; system?: string; fields?: boolean; json?: boolean }) => {
      const loaded = loadConfig(opts.config, ctx.env);
      const rows: Array<Record<string, unknown>> = [];
      for (const [name, system] of Object.entries(loaded.config.systems)) {
        if (opts.system && opts.system !== name) continue;
        const source = createSource(name, system, { baseDir: loaded.baseDir, env: ctx.env });
        for (const stream of await source.discover()) {
          const mapped = source.mappingSystem === 'files' || hasMapping(source.mappingSystem, stream.name);
          rows.push({ system: name, ...stream, mapped });
        }
      }
      if (opts.json) return ctx.output.out(JSON.stringify(rows, null, 2));
      ctx.output.out(
        formatTable(
          ['system', 'stream', 'id', 'fields', 'rows (est.)', 'mapped'],
          rows.map((r) => [String(r['system']), String(r['name']), String(r['idField']), (r['fields'] as unknown[]).length, (r['estimatedRows'] as number | undefined) ?? null, r['mapped'] ? 'yes' : 'no']),
        ),
      );
      if (opts.fields) {
        for (const r of rows) {
          ctx.output.out(`\n${String(r['system'])}/${String(r['name'])}:`);
          ctx.output.out((r['fields'] as Array<{ name: string; type: string }>).map((f) => `  ${f.name}: ${f.type}`).join('\n'));
        }
      }
    });
};
