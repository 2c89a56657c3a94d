/**
 * Mappings as tables: `GET /api/mappings` lists the configured streams Concord maps, with the CIM entities
 * each produces; `GET /api/mappings/:system/:stream` gives one mapping field by field (the same description
 * `concord mapping show` prints), with concord.yaml's overrides applied.
 *
 * @example
 * GET /api/mappings/salesforce/Contact → { system: 'salesforce', stream: 'Contact', rows: [{ source: 'Email', target: 'ContactPointEmail.emailAddress', transform: 'email', reversible: true }, …] }
 */
import { ConcordError } from '../../core/errors.js';
import { describeMapping } from '../../mapping/describe.js';
import type { RegisterRoutes } from '../context.js';
import { mappingFor, streamsOf } from '../config-mappings.js';
import { errorResponses } from '../schemas.js';

const name = { type: 'string', minLength: 1, maxLength: 200 } as const;

export const registerMappingRoutes: RegisterRoutes = async (app, ctx) => {
  app.get('/api/mappings', {
    schema: {
      tags: ['mappings'],
      summary: 'Mapped streams',
      description: 'Every configured system/stream that has a mapping, with the CIM entities it produces.',
      response: {
        200: {
          type: 'object',
          required: ['items'],
          properties: {
            items: {
              type: 'array',
              items: { type: 'object', properties: { system: { type: 'string' }, stream: { type: 'string' }, entities: { type: 'array', items: { type: 'string' } }, description: { type: 'string' } } },
            },
          },
        },
        ...errorResponses,
      },
    },
  }, async () => {
    const counts = await ctx.store.apiStreamRecordCounts();
    const items = [];
    for (const system of Object.keys(ctx.loaded.config.systems)) {
      const seen = counts.filter((c) => c.system === system).map((c) => c.stream);
      for (const stream of streamsOf(ctx.loaded, ctx.env, system, seen)) {
        const mapping = mappingFor(ctx.loaded, ctx.env, system, stream);
        if (!mapping) continue;
        items.push({ system, stream, entities: [...new Set(mapping.records.map((r) => r.entity))], description: mapping.description ?? '' });
      }
    }
    return { items };
  });

  app.get<{ Params: { system: string; stream: string } }>('/api/mappings/:system/:stream', {
    schema: {
      tags: ['mappings'],
      summary: 'One mapping, field by field',
      description: 'Source field, CIM target, transform and whether the field is written back (reversible), plus the records each source row produces and the source fields left unmapped.',
      params: { type: 'object', required: ['system', 'stream'], properties: { system: name, stream: name } },
      response: {
        200: {
          type: 'object',
          required: ['system', 'stream', 'rows'],
          properties: {
            system: { type: 'string' },
            stream: { type: 'string' },
            description: { type: 'string' },
            rows: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  source: { type: 'string' }, type: { type: 'string' }, target: { type: 'string' }, transform: { type: 'string' },
                  reversible: { type: 'boolean' }, loss: { type: 'string' }, note: { type: 'string' },
                },
              },
            },
            records: {
              type: 'array',
              items: { type: 'object', properties: { key: { type: 'string' }, entity: { type: 'string' }, companion: { type: 'string' }, id: { type: 'string' }, when: { type: 'string' } } },
            },
            unmapped: { type: 'array', items: { type: 'string' } },
          },
        },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const { system, stream } = request.params;
    if (!ctx.loaded.config.systems[system]) {
      throw new ConcordError('SYSTEM_NOT_FOUND', `concord.yaml configures no system "${system}"`, { kind: 'usage', hint: `configured: ${Object.keys(ctx.loaded.config.systems).join(', ') || 'none'}` });
    }
    const mapping = mappingFor(ctx.loaded, ctx.env, system, stream);
    if (!mapping) throw new ConcordError('MAPPING_NOT_FOUND', `no mapping for ${system}/${stream}`, { kind: 'usage', hint: 'GET /api/mappings lists the mapped streams' });
    const d = describeMapping(mapping);
    return {
      system,
      stream,
      description: d.description,
      rows: d.rows.map((r) => ({ source: r.source, type: r.type, target: r.target, transform: r.transform, reversible: r.written, loss: r.loss, note: r.note })),
      records: d.records,
      unmapped: d.unmapped,
    };
  });
};
