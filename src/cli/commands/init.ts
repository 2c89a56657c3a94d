/** `concord init`: writes a commented concord.yaml (never overwrites without --force). */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConcordError } from '../../core/errors.js';
import { configTemplate } from '../../config/template.js';
import type { RegisterCommand } from './types.js';

export const registerInit: RegisterCommand = (program, ctx) => {
  program
    .command('init')
    .description('write a commented concord.yaml in the current directory')
    .option('-c, --config <file>', 'file to write', 'concord.yaml')
    .option('-f, --force', 'overwrite an existing file')
    .action((opts: { config: string; force?: boolean }) => {
      const file = resolve(opts.config);
      if (existsSync(file) && !opts.force) {
        throw new ConcordError('INIT_EXISTS', `${file} already exists`, { kind: 'usage', hint: 'pass --force to overwrite it' });
      }
      writeFileSync(file, configTemplate(), 'utf8');
      ctx.output.out(`wrote ${file}\nnext: add your systems, then run \`concord config check\``);
    });
};
