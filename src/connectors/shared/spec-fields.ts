/**
 * Config keys every file connector shares, so they read and validate the same everywhere.
 *
 * @example
 * z.object({ path: pathField('folder of the export'), encoding: encodingField, maxFieldBytes: maxFieldBytesField })
 */
import { z } from 'zod';
import { DEFAULT_MAX_FIELD_BYTES } from './csv-tokenizer.js';

/**
 * A required path, relative to the folder of concord.yaml.
 *
 * @example
 * pathField('a CSV file') // z.string().min(1)…
 */
export function pathField(what: string): z.ZodString {
  return z.string().min(1, 'must not be empty').describe(`Path to ${what} (relative to the folder of concord.yaml).`);
}

export const encodingField = z
  .enum(['utf8', 'latin1'])
  .default('utf8')
  .describe('Text encoding: utf8 (default; a byte order mark always means UTF-8) or latin1 (ISO-8859-1). Rows with bytes that are not UTF-8 become problems that say so.');

export const maxFieldBytesField = z
  .number()
  .int()
  .min(1024)
  .default(DEFAULT_MAX_FIELD_BYTES)
  .describe('Longest field accepted, in bytes (default 4 MiB); a row with a longer field becomes a problem naming its line and column.');

export const delimiterField = z
  .string()
  .length(1, 'must be one character')
  .refine((c) => c.charCodeAt(0) < 128 && c !== '"' && c !== '\n' && c !== '\r', 'must be one ASCII character other than a quote or line break')
  .default(',')
  .describe('Field delimiter (default ,); write "\\t" in YAML double quotes for tab-separated files.');
