/**
 * Ground truth for measuring person matching: a CSV with `system,stream,record_id,entity_kind,truth_id` (what
 * `concord demo` writes), turned into a truth id per resolved record and scored pairwise.
 *
 * @example
 * const truth = readGroundTruth('concord-demo/ground-truth.csv');
 * truth.get(truthKey('salesforce', 'Contact', '0036I00000NE4iuQAD')); // 'person-0000001'
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { ConcordError } from '../../core/errors.js';

export const truthKey = (system: string, stream: string, recordId: string): string => `${system}\u0000${stream}\u0000${recordId}`;

/** Parses ground-truth CSV text: key (system, stream, record id) → truth id. */
export function parseGroundTruth(text: string, file = 'ground truth'): Map<string, string> {
  const rows = parse(text, { columns: true, skip_empty_lines: true, comment: '#' }) as Array<Record<string, string | undefined>>;
  const first = rows[0];
  if (first && ['system', 'stream', 'record_id', 'truth_id'].some((c) => !(c in first))) {
    throw new ConcordError('TRUTH_COLUMNS', `${file} needs the columns system, stream, record_id and truth_id`, { kind: 'usage', context: { file } });
  }
  const truth = new Map<string, string>();
  for (const r of rows) truth.set(truthKey(r['system'] ?? '', r['stream'] ?? '', r['record_id'] ?? ''), r['truth_id'] ?? '');
  return truth;
}

/** Reads a ground-truth file (see `parseGroundTruth`). */
export function readGroundTruth(path: string): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ConcordError('TRUTH_UNREADABLE', `cannot read ground truth ${path}`, { kind: 'usage', context: { file: path }, cause });
  }
  return parseGroundTruth(text, path);
}
