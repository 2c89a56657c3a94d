/**
 * Why two person records — or two organisation records — match or not: `GET /api/explain?a=<record>&b=<record>`
 * answers the waterfall of the saved model of their kind (`explainRecords`, `explainOrganizations`) and both
 * records with their values. A record is a Concord id or `system/stream/recordId`.
 *
 * @example
 * GET /api/explain?a=0f3…&b=salesforce/Contact/0033c00000GuAR3AAN → { steps: [{ comparison: 'email', weight: 9.2, … }], probability: 0.999, records: { a, b } }
 */
import { explainRecords } from '../../identity/resolve.js';
import { assemblePersonsById } from '../../identity/store/assemble.js';
import type { RegisterRoutes } from '../context.js';
import { addProfileSchemas } from '../profiles/schemas.js';
import { explainOrganizations, organizationRowOf } from '../profiles/organizations.js';
import { memberRecordOf, organizationMemberOf, type MemberRecord } from '../profiles/view.js';
import { errorResponses } from '../schemas.js';

const recordRef = { type: 'string', minLength: 1, maxLength: 400, description: 'Concord id of a person (or organisation) record, or system/stream/recordId.' } as const;

export const registerExplainRoutes: RegisterRoutes = async (app, ctx) => {
  addProfileSchemas(app);
  const region = ctx.loaded.config.defaults.region;

  app.get<{ Querystring: { a: string; b: string } }>('/api/explain', {
    schema: {
      tags: ['identity'],
      summary: 'Explain a pair',
      description: 'Each comparison\'s level, the two values, m, u and its weight (log2 m/u), the prior and the running total: a waterfall that ends at the pair\'s match probability under the saved model. A deterministic rule that forces the match is named. Two Organization records are explained under the organisation model.',
      querystring: { type: 'object', required: ['a', 'b'], additionalProperties: false, properties: { a: recordRef, b: recordRef } },
      response: { 200: { $ref: 'Explanation#' }, ...errorResponses },
    },
  }, async (request) => {
    const [orgA, orgB] = [await organizationRowOf(ctx.store, request.query.a), await organizationRowOf(ctx.store, request.query.b)];
    if (orgA && orgB) {
      const { explanation, records } = await explainOrganizations(ctx.store, orgA, orgB, region);
      const shown: MemberRecord[] = [];
      for (const o of records) shown.push(organizationMemberOf(o, (await ctx.store.profileOfRecord(o.record.id))?.since));
      const find = (id: string): MemberRecord => shown.find((r) => r.recordId === id)!;
      return { ...explanation, records: { a: find(orgA.id), b: find(orgB.id) } };
    }
    const explanation = await explainRecords(ctx.store, request.query.a, request.query.b, region);
    const people = await assemblePersonsById(ctx.store, [explanation.left, explanation.right], { region });
    const records: MemberRecord[] = [];
    for (const p of people) records.push(memberRecordOf(p, (await ctx.store.profileOfRecord(p.record.id))?.since));
    const find = (id: string): MemberRecord => records.find((r) => r.recordId === id)!;
    return { ...explanation, records: { a: find(explanation.left), b: find(explanation.right) } };
  });
};
