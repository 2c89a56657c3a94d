/** Helpers for connector tests: temporary folders, ZIP archives built with yazl, and reading all pages. */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { ConnectorContext, Page, ReadProblem, Source } from '../../src/connectors/connector.js';
import type { SourceRecord } from '../../src/store/store.js';

/** A fresh temporary folder; `cleanup` removes it. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'concord-connectors-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes a ZIP archive of (name → content or file path) entries. */
export async function writeZip(path: string, entries: Record<string, Buffer | { file: string }>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) {
    if (Buffer.isBuffer(content)) zip.addBuffer(content, name);
    else zip.addFile(content.file, name);
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
}

export function context(baseDir: string, systemName = 'test'): ConnectorContext {
  return { baseDir, env: {}, systemName };
}

export interface ReadAll {
  pages: Page[];
  records: SourceRecord[];
  problems: ReadProblem[];
}

/** Reads a stream to the end. */
export async function readAll(source: Source, stream: string, options: { cursor?: Page['cursor'] | undefined; pageSize?: number } = {}): Promise<ReadAll> {
  const pages: Page[] = [];
  for await (const page of source.read(stream, { cursor: options.cursor, pageSize: options.pageSize ?? 1000 })) pages.push(page);
  return { pages, records: pages.flatMap((p) => p.records), problems: pages.flatMap((p) => p.problems) };
}
