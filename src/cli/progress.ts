/**
 * Progress bars for long work: one bar per stream with rows, rows/s and an ETA when the size is known. Drawn on
 * stderr only when it is a terminal; otherwise silent (scripts read the summary or `--json`).
 */
import cliProgress from 'cli-progress';
import type { StreamProgress } from '../pipeline/types.js';
import type { Output } from './output.js';

export interface ProgressView {
  start(key: string, label: string): void;
  update(key: string, progress: StreamProgress): void;
  finish(key: string): void;
  stop(): void;
}

interface BarState {
  bar: cliProgress.SingleBar;
  started: number;
}

export function createProgressView(output: Output, enabled: boolean): ProgressView {
  if (!enabled || !output.interactive) return { start() {}, update() {}, finish() {}, stop() {} };
  const multi = new cliProgress.MultiBar(
    {
      clearOnComplete: false,
      hideCursor: true,
      stream: process.stderr,
      format: (options, params, payload: { label: string; rows: number; rate: number; eta: string; unit: string }) => {
        const size = options.barsize ?? 24;
        const filled = params.total > 0 ? Math.min(size, Math.round((params.value / params.total) * size)) : 0;
        const bar = params.total > 0 ? `${'█'.repeat(filled)}${'░'.repeat(size - filled)}` : '·'.repeat(size);
        return `${payload.label.padEnd(28)} ${bar} ${payload.rows.toLocaleString('en-US').padStart(10)} rows  ${Math.round(payload.rate).toLocaleString('en-US').padStart(8)} rows/s  ${payload.eta}`;
      },
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, BarState>();
  return {
    start(key, label) {
      bars.set(key, { bar: multi.create(0, 0, { label, rows: 0, rate: 0, eta: '', unit: 'rows' }), started: performance.now() });
    },
    update(key, progress) {
      const state = bars.get(key);
      if (!state) return;
      const seconds = (performance.now() - state.started) / 1000;
      const rows = progress.counts.read;
      const rate = seconds > 0 ? rows / seconds : 0;
      const total = progress.total ?? 0;
      const done = progress.done ?? rows;
      let eta = '';
      if (total > 0 && done > 0 && done < total) eta = `ETA ${formatSeconds(((total - done) * seconds) / done)}`;
      state.bar.setTotal(total);
      state.bar.update(total > 0 ? done : 0, { label: key, rows, rate, eta, unit: progress.unit ?? 'rows' });
    },
    finish(key) {
      const state = bars.get(key);
      if (state) state.bar.update(state.bar.getTotal(), { eta: 'done' });
    },
    stop() {
      multi.stop();
    },
  };
}

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}
