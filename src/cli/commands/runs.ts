/** `concord runs list|show`: run history with per-stream counts and row-level dead letters. */
import { ConcordError } from '../../core/errors.js';
import { loadConfig } from '../../config/load.js';
import { openConfigStore } from '../open-config-store.js';
import { formatTable } from '../output.js';
import type { RegisterCommand } from './types.js';

export const registerRuns: RegisterCommand = (program, ctx) => {
  const runs = program.command('runs').description('run history: counts per stream and dead-lettered records');
  runs
    .command('list')
    .description('the most recent runs')
    .option('-c, --config <file>', 'config file (default: concord.yaml)')
    .option('-n, --limit <n>', 'how many runs', (v) => Number.parseInt(v, 10), 20)
    .option('--json', 'print JSON')
    .action(async (opts: { config?: string; limit: number; json?: boolean }) => {
      const store = await openConfigStore(loadConfig(opts.config, ctx.env));
      try {
        const list = await store.listRuns({ limit: opts.limit });
        if (opts.json) return ctx.output.out(JSON.stringify(list, null, 2));
        if (list.length === 0) return ctx.output.out('no runs yet: run `concord sync`');
        ctx.output.out(
          formatTable(
            ['run', 'started', 'status', 'read', 'loaded', 'unchanged', 'deleted', 'dead-lettered'],
            list.map((r) => [r.id, r.startedAt, r.status, r.counts.read, r.counts.loaded, r.counts.unchanged, r.counts.deleted, r.counts.deadLettered]),
          ),
        );
      } finally {
        await store.close();
      }
    });
  runs
    .command('show')
    .description('one run: counts per stream and its dead-lettered records')
    .argument('<run>', 'run id (from `concord runs list`)')
    .option('-c, --config <file>', 'config file (default: concord.yaml)')
    .option('-n, --limit <n>', 'dead letters and write-back rows to list', (v) => Number.parseInt(v, 10), 50)
    .option('--json', 'print JSON')
    .action(async (runId: string, opts: { config?: string; limit: number; json?: boolean }) => {
      const store = await openConfigStore(loadConfig(opts.config, ctx.env));
      try {
        const run = await store.getRun(runId);
        if (!run) throw new ConcordError('RUN_NOT_FOUND', `no run ${runId}`, { kind: 'usage', hint: 'list runs with `concord runs list`' });
        const letters = await store.listDeadLetters({ runId, limit: opts.limit });
        const writeBack = await store.listWriteBackOutcomes({ runId, limit: opts.limit });
        if (opts.json) return ctx.output.out(JSON.stringify({ run, deadLetters: letters, writeBack }, null, 2));
        ctx.output.out(`run ${run.id}: ${run.status}, started ${run.startedAt}${run.finishedAt ? `, finished ${run.finishedAt}` : ''}${run.error ? `\nerror: ${run.error}` : ''}`);
        ctx.output.out(
          formatTable(
            ['stream', 'read', 'loaded', 'unchanged', 'deleted', 'dead-lettered'],
            run.streams.map((s) => [`${s.system}/${s.stream}`, s.read, s.loaded, s.unchanged, s.deleted, s.deadLettered]),
          ),
        );
        if (letters.length > 0) {
          ctx.output.out('\ndead letters:');
          ctx.output.out(
            formatTable(
              ['stream', 'record', 'line', 'stage', 'field', 'code', 'reason'],
              letters.map((d) => [`${d.system}/${d.stream}`, d.recordId ?? '', d.line ?? null, d.stage, d.entity && d.field ? `${d.entity}.${d.field}` : (d.field ?? ''), d.code, d.reason]),
            ),
          );
          if (run.counts.deadLettered > letters.length) ctx.output.out(`… ${run.counts.deadLettered - letters.length} more (--limit)`);
        }
        if (writeBack.length > 0) {
          ctx.output.out('\nwrite-back:');
          ctx.output.out(
            formatTable(
              ['stream', 'record', 'outcome', 'values', 'code', 'message'],
              writeBack.map((o) => [`${o.system}/${o.stream}`, o.recordId ?? o.key, o.outcome, JSON.stringify(o.values), o.code ?? '', o.message ?? '']),
            ),
          );
          if (writeBack.length === opts.limit) ctx.output.out('… possibly more (--limit)');
        }
      } finally {
        await store.close();
      }
    });
};
