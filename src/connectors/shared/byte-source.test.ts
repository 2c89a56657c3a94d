import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, writeZip } from '../../../test/connectors/support.js';
import { listZipEntries, statFileSource, zipEntryByteSource, type ByteSource } from './byte-source.js';

async function text(source: ByteSource, start: number): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of source.open(start)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

describe('byte sources', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const content = 'Id,Name\n' + Array.from({ length: 5000 }, (_, i) => `${i},name ${i}`).join('\n');
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    await writeFile(join(dir, 'a.csv'), content);
    await writeZip(join(dir, 'a.zip'), { 'Contact.csv': Buffer.from(content), 'Docs/readme.txt': Buffer.from('x') });
  });
  afterEach(() => cleanup());

  it('opens a file and a ZIP entry at any offset with the same bytes', async () => {
    const file = await statFileSource(join(dir, 'a.csv'));
    const [entry] = (await listZipEntries(join(dir, 'a.zip'))).filter((e) => e.fileName === 'Contact.csv');
    const zipped = zipEntryByteSource(entry!);
    expect(zipped.size).toBe(file.size);
    for (const offset of [0, 1, 8, 30_000, file.size]) {
      expect(await text(zipped, offset)).toBe(content.slice(offset));
      expect(await text(file, offset)).toBe(content.slice(offset));
    }
  });

  it('fingerprints change with the content', async () => {
    const before = await (await statFileSource(join(dir, 'a.csv'))).fingerprint();
    await writeFile(join(dir, 'a.csv'), content.replace('name 1', 'name X'));
    expect(await (await statFileSource(join(dir, 'a.csv'))).fingerprint()).not.toBe(before);
  });

  it('reports missing files and broken archives as errors naming the path', async () => {
    await expect(statFileSource(join(dir, 'nope.csv'))).rejects.toThrow(/nope\.csv/);
    await writeFile(join(dir, 'broken.zip'), 'not a zip');
    await expect(listZipEntries(join(dir, 'broken.zip'))).rejects.toMatchObject({ code: 'ZIP_UNREADABLE' });
  });
});
