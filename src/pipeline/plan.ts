/**
 * Turns concord.yaml and the command line (`--system`, `--stream`, `--full`) into stream plans. Streams a system
 * has but Concord cannot map are reported as skipped with the reason — never silently ignored.
 */
import { ConcordError } from '../core/errors.js';
import type { LoadedConfig } from '../config/load.js';
import type { SystemConfig } from '../config/schema.js';
import type { Source } from '../connectors/connector.js';
import type { RecordMapper, StreamPlan } from './types.js';

export interface PlanDeps {
  createSource(systemName: string, system: SystemConfig, baseDir: string): Source;
  /** The mapper for a stream, or a reason why there is none. */
  mapperFor(source: Source, systemName: string, system: SystemConfig, stream: string): RecordMapper | { skip: string };
}

export interface PlanRequest {
  /** `Contact` (any system) or `salesforce/Contact`. Empty: every stream. */
  streams?: readonly string[] | undefined;
  full: boolean;
}

export interface SyncPlan {
  plans: StreamPlan[];
  skipped: Array<{ system: string; stream: string; reason: string }>;
}

export async function planSync(loaded: LoadedConfig, request: PlanRequest, deps: PlanDeps): Promise<SyncPlan> {
  const systems = Object.entries(loaded.config.systems).filter(([, s]) => s.enabled !== false);
  if (systems.length === 0) {
    throw new ConcordError('SYNC_NO_SYSTEMS', 'concord.yaml configures no systems', {
      kind: 'config',
      context: loaded.file ? { file: loaded.file } : {},
      hint: 'add a system under `systems:` (see `concord init`), or run `concord demo` to try Concord on sample data',
    });
  }
  const wanted = (request.streams ?? []).map(parseStreamSelector);
  const matched = new Set<number>();
  const plans: StreamPlan[] = [];
  const skipped: SyncPlan['skipped'] = [];
  for (const [systemName, system] of systems) {
    const source = deps.createSource(systemName, system, loaded.baseDir);
    const discovered = (await source.discover()).map((s) => s.name);
    const configured = system.streams;
    if (configured) {
      for (const name of configured) {
        if (!discovered.includes(name)) {
          skipped.push({ system: systemName, stream: name, reason: `configured in systems.${systemName}.streams but not found (found: ${discovered.join(', ') || 'none'})` });
        }
      }
    }
    for (const stream of discovered) {
      if (configured && !configured.includes(stream)) continue;
      if (wanted.length > 0) {
        const index = wanted.findIndex((w) => (w.system === undefined || w.system === systemName) && w.stream === stream);
        if (index < 0) continue;
        matched.add(index);
      }
      const mapper = deps.mapperFor(source, systemName, system, stream);
      if ('skip' in mapper) {
        skipped.push({ system: systemName, stream, reason: mapper.skip });
        continue;
      }
      plans.push({ system: systemName, stream, source, mapper, full: request.full });
    }
  }
  const unmatched = wanted.filter((_, i) => !matched.has(i));
  if (unmatched.length > 0) {
    throw new ConcordError('SYNC_UNKNOWN_STREAM', `no stream ${unmatched.map((w) => (w.system ? `${w.system}/${w.stream}` : w.stream)).join(', ')}`, {
      kind: 'usage',
      hint: 'run `concord discover` to list the streams of each system',
    });
  }
  return { plans, skipped };
}

export function parseStreamSelector(selector: string): { system?: string; stream: string } {
  const slash = selector.indexOf('/');
  return slash > 0 ? { system: selector.slice(0, slash), stream: selector.slice(slash + 1) } : { stream: selector };
}
