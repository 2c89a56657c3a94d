/**
 * `GET /api/systems`: each configured system with its connector and streams — the stream's main CIM entity,
 * its stored cursor, how many source records the store holds and how the last run that touched it ended.
 *
 * @example
 * GET /api/systems → { items: [{ system: 'salesforce', connector: 'salesforce-export', streams: [{ stream: 'Contact', entity: 'Individual', records: 1200, cursor: {…}, lastRun: { runId, status: 'succeeded' } }] }] }
 */
import type { RegisterRoutes } from '../context.js';
import { mappingFor, streamsOf } from '../config-mappings.js';
import { errorResponses } from '../schemas.js';

export const registerSystemRoutes: RegisterRoutes = async (app, ctx) => {
  app.get('/api/systems', {
    schema: {
      tags: ['systems'],
      summary: 'Systems and streams',
      description: 'The systems of concord.yaml with their streams: the configured ones (or every stream Concord can map) and any the store holds data for, each with its cursor, its live source records and its last run.',
      response: {
        200: {
          type: 'object',
          required: ['items'],
          properties: {
            items: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  system: { type: 'string' },
                  connector: { type: 'string' },
                  enabled: { type: 'boolean' },
                  streams: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        stream: { type: 'string' },
                        entity: { type: 'string' },
                        cursor: { type: ['object', 'null'], additionalProperties: true },
                        cursorUpdatedAt: { type: ['string', 'null'] },
                        records: { type: 'integer' },
                        deleted: { type: 'integer' },
                        lastRun: {
                          type: 'object',
                          properties: { runId: { type: 'string' }, status: { type: 'string' }, finishedAt: { type: 'string' }, error: { type: 'string' } },
                        },
                      },
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
  }, async () => {
    const [states, counts] = await Promise.all([ctx.store.apiStreamStates(), ctx.store.apiStreamRecordCounts()]);
    const items = Object.entries(ctx.loaded.config.systems).map(([system, config]) => {
      const seen = [...states, ...counts].filter((s) => s.system === system).map((s) => s.stream);
      const streams = streamsOf(ctx.loaded, ctx.env, system, seen).map((stream) => {
        const state = states.find((s) => s.system === system && s.stream === stream);
        const count = counts.find((c) => c.system === system && c.stream === stream);
        let entity: string | undefined;
        try {
          entity = mappingFor(ctx.loaded, ctx.env, system, stream)?.records[0]?.entity;
        } catch {
          entity = undefined; // an override naming an unknown field: the mappings route reports it
        }
        return {
          stream,
          ...(entity !== undefined && { entity }),
          cursor: state?.cursor ?? null,
          cursorUpdatedAt: state?.cursorUpdatedAt ?? null,
          records: count?.records ?? 0,
          deleted: count?.deleted ?? 0,
          ...(state?.lastRun && { lastRun: state.lastRun }),
        };
      });
      return { system, connector: config.type, enabled: config.enabled !== false, streams };
    });
    return { items };
  });
};
