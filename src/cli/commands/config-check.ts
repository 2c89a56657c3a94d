/** `concord config check`: validates concord.yaml and names each bad key, its line and the fix. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConcordError } from '../../core/errors.js';
import { parseConfigText } from '../../config/load.js';
import { EXIT } from '../exit-codes.js';
import type { RegisterCommand } from './types.js';

export const registerConfig: RegisterCommand = (program, ctx, setExit) => {
  const config = program.command('config').description('inspect and validate concord.yaml');
  config
    .command('check')
    .description('validate concord.yaml: every problem with its key, line and fix')
    .option('-c, --config <file>', 'config file', 'concord.yaml')
    .option('--json', 'print the result as JSON')
    .action((opts: { config: string; json?: boolean }) => {
      const file = resolve(opts.config);
      if (!existsSync(file)) {
        throw new ConcordError('CONFIG_NOT_FOUND', `config file ${file} does not exist`, {
          kind: 'config',
          hint: 'run `concord init` to write one, or pass --config <file>',
        });
      }
      const result = parseConfigText(readFileSync(file, 'utf8'), file, ctx.env);
      if (opts.json) {
        ctx.output.out(JSON.stringify(result.ok ? { ok: true, file } : { ok: false, file, issues: result.issues }, null, 2));
      } else if (result.ok) {
        const systems = Object.keys(result.config.systems);
        ctx.output.out(`${file}: ok (store ${result.config.store.replace(/:[^:@/]+@/, ':***@')}, ${systems.length} system${systems.length === 1 ? '' : 's'}${systems.length ? `: ${systems.join(', ')}` : ''})`);
      } else {
        for (const issue of result.issues) {
          ctx.output.err(`${file}${issue.line !== undefined ? `:${issue.line}` : ''}: ${issue.path ? `${issue.path}: ` : ''}${issue.message} — ${issue.hint}`);
        }
      }
      if (!result.ok) setExit(EXIT.usage);
    });
};
