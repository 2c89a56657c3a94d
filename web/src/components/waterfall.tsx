/**
 * The pair explanation as a waterfall: the prior, then each comparison's weight (log2 of the Bayes factor)
 * moving the running total up (agreement) or down (disagreement), then the total match weight.
 *
 * @example
 * <Waterfall explanation={explanation} />
 */
import { axisRange, ticks, waterfallBars, type WaterfallInput } from '../charts.js';
import { formatWeight } from '../format.js';

const ROW = 40;
const LABEL_W = 190;
const VALUE_W = 70;
const WIDTH = 720;

const clip = (text: string, n: number): string => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

export function Waterfall({ explanation }: { explanation: WaterfallInput }) {
  const bars = waterfallBars(explanation);
  const { min, max } = axisRange(bars.flatMap((b) => [b.from, b.to]));
  const plotW = WIDTH - LABEL_W - VALUE_W;
  const x = (v: number): number => LABEL_W + ((v - min) / (max - min)) * plotW;
  const height = bars.length * ROW + 34;
  const axisTicks = ticks(min, max);
  return (
    <figure class="chart waterfall">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="waterfall-title waterfall-desc" data-testid="waterfall">
        <title id="waterfall-title">Match weight waterfall</title>
        <desc id="waterfall-desc">
          {bars.map((b) => `${b.label} (${b.detail}): ${formatWeight(b.to - b.from)}, running total ${formatWeight(b.to)}`).join('; ')}
        </desc>
        {axisTicks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={4} y2={height - 26} class={t === 0 ? 'axis-zero' : 'grid'} />
            <text x={x(t)} y={height - 10} text-anchor="middle" class="tick">
              {t}
            </text>
          </g>
        ))}
        {bars.map((bar, i) => {
          const y = 6 + i * ROW;
          const left = Math.min(x(bar.from), x(bar.to));
          const w = Math.max(2, Math.abs(x(bar.to) - x(bar.from)));
          const delta = bar.kind === 'total' || bar.kind === 'prior' ? bar.to : bar.to - bar.from;
          return (
            <g key={`${bar.label}-${i}`} class={`bar bar-${bar.kind}`} data-testid="waterfall-bar">
              <text x={LABEL_W - 10} y={y + ROW / 2 - 7} text-anchor="end" dominant-baseline="middle" class="bar-label">
                {clip(bar.label, 24)}
              </text>
              <text x={LABEL_W - 10} y={y + ROW / 2 + 9} text-anchor="end" dominant-baseline="middle" class="bar-detail">
                {clip(bar.detail, 30)}
              </text>
              <rect x={left} y={y + 6} width={w} height={ROW - 12} rx={2} />
              {i > 0 && i < bars.length - 1 && <line x1={x(bar.from)} x2={x(bar.from)} y1={y - 6} y2={y + 4} class="connector" />}
              <text x={WIDTH - 4} y={y + ROW / 2} text-anchor="end" dominant-baseline="middle" class="bar-value">
                {formatWeight(delta)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        Bars right of zero favour a match; each comparison moves the running total by its weight (log₂ of m/u). Grey bars: a value is missing, no evidence.
      </figcaption>
    </figure>
  );
}
