/**
 * A feature builder another thread can load: functions do not cross threads, so a builder is named by its
 * module and export, with arguments after the input (`personFeatures(attributes, 'US')`).
 *
 * @example
 * const build = await loadBuilder({ module: import.meta.resolve('../csv/person-features.js'), name: 'personFeatures', args: ['US'] });
 * build({ first_name: 'Ada' }).first_name; // 'ada'
 */
import { ConcordError } from '../../core/errors.js';

export interface FeatureBuilderRef {
  /** Module URL (`file:` URL or absolute path) that exports the builder. */
  readonly module: string;
  /** Export name: a function `(input, ...args) => features`. */
  readonly name: string;
  /** Structured-cloneable arguments after the input. */
  readonly args?: readonly unknown[];
}

export type FeatureBuilder = (input: unknown) => Record<string, unknown>;

/**
 * @example
 * await loadBuilder({ module: 'file:///app/features.js', name: 'toFeatures' });
 */
export async function loadBuilder(ref: FeatureBuilderRef): Promise<FeatureBuilder> {
  const module = (await import(ref.module)) as Record<string, unknown>;
  const fn = module[ref.name];
  if (typeof fn !== 'function') {
    throw new ConcordError('FEATURE_BUILDER_NOT_FOUND', `${ref.module} exports no function ${ref.name}`, { kind: 'usage', context: { module: ref.module, name: ref.name } });
  }
  const args = ref.args ?? [];
  return (input) => (fn as (input: unknown, ...rest: unknown[]) => Record<string, unknown>)(input, ...args);
}
