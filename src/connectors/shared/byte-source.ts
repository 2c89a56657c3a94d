/**
 * Byte sources: a file on disk or one entry of a ZIP archive, opened as a stream of buffers from any byte
 * offset. Readers never hold a whole file in memory; resuming and re-synchronising after a broken quote both
 * re-open a source at an offset instead of buffering what came before.
 *
 * @example
 * const source = fileByteSource('/data/Contact.csv');
 * for await (const chunk of source.open(0)) console.log(chunk.length);
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import yauzl from 'yauzl';
import { ConcordError } from '../../core/errors.js';

export interface ByteSource {
  /** What to call it in messages: a file path, or `parts/WE_00D…_1.ZIP!Contact.csv`. */
  readonly name: string;
  /** Size in bytes (uncompressed for ZIP entries). */
  readonly size: number;
  /** Streams the bytes from `start` (an absolute offset) to the end. */
  open(start: number): AsyncIterable<Buffer>;
  /** Changes when the content changes: size, modification time and a hash of the first 64 KiB (or the CRC). */
  fingerprint(): Promise<string>;
}

/** Bytes hashed for a file fingerprint: enough to tell two exports apart without reading gigabytes. */
export const FINGERPRINT_HEAD_BYTES = 64 * 1024;

const CHUNK_BYTES = 256 * 1024;

/**
 * A file on disk. The fingerprint is `size:mtimeMs:sha1(first 64 KiB)`, so a file rewritten with the same
 * size and time but a different head is still noticed, and hashing stays cheap for a 512 MB file.
 *
 * @example
 * const fp = await (await statFileSource('a.csv')).fingerprint();
 */
export function fileByteSource(path: string, size: number, mtimeMs: number): ByteSource {
  return {
    name: path,
    size,
    open(start: number): AsyncIterable<Buffer> {
      return createReadStream(path, { start, highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>;
    },
    async fingerprint(): Promise<string> {
      const handle = await open(path, 'r');
      try {
        const head = Buffer.alloc(Math.min(FINGERPRINT_HEAD_BYTES, size));
        await handle.read(head, 0, head.length, 0);
        return `${size}:${Math.trunc(mtimeMs)}:${createHash('sha1').update(head).digest('hex')}`;
      } finally {
        await handle.close();
      }
    },
  };
}

/**
 * Stats a file and returns its byte source; a missing file is a config error naming the path.
 *
 * @example
 * const source = await statFileSource('/data/Contact.csv');
 */
export async function statFileSource(path: string): Promise<ByteSource> {
  const info = await stat(path).catch((cause: unknown) => {
    throw new ConcordError('FILE_NOT_FOUND', `cannot read ${path}: ${(cause as Error).message}`, {
      kind: 'config',
      context: { file: path },
      hint: 'check the path in concord.yaml (relative paths start at the folder of concord.yaml)',
      cause,
    });
  });
  return fileByteSource(path, info.size, info.mtimeMs);
}

/** One entry of a ZIP archive, as listed by {@link listZipEntries}. */
export interface ZipEntryInfo {
  zipPath: string;
  fileName: string;
  size: number;
  crc32: number;
}

/**
 * Lists a ZIP archive's entries from its central directory (nothing is decompressed).
 *
 * @example
 * const entries = await listZipEntries('WE_00D000000000001EAA_1.ZIP'); // [{ fileName: 'Contact.csv', … }]
 */
export async function listZipEntries(zipPath: string): Promise<ZipEntryInfo[]> {
  const zip = await openZip(zipPath);
  try {
    const entries: ZipEntryInfo[] = [];
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      entries.push({ zipPath, fileName: entry.fileName, size: entry.uncompressedSize, crc32: entry.crc32 });
    }
    return entries;
  } finally {
    zip.close();
  }
}

async function openZip(zipPath: string): Promise<yauzl.ZipFile> {
  return yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false }).catch((cause: unknown) => {
    throw new ConcordError('ZIP_UNREADABLE', `cannot open ZIP archive ${zipPath}: ${(cause as Error).message}`, {
      kind: 'data',
      context: { file: zipPath },
      hint: 'check that the download finished (Data Export parts are about 512 MB each)',
      cause,
    });
  });
}

/**
 * A ZIP entry read with yauzl's streaming inflater. Opening at an offset inflates and drops the bytes before
 * it (DEFLATE has no random access); memory stays at one chunk.
 *
 * @example
 * const source = zipEntryByteSource({ zipPath: 'a.zip', fileName: 'Contact.csv', size: 10, crc32: 1 });
 */
export function zipEntryByteSource(entry: ZipEntryInfo): ByteSource {
  return {
    name: `${entry.zipPath}!${entry.fileName}`,
    size: entry.size,
    open(start: number): AsyncIterable<Buffer> {
      return readZipEntry(entry, start);
    },
    fingerprint(): Promise<string> {
      return Promise.resolve(`${entry.size}:crc32:${entry.crc32}`);
    },
  };
}

async function* readZipEntry(info: ZipEntryInfo, start: number): AsyncGenerator<Buffer> {
  const zip = await openZip(info.zipPath);
  try {
    let found: yauzl.Entry | undefined;
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName === info.fileName) {
        found = entry;
        break;
      }
    }
    if (!found) {
      throw new ConcordError('ZIP_ENTRY_MISSING', `${info.fileName} is no longer in ${info.zipPath}`, {
        kind: 'data',
        context: { file: info.zipPath },
      });
    }
    const stream = await zip.openReadStreamPromise(found);
    let skip = start;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (skip >= chunk.length) {
          skip -= chunk.length;
          continue;
        }
        yield skip > 0 ? chunk.subarray(skip) : chunk;
        skip = 0;
      }
    } finally {
      stream.destroy();
    }
  } finally {
    zip.close();
  }
}
