/**
 * `concord config check`: validates concord.yaml — the top-level keys, then each system against its
 * connector's settings — and names each bad key, its line and the fix.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConcordError, isConcordError } from '../../core/errors.js';
import { lineOfKeyPath, parseConfigText, type ConfigIssue } from '../../config/load.js';
import type { ConcordConfig } from '../../config/schema.js';
import { CONNECTORS, createSource } from '../../connectors/registry.js';
import type { ConnectorDefinition } from '../../connectors/connector.js';
import { didYouMean } from '../../connectors/shared/did-you-mean.js';
import { EXIT } from '../exit-codes.js';
import type { RegisterCommand } from './types.js';

/** Each system's settings, checked by its connector; problems come back with their line. */
export function checkSystems(config: ConcordConfig, text: string, baseDir: string, env: NodeJS.ProcessEnv): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const [name, system] of Object.entries(config.systems)) {
    // Every problem of the connector's settings, not only the first one that creating the source reports.
    const connector = CONNECTORS.find((c) => c.type === system.type);
    if (connector) {
      const settings = Object.fromEntries(Object.entries(system).filter(([key]) => !['type', 'streams', 'enabled'].includes(key)));
      const parsed = connector.spec.safeParse(settings);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const unknown = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
          for (const extra of unknown) {
            const keys = ['systems', name, ...issue.path.map(String), ...(extra ? [extra] : [])];
            issues.push({
              path: keys.join('.'),
              line: lineOfKeyPath(text, keys),
              message: extra ? `${connector.type} has no key ${extra}` : issue.message,
              hint: extra ? hintForUnknownKey(extra, connector) : `see docs/connectors.md, ${connector.type}`,
            });
          }
        }
        continue;
      }
    }
    try {
      createSource(name, system, { baseDir, env });
    } catch (error) {
      if (!isConcordError(error)) throw error;
      const key = typeof error.context.key === 'string' ? error.context.key : undefined;
      const keys = ['systems', name, ...(key ? key.split('.') : [])];
      issues.push({ path: keys.join('.'), line: lineOfKeyPath(text, keys), message: error.message.replace(/^systems\.[^:]+: /, ''), hint: error.hint ?? 'see docs/connectors.md' });
    }
  }
  return issues;
}

function hintForUnknownKey(key: string, connector: ConnectorDefinition): string {
  const shape = (connector.spec as { shape?: Record<string, unknown> }).shape;
  const allowed = shape ? Object.keys(shape) : [];
  const guess = didYouMean(key, allowed);
  return guess ? `did you mean ${guess}? (keys: ${allowed.join(', ')})` : `remove it (keys: ${allowed.join(', ')})`;
}

export const registerConfig: RegisterCommand = (program, ctx, setExit) => {
  const config = program.command('config').description('inspect and validate concord.yaml');
  config
    .command('check')
    .description("validate concord.yaml (and each system's connector settings): every problem with its key, line and fix")
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
      const text = readFileSync(file, 'utf8');
      const parsed = parseConfigText(text, file, ctx.env);
      const issues = parsed.ok ? checkSystems(parsed.config, text, dirname(file), ctx.env) : parsed.issues;
      if (opts.json) {
        ctx.output.out(JSON.stringify({ ok: issues.length === 0, file, issues }, null, 2));
      } else if (parsed.ok && issues.length === 0) {
        const systems = Object.keys(parsed.config.systems);
        ctx.output.out(
          `${file}: ok (store ${parsed.config.store.replace(/:[^:@/]+@/, ':***@')}, ${systems.length} system${systems.length === 1 ? '' : 's'}${systems.length ? `: ${systems.join(', ')}` : ''})`,
        );
      } else {
        for (const issue of issues) {
          ctx.output.err(`${file}${issue.line !== undefined ? `:${issue.line}` : ''}: ${issue.path ? `${issue.path}: ` : ''}${issue.message} — ${issue.hint}`);
        }
      }
      if (issues.length > 0) setExit(EXIT.usage);
    });
};
