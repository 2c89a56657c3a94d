/**
 * `$batch` bodies (vendor notes C5): independent requests, no change sets, as `multipart/mixed` with one
 * `application/http` part per request; and the answer's parts back as status, headers and body. Pure.
 *
 * @example
 * const { contentType, body } = batchRequest('batch_1', [{ method: 'PATCH', url: '/api/data/v9.2/contacts(emailaddress1=\'a%40b.c\')', headers: {}, body: { lastname: 'A' } }]);
 * parseBatchResponse('multipart/mixed; boundary=batchresponse_1', text)[0].status // 201
 */
import { ConcordError } from '../../core/errors.js';

export interface BatchPart {
  method: string;
  /** Absolute path (`/api/data/v9.2/contacts(…)`) or full URL. */
  url: string;
  headers: Readonly<Record<string, string>>;
  body?: unknown;
}

export interface BatchAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Most requests one `$batch` may carry. */
export const BATCH_LIMIT = 1000;

/**
 * The body and content type of a `$batch` POST.
 *
 * @example
 * batchRequest('batch_x', parts).contentType // 'multipart/mixed; boundary="batch_x"'
 */
export function batchRequest(boundary: string, parts: readonly BatchPart[]): { contentType: string; body: string } {
  if (parts.length > BATCH_LIMIT) throw new ConcordError('DATAVERSE_BATCH_TOO_LARGE', `${parts.length} requests in one $batch (at most ${BATCH_LIMIT})`, { kind: 'bug', hint: 'split writes into batches of at most 1,000' });
  const lines: string[] = [];
  for (const part of parts) {
    lines.push(`--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', `${part.method} ${part.url} HTTP/1.1`);
    for (const [name, value] of Object.entries({ ...(part.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...part.headers })) lines.push(`${name}: ${value}`);
    lines.push('', part.body === undefined ? '' : JSON.stringify(part.body));
  }
  lines.push(`--${boundary}--`, '');
  return { contentType: `multipart/mixed; boundary="${boundary}"`, body: lines.join('\r\n') };
}

/**
 * The parts of a `$batch` answer, in order. Fewer parts than requests means the batch stopped at a failure.
 *
 * @example
 * parseBatchResponse(contentType, text).map((a) => a.status) // [201, 200, 412]
 */
export function parseBatchResponse(contentType: string, text: string): BatchAnswer[] {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (boundary === undefined) {
    throw new ConcordError('DATAVERSE_BATCH_RESPONSE_INVALID', `the $batch answer is not multipart (${contentType})`, { kind: 'transient', hint: 'nothing is assumed written; the rows are written again (upsert by key makes that safe)' });
  }
  const answers: BatchAnswer[] = [];
  for (const raw of text.split(`--${boundary}`).slice(1)) {
    if (raw.startsWith('--')) break;
    const part = raw.replace(/^\r?\n/, '');
    const gap = part.search(/\r?\n\r?\n/);
    if (gap < 0) continue;
    const inner = part.slice(gap).replace(/^\r?\n\r?\n/, '');
    const split = inner.search(/\r?\n\r?\n/);
    const head = (split < 0 ? inner : inner.slice(0, split)).split(/\r?\n/);
    const status = /^HTTP\/1\.1 (\d{3})/.exec(head[0] ?? '');
    if (!status) continue;
    const headers = Object.fromEntries(head.slice(1).filter((h) => h.includes(':')).map((h) => [h.slice(0, h.indexOf(':')).trim().toLowerCase(), h.slice(h.indexOf(':') + 1).trim()]));
    answers.push({ status: Number(status[1]), headers, body: split < 0 ? '' : inner.slice(split).replace(/^\r?\n\r?\n/, '').replace(/\r?\n$/, '') });
  }
  return answers;
}
