/**
 * Manual identity decisions: list them, and add one (which resolves again so it takes effect at once).
 *
 *   GET  /api/decisions?limit=&cursor=                                   → { items: IdentityDecision[], nextCursor } (newest first)
 *   POST /api/decisions { kind, recordA, recordB, reason? }              → 201 { decision, resolve }
 *
 * @example
 * POST /api/decisions { "kind": "never-match", "recordA": "…", "recordB": "…", "reason": "different people" }
 */
import { ConcordError } from '../../core/errors.js';
import type { DecisionKind } from '../../identity/store/types.js';
import type { RegisterRoutes } from '../context.js';
import { decodeCursor, encodeCursor, pagingQuery } from '../paging.js';
import { decideAndResolve, requireMemberRecord } from '../profiles/decisions.js';
import { addProfileSchemas, idParam } from '../profiles/schemas.js';
import { errorResponses } from '../schemas.js';
import { resolveOptionsOf, whoOf } from './profiles.js';

const isPosition = (v: unknown): v is { id: number } => typeof v === 'object' && v !== null && Number.isInteger((v as { id?: unknown }).id);

export const registerDecisionRoutes: RegisterRoutes = async (app, ctx) => {
  addProfileSchemas(app);

  app.get<{ Querystring: { limit: number; cursor?: string } }>('/api/decisions', {
    schema: {
      tags: ['identity'],
      summary: 'Manual decisions',
      description: 'Saved never-match and always-match decisions, newest first. The latest decision on a pair of records wins.',
      querystring: { type: 'object', additionalProperties: false, properties: { ...pagingQuery } },
      response: {
        200: { type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: { $ref: 'IdentityDecision#' } }, nextCursor: { type: ['string', 'null'] } } },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const { limit, cursor } = request.query;
    const before = decodeCursor(cursor, isPosition)?.id;
    const all = (await ctx.store.listIdentityDecisions()).filter((d) => before === undefined || d.id < before).sort((a, b) => b.id - a.id);
    const items = all.slice(0, limit);
    return { items, nextCursor: all.length > limit ? encodeCursor({ id: items[items.length - 1]!.id }) : null };
  });

  app.post<{ Body: { kind: DecisionKind; recordA: string; recordB: string; reason?: string } }>('/api/decisions', {
    schema: {
      tags: ['identity'],
      summary: 'Add a decision',
      description: 'These two member records are (always-match) or are not (never-match) one person. The decision is saved and the people are resolved again; it wins over the model from then on.',
      body: {
        type: 'object',
        required: ['kind', 'recordA', 'recordB'],
        additionalProperties: false,
        properties: {
          kind: { type: 'string', enum: ['never-match', 'always-match'] },
          recordA: { ...idParam, description: 'Concord id of a member record.' },
          recordB: { ...idParam, description: 'Concord id of another member record.' },
          reason: { type: 'string', maxLength: 1000 },
        },
      },
      response: {
        201: { type: 'object', required: ['decision', 'resolve'], properties: { decision: { $ref: 'IdentityDecision#' }, resolve: { $ref: 'ResolveSummary#' } } },
        ...errorResponses,
      },
    },
  }, async (request, reply) => {
    const { kind, recordA, recordB, reason } = request.body;
    if (recordA === recordB) throw new ConcordError('BAD_REQUEST', 'body.recordB must be another record than body.recordA', { kind: 'usage', context: { field: 'recordB' } });
    await requireMemberRecord(ctx.store, recordA);
    await requireMemberRecord(ctx.store, recordB);
    const { decisions, resolve } = await decideAndResolve(ctx.store, kind, [[recordA, recordB]], { who: whoOf(request), reason, resolve: resolveOptionsOf(ctx), syncBusy: () => ctx.syncs.busy });
    return reply.code(201).send({ decision: decisions[0]!, resolve });
  });
};
