/**
 * A Salesforce REST API emulator on node:http, written from the documented behaviour (vendor notes A1–A10):
 * the OAuth token endpoint, versions, describe, query / queryMore / queryAll, the `updated` and `deleted`
 * replication resources, `limits/recordCount`, Bulk API 2.0 query jobs, the `Sforce-Limit-Info` header, the
 * error array shape, and fault injection for the failures connectors must survive.
 *
 * Not emulated: writes, relationship queries, aggregate SOQL, and JWT signature verification (the assertion's
 * shape and claims are checked — alg, iss, sub, aud, exp — but not its RS256 signature, since the emulator holds
 * no uploaded certificate).
 *
 * @example
 * const server = new SalesforceEmulatorServer(new EmulatedOrg({ seed: 1, people: 100 }), {});
 * const url = await server.listen();
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiDateTime, parseApiDateTime, type EmulatedOrg, type StoredRecord } from './org.js';
import { compareBy, conditionFields, matches, parseSoql, SoqlSyntaxError, type SoqlQuery } from './soql.js';

/** Longest request URL Salesforce's edge accepts; longer GETs get 414 URI Too Long (vendor notes, anchors §1.2). */
export const MAX_URL_LENGTH = 16_384;
const THIRTY_DAYS = 30 * 86_400_000;
const MINUTE = 60_000;

export interface Credentials {
  clientId: string;
  clientSecret: string;
  /** Run-as user (JWT `sub`). */
  username: string;
  refreshToken: string;
}

/** One injected failure, applied to the next `times` requests whose path matches. */
export type Fault = { path?: RegExp; method?: string; times?: number } & (
  | { kind: 'status'; status: 429 | 500 | 502 | 503; retryAfterSeconds?: number }
  | { kind: 'slow'; ms: number }
  | { kind: 'drop' }
  /** The request is carried out, then the connection is cut before the answer (a lost response). */
  | { kind: 'drop-after' }
  | { kind: 'expire-token' }
);

export interface ServerOptions {
  credentials?: Partial<Credentials>;
  /** Daily API request limit (`api-usage=used/limit`). */
  apiLimit?: number;
  /** Status polls a Bulk job takes to complete. */
  bulkPollsToComplete?: number;
}

interface QueryCursor {
  rows: StoredRecord[];
  batchSize: number;
  version: string;
}

interface BulkJob {
  id: string;
  operation: 'query' | 'queryAll';
  query: SoqlQuery;
  object: string;
  state: 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  polls: number;
  rows: StoredRecord[] | undefined;
  apiVersion: string;
  createdDate: string;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

export class SalesforceEmulatorServer {
  readonly credentials: Credentials;
  url = '';
  apiUsed = 0;
  apiLimit: number;
  /** When true, Bulk jobs stay InProgress forever (anchors §1.10 #11). */
  bulkNeverFinishes = false;
  /** Bulk results pages still to cut short: the last row is lost in transit, `Sforce-NumberOfRecords` still counts it. */
  bulkShortPages = 0;
  /** sObject Collections answers still to cut short: one per-record result fewer than records sent (the writes happen). */
  shortCollectionAnswers = 0;
  bulkPollsToComplete: number;
  /** Requests served, by method and path (for tests that check which resources a connector used). */
  readonly requestLog: Array<{ method: string; path: string; status: number }> = [];
  private readonly tokens = new Set<string>();
  private readonly faults: Fault[] = [];
  private readonly cursors = new Map<string, QueryCursor>();
  private readonly jobs = new Map<string, BulkJob>();
  private readonly server: Server;

  constructor(
    readonly org: EmulatedOrg,
    options: ServerOptions,
  ) {
    this.credentials = { clientId: 'concord-test-client', clientSecret: 'concord-test-secret', username: 'integration@example.com', refreshToken: 'concord-test-refresh', ...options.credentials };
    this.apiLimit = options.apiLimit ?? 100_000;
    this.bulkPollsToComplete = options.bulkPollsToComplete ?? 2;
    // Node refuses request heads over 16 KiB with 431 before the handler runs; Salesforce's limit is on the URL (414).
    this.server = createServer({ maxHeaderSize: 256 * 1024 }, (req, res) => {
      void this.handle(req, res);
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Queues a failure for the next matching request(s). */
  inject(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /** Per-record refusals of the next collection upserts, by external id value (see `rejectRecord`). */
  private readonly recordFaults = new Map<string, { statusCode: string; message: string }>();

  /**
   * The next upsert of the record whose external id value is `key` is refused with `statusCode` and `message`
   * (a lock or validation rule failing one record of a call); later upserts of it succeed.
   */
  rejectRecord(key: string, statusCode = 'UNABLE_TO_LOCK_ROW', message = 'unable to obtain exclusive access to this record or 1 records: ' + key): void {
    this.recordFaults.set(key, { statusCode, message });
  }

  /** Drops every queued fault. */
  clearFaults(): void {
    this.faults.length = 0;
    this.recordFaults.clear();
  }

  /** Invalidates every issued access token: the next call gets 401 INVALID_SESSION_ID. */
  expireTokens(): void {
    this.tokens.clear();
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex((f) => (f.path === undefined || f.path.test(path)) && (f.method === undefined || f.method === method));
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private limitHeader(): Record<string, string> {
    return { 'Sforce-Limit-Info': `api-usage=${this.apiUsed}/${this.apiLimit}` };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const rawUrl = req.url ?? '/';
    const url = new URL(rawUrl, 'http://emulator');
    const path = url.pathname;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      this.requestLog.push({ method, path, status });
      const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/csv; charset=UTF-8' : 'application/json;charset=UTF-8', ...headers });
      res.end(text);
    };
    try {
      const body = await readBody(req);
      if (rawUrl.length > MAX_URL_LENGTH) {
        this.requestLog.push({ method, path, status: 414 });
        res.writeHead(414, { 'Content-Type': 'text/html' });
        res.end('<html><body>414 URI Too Long</body></html>');
        return;
      }
      const fault = this.takeFault(method, path);
      if (fault?.kind === 'drop') {
        this.requestLog.push({ method, path, status: 0 });
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.ms));
      if (fault?.kind === 'expire-token') this.expireTokens();
      if (fault?.kind === 'status') {
        const headers: Record<string, string> = { ...this.limitHeader() };
        if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
        send(fault.status, [{ message: fault.status === 429 ? 'Too many requests' : 'Server is temporarily unavailable', errorCode: fault.status === 429 ? 'REQUEST_LIMIT_EXCEEDED' : 'SERVER_UNAVAILABLE' }], headers);
        return;
      }
      if (path === '/services/oauth2/token' && method === 'POST') {
        const result = this.token(new URLSearchParams(body));
        send(result.status, result.body);
        return;
      }
      if (path === '/services/data' || path === '/services/data/') {
        send(200, ['58.0', '59.0', '60.0', '61.0', '62.0', '63.0', '64.0', '65.0', '66.0'].map((v) => ({ label: `v${v}`, url: `/services/data/v${v}`, version: v })));
        return;
      }
      const versioned = /^\/services\/data\/v(\d+\.\d)(\/.*)$/.exec(path);
      if (!versioned) throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!token || !this.tokens.has(token)) {
        send(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
        return;
      }
      this.apiUsed++;
      if (this.apiUsed > this.apiLimit) {
        send(403, [{ message: `TotalRequests Limit exceeded.`, errorCode: 'REQUEST_LIMIT_EXCEEDED' }], this.limitHeader());
        return;
      }
      const result = this.api(method, versioned[1]!, versioned[2]!, url.searchParams, body, req);
      if (fault?.kind === 'drop-after') {
        this.requestLog.push({ method, path, status: 0 });
        req.socket.destroy();
        return;
      }
      send(result.status, result.body, { ...this.limitHeader(), ...result.headers });
    } catch (error) {
      if (error instanceof ApiError) send(error.status, [{ message: error.message, errorCode: error.errorCode }], this.limitHeader());
      else send(500, [{ message: String(error), errorCode: 'UNKNOWN_EXCEPTION' }], this.limitHeader());
    }
  }

  private issueToken(): Record<string, unknown> {
    const accessToken = `00D!${randomBytes(24).toString('base64url')}`;
    this.tokens.add(accessToken);
    const id = `${this.url}/id/${this.org.orgId}/${this.org.userId}`;
    const issuedAt = String(Date.now());
    return {
      access_token: accessToken,
      instance_url: this.url,
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
      signature: createHmac('sha256', this.credentials.clientSecret).update(id + issuedAt).digest('base64'),
      scope: 'api',
    };
  }

  private token(form: URLSearchParams): { status: number; body: unknown } {
    const fail = (error: string, description: string): { status: number; body: unknown } => ({ status: 400, body: { error, error_description: description } });
    const grant = form.get('grant_type');
    const c = this.credentials;
    if (grant === 'client_credentials') {
      if (form.get('client_id') !== c.clientId) return fail('invalid_client_id', 'client identifier invalid');
      if (form.get('client_secret') !== c.clientSecret) return fail('invalid_client', 'invalid client credentials');
      return { status: 200, body: this.issueToken() };
    }
    if (grant === 'refresh_token') {
      if (form.get('client_id') !== c.clientId) return fail('invalid_client_id', 'client identifier invalid');
      const secret = form.get('client_secret');
      if (secret !== null && secret !== c.clientSecret) return fail('invalid_client', 'invalid client credentials');
      if (form.get('refresh_token') !== c.refreshToken) return fail('invalid_grant', 'expired access/refresh token');
      return { status: 200, body: this.issueToken() };
    }
    if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      const problem = this.jwtProblem(form.get('assertion') ?? '');
      return problem ? fail('invalid_grant', problem) : { status: 200, body: this.issueToken() };
    }
    return fail('unsupported_grant_type', 'grant type not supported');
  }

  /** Checks the JWT's shape and claims (A1); the RS256 signature is not verified. */
  private jwtProblem(assertion: string): string | undefined {
    const parts = assertion.split('.');
    if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return 'invalid assertion';
    let header: Record<string, unknown>;
    let claims: Record<string, unknown>;
    try {
      header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
      claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      return 'invalid assertion';
    }
    if (header['alg'] !== 'RS256') return 'invalid assertion: alg must be RS256';
    if (claims['iss'] !== this.credentials.clientId) return 'invalid_client_id';
    if (claims['sub'] !== this.credentials.username) return 'user hasn\'t approved this consumer';
    const audiences = ['https://login.salesforce.com', 'https://test.salesforce.com', this.url];
    if (typeof claims['aud'] !== 'string' || !audiences.includes(claims['aud'])) return 'audience is invalid';
    const exp = claims['exp'];
    const now = Date.now() / 1000;
    if (typeof exp !== 'number' || exp < now) return 'expired authorization code';
    if (exp > now + 300) return 'invalid assertion: exp too far in the future';
    return undefined;
  }

  private api(method: string, version: string, path: string, params: URLSearchParams, body: string, req: IncomingMessage): { status: number; body: unknown; headers?: Record<string, string> } {
    if (method === 'GET' && path === '/sobjects') {
      return {
        status: 200,
        body: {
          encoding: 'UTF-8',
          maxBatchSize: 200,
          sobjects: [...this.org.schema.values()].map((s) => ({ name: s.name, label: s.name, keyPrefix: s.keyPrefix, custom: false, queryable: s.queryable, createable: true, updateable: true, deletable: true, replicateable: s.replicateable, urls: { describe: `/services/data/v${version}/sobjects/${s.name}/describe` } })),
        },
      };
    }
    let m = /^\/sobjects\/([A-Za-z0-9_]+)\/describe\/?$/.exec(path);
    if (method === 'GET' && m) {
      const schema = this.objectSchema(m[1]!);
      return { status: 200, body: { name: schema.name, label: schema.name, keyPrefix: schema.keyPrefix, custom: false, queryable: schema.queryable, replicateable: schema.replicateable, retrieveable: true, fields: schema.fields, childRelationships: [], recordTypeInfos: [] } };
    }
    m = /^\/sobjects\/([A-Za-z0-9_]+)\/(updated|deleted)\/?$/.exec(path);
    if (method === 'GET' && m) return { status: 200, body: this.replication(m[1]!, m[2] as 'updated' | 'deleted', params) };
    if (method === 'GET' && path === '/limits/recordCount') {
      const names = (params.get('sObjects') ?? '').split(',').filter(Boolean);
      return { status: 200, body: { sObjects: names.filter((n) => this.org.records.has(n)).map((name) => ({ name, count: [...this.org.table(name).values()].filter((r) => r['IsDeleted'] !== true).length })) } };
    }
    if (method === 'GET' && path === '/limits') return { status: 200, body: { DailyApiRequests: { Max: this.apiLimit, Remaining: Math.max(0, this.apiLimit - this.apiUsed) } } };
    if (method === 'GET' && (path === '/query' || path === '/query/' || path === '/queryAll' || path === '/queryAll/')) {
      const soql = params.get('q');
      if (!soql) throw new ApiError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
      const rows = this.run(soql, path.startsWith('/queryAll'));
      const batch = /batchSize=(\d+)/.exec(String(req.headers['sforce-query-options'] ?? ''))?.[1];
      const batchSize = Math.min(2000, Math.max(200, batch === undefined ? 2000 : Number(batch)));
      const id = `01g${randomBytes(6).toString('hex')}`;
      this.cursors.set(id, { rows, batchSize, version });
      return { status: 200, body: this.queryPage(id, 0) };
    }
    m = /^\/query(?:All)?\/(01g[0-9a-f]+)-(\d+)$/.exec(path);
    if (method === 'GET' && m) return { status: 200, body: this.queryPage(m[1]!, Number(m[2])) };
    m = /^\/composite\/sobjects\/([A-Za-z0-9_]+)\/([A-Za-z0-9_]+)$/.exec(path);
    if (method === 'PATCH' && m) {
      const results = this.upsertCollection(m[1]!, m[2]!, body);
      if (this.shortCollectionAnswers > 0 && results.length > 0) {
        this.shortCollectionAnswers--;
        return { status: 200, body: results.slice(0, -1) };
      }
      return { status: 200, body: results };
    }
    if (path === '/jobs/query' && method === 'POST') return { status: 200, body: this.createJob(version, body) };
    m = /^\/jobs\/query\/(750[A-Za-z0-9]+)(\/results)?$/.exec(path);
    if (m) return this.jobRoute(method, m[1]!, m[2] !== undefined, version, params, body);
    throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  }

  /**
   * sObject Collections upsert by external id (A7): at most 200 records of one type; per-record results in input
   * order (`statusCode` in per-record errors); with allOrNone, one failure rolls back every record.
   */
  private upsertCollection(object: string, extField: string, body: string): unknown[] {
    const schema = this.org.schema.get(object);
    if (!schema) throw new ApiError(400, 'INVALID_TYPE', `sObject type '${object}' is not supported.`);
    const ext = schema.fields.find((f) => f.name === extField);
    if (!ext || !(ext.externalId || ext.name === 'Id')) throw new ApiError(400, 'INVALID_FIELD', `Field name provided, ${extField} is not an External ID or indexed field for ${object}`);
    let request: { allOrNone?: boolean; records?: Array<Record<string, unknown>> };
    try {
      request = JSON.parse(body) as typeof request;
    } catch {
      throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body is not JSON');
    }
    const records = request.records ?? [];
    if (records.length > 200) throw new ApiError(400, 'EXCEEDED_ID_LIMIT', 'record limit reached. cannot submit more than 200 records into this call');
    const byName = new Map(schema.fields.map((f) => [f.name, f]));
    const table = this.org.table(object);
    const seen = new Set<string>();
    type Outcome = { ok: true; id: string | undefined; created: boolean; values: Record<string, unknown> } | { ok: false; statusCode: string; message: string; fields: string[] };
    const outcomes: Outcome[] = records.map((record) => {
      const type = (record['attributes'] as { type?: string } | undefined)?.type;
      if (type !== undefined && type !== object) return { ok: false, statusCode: 'INVALID_TYPE', message: `record type ${type} does not match ${object}`, fields: [] };
      const key = record[extField];
      if (typeof key !== 'string' || key === '') return { ok: false, statusCode: 'MISSING_ARGUMENT', message: `${extField} not specified`, fields: [extField] };
      if (seen.has(key)) return { ok: false, statusCode: 'DUPLICATE_EXTERNAL_ID', message: `Duplicate external id specified: ${key}`, fields: [extField] };
      seen.add(key);
      const refused = this.recordFaults.get(key);
      if (refused) {
        this.recordFaults.delete(key);
        return { ok: false, ...refused, fields: [] };
      }
      const values: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(record)) {
        if (name === 'attributes') continue;
        const f = byName.get(name);
        if (!f) return { ok: false, statusCode: 'INVALID_FIELD', message: `No such column '${name}' on sobject of type ${object}`, fields: [name] };
        if (name !== extField && !f.updateable) return { ok: false, statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: `Unable to create/update fields: ${name}. Please check the security settings of this field.`, fields: [name] };
        if (typeof value === 'string' && f.length > 0 && value.length > f.length) return { ok: false, statusCode: 'STRING_TOO_LONG', message: `${f.label}: data value too large: ${value.slice(0, 40)}`, fields: [name] };
        values[name] = value;
      }
      const matches = [...table.values()].filter((r) => r[extField] === key && r['IsDeleted'] !== true);
      if (matches.length > 1) return { ok: false, statusCode: 'DUPLICATE_EXTERNAL_ID', message: `${extField}: more than one record found for external id field: ${key}`, fields: [extField] };
      const existing = matches[0];
      if (!existing && extField === 'Id') return { ok: false, statusCode: 'NOT_FOUND', message: `Provided external ID field does not exist or is not accessible: ${key}`, fields: [] };
      if (!existing && object === 'Contact' && (values['LastName'] === undefined || values['LastName'] === null || values['LastName'] === '')) {
        return { ok: false, statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [LastName]', fields: ['LastName'] };
      }
      return { ok: true, id: existing ? String(existing['Id']) : undefined, created: !existing, values };
    });
    const failed = outcomes.some((o) => !o.ok);
    if (request.allOrNone === true && failed) {
      return outcomes.map((o) => ({ id: null, success: false, errors: o.ok ? [{ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: 'Record rolled back because not all records were valid and the request was using AllOrNone header', fields: [] }] : [{ statusCode: o.statusCode, message: o.message, fields: o.fields }] }));
    }
    return outcomes.map((o) => {
      if (!o.ok) return { id: null, success: false, errors: [{ statusCode: o.statusCode, message: o.message, fields: o.fields }] };
      const id = o.id === undefined ? this.org.create(object, o.values) : (this.org.update(object, o.id, o.values), o.id);
      return { id, success: true, errors: [], created: o.created };
    });
  }

  private objectSchema(name: string) {
    const schema = this.org.schema.get(name);
    if (!schema) throw new ApiError(404, 'NOT_FOUND', `The requested resource does not exist`);
    return schema;
  }

  /** Parses, checks against describe, filters, sorts and projects. */
  private run(soql: string, all: boolean, forBulk = false): StoredRecord[] {
    let query: SoqlQuery;
    try {
      query = parseSoql(soql);
    } catch (error) {
      if (error instanceof SoqlSyntaxError) throw new ApiError(400, 'MALFORMED_QUERY', error.message);
      throw error;
    }
    const schema = this.org.schema.get(query.object);
    if (!schema) throw new ApiError(400, 'INVALID_TYPE', `sObject type '${query.object}' is not supported.`);
    const byName = new Map(schema.fields.map((f) => [f.name, f]));
    for (const name of [...query.fields, ...conditionFields(query.where), ...query.orderBy.map((o) => o.field)]) {
      const f = byName.get(name);
      if (!f) throw new ApiError(400, 'INVALID_FIELD', `No such column '${name}' on entity '${query.object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`);
      if (forBulk && (f.type === 'address' || f.type === 'base64')) throw new ApiError(400, 'INVALIDJOB', `${f.type === 'address' ? 'Compound' : 'Base64'} field ${name} is not supported by Bulk API query`);
    }
    const datetimes = new Set(schema.fields.filter((f) => f.type === 'datetime').map((f) => f.name));
    let rows = [...this.org.table(query.object).values()].filter((r) => (all || r['IsDeleted'] !== true) && matches(query.where, r));
    if (query.orderBy.length > 0) rows.sort(compareBy(query.orderBy, datetimes));
    if (query.limit !== undefined) rows = rows.slice(0, query.limit);
    const now = this.org.now();
    return rows.map((r) => {
      const out: StoredRecord = { attributes: { type: query.object, url: `/services/data/v62.0/sobjects/${query.object}/${String(r['Id'])}` } };
      for (const name of query.fields) {
        const f = byName.get(name)!;
        if (f.type === 'address') {
          const prefix = name === 'Address' ? '' : name.replace(/Address$/, '');
          const parts = { street: r[`${prefix}Street`] ?? null, city: r[`${prefix}City`] ?? null, state: r[`${prefix}State`] ?? null, postalCode: r[`${prefix}PostalCode`] ?? null, country: r[`${prefix}Country`] ?? null };
          out[name] = Object.values(parts).every((v) => v === null) ? null : parts;
        } else if (f.calculated) {
          // A formula, TODAY() - DATEVALUE(CreatedDate) in GMT: recomputed on read, so it changes at midnight
          // without SystemModstamp moving.
          out[name] = typeof r['CreatedDate'] === 'string' ? Math.floor(now / 86_400_000) - Math.floor(parseApiDateTime(r['CreatedDate']) / 86_400_000) : null;
        } else out[name] = r[name] ?? null;
      }
      return out;
    });
  }

  private queryPage(id: string, offset: number): Record<string, unknown> {
    const cursor = this.cursors.get(id);
    if (!cursor || offset > cursor.rows.length) throw new ApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    const end = Math.min(cursor.rows.length, offset + cursor.batchSize);
    const done = end >= cursor.rows.length;
    return {
      totalSize: cursor.rows.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${cursor.version}/query/${id}-${end}` }),
      records: cursor.rows.slice(offset, end),
    };
  }

  private replication(object: string, kind: 'updated' | 'deleted', params: URLSearchParams): Record<string, unknown> {
    const schema = this.objectSchema(object);
    if (!schema.replicateable) throw new ApiError(400, 'INVALID_TYPE', `${object} is not replicateable`);
    const start = Date.parse(params.get('start') ?? '');
    const end = Date.parse(params.get('end') ?? '');
    if (Number.isNaN(start) || Number.isNaN(end)) throw new ApiError(400, 'INVALID_REPLICATION_DATE', 'start and end must be ISO-8601 dates');
    const now = this.org.now();
    if (start < now - THIRTY_DAYS) throw new ApiError(400, 'INVALID_REPLICATION_DATE', 'startDate cannot be more than 30 days ago');
    if (end < start) throw new ApiError(400, 'INVALID_REPLICATION_DATE', 'endDate must chronologically follow the startDate');
    // Seconds are ignored: the window starts at the start's minute; what is covered ends at the end's minute.
    const from = Math.floor(start / MINUTE) * MINUTE;
    const to = Math.min(end, now);
    const latestDateCovered = apiDateTime(Math.floor(to / MINUTE) * MINUTE);
    if (kind === 'updated') {
      const ids = [...this.org.table(object).values()]
        .filter((r) => r['IsDeleted'] !== true && typeof r['SystemModstamp'] === 'string' && parseApiDateTime(r['SystemModstamp']) >= from && parseApiDateTime(r['SystemModstamp']) <= to)
        .map((r) => String(r['Id']));
      return { ids, latestDateCovered };
    }
    const deletedRecords = this.org.deletedLog.get(object)!.filter((e) => e.deletedDate >= from && e.deletedDate <= to).map((e) => ({ id: e.id, deletedDate: apiDateTime(e.deletedDate) }));
    return { deletedRecords, earliestDateAvailable: apiDateTime(this.org.earliestDeletedAvailable), latestDateCovered };
  }

  private jobInfo(job: BulkJob): Record<string, unknown> {
    return {
      id: job.id, operation: job.operation, object: job.object, createdById: this.org.userId, createdDate: job.createdDate, systemModstamp: job.createdDate,
      state: job.state, concurrencyMode: 'Parallel', contentType: 'CSV', apiVersion: Number(job.apiVersion), lineEnding: 'LF', columnDelimiter: 'COMMA',
      ...(job.rows ? { numberRecordsProcessed: job.rows.length, retries: 0, totalProcessingTime: 100, jobType: 'V2Query' } : {}),
    };
  }

  private createJob(version: string, body: string): Record<string, unknown> {
    let request: Record<string, unknown>;
    try {
      request = JSON.parse(body) as Record<string, unknown>;
    } catch {
      throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body is not JSON');
    }
    const operation = request['operation'];
    if (operation !== 'query' && operation !== 'queryAll') throw new ApiError(400, 'INVALIDJOB', 'operation must be query or queryAll');
    const soql = String(request['query'] ?? '');
    this.run(soql, true, true); // validates now, as Salesforce rejects a bad query at job creation
    const query = parseSoql(soql);
    const id = `750${randomBytes(6).toString('hex').slice(0, 12)}AAA`;
    const job: BulkJob = { id, operation, query, object: query.object, state: 'UploadComplete', polls: 0, rows: undefined, apiVersion: version, createdDate: apiDateTime(Date.now()) };
    (job as BulkJob & { soql: string }).soql = soql;
    this.jobs.set(id, job);
    return this.jobInfo(job);
  }

  private jobRoute(method: string, id: string, results: boolean, version: string, params: URLSearchParams, body: string): { status: number; body: unknown; headers?: Record<string, string> } {
    const job = this.jobs.get(id);
    if (!job) throw new ApiError(404, 'NOT_FOUND', `Job ${id} does not exist`);
    if (method === 'DELETE' && !results) {
      this.jobs.delete(id);
      return { status: 204, body: undefined };
    }
    if (method === 'PATCH' && !results) {
      const state = (JSON.parse(body || '{}') as Record<string, unknown>)['state'];
      if (state !== 'Aborted') throw new ApiError(400, 'INVALIDJOB', 'only state Aborted can be set');
      if (job.state === 'JobComplete' || job.state === 'Failed') throw new ApiError(400, 'INVALIDJOB', `job is already ${job.state}`);
      job.state = 'Aborted';
      return { status: 200, body: this.jobInfo(job) };
    }
    if (method !== 'GET') throw new ApiError(405, 'METHOD_NOT_ALLOWED', `HTTP method '${method}' not allowed`);
    if (!results) {
      job.polls++;
      if (job.state === 'UploadComplete') job.state = 'InProgress';
      else if (job.state === 'InProgress' && !this.bulkNeverFinishes && job.polls >= this.bulkPollsToComplete) {
        job.rows = this.run((job as BulkJob & { soql: string }).soql, job.operation === 'queryAll', true);
        job.state = 'JobComplete';
      }
      return { status: 200, body: this.jobInfo(job) };
    }
    if (version !== job.apiVersion) throw new ApiError(409, 'INVALIDJOB', 'results must be read with the API version the job was created with');
    if (job.state !== 'JobComplete' || !job.rows) throw new ApiError(400, 'JOB_NOT_COMPLETE', `job ${id} is ${job.state}`);
    const offset = params.get('locator') ? Number(Buffer.from(params.get('locator')!, 'base64url').toString('utf8')) : 0;
    if (!Number.isInteger(offset) || offset < 0 || offset > job.rows.length) throw new ApiError(400, 'INVALID_LOCATOR', 'invalid locator');
    const max = Number(params.get('maxRecords') ?? 50_000);
    const slice = job.rows.slice(offset, offset + max);
    const next = offset + slice.length < job.rows.length ? Buffer.from(String(offset + slice.length)).toString('base64url') : 'null';
    const lines = [job.query.fields.join(','), ...slice.map((r) => job.query.fields.map((f) => csvCell(r[f] ?? null)).join(','))];
    if (this.bulkShortPages > 0 && slice.length > 0) {
      this.bulkShortPages--;
      lines.pop();
    }
    return { status: 200, body: `${lines.join('\n')}\n`, headers: { 'Sforce-Locator': next, 'Sforce-NumberOfRecords': String(slice.length) } };
  }
}

/** A CSV cell as Bulk API 2.0 writes it: empty for null, datetimes with Z, quoted when needed. */
function csvCell(value: unknown): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/.test(value)) text = value.replace('+0000', 'Z');
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
