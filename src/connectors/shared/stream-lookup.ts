/**
 * Looking up a stream by name, with an error that lists what exists.
 *
 * @example
 * const parts = findStream(layout, 'Contact', { system: 'sf', file: '/exports' });
 */
import { ConcordError } from '../../core/errors.js';
import { didYouMean } from './did-you-mean.js';

/**
 * Returns the stream's value or throws STREAM_NOT_FOUND (kind usage) with a did-you-mean hint.
 *
 * @example
 * findStream(new Map([['Contact', 1]]), 'Contcat', { system: 'sf' }) // throws: … did you mean Contact?
 */
export function findStream<T>(streams: ReadonlyMap<string, T>, name: string, where: { system: string; file?: string }): T {
  const found = streams.get(name);
  if (found !== undefined) return found;
  const names = [...streams.keys()];
  const guess = didYouMean(name, names);
  throw new ConcordError('STREAM_NOT_FOUND', `stream ${name} is not in ${where.file ?? 'this system'}`, {
    kind: 'usage',
    context: { system: where.system, stream: name },
    hint: guess ? `did you mean ${guess}?` : names.length > 0 ? `streams: ${names.join(', ')}` : 'the system has no streams; run concord check',
  });
}
