/**
 * Geometry for the hand-drawn SVG charts, kept pure so it is tested without a browser: the explanation
 * waterfall (prior, one bar per comparison from the previous running total to the next, then the total) and
 * a circular layout for a profile's match graph.
 *
 * @example
 * waterfallBars({ priorWeight: -9, steps: [{ comparison: 'email', label: 'exact', weight: 12, cumulative: 3 }], finalWeight: 3 })
 * // [{ label: 'prior', from: 0, to: -9, … }, { label: 'email', from: -9, to: 3, … }, { label: 'total', from: 0, to: 3, … }]
 */

export interface WaterfallInput {
  priorWeight: number;
  finalWeight: number;
  steps: ReadonlyArray<{ comparison: string; label: string; weight: number; cumulative: number; level?: number }>;
}

export interface WaterfallBar {
  label: string;
  detail: string;
  from: number;
  to: number;
  kind: 'prior' | 'up' | 'down' | 'none' | 'total';
}

export function waterfallBars(input: WaterfallInput): WaterfallBar[] {
  const bars: WaterfallBar[] = [{ label: 'prior', detail: 'prior odds of a match', from: 0, to: input.priorWeight, kind: 'prior' }];
  let previous = input.priorWeight;
  for (const step of input.steps) {
    const kind = step.level === -1 || step.weight === 0 ? 'none' : step.weight > 0 ? 'up' : 'down';
    bars.push({ label: step.comparison, detail: step.label, from: previous, to: step.cumulative, kind });
    previous = step.cumulative;
  }
  bars.push({ label: 'total', detail: 'match weight', from: 0, to: input.finalWeight, kind: 'total' });
  return bars;
}

/** The value range a chart must show, always including zero, padded a little and rounded outwards. */
export function axisRange(values: readonly number[]): { min: number; max: number } {
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const pad = Math.max(1, (max - min) * 0.05);
  return { min: Math.floor(min - pad), max: Math.ceil(max + pad) };
}

/** Tick values at a step of 1, 2, 5 × 10^n giving about `count` ticks. */
export function ticks(min: number, max: number, count = 6): number[] {
  const span = max - min;
  if (!(span > 0)) return [min];
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? power * 10;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Places nodes on a circle, grouped by system so each system's records sit together.
 *
 * @example
 * circleLayout(['a', 'b'], 100, 100, 60) // Map { 'a' => { x: 100, y: 40 }, 'b' => { x: 100, y: 160 } }
 */
export function circleLayout(ids: readonly string[], cx: number, cy: number, radius: number): Map<string, Point> {
  const positions = new Map<string, Point>();
  if (ids.length === 1) {
    positions.set(ids[0] ?? '', { x: cx, y: cy });
    return positions;
  }
  ids.forEach((id, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / ids.length;
    positions.set(id, { x: Number((cx + radius * Math.cos(angle)).toFixed(2)), y: Number((cy + radius * Math.sin(angle)).toFixed(2)) });
  });
  return positions;
}
