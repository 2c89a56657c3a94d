/**
 * A profile's match graph: one node per member record, coloured by system; edges carry the pair's match
 * probability and link to its explanation (SVG links are focusable, so the graph works from the keyboard).
 *
 * @example
 * <MatchGraph graph={profile.graph} />
 */
import { circleLayout } from '../charts.js';
import { formatProbability, shortId, systemColor } from '../format.js';
import { href } from '../router.js';
import type { Profile360 } from '../types.js';

const BASE_SIZE = 420;

export function MatchGraph({ graph, profileId }: { graph: Profile360['graph']; profileId?: string }) {
  const nodes = [...graph.nodes].sort((a, b) => a.system.localeCompare(b.system) || a.recordId.localeCompare(b.recordId));
  // Larger clusters get a larger circle so nodes keep about 48 px of arc each.
  const radius = nodes.length <= 2 ? 110 : Math.max(150, (nodes.length * 48) / (2 * Math.PI));
  const SIZE = Math.max(BASE_SIZE, 2 * radius + 120);
  const at = circleLayout(nodes.map((n) => n.recordId), SIZE / 2, SIZE / 2, radius);
  const labelOf = new Map(nodes.map((n) => [n.recordId, `${n.system} ${n.label}`]));
  const systems = [...new Set(nodes.map((n) => n.system))];
  return (
    <figure class="chart graph">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="group" aria-label={`Match graph: ${nodes.length} records, ${graph.edges.length} scored pairs`} data-testid="match-graph">
        {graph.edges.map((edge) => {
          const a = at.get(edge.a);
          const b = at.get(edge.b);
          if (!a || !b) return null;
          // Labels sit a little off the middle, so crossing diagonals do not stack theirs at the centre.
          const mx = a.x + (b.x - a.x) * 0.4;
          const my = a.y + (b.y - a.y) * 0.4;
          const label = formatProbability(edge.probability);
          return (
            <a key={`${edge.a}-${edge.b}`} href={href('explain', {}, { a: edge.a, b: edge.b, profile: profileId })} class="edge" aria-label={`Explain match ${labelOf.get(edge.a) ?? edge.a} and ${labelOf.get(edge.b) ?? edge.b}: ${label}`}>
              <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke-width={1 + 3 * edge.probability} />
              <rect x={mx - 27} y={my - 10} width={54} height={20} rx={4} class="edge-label-bg" />
              <text x={mx} y={my} text-anchor="middle" dominant-baseline="central" class="edge-label">
                {label}
              </text>
            </a>
          );
        })}
        {nodes.map((node) => {
          const p = at.get(node.recordId);
          if (!p) return null;
          return (
            <g key={node.recordId} class="node">
              <title>{`${node.system}: ${node.label} (${node.recordId})`}</title>
              <circle cx={p.x} cy={p.y} r={20} fill={systemColor(node.system)} />
              <text x={p.x} y={p.y + 34} text-anchor="middle" class="node-label">
                {node.label.length > 22 ? `${node.label.slice(0, 21)}…` : node.label || shortId(node.recordId)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="legend">
        {systems.map((s) => (
          <span key={s} class="legend-item">
            <span class="swatch" style={{ background: systemColor(s) }} aria-hidden="true" />
            {s}
          </span>
        ))}
        <span class="muted">Select an edge to see why the two records match.</span>
      </figcaption>
    </figure>
  );
}
