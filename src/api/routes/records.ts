/**
 * Records by id:
 *
 *   GET /api/records/:recordId                     → { record: StoredCimRecord, profile?: { unifiedId } }
 *   GET /api/records/:system/:stream/:externalId   → { source: { system, stream, recordId, data, modstamp, deleted }, cim: StoredCimRecord[], profile? }
 *
 * The first is a CIM record by its Concord id; the second the source row as read from its system with the CIM
 * records it produced. `profile` is the unified profile of the person record among them, or of the organisation
 * record (a company's row).
 *
 * @example
 * GET /api/records/salesforce/Contact/0033c00000GuAR3AAN → { source: { data: { Email: … } }, cim: [Individual, ContactPoint, …], profile: { unifiedId } }
 */
import { ConcordError } from '../../core/errors.js';
import type { RegisterRoutes } from '../context.js';
import { addProfileSchemas, idParam } from '../profiles/schemas.js';
import { errorResponses } from '../schemas.js';

const profileRef = { type: 'object', required: ['unifiedId'], properties: { unifiedId: { type: 'string' } } } as const;

export const registerRecordRoutes: RegisterRoutes = async (app, ctx) => {
  addProfileSchemas(app);

  app.get<{ Params: { recordId: string } }>('/api/records/:recordId', {
    schema: {
      tags: ['records'],
      summary: 'CIM record',
      description: 'One CIM record by Concord id (tombstoned records included, with `deleted: true`), and the profile it belongs to.',
      params: { type: 'object', required: ['recordId'], properties: { recordId: { ...idParam, description: 'Concord id.' } } },
      response: { 200: { type: 'object', required: ['record'], properties: { record: { $ref: 'StoredCimRecord#' }, profile: profileRef } }, ...errorResponses },
    },
  }, async (request) => {
    const record = await ctx.store.getCimRecordById(request.params.recordId);
    if (!record) throw new ConcordError('RECORD_NOT_FOUND', `no CIM record ${request.params.recordId}`, { kind: 'usage', hint: 'record ids are the Concord ids a profile lists for its members' });
    const member = await ctx.store.profileOfRecord(record.id);
    return { record, ...(member && { profile: { unifiedId: member.unifiedId } }) };
  });

  app.get<{ Params: { system: string; stream: string; externalId: string } }>('/api/records/:system/:stream/:externalId', {
    schema: {
      tags: ['records'],
      summary: 'Source record',
      description: 'A row as its system has it (by system, stream and the system\'s own id; URL-encode an id with a slash), the CIM records it produced, and the profile of its person record (or, for a company row, of its organisation record).',
      params: {
        type: 'object',
        required: ['system', 'stream', 'externalId'],
        properties: { system: idParam, stream: idParam, externalId: { ...idParam, description: 'The id in the system (Salesforce id, Dataverse GUID …).' } },
      },
      response: {
        200: {
          type: 'object',
          required: ['source', 'cim'],
          properties: {
            source: {
              type: 'object',
              required: ['system', 'stream', 'recordId', 'data', 'deleted'],
              properties: { system: { type: 'string' }, stream: { type: 'string' }, recordId: { type: 'string' }, data: { type: 'object', additionalProperties: true }, modstamp: { type: 'string' }, deleted: { type: 'boolean' } },
            },
            cim: { type: 'array', items: { $ref: 'StoredCimRecord#' } },
            profile: profileRef,
          },
        },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const { system, stream, externalId } = request.params;
    const source = await ctx.store.getSourceRecord(system, stream, externalId);
    if (!source) throw new ConcordError('RECORD_NOT_FOUND', `no ${system}/${stream} record ${externalId}`, { kind: 'usage', hint: 'system and stream as in GET /api/systems; the id as the system has it' });
    const cim = await ctx.store.cimRecordsOfSource(system, stream, externalId);
    // A Contact's profile is its Individual's; an Account's, its Organization's (a company's profile).
    const party = cim.find((r) => r.entity === 'Individual' && !r.deleted) ?? cim.find((r) => r.entity === 'Organization' && !r.deleted);
    const member = party ? await ctx.store.profileOfRecord(party.id) : undefined;
    return {
      source: { system, stream, recordId: source.recordId, data: source.fields, modstamp: source.modstamp, deleted: source.deleted === true },
      cim,
      ...(member && { profile: { unifiedId: member.unifiedId } }),
    };
  });
};
