/**
 * Runs: `GET /api/runs` (newest first, paged), `GET /api/runs/:runId` (counts per stream, the run's dead
 * letters paged, its write-back outcomes) and `POST /api/runs` (asks the scheduler for a sync).
 *
 * @example
 * GET /api/runs?limit=20 → { items: [Run, …], nextCursor: 'eyJ…' }
 * POST /api/runs { "streams": ["salesforce/Contact"], "full": false } → 202 { queued: true, runId: '…' }
 */
import { ConcordError } from '../../core/errors.js';
import type { RunPosition, StoredDeadLetter } from '../store/types.js';
import type { ApiContext, RegisterRoutes } from '../context.js';
import { decodeCursor, encodeCursor, pagingQuery } from '../paging.js';
import { errorResponses } from '../schemas.js';

/** Write-back outcomes shown with a run (the first ones; the rest are in the store). */
const WRITE_BACK_ITEMS = 500;

const isRunPosition = (v: unknown): v is RunPosition =>
  typeof v === 'object' && v !== null && typeof (v as RunPosition).id === 'string' && typeof (v as RunPosition).startedAt === 'string';
const isLetterPosition = (v: unknown): v is { id: number } => typeof v === 'object' && v !== null && Number.isInteger((v as { id?: unknown }).id);

interface WriteBackItem {
  system: string;
  stream: string;
  recordId?: string | undefined;
  outcome: string;
  message?: string | undefined;
}

/** The write-back outcomes a run recorded (the first ones). */
async function writeBackOf(ctx: ApiContext, runId: string): Promise<WriteBackItem[]> {
  const rows = await ctx.store.listWriteBackOutcomes({ runId, limit: WRITE_BACK_ITEMS });
  return rows.map((r) => ({ system: r.system, stream: r.stream, recordId: r.recordId ?? r.key, outcome: r.outcome, message: r.message }));
}

/** Checks `system/stream` selectors against the configured systems (streams are checked when the sync plans). */
function checkStreams(ctx: ApiContext, streams: readonly string[]): void {
  const systems = Object.keys(ctx.loaded.config.systems);
  for (const selector of streams) {
    const slash = selector.indexOf('/');
    const system = slash > 0 ? selector.slice(0, slash) : undefined;
    if (system !== undefined && !systems.includes(system)) {
      throw new ConcordError('BAD_REQUEST', `body.streams names system "${system}", which concord.yaml does not configure`, {
        kind: 'usage',
        context: { field: 'streams' },
        hint: `configured systems: ${systems.join(', ') || 'none'}`,
      });
    }
  }
}

export const registerRunRoutes: RegisterRoutes = async (app, ctx) => {
  app.get<{ Querystring: { limit: number; cursor?: string } }>('/api/runs', {
    schema: {
      tags: ['runs'],
      summary: 'Run history',
      description: 'Sync runs, newest first, with their counts per stream. Paged: pass `nextCursor` back as `cursor`.',
      querystring: { type: 'object', properties: { ...pagingQuery }, additionalProperties: false },
      response: {
        200: {
          type: 'object',
          required: ['items', 'nextCursor'],
          properties: { items: { type: 'array', items: { $ref: 'Run#' } }, nextCursor: { type: ['string', 'null'] } },
        },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const { limit, cursor } = request.query;
    const positions = await ctx.store.apiRunIds({ limit: limit + 1, after: decodeCursor(cursor, isRunPosition) });
    const page = positions.slice(0, limit);
    const runs = await Promise.all(page.map((p) => ctx.store.getRun(p.id)));
    const last = page[page.length - 1];
    return { items: runs.filter((r) => r !== undefined), nextCursor: positions.length > limit && last ? encodeCursor(last) : null };
  });

  app.get<{ Params: { runId: string }; Querystring: { limit: number; cursor?: string } }>('/api/runs/:runId', {
    schema: {
      tags: ['runs'],
      summary: 'One run',
      description: 'The run with its counts per stream, its dead letters (paged by `limit` and `cursor`) and the write-back outcomes it recorded (the first 500).',
      params: { type: 'object', required: ['runId'], properties: { runId: { type: 'string', minLength: 1, maxLength: 200 } } },
      querystring: { type: 'object', properties: { ...pagingQuery }, additionalProperties: false },
      response: {
        200: {
          type: 'object',
          required: ['run', 'deadLetters', 'writeBack'],
          properties: {
            run: { $ref: 'Run#' },
            deadLetters: {
              type: 'object',
              properties: { items: { type: 'array', items: { $ref: 'DeadLetter#' } }, nextCursor: { type: ['string', 'null'] } },
            },
            writeBack: {
              type: 'object',
              properties: {
                items: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      system: { type: 'string' },
                      stream: { type: 'string' },
                      recordId: { type: 'string' },
                      outcome: { type: 'string', enum: ['created', 'updated', 'rejected', 'failed'] },
                      message: { type: 'string' },
                    },
                  },
                },
              },
            },
          },
        },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const { runId } = request.params;
    const { limit, cursor } = request.query;
    const run = await ctx.store.getRun(runId);
    if (!run) throw new ConcordError('RUN_NOT_FOUND', `no run ${runId}`, { kind: 'usage', hint: 'list runs with GET /api/runs' });
    const letters: StoredDeadLetter[] = await ctx.store.apiDeadLetters({ runId, limit: limit + 1, afterId: decodeCursor(cursor, isLetterPosition)?.id });
    const page = letters.slice(0, limit);
    const last = page[page.length - 1];
    return {
      run,
      deadLetters: { items: page, nextCursor: letters.length > limit && last ? encodeCursor({ id: last.id }) : null },
      writeBack: { items: await writeBackOf(ctx, runId) },
    };
  });

  app.post<{ Body: { streams?: string[]; full?: boolean } | undefined }>('/api/runs', {
    // No body at all means the defaults: every stream, incremental.
    preValidation: async (request) => {
      request.body ??= {};
    },
    schema: {
      tags: ['runs'],
      summary: 'Start a sync',
      description: 'Queues a sync of every configured stream, or of `streams` (`system/stream` or `stream`). One sync runs at a time and at most one waits: 409 SYNC_RUNNING when one runs and another already waits. `runId` is given when the sync starts at once.',
      body: {
        type: 'object',
        additionalProperties: false,
        properties: {
          streams: { type: 'array', maxItems: 200, items: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^/]+(/[^/]+)?$' } },
          full: { type: 'boolean', description: 'Read everything again instead of the changes since the cursor.' },
        },
      },
      response: {
        202: { type: 'object', required: ['queued'], properties: { queued: { type: 'boolean', enum: [true] }, runId: { type: 'string' } } },
        ...errorResponses,
      },
    },
  }, async (request, reply) => {
    const streams = request.body?.streams ?? [];
    checkStreams(ctx, streams);
    const accepted = await ctx.syncs.requestSync({ streams, full: request.body?.full === true, reason: `api (${request.apiTokenName ?? 'token'})` });
    return reply.code(202).send(accepted);
  });
};
