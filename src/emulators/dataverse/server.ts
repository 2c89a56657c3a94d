/**
 * A Dataverse Web API emulator on node:http, written from the documented behaviour (vendor notes C1–C6):
 * the Entra ID token endpoint (client credentials), `WhoAmI`, table metadata
 * (`EntityDefinitions(LogicalName='…')` and its `/Attributes`), OData queries with `$select`, a small `$filter`,
 * `$top`, `$count`, `Prefer: odata.maxpagesize` paging with `@odata.nextLink`, change tracking
 * (`Prefer: odata.track-changes` → `@odata.deltaLink`; deltas with `$deletedEntity` entries; expired tokens),
 * lookups as `_x_value` with the `lookuplogicalname` annotation, create / update / upsert by primary or
 * alternate key with `If-Match: *` / `If-None-Match: *`, delete, the `{"error":{"code","message"}}` shape,
 * 429 with `Retry-After`, and fault injection.
 *
 * `$batch` runs independent writes (no change sets). Not emulated: change sets, `$expand`, `$orderby` on more than one column, FetchXML, formatted-value annotations,
 * and the token's signature (tokens are opaque strings the emulator issued).
 *
 * @example
 * const server = new DataverseEmulatorServer(new EmulatedEnvironment({ seed: 1, people: 100 }), {});
 * const url = await server.listen();
 */
import { constants, createPublicKey, randomBytes, randomUUID, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatedEnvironment, Row, TableSchema } from './environment.js';
import { FilterSyntaxError, filterColumns, parseFilter } from './filter.js';

export interface Credentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** A certificate registered for the app: client assertions signed by its key are accepted too. */
  certificate?: { publicKey: string; thumbprintSha256: string } | undefined;
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
  /** Alternate keys per table (vendor notes C4: they exist only where defined). Default: account accountnumber, contact emailaddress1. */
  alternateKeys?: Readonly<Record<string, readonly string[]>>;
}

/** A query's rows frozen when it was first asked, served page by page through `$skiptoken`. */
interface Snapshot {
  entities: Array<Record<string, unknown>>;
  pageSize: number;
  /** Delta link for the last page (change-tracked reads). */
  deltaLink?: string | undefined;
  context: string;
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 412: 'Precondition Failed', 500: 'Internal Server Error' };

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const MAX_PAGE = 5000;
const API_PATH = /^\/api\/data\/v9\.\d\/(.*)$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class DataverseEmulatorServer {
  readonly credentials: Credentials;
  readonly alternateKeys: Readonly<Record<string, readonly string[]>>;
  /** Requests served, per method and path (without query), for tests. */
  readonly requests: Array<{ method: string; path: string }> = [];
  /** `$batch` answers still to cut short: the last part's answer is lost, though every part was carried out. */
  shortBatchAnswers = 0;
  private readonly tokens = new Set<string>();
  private readonly snapshots = new Map<string, Snapshot>();
  private faults: Array<Fault & { left: number }> = [];
  private server: Server | undefined;
  private base = '';

  constructor(
    readonly env: EmulatedEnvironment,
    options: ServerOptions,
  ) {
    this.credentials = { tenantId: randomUUID(), clientId: randomUUID(), clientSecret: randomBytes(24).toString('base64url'), ...options.credentials };
    this.alternateKeys = options.alternateKeys ?? { account: ['accountnumber'], contact: ['emailaddress1'] };
  }

  async listen(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  inject(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Every access token handed out stops working (Dataverse answers 401 until a new one is requested). */
  expireTokens(): void {
    this.tokens.clear();
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex((f) => f.left > 0 && (f.path === undefined || f.path.test(path)) && (f.method === undefined || f.method === method));
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.left--;
    if (fault.left <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname });
    const body = await readBody(req);
    const fault = this.takeFault(method, `${url.pathname}${url.search}`);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (fault?.kind === 'expire-token') this.expireTokens();
    if (fault?.kind === 'drop-after') {
      Object.assign(res, {
        writeHead: () => res,
        end: () => {
          req.socket.destroy();
          return res;
        },
      });
    }
    try {
      if (fault?.kind === 'status') {
        const retry = fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
        if (fault.status === 429) throw new ApiError(429, '0x80072322', 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.', retry);
        throw new ApiError(fault.status, '', fault.status === 503 ? 'The service is temporarily unavailable.' : 'An unexpected error occurred.', retry);
      }
      const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
      if (token && method === 'POST') return this.token(decodeURIComponent(token[1]!), body, res);
      const api = API_PATH.exec(url.pathname);
      if (!api) throw new ApiError(404, '', `No HTTP resource was found that matches the request URI '${url.href}'.`);
      this.authorize(req);
      const prefer = parsePrefer(req.headers['prefer']);
      const resource = decodeURIComponent(api[1]!);
      if (resource === 'WhoAmI' && method === 'GET') return send(res, 200, { '@odata.context': `${this.apiBase}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`, BusinessUnitId: this.env.businessUnitId, UserId: this.env.userId, OrganizationId: this.env.organizationId });
      const definition = /^EntityDefinitions\(LogicalName='([^']*)'\)(\/Attributes)?$/.exec(resource);
      if (definition && method === 'GET') return this.metadata(definition[1]!, definition[2] !== undefined, url.searchParams, res);
      if (resource === '$batch' && method === 'POST') {
        const answer = this.batch(req.headers['content-type'] ?? '', prefer, body);
        res.writeHead(200, { 'Content-Type': answer.contentType, 'OData-Version': '4.0' });
        res.end(answer.text);
        return;
      }
      if (/^[a-z_]+$/.test(resource) && method === 'GET') return this.query(resource, url.searchParams, prefer, res);
      return reply(res, this.write(method, resource, req.headers as Record<string, string | undefined>, body));
    } catch (error) {
      if (error instanceof ApiError) {
        if (error.status === 401) {
          res.writeHead(401, { 'WWW-Authenticate': `Bearer authorization_uri=${this.base}/${this.credentials.tenantId}/oauth2/authorize, resource_id=${this.base}` });
          res.end();
          return;
        }
        return send(res, error.status, { error: { code: error.code, message: error.message } }, error.headers);
      }
      return send(res, 500, { error: { code: '0x80040216', message: error instanceof Error ? error.message : String(error) } });
    }
  }

  get apiBase(): string {
    return `${this.base}/api/data/v9.2`;
  }

  private token(tenant: string, body: string, res: ServerResponse): void {
    const form = new URLSearchParams(body);
    const oauthError = (status: number, error: string, description: string) => send(res, status, { error, error_description: `${description}\r\nTrace ID: ${randomUUID()}`, error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)] });
    if (tenant !== this.credentials.tenantId) return oauthError(400, 'invalid_request', `AADSTS90002: Tenant '${tenant}' not found.`);
    if (form.get('grant_type') !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'AADSTS70003: The app requested an unsupported grant type.');
    if (form.get('client_id') !== this.credentials.clientId) return oauthError(400, 'unauthorized_client', `AADSTS700016: Application with identifier '${form.get('client_id') ?? ''}' was not found in the directory.`);
    const assertion = form.get('client_assertion');
    if (assertion !== null) {
      const refusal = this.checkAssertion(assertion, form.get('client_assertion_type'));
      if (refusal !== undefined) return oauthError(401, 'invalid_client', refusal);
    } else if (form.get('client_secret') !== this.credentials.clientSecret) return oauthError(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
    if (form.get('scope') !== `${this.base}/.default`) return oauthError(400, 'invalid_scope', `AADSTS70011: The provided value for the input parameter 'scope' is not valid.`);
    const accessToken = randomBytes(32).toString('base64url');
    this.tokens.add(accessToken);
    send(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
  }

  /**
   * A certificate client assertion (RS256 or PS256 JWT, `x5t#S256` naming the registered certificate, iss = sub =
   * client id, audience the token endpoint, not expired); the reason it is refused, or undefined.
   */
  private checkAssertion(assertion: string, type: string | null): string | undefined {
    const certificate = this.credentials.certificate;
    if (type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') return 'AADSTS700025: Client assertion type is not supported.';
    if (!certificate) return `AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.`;
    const [h, p, s] = assertion.split('.');
    if (h === undefined || p === undefined || s === undefined) return 'AADSTS50027: JWT token is invalid or malformed.';
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: string; 'x5t#S256'?: string };
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { iss?: string; sub?: string; aud?: string; exp?: number };
    if (header['x5t#S256'] !== Buffer.from(certificate.thumbprintSha256, 'hex').toString('base64url')) return 'AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.';
    const key = createPublicKey(certificate.publicKey);
    const data = Buffer.from(`${h}.${p}`);
    const signature = Buffer.from(s, 'base64url');
    const valid =
      header.alg === 'PS256' ? verify('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature)
      : header.alg === 'RS256' ? verify('sha256', data, key, signature)
      : false;
    if (!valid) return 'AADSTS700027: Client assertion contains an invalid signature.';
    if (payload.iss !== this.credentials.clientId || payload.sub !== this.credentials.clientId) return 'AADSTS700021: Client assertion application identifier doesn\'t match \'client_id\' parameter.';
    // msal is handed the https form of the emulator's URL (it accepts no other), so the audience is compared without its scheme.
    if (payload.aud?.replace(/^https?:/, '') !== `${this.base}/${this.credentials.tenantId}/oauth2/v2.0/token`.replace(/^https?:/, '')) return 'AADSTS700016: Invalid audience in the client assertion.';
    if (typeof payload.exp !== 'number' || payload.exp * 1000 < Date.now()) return 'AADSTS700024: Client assertion is not within its valid time range.';
    return undefined;
  }

  private authorize(req: IncomingMessage): void {
    const header = req.headers['authorization'] ?? '';
    const token = /^Bearer (.+)$/.exec(header)?.[1];
    if (token === undefined || !this.tokens.has(token)) throw new ApiError(401, '', 'unauthorized');
  }

  private schemaOf(logicalName: string): TableSchema {
    const schema = this.env.schema.get(logicalName);
    if (!schema) throw new ApiError(404, '0x80040217', `Could not find an entity with name ${logicalName}.`);
    return schema;
  }

  private schemaBySet(entitySet: string): TableSchema {
    const schema = [...this.env.schema.values()].find((s) => s.entitySetName === entitySet);
    if (!schema) throw new ApiError(404, '0x80060888', `Resource not found for the segment '${entitySet}'.`);
    return schema;
  }

  private metadata(logicalName: string, attributes: boolean, params: URLSearchParams, res: ServerResponse): void {
    const schema = this.schemaOf(logicalName);
    const select = params.get('$select')?.split(',');
    const project = (o: Record<string, unknown>) => (select ? Object.fromEntries(select.map((k) => [k, o[k] ?? null])) : o);
    if (attributes) {
      return send(res, 200, { '@odata.context': `${this.apiBase}/$metadata#EntityDefinitions('${logicalName}')/Attributes`, value: schema.attributes.map((a) => project({ ...a, MetadataId: randomUUID() })) });
    }
    send(res, 200, {
      '@odata.context': `${this.apiBase}/$metadata#EntityDefinitions/$entity`,
      ...project({ LogicalName: schema.logicalName, EntitySetName: schema.entitySetName, PrimaryIdAttribute: schema.primaryId, ChangeTrackingEnabled: schema.changeTracking, MetadataId: randomUUID() }),
    });
  }

  /** The selected properties of a row as the Web API writes them (lookups as `_x_value` with their target table). */
  private entity(schema: TableSchema, row: Row, select: readonly string[], annotate: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = { '@odata.etag': `W/"${String(row['versionnumber'])}"` };
    for (const property of select) {
      const lookup = /^_(.+)_value$/.exec(property)?.[1];
      const attribute = schema.attributes.find((a) => a.LogicalName === (lookup ?? property))!;
      const value = row[attribute.LogicalName] ?? null;
      if (lookup !== undefined) {
        out[property] = value;
        if (annotate && value !== null) out[`${property}@Microsoft.Dynamics.CRM.lookuplogicalname`] = row[`${lookup}type`] ?? attribute.Targets?.[0] ?? null;
        continue;
      }
      out[property] = attribute.Format === 'DateOnly' && typeof value === 'string' ? value.slice(0, 10) : value;
    }
    return out;
  }

  /** `$select` checked against the metadata: lookups only as `_x_value`, companions and virtual columns refused. */
  private selected(schema: TableSchema, params: URLSearchParams): string[] {
    const selectable = schema.attributes.filter((a) => a.AttributeType !== 'Virtual' && a.AttributeType !== 'EntityName' && !a.AttributeOf);
    const all = selectable.map((a) => (a.Targets ? `_${a.LogicalName}_value` : a.LogicalName));
    const select = params.get('$select')?.split(',').map((s) => s.trim()) ?? all;
    for (const property of select) {
      if (!all.includes(property)) throw new ApiError(400, '0x80060888', `Could not find a property named '${property}' on type 'Microsoft.Dynamics.CRM.${schema.logicalName}'.`);
    }
    return select;
  }

  private query(entitySet: string, params: URLSearchParams, prefer: Map<string, string>, res: ServerResponse): void {
    const schema = this.schemaBySet(entitySet);
    const skipToken = params.get('$skiptoken');
    if (skipToken !== null) return this.servePage(skipToken, res);
    const select = this.selected(schema, params);
    const annotate = /lookuplogicalname|\*/.test(prefer.get('odata.include-annotations') ?? '');
    const pageSize = Math.min(MAX_PAGE, Number(prefer.get('odata.maxpagesize') ?? MAX_PAGE) || MAX_PAGE);
    const deltaToken = params.get('$deltatoken');
    const tracking = prefer.has('odata.track-changes') || deltaToken !== null;
    if (tracking) {
      for (const option of ['$filter', '$orderby', '$expand', '$top']) {
        if (params.has(option)) throw new ApiError(400, '0x80060888', `The query parameter ${option} isn't supported when Change Tracking is enabled.`);
      }
      if (!schema.changeTracking) throw new ApiError(400, '0x80072491', `Change tracking is not enabled for the entity ${schema.logicalName}.`);
    }
    const context = `${this.apiBase}/$metadata#${entitySet}(${select.join(',')})`;
    const deltaLink = (version: number) => `${this.apiBase}/${entitySet}?$select=${select.join(',')}&$deltatoken=${encodeURIComponent(`${version}!${deltaStamp(Date.now())}`).replace(/!/g, '%21')}`;
    if (deltaToken !== null) {
      const version = Number(/^(\d+)!/.exec(deltaToken)?.[1] ?? Number.NaN);
      if (!Number.isSafeInteger(version) || version < this.env.oldestValidVersion || version > this.env.version) {
        throw new ApiError(400, '0x80044352', 'Version stamp associated with the client has expired. Please perform a full sync.');
      }
      const now = this.env.version;
      const changes = this.env.changesSince(schema.logicalName, version);
      const entities = [
        ...changes.rows.map((r) => this.entity(schema, r, select, annotate)),
        ...changes.deleted.map((d) => ({ '@odata.context': `${this.apiBase}/$metadata#${entitySet}/$deletedEntity`, id: d.id, reason: 'deleted' })),
      ];
      return this.startPaging({ entities, pageSize, deltaLink: deltaLink(now), context: `${context}/$delta` }, res, prefer);
    }
    let rows = [...this.env.table(schema.logicalName).values()];
    const filter = params.get('$filter');
    if (filter !== null) {
      let test: (row: Readonly<Record<string, unknown>>) => boolean;
      try {
        for (const column of filterColumns(filter)) if (!schema.attributes.some((a) => a.LogicalName === column)) throw new ApiError(400, '0x80060888', `Could not find a property named '${column}' on type 'Microsoft.Dynamics.CRM.${schema.logicalName}'.`);
        test = parseFilter(filter);
      } catch (error) {
        if (error instanceof FilterSyntaxError) throw new ApiError(400, '0x80060888', error.message);
        throw error;
      }
      rows = rows.filter(test);
    }
    const orderby = params.get('$orderby');
    if (orderby !== null) {
      const m = /^([a-z_]+)(?: (asc|desc))?$/.exec(orderby.trim());
      if (!m) throw new ApiError(400, '0x80060888', `The emulator orders by one column: ${orderby}`);
      const sign = m[2] === 'desc' ? -1 : 1;
      rows.sort((a, b) => sign * String(a[m[1]!] ?? '').localeCompare(String(b[m[1]!] ?? '')));
    } else rows.sort((a, b) => String(a[schema.primaryId]).localeCompare(String(b[schema.primaryId])));
    const top = params.get('$top');
    if (top !== null) rows = rows.slice(0, Number(top));
    const snapshot: Snapshot = { entities: rows.map((r) => this.entity(schema, r, select, annotate)), pageSize: top === null ? pageSize : MAX_PAGE, context, deltaLink: tracking ? deltaLink(this.env.version) : undefined };
    this.startPaging(snapshot, res, prefer, params.get('$count') === 'true' ? Math.min(rows.length, 5000) : undefined);
  }

  private startPaging(snapshot: Snapshot, res: ServerResponse, prefer: Map<string, string>, count?: number): void {
    const id = randomBytes(6).toString('hex');
    this.snapshots.set(id, snapshot);
    const applied = [...(prefer.has('odata.maxpagesize') ? [`odata.maxpagesize=${snapshot.pageSize}`] : []), ...(prefer.has('odata.track-changes') ? ['odata.track-changes'] : [])];
    this.sendPage(id, 0, res, applied, count);
  }

  private servePage(skipToken: string, res: ServerResponse): void {
    const m = /pagingcookie="([0-9a-f]+):(\d+)"/.exec(skipToken);
    if (!m || !this.snapshots.has(m[1]!)) throw new ApiError(400, '0x80040203', 'The paging cookie is invalid or has expired.');
    this.sendPage(m[1]!, Number(m[2]), res, []);
  }

  private sendPage(id: string, offset: number, res: ServerResponse, applied: string[], count?: number): void {
    const snapshot = this.snapshots.get(id)!;
    const value = snapshot.entities.slice(offset, offset + snapshot.pageSize);
    const next = offset + snapshot.pageSize;
    const body: Record<string, unknown> = { '@odata.context': snapshot.context, ...(count === undefined ? {} : { '@odata.count': count }), value };
    if (next < snapshot.entities.length) {
      const cookie = `<cookie pagenumber="${Math.floor(next / snapshot.pageSize) + 1}" pagingcookie="${id}:${next}" istracking="${snapshot.deltaLink ? 'True' : 'False'}" />`;
      const base = snapshot.context.replace(/\/\$metadata#([a-z_]+)\(([^)]*)\).*$/, '/$1?$select=$2');
      body['@odata.nextLink'] = `${base}&$skiptoken=${encodeURIComponent(cookie)}`;
    } else {
      // Kept: a client whose answer was lost asks for the same page again, as Dataverse's stateless cookies allow.
      if (snapshot.deltaLink) body['@odata.deltaLink'] = snapshot.deltaLink;
    }
    send(res, 200, body, applied.length > 0 ? { 'Preference-Applied': applied.join(',') } : {});
  }

  /** The row a key segment names: a GUID (primary key) or `col='v'[,col2='v2']` matching a defined alternate key. */
  private findByKey(schema: TableSchema, key: string): { id: string | undefined; values: Row } {
    if (GUID.test(key)) return { id: this.env.table(schema.logicalName).has(key.toLowerCase()) ? key.toLowerCase() : undefined, values: { [schema.primaryId]: key.toLowerCase() } };
    const parts = [...key.matchAll(/([a-z_0-9]+)=(?:'((?:[^']|'')*)'|([^,']+))/g)].map((m) => [m[1]!, m[2] !== undefined ? m[2].replace(/''/g, "'") : m[3]!] as const);
    const defined = this.alternateKeys[schema.logicalName] ?? [];
    if (parts.length === 0 || parts.length !== defined.length || !parts.every(([c]) => defined.includes(c))) {
      throw new ApiError(400, '0x80060888', `The key in the request URI is not valid for resource 'Microsoft.Dynamics.CRM.${schema.logicalName}'. Ensure that the names and number of key properties match the declared or alternate key properties for the resource 'Microsoft.Dynamics.CRM.${schema.logicalName}'.`);
    }
    const values = Object.fromEntries(parts) as Row;
    for (const [id, row] of this.env.table(schema.logicalName)) {
      if (parts.every(([c, v]) => String(row[c] ?? '').toLowerCase() === v.toLowerCase())) return { id, values };
    }
    return { id: undefined, values };
  }

  private keyed(method: string, entitySet: string, key: string, headers: Readonly<Record<string, string | undefined>>, body: string): Reply {
    const schema = this.schemaBySet(entitySet);
    const found = this.findByKey(schema, key);
    const entityId = (id: string) => ({ 'OData-EntityId': `${this.apiBase}/${entitySet}(${id})` });
    const notFound = () => new ApiError(404, '0x80040217', `${schema.logicalName} With Id = ${key} Does Not Exist`);
    if (method === 'GET') {
      if (found.id === undefined) throw notFound();
      return { status: 200, body: this.entity(schema, this.env.table(schema.logicalName).get(found.id)!, this.selected(schema, new URLSearchParams()), true) };
    }
    if (method === 'DELETE') {
      if (found.id === undefined) throw notFound();
      this.env.delete(schema.logicalName, found.id);
      return { status: 204 };
    }
    if (method !== 'PATCH') throw new ApiError(405, '', `The requested resource does not support http method '${method}'.`);
    if (headers['if-match'] === '*' && found.id === undefined) throw notFound();
    if (headers['if-none-match'] === '*' && found.id !== undefined) throw new ApiError(412, '0x80040237', 'A record with matching key values already exists.');
    const values = this.writable(schema, body);
    // return=representation: 201 for a create, 200 for an update (vendor notes C4 [mem]); else 204 for both.
    const represent = parsePrefer(headers['prefer']).get('return') === 'representation';
    const answer = (id: string, created: boolean): Reply =>
      represent ? { status: created ? 201 : 200, headers: entityId(id), body: this.entity(schema, this.env.table(schema.logicalName).get(id)!, this.selected(schema, new URLSearchParams()), true) } : { status: 204, headers: entityId(id) };
    if (found.id !== undefined) {
      this.env.update(schema.logicalName, found.id, values);
      return answer(found.id, false);
    }
    const id = this.env.create(schema.logicalName, { ...found.values, ...values }, typeof found.values[schema.primaryId] === 'string' ? String(found.values[schema.primaryId]) : randomUUID());
    return answer(id, true);
  }

  private createRow(entitySet: string, body: string): Reply {
    const schema = this.schemaBySet(entitySet);
    const values = this.writable(schema, body);
    const id = this.env.create(schema.logicalName, values, typeof values[schema.primaryId] === 'string' ? String(values[schema.primaryId]) : randomUUID());
    return { status: 204, headers: { 'OData-EntityId': `${this.apiBase}/${entitySet}(${id})` } };
  }

  /** One write of a `$batch` (or a direct request) by its path under the API base. */
  private write(method: string, resource: string, headers: Readonly<Record<string, string | undefined>>, body: string): Reply {
    const keyed = /^([a-z_]+)\((.+)\)$/.exec(resource);
    if (keyed) return this.keyed(method, keyed[1]!, keyed[2]!, headers, body);
    if (/^[a-z_]+$/.test(resource) && method === 'POST') return this.createRow(resource, body);
    throw new ApiError(405, '', `The requested resource does not support http method '${method}'.`);
  }

  /**
   * `POST $batch` (vendor notes C5): independent requests (no change sets), run in order; without
   * `Prefer: odata.continue-on-error` the batch stops at the first failure, as Dataverse does.
   */
  private batch(contentType: string, prefer: Map<string, string>, body: string): { contentType: string; text: string } {
    const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
    if (!boundary) throw new ApiError(400, '0x80048d19', 'The batch request must have a multipart/mixed content type with a boundary.');
    const parts = body.split(`--${boundary}`).slice(1).filter((p) => !p.startsWith('--'));
    if (parts.length > 1000) throw new ApiError(400, '0x80048d19', 'The number of requests in a batch exceeds 1000.');
    const continueOnError = prefer.has('odata.continue-on-error');
    const out = `batchresponse_${randomUUID()}`;
    const replies: string[] = [];
    for (const part of parts) {
      // A part: its own headers (Content-Type: application/http …), a blank line, then the embedded request.
      const trimmed = part.replace(/^\r?\n/, '');
      if (/^content-type:\s*multipart\/mixed/im.test(trimmed.slice(0, Math.max(0, trimmed.search(/\r?\n\r?\n/))))) throw new ApiError(400, '0x80048d19', 'Change sets are not supported by the emulator.');
      const gap = trimmed.search(/\r?\n\r?\n/);
      const inner = gap < 0 ? '' : trimmed.slice(gap).replace(/^\r?\n\r?\n/, '');
      const split = inner.search(/\r?\n\r?\n/);
      const head = (split < 0 ? inner : inner.slice(0, split)).split(/\r?\n/);
      const payload = split < 0 ? '' : inner.slice(split).replace(/^\r?\n\r?\n/, '').replace(/\r?\n$/, '');
      const requestLine = /^(GET|POST|PATCH|PUT|DELETE) (\S+) HTTP\/1\.1$/.exec(head[0] ?? '');
      let reply: Reply;
      try {
        if (!requestLine) throw new ApiError(400, '0x80048d19', `Malformed request line in batch: ${head[0] ?? ''}`);
        const headers = Object.fromEntries(head.slice(1).map((h) => [h.slice(0, h.indexOf(':')).trim().toLowerCase(), h.slice(h.indexOf(':') + 1).trim()]));
        const path = new URL(requestLine[2]!, this.base).pathname;
        const api = API_PATH.exec(path);
        if (!api) throw new ApiError(404, '', `No HTTP resource was found that matches the request URI '${requestLine[2]!}'.`);
        if (requestLine[1] === 'GET') throw new ApiError(400, '0x80048d19', 'The emulator runs writes only in a batch.');
        reply = this.write(requestLine[1]!, decodeURIComponent(api[1]!), headers, payload);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        reply = { status: error.status, body: { error: { code: error.code, message: error.message } } };
      }
      const headerLines = Object.entries({ ...(reply.body === undefined ? {} : { 'Content-Type': 'application/json; odata.metadata=minimal' }), ...reply.headers }).map(([k, v]) => `${k}: ${v}`);
      replies.push(['Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', `HTTP/1.1 ${reply.status} ${STATUS_TEXT[reply.status] ?? ''}`.trimEnd(), ...headerLines, '', reply.body === undefined ? '' : JSON.stringify(reply.body)].join('\r\n'));
      if (reply.status >= 400 && !continueOnError) break;
    }
    if (this.shortBatchAnswers > 0 && replies.length > 0) {
      this.shortBatchAnswers--;
      replies.pop();
    }
    return { contentType: `multipart/mixed; boundary=${out}`, text: `${replies.map((r) => `--${out}\r\n${r}\r\n`).join('')}--${out}--\r\n` };
  }

  /** A JSON body's columns, checked against the metadata; `x@odata.bind` sets the lookup `x` (and its type). */
  private writable(schema: TableSchema, body: string): Row {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(body) as Record<string, unknown>;
    } catch {
      throw new ApiError(400, '0x80040203', 'The request body is not valid JSON.');
    }
    const values: Row = {};
    for (const [key, value] of Object.entries(parsed)) {
      const bind = /^(.+?)(?:_([a-z]+))?@odata\.bind$/.exec(key);
      if (bind) {
        const target = /^\/?([a-z_]+)\(([0-9a-f-]{36})\)$/i.exec(String(value));
        const attribute = schema.attributes.find((a) => a.LogicalName === bind[1] && a.Targets);
        if (!target || !attribute) throw new ApiError(400, '0x80060888', `An undeclared property '${key}' which only has property annotations in the payload but no property value was found in the payload.`);
        const table = [...this.env.schema.values()].find((s) => s.entitySetName === target[1])?.logicalName ?? '';
        values[attribute.LogicalName] = target[2]!.toLowerCase();
        if (schema.attributes.some((a) => a.LogicalName === `${attribute.LogicalName}type`)) values[`${attribute.LogicalName}type`] = table;
        continue;
      }
      if (!schema.attributes.some((a) => a.LogicalName === key && a.AttributeType !== 'Virtual')) throw new ApiError(400, '0x80060888', `The property '${key}' does not exist on type 'Microsoft.Dynamics.CRM.${schema.logicalName}'.`);
      values[key] = value as Row[string];
    }
    return values;
  }
}

/** `Prefer` header → preference name → value (`odata.maxpagesize` → `500`; flags map to ''). */
function parsePrefer(header: string | string[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name, ...value] = part.trim().split('=');
    if (name) out.set(name.trim(), value.join('=').trim());
  }
  return out;
}

/** The date part of a delta token: `MM/DD/YYYY HH:mm:ss` (vendor notes C3's example). */
function deltaStamp(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, answer: Reply): void {
  if (answer.body !== undefined) return send(res, answer.status, answer.body, answer.headers);
  res.writeHead(answer.status, { 'OData-Version': '4.0', ...answer.headers }).end();
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; odata.metadata=minimal', 'OData-Version': '4.0', ...headers });
  res.end(JSON.stringify(body));
}
