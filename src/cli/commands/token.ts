/**
 * `concord token create|list|revoke`: API tokens for `concord serve`. A token is printed once, at creation;
 * the store keeps only its SHA-256, so a lost token is revoked and replaced, never shown again.
 */
import { ConcordError } from '../../core/errors.js';
import { loadConfig } from '../../config/load.js';
import { issueToken } from '../../api/tokens.js';
import type { Store } from '../../store/store.js';
import { openConfigStore } from '../open-config-store.js';
import { formatTable } from '../output.js';
import type { RegisterCommand } from './types.js';

async function withStore<T>(config: string | undefined, env: NodeJS.ProcessEnv, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openConfigStore(loadConfig(config, env));
  try {
    await store.migrate();
    return await use(store);
  } finally {
    await store.close();
  }
}

export const registerToken: RegisterCommand = (program, ctx) => {
  const token = program.command('token').description('API tokens for concord serve: create (printed once), list, revoke');
  token
    .command('create')
    .description('create a token and print it once (the store keeps only its hash)')
    .requiredOption('--name <name>', 'a name for who or what uses it (unique among live tokens)')
    .option('-c, --config <file>', 'config file (default: concord.yaml)')
    .option('--json', 'print JSON')
    .action(async (opts: { name: string; config?: string; json?: boolean }) => {
      const secret = await withStore(opts.config, ctx.env, (store) => issueToken(store, opts.name));
      if (opts.json) return ctx.output.out(JSON.stringify({ name: opts.name, token: secret }, null, 2));
      ctx.output.out(secret);
      ctx.output.err(`token "${opts.name}" created. It is shown only now: keep it somewhere safe, send it as \`Authorization: Bearer <token>\`.`);
    });
  token
    .command('list')
    .description('every token: name, created, last used, revoked (never the token itself)')
    .option('-c, --config <file>', 'config file (default: concord.yaml)')
    .option('--json', 'print JSON')
    .action(async (opts: { config?: string; json?: boolean }) => {
      const list = await withStore(opts.config, ctx.env, (store) => store.listApiTokens());
      const rows = list.map((t) => ({ name: t.name, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt ?? null, revokedAt: t.revokedAt ?? null }));
      if (opts.json) return ctx.output.out(JSON.stringify(rows, null, 2));
      if (rows.length === 0) return ctx.output.out('no tokens yet: create one with `concord token create --name <name>`');
      ctx.output.out(formatTable(['name', 'created', 'last used', 'revoked'], rows.map((t) => [t.name, t.createdAt, t.lastUsedAt ?? 'never', t.revokedAt ?? ''])));
    });
  token
    .command('revoke')
    .description('revoke the live token with this name (requests with it answer 401 at once)')
    .argument('<name>', 'token name (see `concord token list`)')
    .option('-c, --config <file>', 'config file (default: concord.yaml)')
    .action(async (name: string, opts: { config?: string }) => {
      const revoked = await withStore(opts.config, ctx.env, (store) => store.revokeApiToken(name));
      if (!revoked) throw new ConcordError('TOKEN_NOT_FOUND', `no live token named "${name}"`, { kind: 'usage', hint: 'see `concord token list`' });
      ctx.output.out(`token "${name}" revoked`);
    });
};
