/**
 * Dashboard charts: records per system (bars) and how profiles overlap across systems (one row per
 * combination of systems, dots marking the systems and a bar for the number of profiles).
 *
 * @example
 * <RecordsChart systems={stats.systems} />
 * <OverlapChart overlap={stats.overlap} />
 */
import { formatCount, systemColor } from '../format.js';
import type { Stats } from '../types.js';

export function RecordsChart({ systems }: { systems: Stats['systems'] }) {
  const max = Math.max(1, ...systems.map((s) => s.records));
  const row = 34;
  const width = 520;
  const labelW = 140;
  const valueW = 80;
  return (
    <svg viewBox={`0 0 ${width} ${systems.length * row + 8}`} role="img" aria-label={`Records per system: ${systems.map((s) => `${s.system} ${formatCount(s.records)}`).join(', ')}`} class="chart">
      {systems.map((s, i) => {
        const w = ((width - labelW - valueW) * s.records) / max;
        return (
          <g key={s.system}>
            <text x={labelW - 8} y={i * row + row / 2 + 4} text-anchor="end" dominant-baseline="middle">
              {s.system}
            </text>
            <rect x={labelW} y={i * row + 8} width={Math.max(2, w)} height={row - 12} rx={3} fill={systemColor(s.system)} />
            <text x={labelW + w + 6} y={i * row + row / 2 + 4} dominant-baseline="middle" class="bar-value">
              {formatCount(s.records)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function OverlapChart({ overlap, systems }: { overlap: Stats['overlap']; systems: string[] }) {
  const rows = [...overlap].sort((a, b) => b.profiles - a.profiles);
  const max = Math.max(1, ...rows.map((r) => r.profiles));
  const col = 26;
  const row = 28;
  const head = 96;
  const dotsW = systems.length * col + 8;
  const width = 520;
  const barW = width - dotsW - 70;
  const height = head + rows.length * row + 4;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Profiles by combination of systems: ${rows.map((r) => `${r.systems.join(' + ')} ${formatCount(r.profiles)}`).join(', ')}`} class="chart overlap">
      {systems.map((s, j) => (
        <text key={s} transform={`translate(${j * col + col / 2 + 4}, ${head - 8}) rotate(-50)`} class="overlap-head">
          {s}
        </text>
      ))}
      {rows.map((r, i) => {
        const y = head + i * row;
        const w = (barW * r.profiles) / max;
        return (
          <g key={r.systems.join('+')}>
            {i % 2 === 0 && <rect x={0} y={y} width={width} height={row} class="stripe" />}
            {systems.map((s, j) => {
              const on = r.systems.includes(s);
              return <circle key={s} cx={j * col + col / 2 + 4} cy={y + row / 2} r={7} fill={on ? systemColor(s) : 'none'} stroke={on ? systemColor(s) : '#8a8f98'} stroke-width={on ? 0 : 1.5} />;
            })}
            <rect x={dotsW} y={y + 6} width={Math.max(2, w)} height={row - 12} rx={3} class="overlap-bar" />
            <text x={dotsW + w + 6} y={y + row / 2} dominant-baseline="middle" class="bar-value">
              {formatCount(r.profiles)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
