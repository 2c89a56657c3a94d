/**
 * Small Preact hooks: the current hash route, an API read that cancels when its inputs change, and a
 * debounced value for search-as-you-type.
 *
 * @example
 * const { data, error, loading, reload } = useApi<Stats>('/api/stats');
 * const q = useDebounced(text, 250);
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, type Query } from './api.js';
import { parseRoute, type Route } from './router.js';

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export interface ApiState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/** GETs `path` (skipped while it is null); a newer request aborts the older one, so answers never arrive out of order. */
export function useApi<T>(path: string | null, query?: Query): ApiState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: Error | undefined; loading: boolean }>({ data: undefined, error: undefined, loading: path !== null });
  const [tick, setTick] = useState(0);
  const key = path === null ? null : JSON.stringify([path, query ?? {}]);
  useEffect(() => {
    if (path === null) return undefined;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    api.get<T>(path, query, controller.signal).then(
      // An answer whose body was already read when a newer request aborted it still resolves: drop it, or a
      // reload's fresh answer could be overwritten by the older one arriving last.
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ data: undefined, error: error instanceof Error ? error : new Error(String(error)), loading: false });
      },
    );
    return () => controller.abort();
    // `key` stands for path and query: objects made in render would otherwise refetch every time.
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

export function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}
