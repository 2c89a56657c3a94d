/**
 * Streaming: a 200,000-row file (about 20 MB) read in pages, plain and zipped, and resumed mid-file. Memory
 * stays flat because nothing holds more than one chunk and one page; the test checks completion and counts
 * only (no timing).
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../src/connectors/connector.js';
import { createSource } from '../../src/connectors/registry.js';
import { context, tempDir, writeZip } from './support.js';

const ROWS = 200_000;
const ORG = '00D5g000004abcdEAA';

async function writeBigCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('"Id","IsDeleted","FirstName","LastName","Email","Description","SystemModstamp"\r\n');
  for (let i = 0; i < ROWS; i++) {
    const id = `003${String(i).padStart(12, '0')}`;
    const description = i % 1000 === 0 ? '"two\r\nlines, with ""quotes"""' : '"plain"';
    if (!out.write(`"${id}","false","First${i}","Last${i}","p${i}@example.org",${description},"2024-05-01T00:00:00.000Z"\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

describe('streaming a 200k-row export', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    await writeBigCsv(join(dir, 'Contact.csv'));
    await writeZip(join(dir, `WE_${ORG}_1.ZIP`), { 'Contact.csv': { file: join(dir, 'Contact.csv') } });
  }, 120_000);
  afterAll(() => cleanup());

  async function count(path: string, cursor?: Page['cursor']): Promise<{ records: number; problems: number; pages: Page[]; lastId: string | undefined }> {
    const source = createSource('sf', { type: 'salesforce-export', path, orgId: ORG }, context(dir));
    let records = 0;
    let problems = 0;
    let lastId: string | undefined;
    const pages: Page[] = [];
    for await (const page of source.read('Contact', { cursor, pageSize: 5000 })) {
      records += page.records.length;
      problems += page.problems.length;
      lastId = page.records.at(-1)?.recordId ?? lastId;
      // Keep only the page frame, not its records, so the test itself stays flat in memory.
      pages.push({ ...page, records: [], problems: [] });
    }
    return { records, problems, pages, lastId };
  }

  it.each(['Contact.csv', `WE_${ORG}_1.ZIP`])('reads every row of %s with byte progress up to the file size', async (path) => {
    const { records, problems, pages } = await count(path);
    expect(problems).toBe(0);
    expect(records).toBe(ROWS);
    expect(pages).toHaveLength(ROWS / 5000 + 1);
    const progress = pages.map((p) => p.progress!);
    expect(progress.every((p, i) => i === 0 || p.done >= progress[i - 1]!.done)).toBe(true);
    expect(progress.at(-1)).toEqual({ done: progress[0]!.total, total: progress[0]!.total, unit: 'bytes' });
  });

  it('resumes mid-file from the cursor of page 10 and reads exactly the rest', async () => {
    const first = await count('Contact.csv');
    const cursor = first.pages[9]!.cursor;
    expect(cursor).toMatchObject({ rowsDone: 50_000, complete: false });
    const rest = await count('Contact.csv', cursor);
    expect(rest.records).toBe(ROWS - 50_000);
    expect(rest.pages[0]!.fullRead).toBe(false);
    expect(rest.pages[0]!.progress!.done).toBeGreaterThan(first.pages[9]!.progress!.done);
    expect(rest.lastId).toBe(first.lastId);
    expect(rest.pages.at(-1)!.cursor).toMatchObject({ rowsDone: ROWS, complete: true });
  });
});
