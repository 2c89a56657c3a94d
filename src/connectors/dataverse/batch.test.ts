import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchRequest, parseBatchResponse } from './batch.js';

describe('$batch', () => {
  it('writes one application/http part per request', () => {
    const { contentType, body } = batchRequest('batch_1', [
      { method: 'PATCH', url: "/api/data/v9.2/contacts(emailaddress1='a%40b.c')", headers: { 'If-None-Match': '*' }, body: { lastname: 'A' } },
      { method: 'DELETE', url: '/api/data/v9.2/contacts(6f9619ff-8b86-d011-b42d-00c04fc964ff)', headers: {} },
    ]);
    expect(contentType).toBe('multipart/mixed; boundary="batch_1"');
    expect(body.split('\r\n')).toEqual([
      '--batch_1', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '',
      "PATCH /api/data/v9.2/contacts(emailaddress1='a%40b.c') HTTP/1.1", 'Content-Type: application/json', 'If-None-Match: *', '', '{"lastname":"A"}',
      '--batch_1', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '',
      'DELETE /api/data/v9.2/contacts(6f9619ff-8b86-d011-b42d-00c04fc964ff) HTTP/1.1', '', '',
      '--batch_1--', '',
    ]);
  });

  it('refuses more than 1,000 requests', () => {
    expect(() => batchRequest('b', Array.from({ length: 1001 }, () => ({ method: 'DELETE', url: '/x', headers: {} })))).toThrow(/at most 1000/);
  });

  it('reads the answer parts with their status, headers and body', () => {
    const text = readFileSync(join(import.meta.dirname, 'fixtures', 'batch-response.txt'), 'utf8').replace(/\r?\n/g, '\r\n');
    const answers = parseBatchResponse('multipart/mixed; boundary=batchresponse_c1bd45c1-dd81-470d-b897-e965846aad2f', text);
    expect(answers.map((a) => a.status)).toEqual([201, 412]);
    expect(answers[0]!.headers['odata-entityid']).toMatch(/contacts\(6f9619ff/);
    expect(JSON.parse(answers[0]!.body)).toMatchObject({ contactid: '6f9619ff-8b86-d011-b42d-00c04fc964ff' });
    expect(JSON.parse(answers[1]!.body)).toEqual({ error: { code: '0x80040237', message: 'A record with matching key values already exists.' } });
  });

  it('an answer that is not multipart is a transient error', () => {
    expect(() => parseBatchResponse('application/json', '{}')).toThrow(/not multipart/);
  });
});
